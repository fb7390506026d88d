package io.skillmatch.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact nearest neighbours by cosine over unit vectors (brute force: the floor any approximate
 * index is measured against; fine to tens of thousands of documents). Immutable, thread-safe.
 *
 * @param <T> what each vector stands for
 */
public final class VectorIndex<T> implements NearestSearch<T> {

  /** A document and its cosine to the query. */
  public record Hit<T>(T item, double cosine) {}

  private final List<T> items;
  private final float[] matrix;
  private final int dimension;

  /** Indexes the items that have a vector; items with an empty vector cannot be found. */
  public VectorIndex(List<T> items, List<float[]> vectors) {
    if (items.size() != vectors.size()) {
      throw new IllegalArgumentException("one vector per item");
    }
    int d = vectors.stream().mapToInt(v -> v.length).max().orElse(0);
    List<T> kept = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      float[] v = vectors.get(i);
      if (v.length == d && d > 0) {
        kept.add(items.get(i));
        rows.add(v);
      } else if (v.length != 0) {
        throw new IllegalArgumentException("vectors must share one dimension: " + v.length + " vs " + d);
      }
    }
    this.items = List.copyOf(kept);
    this.dimension = d;
    this.matrix = new float[kept.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, matrix, i * d, d);
    }
  }

  public int size() {
    return items.size();
  }

  /** The k items nearest the query, nearest first (ties by insertion order). */
  @Override
  public List<Hit<T>> search(float[] query, int k) {
    if (query.length == 0 || items.isEmpty() || k <= 0) {
      return List.of();
    }
    if (query.length != dimension) {
      throw new IllegalArgumentException("query has dimension " + query.length + ", the index " + dimension);
    }
    Comparator<double[]> worstFirst = Comparator.<double[]>comparingDouble(h -> h[0])
        .thenComparing(h -> -h[1]);
    PriorityQueue<double[]> heap = new PriorityQueue<>(worstFirst);
    for (int r = 0; r < items.size(); r++) {
      double dot = 0;
      int off = r * dimension;
      for (int i = 0; i < dimension; i++) {
        dot += query[i] * matrix[off + i];
      }
      double[] hit = {dot, r};
      if (heap.size() < k) {
        heap.add(hit);
      } else if (worstFirst.compare(hit, heap.peek()) > 0) {
        heap.poll();
        heap.add(hit);
      }
    }
    double[][] best = heap.toArray(new double[0][]);
    Arrays.sort(best, worstFirst.reversed());
    List<Hit<T>> out = new ArrayList<>(best.length);
    for (double[] h : best) {
      out.add(new Hit<>(items.get((int) h[1]), h[0]));
    }
    return out;
  }
}
