package io.skillmatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.evaluation.EvaluationReport.Band;
import io.skillmatch.evaluation.EvaluationReport.ScoredPair;
import io.skillmatch.ranking.Calibration;
import io.skillmatch.ranking.FitFeatures;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.ranking.RankingModel;
import io.skillmatch.ranking.TreeEnsemble;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report written from a hand-made model and eight scored pairs, its numbers worked out by hand. */
class EvaluationReportTest {

  private static final int COVERAGE = FitFeatures.NAMES.indexOf("requiredCoverage");
  private static final int COSINE = FitFeatures.NAMES.indexOf("skillVectorCosine");

  /**
   * Two stumps: requiredCoverage above 0.5 adds 1 (else -1), skillVectorCosine above 0.5 adds 0.5
   * (else -0.5); raw -1.5..1.5 calibrates linearly to grade 0..3, so the scores are 0, 33.3, 66.7, 100.
   */
  static RankingModel model() throws Exception {
    TreeEnsemble trees = new TreeEnsemble(0, 1, List.of(stump(COVERAGE, 1.0), stump(COSINE, 0.5)));
    return new RankingModel("ranker-fixture", "trees", FitFeatures.NAMES, trees, null,
        new Calibration(new double[] {-1.5, 1.5}, new double[] {0, 3}),
        new ObjectMapper().readTree("{\"version\": \"ranker-fixture\", \"seed\": 7, \"libraries\": {\"java\": \"25\"},"
            + " \"validationComparison\": [\"stumps: validation NDCG@10 0.500\"],"
            + " \"inputs\": {\"training-data/judgments/pairs.jsonl\": \"abc123\"}}"));
  }

  private static TreeEnsemble.Tree stump(int feature, double leaf) {
    return new TreeEnsemble.Tree(new int[] {feature, -1, -1}, new double[] {0.5, 0, 0}, new int[] {1, -1, -1},
        new int[] {2, -1, -1}, new double[] {Double.NaN, -leaf, leaf});
  }

  private static double[] x(double coverage, double cosine) {
    double[] x = new double[FitFeatures.NAMES.size()];
    x[COVERAGE] = coverage;
    x[COSINE] = cosine;
    return x;
  }

  /** Posting a is ranked perfectly; posting b swaps its grade-2 and grade-1 candidates. */
  static List<ScoredPair> pairs(RankingModel model) {
    double[][] features = {x(1, 1), x(1, 0), x(0, 1), x(0, 0), x(1, 1), x(0, 1), x(1, 0), x(0, 0)};
    int[] grades = {3, 2, 1, 0, 3, 2, 1, 0};
    List<ScoredPair> out = new ArrayList<>();
    for (int i = 0; i < features.length; i++) {
      out.add(new ScoredPair(i < 4 ? "a" : "b", "c" + (i % 4), grades[i], model.score(features[i]), features[i]));
    }
    return out;
  }

  @Test
  void numbersFromTheFixture() throws Exception {
    RankingModel model = model();
    List<ScoredPair> pairs = pairs(model);
    assertEquals(100, pairs.get(0).score(), 1e-9);
    assertEquals(200 / 3.0, pairs.get(1).score(), 1e-9);
    assertEquals(100 / 3.0, pairs.get(2).score(), 1e-9);
    assertEquals(0, pairs.get(3).score(), 1e-9);

    Map<String, Integer> splits = EvaluationReport.splitCounts(model);
    assertEquals(1, splits.get("requiredCoverage"));
    assertEquals(1, splits.get("skillVectorCosine"));
    assertEquals(2, splits.values().stream().mapToInt(Integer::intValue).sum());

    // bands of 20: 0 -> 0-20, 33.3 -> 20-40, 66.7 -> 60-80, 100 -> 80-100 (two pairs each)
    List<Band> bands = EvaluationReport.calibrationBands(pairs, 20);
    assertEquals(List.of(0, 20, 60, 80), bands.stream().map(Band::from).toList());
    assertEquals(2, bands.get(0).pairs());
    assertEquals(0.0, bands.get(0).meanExpectedGrade(), 1e-9);
    assertEquals(0.0, bands.get(0).meanJudgedGrade(), 1e-9);
    assertEquals(1.0, bands.get(1).meanExpectedGrade(), 1e-9);
    assertEquals(1.5, bands.get(1).meanJudgedGrade(), 1e-9); // grades 1 (posting a) and 2 (posting b)
    assertEquals(3.0, bands.get(3).meanJudgedGrade(), 1e-9);
    // |1 - 2| and |2 - 1| on posting b, the rest exact
    assertEquals(2 / 8.0, EvaluationReport.meanAbsoluteGradeError(pairs), 1e-9);

    Map<String, Double> permutation = EvaluationReport.permutationImportance(model, pairs, 5, 42);
    assertEquals(FitFeatures.NAMES, List.copyOf(permutation.keySet()));
    assertTrue(permutation.get("requiredCoverage") > 0, "shuffling the strongest feature must cost NDCG@10");
    permutation.forEach((f, v) -> {
      if (!f.equals("requiredCoverage") && !f.equals("skillVectorCosine")) {
        assertEquals(0.0, v, 0.0, f + " is never read, so shuffling it costs nothing");
      }
    });
  }

