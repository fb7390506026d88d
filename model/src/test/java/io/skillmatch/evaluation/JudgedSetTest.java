package io.skillmatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skillmatch.data.SharedData;
import io.skillmatch.evaluation.JudgedSet.Judgment;
import io.skillmatch.evaluation.JudgedSet.Split;
import io.skillmatch.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JudgedSetTest {

  private static JudgedSet synthetic(int postings) {
    List<Judgment> js = new ArrayList<>();
    for (int p = 0; p < postings; p++) {
      for (int c = 0; c < 3; c++) {
        js.add(new Judgment("written:p" + p, "written:c" + c, c, "reason", "t"));
      }
    }
    return new JudgedSet(js, Map.of());
  }

  @Test
  void splitIsByPostingDeterministicAndRoughly70_15_15() {
    JudgedSet set = synthetic(100);
    Map<String, Split> a = set.splitByPosting(42);
    assertEquals(a, set.splitByPosting(42), "same seed, same split");
    assertNotEquals(a, set.splitByPosting(43), "another seed, another split");
    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    a.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    assertEquals(Map.of(Split.TRAIN, 70, Split.VALIDATION, 15, Split.TEST, 15), counts);
  }

  @Test
  void baselinesOnTheRealJudgedSet() throws Exception {
    Optional<Path> shared = SharedData.find();
    assumeTrue(shared.isPresent(), "../shared/data not found: skipping the judged-set evaluation");
    Path root = Path.of(System.getProperty("skillmatch.root", "..")).toAbsolutePath();
    JudgedSet set = JudgedSet.load(root.resolve("training-data/judgments"), shared.get());
    assertTrue(set.judgments().size() >= 800, "judged pairs: " + set.judgments().size());
    set.judgments().forEach(j -> assertTrue(set.texts().containsKey(j.posting()) && set.texts().containsKey(j.candidate())));
    RankingEvaluation eval = new RankingEvaluation(set);
    Map<String, Split> split = set.splitByPosting(42);
    for (var e : RankingEvaluation.baselines(set, Taxonomy.bundled(), Clock.systemUTC()).entrySet()) {
      RankingEvaluation.Result r = eval.evaluate(e.getKey(), e.getValue(), split, List.of());
      assertEquals(set.byPosting().size(), r.postings(), e.getKey());
      // keyword overlap carries real signal on these grades, and is far from perfect
      assertTrue(r.auc() > 0.6 && r.auc() < 0.95, e.getKey() + " AUC " + r.auc());
      assertTrue(r.ndcg5() > 0.5 && r.ndcg5() <= 1.0, e.getKey() + " NDCG@5 " + r.ndcg5());
    }
  }
}
