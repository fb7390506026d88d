package io.skillmatch.parsing;

import java.util.List;

/**
 * A resume read the way a recruiter reads it.
 *
 * @param skills skills with years and recency
 * @param totalYears years of professional experience (union of dated entries), or null
 * @param seniority level from the latest title or the years, or null
 * @param titles job titles, most recent first
 * @param unknownSkills technology names the taxonomy does not know, flagged rather than dropped
 * @param warnings things the reader should know
 */
public record ParsedProfile(
    List<ProfileSkill> skills,
    Double totalYears,
    Seniority seniority,
    List<String> titles,
    List<String> unknownSkills,
    List<String> warnings) {

  public ParsedProfile {
    skills = List.copyOf(skills);
    titles = List.copyOf(titles);
    unknownSkills = List.copyOf(unknownSkills);
    warnings = List.copyOf(warnings);
  }
}
