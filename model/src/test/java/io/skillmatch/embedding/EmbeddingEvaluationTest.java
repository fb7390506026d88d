package io.skillmatch.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillmatch.taxonomy.Taxonomy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The AUC arithmetic and the pair sources that need no shared data. */
class EmbeddingEvaluationTest {

  @Test
  void mannWhitneyCountsTiesAsHalf() {
    assertEquals(1.0, EmbeddingEvaluation.mannWhitney(new double[] {0.9, 0.8}, new double[] {0.1, 0.2}));
    assertEquals(0.0, EmbeddingEvaluation.mannWhitney(new double[] {0.1}, new double[] {0.5, 0.6}));
    assertEquals(0.5, EmbeddingEvaluation.mannWhitney(new double[] {0.3, 0.3}, new double[] {0.3}));
    // 0.5 beats 0.1 and ties 0.5 (1.5 of 3); 0.9 beats 0.1 and 0.5 but not 0.95 (2 of 3)
    assertEquals(3.5 / 6, EmbeddingEvaluation.mannWhitney(new double[] {0.5, 0.9}, new double[] {0.1, 0.5, 0.95}), 1e-12);
    assertTrue(Double.isNaN(EmbeddingEvaluation.mannWhitney(new double[0], new double[] {1})));
  }

  @Test
  void aucSeparatesAPlantedStructure() {
    SkillVectors v = SkillVectors.of("t", Map.of(
        "a", new float[] {1, 0.1f, 0}, "b", new float[] {1, 0, 0.1f},
        "c", new float[] {0, 1, 0}, "d", new float[] {0, 0.1f, 1}), Set.of());
    EmbeddingEvaluation.Auc auc = EmbeddingEvaluation.auc("t", v,
        List.of(new EmbeddingEvaluation.Pair("b", "a"), new EmbeddingEvaluation.Pair("a", "x")), 500, 1);
    assertEquals(1, auc.pairs(), "pairs with an unknown skill are dropped");
    assertTrue(auc.auc() > 0.8, "AUC " + auc.auc());
    assertThrows(IllegalArgumentException.class, () -> new EmbeddingEvaluation.Pair("a", "a"));
  }

  @Test
  void taxonomyPairsAreUnorderedAndDistinct() {
    Taxonomy t = Taxonomy.bundled();
    List<EmbeddingEvaluation.Pair> related = EmbeddingEvaluation.taxonomyRelated(t);
    assertEquals(related.size(), Set.copyOf(related).size());
    assertTrue(related.contains(new EmbeddingEvaluation.Pair("rabbitmq", "apache-kafka")));
    assertTrue(EmbeddingEvaluation.taxonomyBroader(t).contains(new EmbeddingEvaluation.Pair("flask", "python")));
  }
}
