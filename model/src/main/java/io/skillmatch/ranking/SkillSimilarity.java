package io.skillmatch.ranking;

import java.util.Map;

/** How close other skills are to a skill, learned or curated; the skill itself is not listed. */
@FunctionalInterface
public interface SkillSimilarity {

  /** No similarity beyond identity. */
  SkillSimilarity NONE = id -> Map.of();

  /** The skills close to this one, with a similarity in (0, 1]. */
  Map<String, Double> near(String skillId);
}
