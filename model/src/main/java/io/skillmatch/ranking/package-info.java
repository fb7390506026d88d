/**
 * Ranking: how a profile meets a posting, requirement by requirement ({@link
 * io.skillmatch.ranking.FitAssessor}), the features of a pair, the trained model that scores them
 * ({@link io.skillmatch.ranking.RankingModel}), its explanation ({@link
 * io.skillmatch.ranking.Matcher#explain}), and retrieval by skill vectors in both directions
 * ({@link io.skillmatch.ranking.Recommender}). Everything here is plain Java: no ML library runs
 * when serving.
 */
package io.skillmatch.ranking;
