package io.skillmatch.evaluation;

import io.skillmatch.ranking.Mlp;
import io.skillmatch.ranking.Ranker;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A Deeplearning4j network on the fit features: standardised inputs, two ReLU layers, a linear
 * output regressed on the grade (mean squared error), full-batch Adam with L2, a fixed seed. The
 * trained weights are copied into a plain-Java {@link Mlp}, so serving needs no ND4J.
 */
public final class MlpLearner implements RankerTrainer.Learner {

  /** Network options. */
  public record Options(int hidden1, int hidden2, int epochs, double learningRate, double l2, long seed) {
    @Override
    public String toString() {
      return "hidden=" + hidden1 + "x" + hidden2 + " epochs=" + epochs + " lr=" + learningRate + " l2=" + l2;
    }
  }

  private final Options options;

  public MlpLearner(Options options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "DL4J network (" + options + ")";
  }

  @Override
  public String kind() {
    return "mlp";
  }

  @Override
  public Ranker fit(double[][] x, double[] y) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        mean[k] += row[k] / n;
      }
    }
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        scale[k] += (row[k] - mean[k]) * (row[k] - mean[k]) / n;
      }
    }
    for (int k = 0; k < d; k++) {
      scale[k] = scale[k] < 1e-12 ? 1 : Math.sqrt(scale[k]);
    }
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        z[i][k] = (x[i][k] - mean[k]) / scale[k];
      }
    }
    return export(network(z, y), mean, scale);
  }

  /** Trains the network on standardised rows. */
  MultiLayerNetwork network(double[][] z, double[] y) {
    int n = z.length;
    int d = z[0].length;
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
        .seed(options.seed())
        .dataType(DataType.DOUBLE)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(options.learningRate()))
        .l2(options.l2())
        .list()
        .layer(new DenseLayer.Builder().nIn(d).nOut(options.hidden1()).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().nIn(options.hidden1()).nOut(options.hidden2()).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(options.hidden2()).nOut(1)
            .activation(Activation.IDENTITY).build())
        .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    DataSet data = new DataSet(Nd4j.create(z), Nd4j.create(y, new long[] {n, 1}));
    for (int e = 0; e < options.epochs(); e++) {
      net.fit(data);
    }
    return net;
  }

  /** The network's weights as a plain-Java {@link Mlp}. */
  static Mlp export(MultiLayerNetwork net, double[] mean, double[] scale) {
    List<Mlp.Layer> layers = new ArrayList<>();
    for (int l = 0; l < net.getnLayers(); l++) {
      INDArray w = net.getLayer(l).getParam("W"); // [in, out]
      INDArray b = net.getLayer(l).getParam("b");
      int in = (int) w.rows();
      int out = (int) w.columns();
      double[][] weights = new double[out][in];
      double[] bias = new double[out];
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < in; i++) {
          weights[o][i] = w.getDouble(i, o);
        }
        bias[o] = b.getDouble(o); // linear index: the view may be [out] or [1, out]
      }
      layers.add(new Mlp.Layer(weights, bias));
    }
    return new Mlp(mean, scale, layers);
  }
}
