package io.skillmatch.synthetic;

/**
 * A skill the generator gave a resume: what a careful reader should find.
 *
 * @param skillId taxonomy id
 * @param surface how the text spells it (for a skill implied by a job title, the title)
 * @param years years of use the text supports: the union of the dated jobs that name it, or a
 *     stated "(3 years)" when no dated job does; null when it is only listed
 * @param weak true when the resume only claims familiarity ("Familiar with: Rust")
 */
public record IntendedSkill(String skillId, String surface, Double years, boolean weak) {

  public IntendedSkill {
    if (skillId == null || surface == null) {
      throw new IllegalArgumentException("an intended skill needs skillId and surface");
    }
    if (years != null && (years < 0 || years > 60 || years.isNaN())) {
      throw new IllegalArgumentException("years out of range: " + years);
    }
  }
}