  @Test
  void writesAPageAndItsCharts(@TempDir Path dir) throws Exception {
    RankingModel model = model();
    List<ScoredPair> pairs = pairs(model);
    List<RankingEvaluation.Result> results = List.of(
        new RankingEvaluation.Result("skillmatch trees (ranker-fixture)", 2, 8, 0.9876, 0.9, 0.8, 0.75, 0.7),
        new RankingEvaluation.Result("TF-IDF cosine", 2, 8, 0.6154, 0.58, 0.39, 0.66, 0.6));
    List<RetrievalEvaluation.Result> retrieval = List.of(
        new RetrievalEvaluation.Result("skill vectors (cosine)", "candidates for a posting", 2, 4, Map.of(10, 0.5)));
    EvaluationReport.Written w = EvaluationReport.write(new EvaluationReport.Data("test split (seed 42)", 8, model,
        results, pairs, retrieval, "./skillmatch evaluate --split test --report out"), dir);

    assertEquals(dir.resolve("index.html"), w.index());
    assertEquals(EvaluationReport.IMAGES.size(), w.images().size());
    for (String name : EvaluationReport.IMAGES) {
      Path png = dir.resolve(name);
      assertTrue(Files.size(png) > 1000, name + " is written");
      BufferedImage image = ImageIO.read(png.toFile());
      assertNotNull(image, name + " is a PNG");
      assertEquals(880, image.getWidth());
    }
    String html = Files.readString(w.index(), StandardCharsets.UTF_8);
    for (String expected : List.of("ranker-fixture", "0.988", "0.615", "TF-IDF cosine", "R@10 0.500",
        "Mean absolute grade error: <b>0.250</b>", "<td>60&ndash;80</td><td>2</td><td>2.00</td><td>1.50</td>",
        "<td>requiredCoverage</td><td>1</td>", "abc123", "stumps: validation NDCG@10 0.500",
        "./skillmatch evaluate --split test --report out")) {
      assertTrue(html.contains(expected), "the page shows " + expected);
    }
    for (String name : EvaluationReport.IMAGES) {
      assertTrue(html.contains("src=\"" + name + "\""), "the page shows " + name);
    }
    // self-contained: nothing is fetched from elsewhere
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"), html);
  }

  @Test
  void scoresJudgedPairsAsTheEvaluationDoes() throws Exception {
    RankingModel model = model();
    String posting = "Backend Engineer\n\nRequirements\n- 5+ years of Python\n- Apache Kafka\n- AWS";
    String strong = "EXPERIENCE\nBackend Engineer, Acme, 2017 - present\n- Python services on AWS with Kafka";
    String weak = "EXPERIENCE\nPastry Chef, Cafe, 2015 - present\n- cakes and bread";
    JudgedSet set = new JudgedSet(
        List.of(new JudgedSet.Judgment("written:p", "written:strong", 3, "", "t"),
            new JudgedSet.Judgment("written:p", "written:weak", 0, "", "t"),
            new JudgedSet.Judgment("written:q", "written:weak", 0, "", "t")),
        Map.of("written:p", posting, "written:q", posting, "written:strong", strong, "written:weak", weak));
    Ranking ranking = Ranking.bundled();
    MatchedTexts matched = new MatchedTexts(ranking.matcher(model),
        new ParsedTexts(ranking.taxonomy(), java.time.Clock.fixed(Ranking.TRAINING_DAY, java.time.ZoneOffset.UTC)));
    List<ScoredPair> scored = EvaluationReport.scorePairs(set, matched, model, Map.of(), List.of());
    // posting q has one judged candidate only, so it is left out, as RankingEvaluation leaves it out
    assertEquals(2, scored.size());
    for (ScoredPair p : scored) {
      assertEquals(matched.scorer().score(posting, set.texts().get(p.candidate())), p.score(), 1e-9);
      assertEquals(FitFeatures.NAMES.size(), p.features().length);
    }
    assertTrue(scored.get(0).score() > scored.get(1).score(), "the fitting candidate scores higher");
  }
}
