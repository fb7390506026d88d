package io.skillmatch.bench;

import io.skillmatch.ranking.RankingModel;
import io.skillmatch.ranking.TreeEnsemble;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The shipped trees on 1,000 feature rows: the branch-free walk {@link TreeEnsemble#raw} against
 * walking each tree node by node (the way it was done before, and the reference in
 * TreeEnsembleTest). Rows are drawn from the ranges the features take. Run: {@code ./skillmatch
 * bench TreeBenchmark}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TreeBenchmark {
  private TreeEnsemble model;
  private List<TreeEnsemble.Tree> trees;
  private double[][] rows;

  @Setup
  public void setup() {
    model = (TreeEnsemble) RankingModel.bundled().ranker();
    trees = model.trees();
    SplittableRandom random = new SplittableRandom(42);
    rows = new double[1_000][RankingModel.bundled().features().size()];
    for (double[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextInt(4) == 0 ? 0 : random.nextDouble() * (random.nextBoolean() ? 1 : 10);
      }
    }
  }

  @Benchmark
  public double branchFree() {
    double sum = 0;
    for (double[] row : rows) {
      sum += model.raw(row);
    }
    return sum;
  }

  @Benchmark
  public double nodeByNode() {
    double sum = 0;
    for (double[] row : rows) {
      double y = 0;
      for (TreeEnsemble.Tree t : trees) {
        int node = 0;
        int[] feature = t.feature();
        while (feature[node] >= 0) {
          node = row[feature[node]] <= t.threshold()[node] ? t.left()[node] : t.right()[node];
        }
        y += t.value()[node];
      }
      sum += model.base() + model.shrinkage() * y;
    }
    return sum;
  }
}
