package io.skillmatch.ranking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Gradient-boosted regression trees: {@code base + shrinkage * sum of leaf values}. A node with
 * feature -1 is a leaf; otherwise {@code x[feature] <= threshold} goes to {@code left}, anything
 * else (NaN included) to {@code right}. Stored as one tree per entry; scored from one flat copy of
 * every node, contiguous in memory, so that a few hundred small trees cost about a microsecond.
 * Plain Java at inference, so serving needs no ML library. Immutable.
 */
public final class TreeEnsemble implements Ranker {

  /** One tree; node 0 is the root. */
  public record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    public Tree {
      int n = feature.length;
      if (threshold.length != n || left.length != n || right.length != n || value.length != n || n == 0) {
        throw new IllegalArgumentException("tree arrays must have the same non-zero length");
      }
    }
  }

  private final double base;
  private final double shrinkage;
  private final List<Tree> trees;
  // every node of every tree, children as absolute indices
  private final int[] roots;
  private final int[] feature;
  private final double[] threshold;
  private final int[] left;
  private final int[] right;
  private final double[] value;

  @JsonCreator
  public TreeEnsemble(@JsonProperty("base") double base, @JsonProperty("shrinkage") double shrinkage,
      @JsonProperty("trees") List<Tree> trees) {
    this.base = base;
    this.shrinkage = shrinkage;
    this.trees = List.copyOf(trees);
    int nodes = this.trees.stream().mapToInt(t -> t.feature().length).sum();
    roots = new int[this.trees.size()];
    feature = new int[nodes];
    threshold = new double[nodes];
    left = new int[nodes];
    right = new int[nodes];
    value = new double[nodes];
    int offset = 0;
    for (int t = 0; t < roots.length; t++) {
      Tree tree = this.trees.get(t);
      roots[t] = offset;
      for (int i = 0; i < tree.feature().length; i++) {
        feature[offset + i] = tree.feature()[i];
        threshold[offset + i] = tree.threshold()[i];
        left[offset + i] = tree.left()[i] + offset;
        right[offset + i] = tree.right()[i] + offset;
        value[offset + i] = tree.value()[i];
      }
      offset += tree.feature().length;
    }
  }

  @JsonProperty
  public double base() {
    return base;
  }

  @JsonProperty
  public double shrinkage() {
    return shrinkage;
  }

  @JsonProperty
  public List<Tree> trees() {
    return trees;
  }

  @Override
  public double raw(double[] x) {
    double y = 0;
    for (int root : roots) {
      int node = root;
      int f;
      while ((f = feature[node]) >= 0) {
        node = x[f] <= threshold[node] ? left[node] : right[node];
      }
      y += value[node];
    }
    return base + shrinkage * y;
  }
}
