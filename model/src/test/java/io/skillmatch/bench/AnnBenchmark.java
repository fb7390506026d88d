package io.skillmatch.bench;

import io.skillmatch.ranking.HnswIndex;
import io.skillmatch.ranking.ProfileLikeVectors;
import io.skillmatch.ranking.VectorIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.util.VectorUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nearest-neighbour search over {@code n} profile-like vectors (weighted means of 3-14 real skill
 * vectors, 64 dimensions): the HNSW graph the service uses, against exact search two ways, our
 * {@link VectorIndex} (a scalar loop and a heap) and the physical floor (Lucene's SIMD dot product
 * per vector, the Panama vector API, and a bounded heap). k = 300 is what the service shortlists.
 * Run: {@code ./skillmatch bench AnnBenchmark} (add {@code -p n=1000000} for a million).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules", "jdk.incubator.vector"})
public class AnnBenchmark {

  @Param({"100000"})
  public int n;

  @Param({"300"})
  public int k;

  private HnswIndex<Integer> hnsw;
  private VectorIndex<Integer> exact;
  private float[][] rows;
  private float[][] queries;
  private int next;

  @Setup(Level.Trial)
  public void setup() {
    List<float[]> docs = ProfileLikeVectors.of(n, 1);
    rows = docs.toArray(new float[0][]);
    List<Integer> ids = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(i);
      keys.add("d" + i);
    }
    hnsw = new HnswIndex<>();
    hnsw.putAll(keys, ids, docs);
    exact = new VectorIndex<>(ids, docs);
    queries = ProfileLikeVectors.of(1_000, 2).toArray(new float[0][]);
  }

  @TearDown(Level.Trial)
  public void close() {
    hnsw.close();
  }

  @Benchmark
  public int hnsw() {
    return hnsw.search(queries[next++ % queries.length], k).size();
  }

  @Benchmark
  public int exactScalar() {
    return exact.search(queries[next++ % queries.length], k).size();
  }

  /** The floor: one SIMD dot product per vector and a bounded heap of the best k. */
  @Benchmark
  public int exactSimd() {
    float[] q = queries[next++ % queries.length];
    float[] best = new float[k];
    int[] at = new int[k];
    int size = 0;
    for (int i = 0; i < rows.length; i++) {
      float s = VectorUtil.dotProduct(q, rows[i]);
      if (size < k) {
        best[size] = s;
        at[size++] = i;
        if (size == k) {
          heapify(best, at, k);
        }
      } else if (s > best[0]) {
        best[0] = s;
        at[0] = i;
        siftDown(best, at, 0, k);
      }
    }
    return size;
  }

  private static void heapify(float[] v, int[] at, int n) {
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(v, at, i, n);
    }
  }

  private static void siftDown(float[] v, int[] at, int i, int n) {
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int m = i;
      if (l < n && v[l] < v[m]) {
        m = l;
      }
      if (r < n && v[r] < v[m]) {
        m = r;
      }
      if (m == i) {
        return;
      }
      float tv = v[i];
      v[i] = v[m];
      v[m] = tv;
      int ta = at[i];
      at[i] = at[m];
      at[m] = ta;
      i = m;
    }
  }
}
