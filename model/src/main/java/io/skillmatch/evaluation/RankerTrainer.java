package io.skillmatch.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillmatch.evaluation.JudgedSet.Judgment;
import io.skillmatch.evaluation.JudgedSet.Split;
import io.skillmatch.ranking.Calibration;
import io.skillmatch.ranking.FitFeatures;
import io.skillmatch.ranking.Ranker;
import io.skillmatch.ranking.RankingModel;
import io.skillmatch.ranking.TreeEnsemble;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.model.cart.InternalNode;
import smile.model.cart.Loss;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;
import smile.model.cart.RegressionNode;
import smile.regression.GradientTreeBoost;
import smile.regression.RegressionTree;

/**
 * Trains the ranking model on the judged pairs: candidate models are fitted on the train split and
 * compared on validation; the winner is refitted on train and validation, calibrated on held-out
 * (cross-fitted by posting) predictions, and measured once on test. Deterministic: the split comes
 * from the seed and the learners use no randomness that is not seeded.
 */
public final class RankerTrainer {

  /** Gradient-boosted trees options (Smile). */
  public record TreeOptions(int trees, int maxNodes, int nodeSize, double shrinkage) {
    @Override
    public String toString() {
      return "trees=" + trees + " leaves=" + maxNodes + " nodeSize=" + nodeSize + " shrinkage=" + shrinkage;
    }
  }

  /** A candidate learner: a name, its options, and how to fit it to rows and grades. */
  public interface Learner {
    String name();

    String kind();

    Ranker fit(double[][] x, double[] y);
  }

  /** What training produced. */
  public record Outcome(RankingModel model, List<String> comparison, RankingEvaluation.Result validation,
      List<RankingEvaluation.Result> test) {}

  private final JudgedSet set;
  private final MatchedTexts texts;
  private final Consumer<String> progress;
  private final Map<Judgment, double[]> rows = new HashMap<>();

  public RankerTrainer(JudgedSet set, MatchedTexts texts, Consumer<String> progress) {
    this.set = set;
    this.texts = texts;
    this.progress = progress;
  }

  private double[] features(String postingText, String candidateText) {
    return texts.features(postingText, candidateText);
  }

  /** A ranker as a pair scorer over texts. */
  public PairScorer scorer(Ranker ranker) {
    return (p, c) -> ranker.raw(features(p, c));
  }

  /** Smile gradient-boosted regression trees on the grade (least squares). */
  public static Learner trees(TreeOptions o) {
    return new Learner() {
      @Override
      public String name() {
        return "Smile gradient-boosted trees (" + o + ")";
      }

      @Override
      public String kind() {
        return "trees";
      }

      @Override
      public Ranker fit(double[][] x, double[] y) {
        return fitTrees(x, y, o);
      }
    };
  }

  /**
   * Trains: compares the learners on validation (by NDCG@10, then AUC), refits the best on train and
   * validation, calibrates it, and evaluates it on test.
   */
  public Outcome train(Map<String, Split> splitOf, List<Learner> learners, int folds, ObjectNode provenance) {
    RankingEvaluation evaluation = new RankingEvaluation(set);
    List<Judgment> train = judgments(splitOf, List.of(Split.TRAIN));
    List<String> comparison = new ArrayList<>();
    Learner best = null;
    RankingEvaluation.Result bestResult = null;
    int step = 0;
    for (Learner learner : learners) {
      progress.accept(bar(++step, learners.size() + folds + 1) + " fitting " + learner.name());
      Ranker r = fit(learner, train);
      RankingEvaluation.Result v = evaluation.evaluate(learner.name(), scorer(r), splitOf, List.of(Split.VALIDATION));
      comparison.add(String.format(java.util.Locale.ROOT, "%s: validation NDCG@10 %.3f, NDCG@5 %.3f, AUC %.3f",
          learner.name(), v.ndcg10(), v.ndcg5(), v.auc()));
      if (bestResult == null || v.ndcg10() > bestResult.ndcg10() + 1e-9
          || Math.abs(v.ndcg10() - bestResult.ndcg10()) <= 1e-9 && v.auc() > bestResult.auc()) {
        best = learner;
        bestResult = v;
      }
    }
    List<Split> fitOn = List.of(Split.TRAIN, Split.VALIDATION);
    List<Judgment> all = judgments(splitOf, fitOn);
    // held-out predictions for the calibration: folds by posting
    List<String> ids = all.stream().map(Judgment::posting).distinct().sorted().toList();
    double[] heldOut = new double[all.size()];
    double[] grades = new double[all.size()];
    for (int f = 0; f < folds; f++) {
      progress.accept(bar(learners.size() + f + 1, learners.size() + folds + 1) + " calibration fold " + (f + 1));
      int fold = f;
      List<Judgment> in = all.stream().filter(j -> ids.indexOf(j.posting()) % folds != fold).toList();
      Ranker r = fit(best, in);
      for (int i = 0; i < all.size(); i++) {
        Judgment j = all.get(i);
        if (ids.indexOf(j.posting()) % folds == fold) {
          heldOut[i] = r.raw(row(j));
          grades[i] = j.grade();
        }
      }
    }
    progress.accept(bar(learners.size() + folds + 1, learners.size() + folds + 1) + " refitting " + best.name());
    Ranker finalRanker = fit(best, all);
    Calibration calibration = Calibration.fit(heldOut, grades);
    RankingModel model = "trees".equals(best.kind())
        ? new RankingModel("unversioned", "trees", FitFeatures.NAMES, (TreeEnsemble) finalRanker,
            null, calibration, provenance)
        : new RankingModel("unversioned", "mlp", FitFeatures.NAMES, null,
            (io.skillmatch.ranking.Mlp) finalRanker, calibration, provenance);
    List<RankingEvaluation.Result> test = new ArrayList<>();
    test.add(evaluation.evaluate("skillmatch (" + best.kind() + ")", (p, c) -> model.score(features(p, c)), splitOf,
        List.of(Split.TEST)));
    return new Outcome(model, comparison, bestResult, test);
  }

