package io.skillmatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillmatch.evaluation.RankingMetrics.Scored;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metric values pinned on small fixtures worked out by hand. */
class RankingMetricsTest {
  private static final List<Scored> PERFECT =
      List.of(new Scored(0.9, 3), new Scored(0.8, 2), new Scored(0.5, 1), new Scored(0.1, 0));
  private static final List<Scored> REVERSED =
      List.of(new Scored(0.1, 3), new Scored(0.2, 2), new Scored(0.5, 1), new Scored(0.9, 0));

  @Test
  void perfectOrderScoresOne() {
    assertEquals(1.0, RankingMetrics.ndcg(PERFECT, 10), 1e-12);
    assertEquals(1.0, RankingMetrics.averagePrecision(PERFECT), 1e-12);
    assertEquals(1.0, RankingMetrics.auc(PERFECT), 1e-12);
    assertEquals(1.0, RankingMetrics.pairwiseAccuracy(PERFECT), 1e-12);
  }

  @Test
  void reversedOrderByHand() {
    // ranking by score: grades 0, 1, 2, 3; DCG = 0 + 1/log2(3) + 3/2 + 7/log2(5)
    double dcg = 1 / (Math.log(3) / Math.log(2)) + 3 / 2.0 + 7 / (Math.log(5) / Math.log(2));
    double idcg = 7 + 3 / (Math.log(3) / Math.log(2)) + 1 / 2.0;
    assertEquals(dcg / idcg, RankingMetrics.ndcg(REVERSED, 10), 1e-12);
    // relevant at ranks 3 and 4: (1/3 + 2/4) / 2
    assertEquals((1 / 3.0 + 2 / 4.0) / 2, RankingMetrics.averagePrecision(REVERSED), 1e-12);
    assertEquals(0.0, RankingMetrics.auc(REVERSED), 1e-12);
    assertEquals(0.0, RankingMetrics.pairwiseAccuracy(REVERSED), 1e-12);
  }

  @Test
  void tiesAreBrokenPessimisticallyAndCountHalf() {
    List<Scored> constant = List.of(new Scored(1, 3), new Scored(1, 0), new Scored(1, 2), new Scored(1, 1));
    assertEquals(0.5, RankingMetrics.auc(constant), 1e-12);
    assertEquals(0.5, RankingMetrics.pairwiseAccuracy(constant), 1e-12);
    assertTrue(RankingMetrics.ndcg(constant, 10) < 1.0, "a constant scorer must not look perfect");
  }

  @Test
  void cutoffAndDegenerateQueries() {
    // at k=1 only the top item counts: grade 0 on top gives 0
    assertEquals(0.0, RankingMetrics.ndcg(REVERSED, 1), 1e-12);
    List<Scored> noneRelevant = List.of(new Scored(0.3, 1), new Scored(0.2, 0));
    assertTrue(Double.isNaN(RankingMetrics.averagePrecision(noneRelevant)));
    assertTrue(Double.isNaN(RankingMetrics.auc(noneRelevant)));
    assertTrue(Double.isNaN(RankingMetrics.ndcg(List.of(new Scored(1, 0)), 10)));
    assertEquals(0.5, RankingMetrics.mean(List.of(0.0, 1.0, Double.NaN)), 1e-12);
  }
}
