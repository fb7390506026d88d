package io.skillmatch.ranking;

import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The parts a matcher is wired from: the taxonomy, the skill vectors, the text statistics.
 * Immutable.
 */
public record Ranking(Taxonomy taxonomy, SkillVectors vectors, TermVectors terms) {

  /**
   * The day training reads "present" and recency against, so that a rerun reads the same years.
   * Evaluation reads the judged pairs against it too.
   */
  public static final Instant TRAINING_DAY = Instant.parse("2026-11-01T12:00:00Z");

  /** Everything bundled with skillmatch. */
  public static Ranking bundled() {
    return bundled(Taxonomy.bundled());
  }

  /** The bundled parts over a taxonomy already loaded. */
  public static Ranking bundled(Taxonomy taxonomy) {
    return new Ranking(taxonomy, SkillVectors.bundled(), TermVectors.bundled());
  }

  /** A matcher scoring with the given model; recency, in features and vectors alike, is read against the clock's year. */
  public Matcher matcher(RankingModel model, Clock clock) {
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
    EmbeddingSpace space = new EmbeddingSpace(vectors, taxonomy, year);
    return new Matcher(taxonomy, space, space, terms, model, year);
  }

  /** A matcher scoring with the given model as of the training day. */
  public Matcher matcher(RankingModel model) {
    return matcher(model, Clock.fixed(TRAINING_DAY, ZoneOffset.UTC));
  }
}
