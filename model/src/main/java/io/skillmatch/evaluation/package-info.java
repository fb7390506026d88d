/**
 * Measuring and training against public data and the judged pairs: parsing quality, the judged
 * set and its split, ranking and retrieval metrics, the baselines (BM25, TF-IDF, MiniLM, skill
 * overlap), and the ranker's training ({@link io.skillmatch.evaluation.RankerTraining}). Nothing
 * here runs when serving.
 */
package io.skillmatch.evaluation;
