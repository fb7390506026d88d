package io.skillmatch.ranking;

import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.taxonomy.Taxonomy;

/**
 * Scores how well a candidate fits a posting: reads each requirement (met, partial, missing),
 * turns the pair into {@link FitFeatures}, and runs the trained {@link RankingModel}. Postings and
 * profiles are prepared once ({@link #posting}, {@link #profile}) and then scored against many.
 * Thread-safe.
 */
public final class Matcher {

  /** A posting prepared for scoring: what the parser read and its text vector. */
  public record PostingDoc(ParsedPosting parsed, TermVectors.Vector terms, float[] skills) {}

  /** A profile prepared for scoring. */
  public record ProfileDoc(ParsedProfile parsed, TermVectors.Vector terms, float[] skills) {}

  private final RuleScorer rules;
  private final FitFeatures features;
  private final TermVectors termVectors;
  private final SkillSpace skillSpace;
  private final RankingModel model;

  public Matcher(Taxonomy taxonomy, SkillSimilarity similarity, SkillSpace skillSpace, TermVectors termVectors,
      RankingModel model, int currentYear) {
    this.rules = new RuleScorer(new FitAssessor(taxonomy), RuleScorer.Weights.defaults());
    this.features = new FitFeatures(taxonomy, similarity, currentYear);
    this.termVectors = termVectors;
    this.skillSpace = skillSpace;
    this.model = model;
  }

  public PostingDoc posting(ParsedPosting parsed, String text) {
    return new PostingDoc(parsed, termVectors.vector(text), skillSpace.posting(parsed));
  }

  public ProfileDoc profile(ParsedProfile parsed, String text) {
    return new ProfileDoc(parsed, termVectors.vector(text), skillSpace.profile(parsed));
  }

  /** The features of a pair, in {@link FitFeatures#NAMES} order. */
  public double[] features(PostingDoc posting, ProfileDoc profile) {
    return features(posting, profile, rules.fit(posting.parsed(), profile.parsed()));
  }

  private double[] features(PostingDoc posting, ProfileDoc profile, RuleScorer.Fit fit) {
    return features.of(fit, posting.parsed(), profile.parsed(), SkillSpace.cosine(posting.skills(), profile.skills()),
        posting.terms().cosine(profile.terms()), termVectors.coverage(posting.parsed().title(), profile.terms()));
  }

  /** The calibrated fit score, 0-100. */
  public double score(PostingDoc posting, ProfileDoc profile) {
    if (model == null) {
      throw new IllegalStateException("this matcher has no ranking model");
    }
    return model.score(features(posting, profile));
  }
}
