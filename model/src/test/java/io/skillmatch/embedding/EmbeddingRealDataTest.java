package io.skillmatch.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skillmatch.data.SharedData;
import io.skillmatch.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embeddings against the real data in ../shared/data: corpus coverage, the shipped vectors'
 * vocabulary, AUC of related against random pairs, and a short training run. Skips without the data.
 */
class EmbeddingRealDataTest {

  private static Path shared;
  private static Taxonomy taxonomy;
  private static CoOccurrenceCorpus corpus;

  @BeforeAll
  static void readCorpus() throws Exception {
    Optional<Path> found = SharedData.find();
    if (found.isPresent()) {
      shared = found.get();
      taxonomy = Taxonomy.bundled();
      corpus = CoOccurrenceCorpus.build(shared, taxonomy);
    }
  }

  private static void requireSharedData() {
    assumeTrue(corpus != null, "../shared/data not found: skipping the embedding checks on real data");
  }

  @Test
  void everySourceMapsToTheTaxonomy() {
    requireSharedData();
    assertEquals(Set.of(CoOccurrenceCorpus.Source.values()), corpus.coverage().keySet());
    for (CoOccurrenceCorpus.Coverage c : corpus.coverage().values()) {
      assertTrue(c.mappedShare() > 0.05 && c.mappedShare() < 1, c.toString());
      assertTrue(c.sentencesKept() > 500, c.toString());
      assertTrue(c.distinctSkills() > 300, c.toString());
    }
    for (CoOccurrenceCorpus.Sentence s : corpus.sentences()) {
      assertTrue(s.skillIds().size() >= 2 && Set.copyOf(s.skillIds()).size() == s.skillIds().size(), s.toString());
    }
  }

  @Test
  void shippedVectorsAreLearnedFromThisCorpus() {
    requireSharedData();
    SkillVectors shipped = SkillVectors.bundled();
    Map<String, Integer> bags = corpus.bagCounts();
    int learned = 0;
    for (String id : shipped.skillIds()) {
      if (!shipped.isDerived(id)) {
        learned++;
        assertTrue(bags.getOrDefault(id, 0) >= 2, id + " has a learned vector but occurs in fewer than 2 bags");
      } else {
        assertTrue(bags.getOrDefault(id, 0) < 2, id + " occurs in bags but its vector is derived");
      }
    }
    long frequent = bags.values().stream().filter(n -> n >= 2).count();
    assertEquals(frequent, learned, "the shipped vocabulary is stale: run ./skillmatch train-embeddings");
  }

  @Test
  void relatedSkillsAreCloserThanRandomOnes() throws Exception {
    requireSharedData();
    SkillVectors learned = learnedOnly(SkillVectors.bundled());
    List<EmbeddingEvaluation.Pair> taxonomyPairs = new ArrayList<>(EmbeddingEvaluation.taxonomyBroader(taxonomy));
    taxonomyPairs.addAll(EmbeddingEvaluation.taxonomyRelated(taxonomy));
    EmbeddingEvaluation.Auc tax = EmbeddingEvaluation.auc("taxonomy", learned, taxonomyPairs, 20_000, 1);
    EmbeddingEvaluation.Auc escoBroader =
        EmbeddingEvaluation.auc("esco broader", learned, EmbeddingEvaluation.escoBroader(shared, taxonomy), 20_000, 1);
    EmbeddingEvaluation.Auc escoRelations =
        EmbeddingEvaluation.auc("esco relations", learned, EmbeddingEvaluation.escoRelations(shared, taxonomy), 20_000, 1);
    assertTrue(tax.pairs() > 1_000 && tax.auc() > 0.8, tax.toString());
    assertTrue(escoBroader.pairs() > 100 && escoBroader.auc() > 0.75, escoBroader.toString());
    assertTrue(escoRelations.pairs() > 0, escoRelations.toString());
  }

  @Test
  void aShortTrainingRunAlreadySeparatesRelatedPairs() {
    requireSharedData();
    EmbeddingTrainer.Options quick = EmbeddingTrainer.Options.defaults().withDimension(32).withEpochs(3);
    EmbeddingTrainer.Result r = new EmbeddingTrainer(quick).train(corpus, line -> {});
    SkillVectors v = SkillVectors.of("quick", r.vectors(), Set.of());
    List<EmbeddingEvaluation.Pair> pairs = new ArrayList<>(EmbeddingEvaluation.taxonomyBroader(taxonomy));
    pairs.addAll(EmbeddingEvaluation.taxonomyRelated(taxonomy));
    EmbeddingEvaluation.Auc auc = EmbeddingEvaluation.auc("taxonomy", v, pairs, 20_000, 1);
    assertTrue(auc.auc() > 0.75, auc.toString());
  }

  private static SkillVectors learnedOnly(SkillVectors v) {
    Map<String, float[]> m = new TreeMap<>();
    for (String id : v.skillIds()) {
      if (!v.isDerived(id)) {
        m.put(id, v.vector(id));
      }
    }
    return SkillVectors.of(v.version(), m, Set.of());
  }
}
