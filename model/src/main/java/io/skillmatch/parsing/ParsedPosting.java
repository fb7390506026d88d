package io.skillmatch.parsing;

import java.util.List;

/**
 * A posting read the way a recruiter reads it.
 *
 * @param title the job title, or null
 * @param seniority the level, or null when neither title nor years say
 * @param minYears overall minimum years of experience, or null
 * @param requirements skills asked for, required first
 * @param unknownSkills technology names the taxonomy does not know, flagged rather than dropped
 * @param warnings things the reader should know (non-English text, repaired encoding, ...)
 */
public record ParsedPosting(
    String title,
    Seniority seniority,
    Integer minYears,
    List<Requirement> requirements,
    List<String> unknownSkills,
    List<String> warnings) {

  public ParsedPosting {
    requirements = List.copyOf(requirements);
    unknownSkills = List.copyOf(unknownSkills);
    warnings = List.copyOf(warnings);
  }
}
