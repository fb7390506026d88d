/** Metrics and evaluations: parsing quality on public data, later ranking metrics and baselines. */
package io.skillmatch.evaluation;
