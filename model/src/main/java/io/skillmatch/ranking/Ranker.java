package io.skillmatch.ranking;

/** A trained function from a pair's features to a raw fit score (higher is a better fit). */
public interface Ranker {

  /** The raw score of one feature vector, in {@link FitFeatures#NAMES} order. */
  double raw(double[] features);
}