  /**
   * Cross-validation by posting over the train and validation postings: each fold's postings are
   * scored by the learner fitted on the others, and the out-of-fold scores are evaluated together.
   * Test postings are never touched.
   */
  public RankingEvaluation.Result crossValidate(Learner learner, Map<String, Split> splitOf, int folds) {
    List<Judgment> all = judgments(splitOf, List.of(Split.TRAIN, Split.VALIDATION));
    List<String> ids = all.stream().map(Judgment::posting).distinct().sorted().toList();
    Map<String, Double> outOfFold = new HashMap<>();
    for (int f = 0; f < folds; f++) {
      int fold = f;
      progress.accept(bar(f + 1, folds) + " " + learner.name() + ", fold " + (f + 1) + " of " + folds);
      Ranker r = fit(learner, all.stream().filter(j -> ids.indexOf(j.posting()) % folds != fold).toList());
      for (Judgment j : all) {
        if (ids.indexOf(j.posting()) % folds == fold) {
          outOfFold.put(key(set.texts().get(j.posting()), set.texts().get(j.candidate())), r.raw(row(j)));
        }
      }
    }
    return new RankingEvaluation(set).evaluate(learner.name(), (p, c) -> outOfFold.get(key(p, c)), splitOf,
        List.of(Split.TRAIN, Split.VALIDATION));
  }

  private static String key(String postingText, String candidateText) {
    return postingText + '\u0000' + candidateText;
  }

  private List<Judgment> judgments(Map<String, Split> splitOf, List<Split> splits) {
    return set.judgments().stream().filter(j -> splits.contains(splitOf.get(j.posting()))).toList();
  }

  private Ranker fit(Learner learner, List<Judgment> judgments) {
    double[][] x = new double[judgments.size()][];
    double[] y = new double[judgments.size()];
    for (int i = 0; i < x.length; i++) {
      Judgment j = judgments.get(i);
      x[i] = row(j);
      y[i] = j.grade();
    }
    return learner.fit(x, y);
  }

  private double[] row(Judgment j) {
    return rows.computeIfAbsent(j, k -> features(set.texts().get(k.posting()), set.texts().get(k.candidate())));
  }

  public static TreeEnsemble fitTrees(double[][] x, double[] y, TreeOptions o) {
    int d = x[0].length;
    double[][] data = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      data[i] = Arrays.copyOf(x[i], d + 1);
      data[i][d] = y[i];
    }
    String[] names = new String[d + 1];
    for (int k = 0; k < d; k++) {
      names[k] = "x" + k;
    }
    names[d] = "grade";
    GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs("grade"), DataFrame.of(data, names),
        new GradientTreeBoost.Options(Loss.ls(), o.trees(), 64, o.maxNodes(), o.nodeSize(), o.shrinkage(), 1.0, null,
            null));
    List<TreeEnsemble.Tree> trees = new ArrayList<>();
    for (RegressionTree t : model.trees()) {
      trees.add(flatten(t.root()));
    }
    TreeEnsemble partial = new TreeEnsemble(0, o.shrinkage(), trees);
    DataFrame first = DataFrame.of(new double[][] {data[0]}, names);
    double base = model.predict(first.get(0)) - partial.raw(x[0]);
    return new TreeEnsemble(base, o.shrinkage(), trees);
  }

  /** Smile's tree as flat arrays, in pre-order. */
  private static TreeEnsemble.Tree flatten(Node root) {
    List<Node> nodes = new ArrayList<>();
    collect(root, nodes);
    int n = nodes.size();
    int[] feature = new int[n];
    double[] threshold = new double[n];
    int[] left = new int[n];
    int[] right = new int[n];
    double[] value = new double[n];
    Map<Node, Integer> index = new java.util.IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(nodes.get(i), i);
    }
    for (int i = 0; i < n; i++) {
      Node node = nodes.get(i);
      if (node instanceof OrdinalNode split) {
        feature[i] = split.feature();
        threshold[i] = splitValue(split);
        left[i] = index.get(split.trueChild());
        right[i] = index.get(split.falseChild());
        value[i] = Double.NaN;
      } else if (node instanceof RegressionNode leaf) {
        feature[i] = -1;
        left[i] = -1;
        right[i] = -1;
        value[i] = leaf.output();
      } else {
        throw new IllegalStateException("unexpected tree node " + node.getClass());
      }
    }
    return new TreeEnsemble.Tree(feature, threshold, left, right, value);
  }

  private static void collect(Node node, List<Node> out) {
    out.add(node);
    if (node instanceof InternalNode in) {
      collect(in.trueChild(), out);
      collect(in.falseChild(), out);
    }
  }

  /** Smile keeps the split value package-private; it is read once, at export. */
  private static double splitValue(OrdinalNode node) {
    try {
      Field f = OrdinalNode.class.getDeclaredField("value");
      f.setAccessible(true);
      return f.getDouble(node);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read a split of Smile " + OrdinalNode.class.getPackage(), e);
    }
  }

  static String bar(int done, int total) {
    int width = 24;
    int filled = Math.round((float) width * done / total);
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + (100 * done / total) + "%";
  }

}
