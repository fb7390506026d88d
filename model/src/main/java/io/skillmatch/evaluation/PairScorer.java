package io.skillmatch.evaluation;

/** Scores how well a candidate text fits a posting text; higher is better. */
@FunctionalInterface
public interface PairScorer {
  /** The fit score of a candidate for a posting. */
  double score(String postingText, String candidateText);
}
