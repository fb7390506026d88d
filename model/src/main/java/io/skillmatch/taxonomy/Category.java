package io.skillmatch.taxonomy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of thing a skill is. Serialised in lower case ("soft_skill"). */
public enum Category {
  LANGUAGE,
  FRAMEWORK,
  LIBRARY,
  DATABASE,
  CLOUD,
  PLATFORM,
  TOOL,
  PRACTICE,
  SOFT_SKILL,
  DOMAIN;

  /** Whether a skill of this category is a technology (as opposed to a soft skill or a domain). */
  public boolean isTechnical() {
    return this != SOFT_SKILL && this != DOMAIN;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire name; throws {@link IllegalArgumentException} naming the bad value. */
  @JsonCreator
  public static Category of(String wireName) {
    try {
      return valueOf(wireName.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown category: " + wireName);
    }
  }
}
