package io.skillmatch.parsing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a posting needs a skill. Serialised as "required" / "preferred". */
public enum Importance {
  REQUIRED,
  PREFERRED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire name; throws {@link IllegalArgumentException} naming the bad value. */
  public static Importance of(String wireName) {
    for (Importance i : values()) {
      if (i.wireName().equalsIgnoreCase(wireName == null ? "" : wireName.strip())) {
        return i;
      }
    }
    throw new IllegalArgumentException("importance must be required or preferred: " + wireName);
  }
}
