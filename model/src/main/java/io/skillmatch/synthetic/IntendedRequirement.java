package io.skillmatch.synthetic;

import io.skillmatch.parsing.Importance;

/**
 * A requirement the generator wrote into a posting: what a careful reader should find.
 *
 * @param skillId taxonomy id
 * @param surface how the text spells it ("Golang", "k8s")
 * @param importance must-have or nice-to-have
 * @param minYears years asked for this skill, or null when the posting asks none
 * @param anyOf the group of alternatives it belongs to ("g1"), or null; numbered in order of
 *     appearance, like the parser's
 */
public record IntendedRequirement(
    String skillId, String surface, Importance importance, Integer minYears, String anyOf) {

  public IntendedRequirement {
    if (skillId == null || surface == null || importance == null) {
      throw new IllegalArgumentException("an intended requirement needs skillId, surface and importance");
    }
    if (minYears != null && (minYears < 1 || minYears > 20)) {
      throw new IllegalArgumentException("minYears out of range: " + minYears);
    }
  }
}
