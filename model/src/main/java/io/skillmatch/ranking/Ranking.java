package io.skillmatch.ranking;

import io.skillmatch.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The bundled parts the matcher is wired from: the taxonomy, skill similarity and vectors, the
 * text statistics. Immutable.
 */
public record Ranking(Taxonomy taxonomy, SkillSimilarity similarity, SkillSpace space, TermVectors terms,
    String embeddingsVersion) {

  /** Everything bundled with skillmatch. */
  public static Ranking bundled() {
    return new Ranking(Taxonomy.bundled(), SkillSimilarity.NONE, SkillSpace.NONE, TermVectors.bundled(), "none");
  }

  /** A matcher scoring with the given model, reading recency against the clock's year. */
  public Matcher matcher(RankingModel model, Clock clock) {
    return new Matcher(taxonomy, similarity, space, terms, model, clock.instant().atZone(ZoneOffset.UTC).getYear());
  }

  /** A matcher scoring with the given model, reading recency against the training day's year. */
  public Matcher matcher(RankingModel model) {
    return matcher(model, Clock.fixed(java.time.Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC));
  }
}
