package io.skillmatch.parsing;

/**
 * One skill a person has.
 *
 * @param skill canonical name
 * @param skillId taxonomy id
 * @param years years of use, or null when the resume gives no dates or statement for it
 * @param lastUsedYear the last year it was used, or null
 * @param weak true when the only evidence is a "familiar with" or "exposure to" mention
 * @param evidence the sentence it was read from
 */
public record ProfileSkill(
    String skill, String skillId, Double years, Integer lastUsedYear, boolean weak, Evidence evidence) {

  public ProfileSkill {
    if (skillId == null || skill == null) {
      throw new IllegalArgumentException("a profile skill needs skill and skillId");
    }
    if (years != null && (years < 0 || years > 70 || years.isNaN())) {
      throw new IllegalArgumentException("years out of range: " + years);
    }
  }
}
