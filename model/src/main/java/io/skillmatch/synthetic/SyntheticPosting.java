package io.skillmatch.synthetic;

import io.skillmatch.parsing.Seniority;
import java.util.List;

/**
 * A generated job posting and what it means.
 *
 * @param index its position in the generator's stream (the same index always gives the same
 *     posting for a seed)
 * @param archetype the id of the {@link Archetype} it was drawn from
 * @param title the job title; the text's first line
 * @param text the posting as a recruiter would paste it
 * @param seniority the level its title names, or the level its years imply when the title names
 *     none
 * @param minYears the overall years of experience it asks for
 * @param requirements the skills it asks for, in order of first appearance
 */
public record SyntheticPosting(
    long index,
    String archetype,
    String title,
    String text,
    Seniority seniority,
    int minYears,
    List<IntendedRequirement> requirements) {

  public SyntheticPosting {
    if (title == null || text == null || seniority == null) {
      throw new IllegalArgumentException("a synthetic posting needs a title, a text and a seniority");
    }
    requirements = List.copyOf(requirements);
  }
}
