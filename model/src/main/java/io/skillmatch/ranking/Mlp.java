package io.skillmatch.ranking;

import java.util.List;

/**
 * A small fully connected network: standardised inputs, ReLU hidden layers, one linear output.
 * Weights are stored row-major as {@code [out][in]}. Plain Java at inference. Immutable.
 *
 * @param mean per-feature mean used to standardise inputs
 * @param scale per-feature standard deviation (1 where the feature is constant)
 * @param layers the layers, input to output
 */
public record Mlp(double[] mean, double[] scale, List<Layer> layers) implements Ranker {

  /** One dense layer. */
  public record Layer(double[][] weights, double[] bias) {}

  public Mlp {
    layers = List.copyOf(layers);
    if (mean.length != scale.length || layers.isEmpty()) {
      throw new IllegalArgumentException("mean and scale must match and there must be a layer");
    }
  }

  @Override
  public double raw(double[] features) {
    double[] x = new double[features.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (features[i] - mean[i]) / scale[i];
    }
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      double[] y = new double[layer.bias().length];
      for (int o = 0; o < y.length; o++) {
        double s = layer.bias()[o];
        double[] w = layer.weights()[o];
        for (int i = 0; i < x.length; i++) {
          s += w[i] * x[i];
        }
        y[o] = l < layers.size() - 1 ? Math.max(0, s) : s;
      }
      x = y;
    }
    return x[0];
  }
}
