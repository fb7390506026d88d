package io.skillmatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.data.SharedData;
import io.skillmatch.evaluation.JudgedSet.Split;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.ranking.RankingModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Training on the real judged pairs: deterministic, and better than keyword overlap on validation. */
class RankerTrainingTest {

  @Test
  void trainingIsDeterministicAndBeatsKeywordOverlapOnValidation() throws Exception {
    Optional<Path> shared = SharedData.find();
    assumeTrue(shared.isPresent(), "../shared/data not found: skipping training on the judged pairs");
    Path root = Path.of(System.getProperty("skillmatch.root", ".."));
    JudgedSet set = JudgedSet.load(root.resolve("training-data/judgments"), shared.get());
    Map<String, Split> split = set.splitByPosting(42);
    Ranking ranking = Ranking.bundled();
    Clock clock = Clock.fixed(RankerTraining.TODAY, ZoneOffset.UTC);
    ObjectMapper json = new ObjectMapper();
    List<RankerTrainer.Learner> learners = List.of(RankerTrainer.trees(new RankerTrainer.TreeOptions(60, 8, 10, 0.05)));
    byte[][] models = new byte[2][];
    RankerTrainer.Outcome outcome = null;
    for (int run = 0; run < 2; run++) {
      MatchedTexts texts = new MatchedTexts(ranking.matcher(null), new ParsedTexts(ranking.taxonomy(), clock));
      outcome = new RankerTrainer(set, texts, line -> { }).train(split, learners, 3, json.createObjectNode());
      models[run] = json.writeValueAsBytes(outcome.model());
    }
    assertEquals(new String(models[0]), new String(models[1]), "same data and seed, same model");

    RankingModel model = outcome.model();
    RankingEvaluation eval = new RankingEvaluation(set);
    RankingEvaluation.Result jaccard = eval.evaluate("jaccard", Baselines.skillJaccard(ranking.taxonomy(), clock), split,
        List.of(Split.VALIDATION));
    RankingEvaluation.Result trained = outcome.validation();
    assertTrue(trained.ndcg10() > jaccard.ndcg10() + 0.05,
        "trained " + trained.ndcg10() + " vs skill overlap " + jaccard.ndcg10());
    assertTrue(trained.auc() > jaccard.auc(), "AUC " + trained.auc() + " vs " + jaccard.auc());
    assertTrue(outcome.test().get(0).ndcg10() > 0.6 && model.calibration().grade(Double.MAX_VALUE) <= 3);
  }
}
