package io.skillmatch.ranking;

import java.util.List;

/** Finds the documents nearest a vector: exactly ({@link VectorIndex}) or approximately ({@link HnswIndex}). */
@FunctionalInterface
public interface NearestSearch<T> {

  /** About the k nearest, nearest first. */
  List<VectorIndex.Hit<T>> search(float[] query, int k);
}
