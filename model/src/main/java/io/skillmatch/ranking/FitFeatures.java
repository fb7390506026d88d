package io.skillmatch.ranking;

import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import java.util.List;

/**
 * The features of one (posting, candidate) pair for a learned ranker: the parts of the rule fit,
 * counts of met, partial and missing must-haves, years, and text similarities computed outside
 * (TF-IDF, BM25). Names are stable: models store them.
 */
public final class FitFeatures {

  /** Feature names, in vector order. */
  public static final List<String> NAMES =
      List.of("requiredCoverage", "preferredCoverage", "yearsFit", "seniorityFit", "ruleScore",
          "requiredMetShare", "requiredMissingShare", "requiredCount", "profileSkills", "postingMinYears",
          "profileYears", "tfidf", "bm25", "jaccard");

  private FitFeatures() {}

  /** The feature vector of a pair. */
  public static double[] of(RuleScorer.Fit fit, ParsedPosting posting, ParsedProfile profile,
      double tfidf, double bm25, double jaccard) {
    int required = 0;
    int met = 0;
    int missing = 0;
    for (RequirementFit f : fit.fits()) {
      if (FitAssessor.required(f.requirement())) {
        required++;
        met += f.status() == Status.MET ? 1 : 0;
        missing += f.status() == Status.MISSING ? 1 : 0;
      }
    }
    return new double[] {
      fit.requiredCoverage(),
      fit.preferredCoverage(),
      fit.yearsFit(),
      fit.seniorityFit(),
      fit.score() / 100,
      required == 0 ? 1 : (double) met / required,
      required == 0 ? 0 : (double) missing / required,
      Math.log1p(required),
      Math.log1p(profile.skills().size()),
      posting.minYears() == null ? -1 : posting.minYears(),
      profile.totalYears() == null ? -1 : profile.totalYears(),
      tfidf,
      bm25,
      jaccard
    };
  }
}
