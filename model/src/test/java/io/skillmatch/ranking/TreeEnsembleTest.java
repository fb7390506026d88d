package io.skillmatch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The branch-free walk scores exactly as walking each tree node by node. */
class TreeEnsembleTest {

  /** A random tree of up to {@code leaves} leaves over {@code features} features, nodes in random order. */
  private static TreeEnsemble.Tree randomTree(SplittableRandom random, int features, int leaves) {
    List<int[]> children = new ArrayList<>(); // per node: {left, right}, or null for a leaf
    List<Integer> open = new ArrayList<>(List.of(0));
    children.add(null);
    int leafCount = 1;
    while (leafCount < leaves && random.nextInt(5) > 0) {
      int split = open.remove(random.nextInt(open.size()));
      int l = children.size();
      children.add(null);
      children.add(null);
      children.set(split, new int[] {l, l + 1});
      open.add(l);
      open.add(l + 1);
      leafCount++;
    }
    int n = children.size();
    int[] feature = new int[n];
    double[] threshold = new double[n];
    int[] left = new int[n];
    int[] right = new int[n];
    double[] value = new double[n];
    for (int i = 0; i < n; i++) {
      int[] c = children.get(i);
      feature[i] = c == null ? -1 : random.nextInt(features);
      threshold[i] = random.nextDouble() * 2 - 1;
      left[i] = c == null ? -1 : c[0];
      right[i] = c == null ? -1 : c[1];
      value[i] = random.nextDouble() * 2 - 1;
    }
    return new TreeEnsemble.Tree(feature, threshold, left, right, value);
  }

  /** The reference: each tree walked node by node, NaN to the right. */
  private static double walk(double base, double shrinkage, List<TreeEnsemble.Tree> trees, double[] x) {
    double y = 0;
    for (TreeEnsemble.Tree t : trees) {
      int node = 0;
      while (t.feature()[node] >= 0) {
        node = x[t.feature()[node]] <= t.threshold()[node] ? t.left()[node] : t.right()[node];
      }
      y += t.value()[node];
    }
    return base + shrinkage * y;
  }

  @Test
  void scoresAsWalkingEachTree() {
    SplittableRandom random = new SplittableRandom(42);
    for (int ensemble = 0; ensemble < 20; ensemble++) {
      int features = 3 + random.nextInt(30);
      List<TreeEnsemble.Tree> trees = new ArrayList<>();
      int count = 1 + random.nextInt(160); // partial groups of trees too
      for (int i = 0; i < count; i++) {
        trees.add(randomTree(random, features, 1 + random.nextInt(12)));
      }
      TreeEnsemble model = new TreeEnsemble(0.3, 0.1, trees);
      for (int i = 0; i < 200; i++) {
        double[] x = new double[features + random.nextInt(3)];
        for (int j = 0; j < x.length; j++) {
          x[j] = random.nextInt(20) == 0 ? Double.NaN : random.nextDouble() * 2.2 - 1.1;
        }
        assertEquals(walk(0.3, 0.1, trees, x), model.raw(x), 1e-12, "ensemble " + ensemble + ", row " + i);
      }
    }
  }
}
