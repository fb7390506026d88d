package io.skillmatch.ranking;

import io.skillmatch.embedding.SkillVectors;
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
    return bundled(Taxonomy.bundled());
  }

  /** The bundled parts over a taxonomy already loaded. */
  public static Ranking bundled(Taxonomy taxonomy) {
    SkillVectors vectors = SkillVectors.bundled();
    EmbeddingSpace space = new EmbeddingSpace(vectors, taxonomy, TRAINING_YEAR);
    return new Ranking(taxonomy, space, space, TermVectors.bundled(), vectors.version());
  }

  /** The year recency is read against in profile vectors: the training day's, so vectors are stable. */
  public static final int TRAINING_YEAR = 2026;

  /** A matcher scoring with the given model, reading recency against the clock's year. */
  public Matcher matcher(RankingModel model, Clock clock) {
    return new Matcher(taxonomy, similarity, space, terms, model, clock.instant().atZone(ZoneOffset.UTC).getYear());
  }

  /** A matcher scoring with the given model, reading recency against the training day's year. */
  public Matcher matcher(RankingModel model) {
    return matcher(model, Clock.fixed(java.time.Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC));
  }
}
