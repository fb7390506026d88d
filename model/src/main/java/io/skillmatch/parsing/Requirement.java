package io.skillmatch.parsing;

/**
 * One skill a posting asks for.
 *
 * @param skill canonical name
 * @param skillId taxonomy id
 * @param importance required or preferred
 * @param minYears years asked for this skill, or null when not stated
 * @param anyOf id of the group of acceptable alternatives ("g1"), or null
 * @param evidence the sentence it was read from
 */
public record Requirement(
    String skill,
    String skillId,
    Importance importance,
    Integer minYears,
    String anyOf,
    Evidence evidence) {

  public Requirement {
    if (skillId == null || skill == null || importance == null) {
      throw new IllegalArgumentException("a requirement needs skill, skillId and importance");
    }
    if (minYears != null && (minYears < 0 || minYears > 50)) {
      throw new IllegalArgumentException("minYears out of range: " + minYears);
    }
  }
}
