package io.skillmatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillmatch.ranking.FitFeatures;
import io.skillmatch.ranking.TreeEnsemble;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.model.cart.Loss;
import smile.regression.GradientTreeBoost;

class RankerTrainerTest {

  /** Rows with a known signal in two features and noise elsewhere. */
  private static double[][] rows(int n, long seed, double[] y) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = FitFeatures.NAMES.size();
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        x[i][k] = r.nextDouble();
      }
      y[i] = Math.min(3, Math.round(3 * x[i][0] * x[i][0] + (x[i][3] > 0.5 ? 0.7 : 0) + 0.3 * r.nextGaussian()));
      y[i] = Math.max(0, y[i]);
    }
    return x;
  }

  @Test
  void exportedTreesPredictExactlyWhatSmilePredicts() {
    int n = 400;
    double[] y = new double[n];
    double[][] x = rows(n, 7, y);
    RankerTrainer.TreeOptions o = new RankerTrainer.TreeOptions(60, 8, 5, 0.1);
    TreeEnsemble ours = RankerTrainer.fitTrees(x, y, o);

    int d = FitFeatures.NAMES.size();
    double[][] data = new double[n][];
    for (int i = 0; i < n; i++) {
      data[i] = Arrays.copyOf(x[i], d + 1);
      data[i][d] = y[i];
    }
    List<String> names = new ArrayList<>(FitFeatures.NAMES);
    names.add("grade");
    String[] columns = names.toArray(new String[0]);
    GradientTreeBoost smile = GradientTreeBoost.fit(Formula.lhs("grade"), DataFrame.of(data, columns),
        new GradientTreeBoost.Options(Loss.ls(), 60, 64, 8, 5, 0.1, 1.0, null, null));
    double[] fresh = new double[d];
    SplittableRandom r = new SplittableRandom(99);
    for (int t = 0; t < 200; t++) {
      for (int k = 0; k < d; k++) {
        fresh[k] = r.nextDouble();
      }
      double[] row = Arrays.copyOf(fresh, d + 1);
      double expected = smile.predict(DataFrame.of(new double[][] {row}, columns).get(0));
      assertEquals(expected, ours.raw(fresh), 1e-9);
    }
    assertEquals(60, ours.trees().size());
  }

  @Test
  void treesAreDeterministicAndLearnTheSignal() {
    int n = 400;
    double[] y = new double[n];
    double[][] x = rows(n, 11, y);
    RankerTrainer.TreeOptions o = new RankerTrainer.TreeOptions(80, 8, 5, 0.1);
    TreeEnsemble a = RankerTrainer.fitTrees(x, y, o);
    TreeEnsemble b = RankerTrainer.fitTrees(x, y, o);
    double[] yt = new double[200];
    double[][] xt = rows(200, 12, yt);
    double agreeing = 0;
    for (int i = 0; i < xt.length; i++) {
      assertEquals(a.raw(xt[i]), b.raw(xt[i]), 0);
      for (int j = 0; j < xt.length; j++) {
        if (yt[i] > yt[j]) {
          agreeing += a.raw(xt[i]) > a.raw(xt[j]) ? 1 : 0;
        }
      }
    }
    long ordered = 0;
    for (double yi : yt) {
      for (double yj : yt) {
        ordered += yi > yj ? 1 : 0;
      }
    }
    assertTrue(agreeing / ordered > 0.75, "pairwise accuracy on held-out rows " + agreeing / ordered);
  }
}
