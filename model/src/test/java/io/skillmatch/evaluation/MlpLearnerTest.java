package io.skillmatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillmatch.ranking.Mlp;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The DL4J network, and its copy into plain Java that serving uses. */
class MlpLearnerTest {

  private static double[][] rows(int n, int d, long seed, double[] y) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        x[i][k] = r.nextDouble() * 2 - 1;
      }
      y[i] = 1.5 + x[i][0] + 0.5 * x[i][1] * x[i][1] - 0.5 * x[i][2];
    }
    return x;
  }

  @Test
  void theExportedNetworkComputesWhatDl4jComputes() {
    double[] y = new double[200];
    double[][] z = rows(200, 6, 3, y);
    MlpLearner learner = new MlpLearner(new MlpLearner.Options(8, 4, 30, 0.01, 1e-4, 7));
    MultiLayerNetwork net = learner.network(z, y);
    Mlp mlp = MlpLearner.export(net, new double[6], new double[] {1, 1, 1, 1, 1, 1});
    INDArray out = net.output(Nd4j.create(z));
    for (int i = 0; i < z.length; i++) {
      assertEquals(out.getDouble(i, 0), mlp.raw(z[i]), 1e-9);
    }
  }

  @Test
  void learnsTheSignalAndIsDeterministic() {
    double[] y = new double[400];
    double[][] x = rows(400, 6, 5, y);
    MlpLearner learner = new MlpLearner(new MlpLearner.Options(16, 8, 300, 0.01, 1e-4, 42));
    var a = learner.fit(x, y);
    var b = learner.fit(x, y);
    double[] yt = new double[100];
    double[][] xt = rows(100, 6, 6, yt);
    double sse = 0;
    double sst = 0;
    double mean = java.util.Arrays.stream(yt).average().orElse(0);
    for (int i = 0; i < xt.length; i++) {
      assertEquals(a.raw(xt[i]), b.raw(xt[i]), 1e-9, "same seed, same network");
      sse += Math.pow(a.raw(xt[i]) - yt[i], 2);
      sst += Math.pow(yt[i] - mean, 2);
    }
    assertTrue(1 - sse / sst > 0.8, "held-out R^2 " + (1 - sse / sst));
  }
}
