/**
 * Skill vectors learned from real skill co-occurrence. {@link io.skillmatch.embedding.SkillVectors}
 * is the serving side (plain Java, no ND4J); {@link io.skillmatch.embedding.CoOccurrenceCorpus},
 * {@link io.skillmatch.embedding.EmbeddingTrainer} (the only class that uses Deeplearning4j),
 * {@link io.skillmatch.embedding.TaxonomyFallback}, {@link io.skillmatch.embedding.EmbeddingEvaluation}
 * and {@link io.skillmatch.embedding.EmbeddingArtefact} build the artefact in
 * {@code training-data/embeddings} that the jar bundles.
 */
package io.skillmatch.embedding;
