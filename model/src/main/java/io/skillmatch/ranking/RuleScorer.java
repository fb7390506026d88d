package io.skillmatch.ranking;

import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.Seniority;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-weighted fit score, 0 to 100, from the requirement-by-requirement reading: must-haves
 * (an any-of group counts once, by its best member) weigh most, then nice-to-haves, overall years
 * and seniority. It is the prior the trained ranking model (issue 3) must beat, and a readable
 * fallback. Thread-safe.
 */
public final class RuleScorer {

  /** Weights of the parts of the score; they sum to 1. */
  public record Weights(double required, double preferred, double years, double seniority) {
    public Weights {
      double sum = required + preferred + years + seniority;
      if (Math.abs(sum - 1) > 1e-9 || required < 0 || preferred < 0 || years < 0 || seniority < 0) {
        throw new IllegalArgumentException("weights must be non-negative and sum to 1: " + sum);
      }
    }

    public static Weights defaults() {
      return new Weights(0.70, 0.15, 0.10, 0.05);
    }
  }

  /**
   * A score with its parts.
   *
   * @param score 0 to 100
   * @param requiredCoverage share of must-haves met (partial credit counts in part)
   * @param preferredCoverage share of nice-to-haves met
   * @param yearsFit candidate's years over those asked, capped at 1 (0.8 when either is unknown)
   * @param seniorityFit 1 for the level asked, less per level off (0.8 when unknown)
   * @param fits the reading of each requirement
   */
  public record Fit(
      double score, double requiredCoverage, double preferredCoverage, double yearsFit, double seniorityFit,
      List<RequirementFit> fits) {}

  private final FitAssessor assessor;
  private final Weights weights;

  public RuleScorer(FitAssessor assessor, Weights weights) {
    this.assessor = assessor;
    this.weights = weights;
  }

  /** The fit of a profile for a posting. */
  public Fit fit(ParsedPosting posting, ParsedProfile profile) {
    return fit(posting, profile, assessor.assess(posting, profile));
  }

  /** The fit of an indexed profile ({@link FitAssessor#index}) for a posting. */
  public Fit fit(ParsedPosting posting, ParsedProfile profile, FitAssessor.ProfileIndex index) {
    return fit(posting, profile, assessor.assess(posting, index));
  }

  /** The score of given requirement fits, for asking "what if this requirement were met". */
  public Fit fit(ParsedPosting posting, ParsedProfile profile, List<RequirementFit> fits) {
    double required = coverage(fits, true);
    double preferred = coverage(fits, false);
    double years = posting.minYears() == null || profile.totalYears() == null
        ? 0.8 : Math.min(1, profile.totalYears() / Math.max(1, posting.minYears()));
    double seniority = seniorityFit(posting.seniority(), profile.seniority());
    double score = 100 * (weights.required() * required + weights.preferred() * preferred
        + weights.years() * years + weights.seniority() * seniority);
    return new Fit(score, required, preferred, years, seniority, fits);
  }

  /** Credit over units, where each any-of group is one unit scored by its best member; 1 when there are none. */
  static double coverage(List<RequirementFit> fits, boolean required) {
    Map<String, Double> groups = null;
    double credit = 0;
    int units = 0;
    for (RequirementFit f : fits) {
      if (FitAssessor.required(f.requirement()) != required) {
        continue;
      }
      String group = f.requirement().anyOf();
      if (group == null) {
        credit += f.credit();
        units++;
      } else {
        if (groups == null) {
          groups = new HashMap<>();
        }
        groups.merge(group, f.credit(), Math::max);
      }
    }
    for (double g : groups == null ? List.<Double>of() : groups.values()) {
      credit += g;
      units++;
    }
    return units == 0 ? 1 : credit / units;
  }

  static double seniorityFit(Seniority asked, Seniority has) {
    if (asked == null || has == null) {
      return 0.8;
    }
    int off = Math.abs(asked.ordinal() - has.ordinal());
    return off == 0 ? 1 : off == 1 ? 0.7 : 0.3;
  }
}
