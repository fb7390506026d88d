package io.skillmatch.parsing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Career level, read from a title or, failing that, from years of experience. */
public enum Seniority {
  INTERN,
  JUNIOR,
  MID,
  SENIOR,
  LEAD,
  PRINCIPAL;

  private static final Pattern INTERN_WORDS =
      Pattern.compile("\\b(intern|internship|co-?op|trainee|apprentice)\\b");
  private static final Pattern JUNIOR_WORDS =
      Pattern.compile("\\b(junior|jr\\.?|entry[- ]level|graduate|new grad|associate)\\b");
  private static final Pattern PRINCIPAL_WORDS =
      Pattern.compile("\\b(principal|distinguished|fellow|chief|cto|vp|vice president|head of|director)\\b");
  private static final Pattern LEAD_WORDS =
      Pattern.compile("\\b(lead|staff|tech lead|team lead|manager|architect)\\b");
  private static final Pattern SENIOR_WORDS = Pattern.compile("\\b(senior|sr\\.?|snr|experienced)\\b");
  private static final Pattern MID_WORDS = Pattern.compile("\\b(mid[- ]level|intermediate|ii)\\b");

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level a job title names ("Senior Backend Engineer" is senior), if it names one. */
  public static Optional<Seniority> fromTitle(String title) {
    if (title == null) {
      return Optional.empty();
    }
    String t = title.toLowerCase(Locale.ROOT);
    if (INTERN_WORDS.matcher(t).find()) {
      return Optional.of(INTERN);
    }
    if (PRINCIPAL_WORDS.matcher(t).find()) {
      return Optional.of(PRINCIPAL);
    }
    if (LEAD_WORDS.matcher(t).find()) {
      return Optional.of(LEAD);
    }
    if (SENIOR_WORDS.matcher(t).find()) {
      return Optional.of(SENIOR);
    }
    if (JUNIOR_WORDS.matcher(t).find()) {
      return Optional.of(JUNIOR);
    }
    if (MID_WORDS.matcher(t).find()) {
      return Optional.of(MID);
    }
    return Optional.empty();
  }

  /** The usual level for this many years of professional experience. */
  public static Seniority fromYears(double years) {
    if (years < 2) {
      return JUNIOR;
    }
    return years < 5 ? MID : SENIOR;
  }
}
