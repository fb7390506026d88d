package io.skillmatch.ranking;

import java.util.List;

/**
 * Gradient-boosted regression trees in flat arrays: {@code base + shrinkage * sum of leaf values}.
 * A node with feature -1 is a leaf; otherwise {@code x[feature] <= threshold} goes to {@code
 * left}, anything else (NaN included) to {@code right}. Plain Java at inference, so serving needs
 * no ML library. Immutable.
 */
public record TreeEnsemble(double base, double shrinkage, List<Tree> trees) implements Ranker {

  /** One tree; node 0 is the root. */
  public record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    public Tree {
      int n = feature.length;
      if (threshold.length != n || left.length != n || right.length != n || value.length != n || n == 0) {
        throw new IllegalArgumentException("tree arrays must have the same non-zero length");
      }
    }

    double predict(double[] x) {
      int node = 0;
      while (feature[node] >= 0) {
        node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
      }
      return value[node];
    }
  }

  public TreeEnsemble {
    trees = List.copyOf(trees);
  }

  @Override
  public double raw(double[] features) {
    double y = 0;
    for (Tree t : trees) {
      y += t.predict(features);
    }
    return base + shrinkage * y;
  }
}
