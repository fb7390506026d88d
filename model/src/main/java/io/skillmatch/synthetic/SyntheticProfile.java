package io.skillmatch.synthetic;

import io.skillmatch.parsing.Seniority;
import java.util.List;

/**
 * A generated resume, free of names and contact details, and what it means.
 *
 * @param index its position in the generator's stream
 * @param archetype the id of the {@link Archetype} it was drawn from
 * @param headline the title at the top of the resume, the most recent job's
 * @param text the resume as plain text
 * @param totalYears years of work: the union of its dated jobs, in years to one decimal
 * @param seniority the level of the most recent title, or of the years when the title names none
 * @param skills the skills it gives the person, in order of first appearance
 */
public record SyntheticProfile(
    long index,
    String archetype,
    String headline,
    String text,
    double totalYears,
    Seniority seniority,
    List<IntendedSkill> skills) {

  public SyntheticProfile {
    if (headline == null || text == null || seniority == null) {
      throw new IllegalArgumentException("a synthetic profile needs a headline, a text and a seniority");
    }
    skills = List.copyOf(skills);
  }
}
