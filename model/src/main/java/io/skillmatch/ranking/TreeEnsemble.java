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

  /** Trees walked side by side: independent chains the processor overlaps. */
  private static final int LANES = 4;

  private final double base;
  private final double shrinkage;
  private final List<Tree> trees;
  private final int features;
  // Every node of every tree, laid out for a walk without branches: a node's two children are
  // adjacent (child, child + 1), and a leaf points to itself and tests a feature slot that is
  // always 0, so every tree is walked a fixed number of steps. Trees are grouped LANES at a time,
  // sorted by depth; a group walks as deep as its deepest tree.
  private final int[] roots;
  private final int[] groupDepth;
  private final int[] feature;
  private final double[] threshold;
  private final int[] child;
  private final double[] value;

  @JsonCreator
  public TreeEnsemble(@JsonProperty("base") double base, @JsonProperty("shrinkage") double shrinkage,
      @JsonProperty("trees") List<Tree> trees) {
    this.base = base;
    this.shrinkage = shrinkage;
    this.trees = List.copyOf(trees);
    int maxFeature = -1;
    for (Tree t : this.trees) {
      for (int f : t.feature()) {
        maxFeature = Math.max(maxFeature, f);
      }
    }
    features = maxFeature + 1;
    Tree[] byDepth = this.trees.stream().sorted(java.util.Comparator.comparingInt(TreeEnsemble::depth))
        .toArray(Tree[]::new);
    int nodes = this.trees.stream().mapToInt(t -> t.feature().length).sum();
    roots = new int[byDepth.length];
    groupDepth = new int[(byDepth.length + LANES - 1) / LANES];
    feature = new int[nodes];
    threshold = new double[nodes];
    child = new int[nodes];
    value = new double[nodes];
    int offset = 0;
    for (int t = 0; t < byDepth.length; t++) {
      Tree tree = byDepth[t];
      roots[t] = offset;
      groupDepth[t / LANES] = Math.max(groupDepth[t / LANES], depth(tree));
      // breadth first, so that each node's children take the next two free places
      int[] place = new int[tree.feature().length];
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(0));
      int next = 1;
      while (!queue.isEmpty()) {
        int n = queue.poll();
        int at = offset + place[n];
        value[at] = tree.value()[n];
        if (tree.feature()[n] < 0) {
          feature[at] = features; // the slot that is always 0: 0 <= 0 stays put
          threshold[at] = 0;
          child[at] = at;
        } else {
          feature[at] = tree.feature()[n];
          threshold[at] = tree.threshold()[n];
          place[tree.left()[n]] = next;
          place[tree.right()[n]] = next + 1;
          child[at] = offset + next;
          next += 2;
          queue.add(tree.left()[n]);
          queue.add(tree.right()[n]);
        }
      }
      offset += tree.feature().length;
    }
  }

  /** Steps from the root to the deepest leaf. */
  private static int depth(Tree t) {
    return depth(t, 0);
  }

  private static int depth(Tree t, int node) {
    return t.feature()[node] < 0 ? 0 : 1 + Math.max(depth(t, t.left()[node]), depth(t, t.right()[node]));
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
    if (x.length < features) {
      throw new IllegalArgumentException("the trees read " + features + " features, not " + x.length);
    }
    // x with the slot leaves test set to 0 (no tree tests that feature); NaN goes right, as in training
    double[] xs = java.util.Arrays.copyOf(x, Math.max(x.length, features + 1));
    xs[features] = 0;
    double y = 0;
    int t = 0;
    int g = 0;
    for (; t + LANES <= roots.length; t += LANES, g++) {
      int a = roots[t];
      int b = roots[t + 1];
      int c = roots[t + 2];
      int d = roots[t + 3];
      for (int step = groupDepth[g]; step > 0; step--) {
        a = child[a] + (xs[feature[a]] <= threshold[a] ? 0 : 1);
        b = child[b] + (xs[feature[b]] <= threshold[b] ? 0 : 1);
        c = child[c] + (xs[feature[c]] <= threshold[c] ? 0 : 1);
        d = child[d] + (xs[feature[d]] <= threshold[d] ? 0 : 1);
      }
      y += value[a] + value[b] + value[c] + value[d];
    }
    for (; t < roots.length; t++) {
      int a = roots[t];
      for (int step = groupDepth[g]; step > 0; step--) {
        a = child[a] + (xs[feature[a]] <= threshold[a] ? 0 : 1);
      }
      y += value[a];
    }
    return base + shrinkage * y;
  }
}
