package io.skillmatch.ranking;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a candidate meets one requirement. */
public enum Status {
  /** The skill itself (or a more specific one), with enough years and strong evidence. */
  MET,
  /** A related skill, fewer years than asked, or only weak evidence. */
  PARTIAL,
  /** Nothing in the profile speaks to it. */
  MISSING;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
