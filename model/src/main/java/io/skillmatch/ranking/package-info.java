/**
 * Ranking: how a profile meets a posting, requirement by requirement, and the fit score built on
 * that reading.
 */
package io.skillmatch.ranking;
