package io.skillmatch.ranking;

import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.parsing.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  public record PostingDoc(ParsedPosting parsed, TermVectors.Vector terms, TermVectors.Vector title, float[] skills,
      FitFeatures.PostingFacts facts) {}

  /**
   * A profile prepared for scoring.
   *
   * @param index its skills indexed for the rules, or null: then built each time it is scored. A
   *     store of many profiles holds none (they were a quarter of its heap); a profile scored against
   *     many postings carries one for the while ({@link #indexed})
   */
  public record ProfileDoc(ParsedProfile parsed, FitAssessor.ProfileIndex index, TermVectors.Vector terms,
      float[] skills, FitFeatures.ProfileFacts facts) {}

  private final FitAssessor assessor;
  private final RuleScorer rules;
  private final FitFeatures features;
  private final TermVectors termVectors;
  private final SkillSpace skillSpace;
  private final RankingModel model;
  private final SkillSimilarity similarity;
  private final int currentYear;

  public Matcher(Taxonomy taxonomy, SkillSimilarity similarity, SkillSpace skillSpace, TermVectors termVectors,
      RankingModel model, int currentYear) {
    this.assessor = new FitAssessor(taxonomy);
    this.rules = new RuleScorer(assessor, RuleScorer.Weights.defaults());
    this.features = new FitFeatures(taxonomy, similarity, currentYear);
    this.termVectors = termVectors;
    this.skillSpace = skillSpace;
    this.model = model;
    this.similarity = similarity;
    this.currentYear = currentYear;
  }

  public PostingDoc posting(ParsedPosting parsed, String text) {
    return posting(parsed, termVectors.vector(text));
  }

  /** Prepares a posting whose text vector was made before ({@link #terms()}, kept beside its parse). */
  public PostingDoc posting(ParsedPosting parsed, TermVectors.Vector terms) {
    return new PostingDoc(parsed, terms, termVectors.rarity(parsed.title()), skillSpace.posting(parsed),
        features.posting(parsed));
  }

  /** Prepares a profile, without its index (see {@link ProfileDoc#index}). */
  public ProfileDoc profile(ParsedProfile parsed, String text) {
    return profile(parsed, termVectors.vector(text));
  }

  /** Prepares a profile whose text vector was made before. */
  public ProfileDoc profile(ParsedProfile parsed, TermVectors.Vector terms) {
    return new ProfileDoc(parsed, null, terms, skillSpace.profile(parsed), features.profile(parsed));
  }

  /** The table text vectors are made with. */
  public TermVectors terms() {
    return termVectors;
  }

  /** The profile with its index, to score it against many postings. */
  public ProfileDoc indexed(ProfileDoc doc) {
    return doc.index() != null ? doc
        : new ProfileDoc(doc.parsed(), assessor.index(doc.parsed()), doc.terms(), doc.skills(), doc.facts());
  }

  private FitAssessor.ProfileIndex index(ProfileDoc doc) {
    return doc.index() != null ? doc.index() : assessor.index(doc.parsed());
  }

  /** The features of a pair, in {@link FitFeatures#NAMES} order. */
  public double[] features(PostingDoc posting, ProfileDoc profile) {
    return features(posting, profile, rules.fit(posting.parsed(), profile.parsed(), index(profile)));
  }

  private double[] features(PostingDoc posting, ProfileDoc profile, RuleScorer.Fit fit) {
    return features.of(fit, posting.parsed(), profile.parsed(), posting.facts(), profile.facts(),
        SkillSpace.cosine(posting.skills(), profile.skills()),
        TermVectors.coverage(posting.terms(), profile.terms()),
        posting.title().total() == 0 ? 0 : posting.title().overlap(profile.terms()) / posting.title().total());
  }

  /**
   * The score with its explanation. Each requirement's contribution is measured with the model on
   * the candidate as they would be: the profile is rebuilt without the skill that meets a met
   * requirement, or with the skill of an unmet one (at the years asked, used this year), and the
   * pair is scored again, everything else equal. What changes with it, changes: other requirements
   * the same skill meets, the profile's vector, its words.
   */
  public Match explain(PostingDoc posting, ProfileDoc profile) {
    return explain(posting, profile, new HashMap<>());
  }

  /**
   * Explains several postings for one profile, as a candidate's page of matches does. The what-if
   * profiles (a skill left out, a requirement met) recur across postings that ask for the same
   * skills, so each is built once.
   */
  public List<Match> explainAll(List<PostingDoc> postings, ProfileDoc profile) {
    return explainAll(postings, profile, false);
  }

  /** {@link #explainAll(List, ProfileDoc)}, on all cores when {@code parallel}; the same explanations either way. */
  public List<Match> explainAll(List<PostingDoc> postings, ProfileDoc profile, boolean parallel) {
    Map<String, ProfileDoc> whatIfs = new java.util.concurrent.ConcurrentHashMap<>();
    ProfileDoc indexed = indexed(profile);
    return (parallel ? postings.parallelStream() : postings.stream()).map(p -> explain(p, indexed, whatIfs)).toList();
  }

  private Match explain(PostingDoc posting, ProfileDoc profile, Map<String, ProfileDoc> whatIfs) {
    RankingModel m = requireModel();
    RuleScorer.Fit fit = rules.fit(posting.parsed(), profile.parsed(), index(profile));
    double score = m.score(features(posting, profile, fit));
    List<Match.RequirementMatch> out = new ArrayList<>();
    List<Match.LearnNext> learn = new ArrayList<>();
    for (RequirementFit f : fit.fits()) {
      Requirement r = f.requirement();
      boolean met = f.status() == Status.MET;
      ProfileDoc whatIf = met
          ? whatIfs.computeIfAbsent("-" + f.evidence().skillId(), k -> without(profile, f.evidence().skillId()))
          : whatIf(whatIfs, profile, r);
      double other = m.score(features(posting, whatIf));
      // trees are not monotone everywhere: a met requirement never counts against the candidate,
      // nor an unmet one for them
      double contribution = met ? Math.max(0, score - other) : Math.min(0, score - other);
      out.add(new Match.RequirementMatch(r.skill(), r.skillId(), r.importance(), r.minYears(), r.anyOf(), f.status(),
          f.why(), f.evidence() == null ? null : f.evidence().evidence(), round(contribution)));
      if (!met && round(other - score) > 0) {
        learn.add(new Match.LearnNext(r.skill(), r.skillId(), round(other - score), closest(r.skillId(), profile)));
      }
    }
    learn.sort(Comparator.comparingDouble(Match.LearnNext::gain).reversed().thenComparing(Match.LearnNext::skillId));
    return new Match(round(score), out, learn.subList(0, Math.min(5, learn.size())), m.version());
  }

  /** The profile without a skill. */
  private ProfileDoc without(ProfileDoc doc, String skillId) {
    List<ProfileSkill> skills = new ArrayList<>(doc.parsed().skills());
    skills.removeIf(s -> s.skillId().equals(skillId));
    return rebuilt(doc, skills, doc.terms());
  }

  /** The years a profile would have of a requirement's skill once met: those asked, or more if it has them. */
  private static Double yearsIfMet(ProfileDoc doc, Requirement r) {
    Double years = r.minYears() == null ? null : r.minYears().doubleValue();
    for (ProfileSkill s : doc.parsed().skills()) {
      if (s.skillId().equals(r.skillId()) && s.years() != null) {
        years = years == null ? s.years() : Math.max(years, s.years());
      }
    }
    return years;
  }

  /** The profile with a requirement met, built once per skill and years for a page of explanations. */
  private ProfileDoc whatIf(Map<String, ProfileDoc> whatIfs, ProfileDoc profile, Requirement r) {
    Double years = yearsIfMet(profile, r);
    return whatIfs.computeIfAbsent("+" + r.skillId() + ":" + years, k -> with(profile, r, years));
  }

  /** The profile with a requirement's skill fully met: the years given, used this year. */
  private ProfileDoc with(ProfileDoc doc, Requirement r, Double years) {
    List<ProfileSkill> skills = new ArrayList<>(doc.parsed().skills());
    boolean had = skills.removeIf(s -> s.skillId().equals(r.skillId()));
    ProfileSkill added = new ProfileSkill(r.skill(), r.skillId(), years, currentYear, false, null);
    skills.add(added);
    ParsedProfile changed = changed(doc, skills);
    // a skill the profile lacks is indexed on top of its index; one it had moves, so all is indexed again
    FitAssessor.ProfileIndex index = had ? assessor.index(changed) : assessor.withSkill(index(doc), added);
    return rebuilt(doc, changed, index, termVectors.withWords(doc.terms(), r.skill()));
  }

  private ProfileDoc rebuilt(ProfileDoc doc, List<ProfileSkill> skills, TermVectors.Vector terms) {
    ParsedProfile changed = changed(doc, skills);
    return rebuilt(doc, changed, assessor.index(changed), terms);
  }

  private static ParsedProfile changed(ProfileDoc doc, List<ProfileSkill> skills) {
    ParsedProfile p = doc.parsed();
    return new ParsedProfile(skills, p.totalYears(), p.seniority(), p.titles(), p.unknownSkills(), p.warnings());
  }

  private ProfileDoc rebuilt(ProfileDoc doc, ParsedProfile changed, FitAssessor.ProfileIndex index,
      TermVectors.Vector terms) {
    return new ProfileDoc(changed, index, terms, skillSpace.profile(changed),
        features.profile(changed, doc.facts().titleWords()));
  }

  /** The candidate's skill most similar to a skill, or null. */
  private String closest(String skillId, ProfileDoc profile) {
    Map<String, Double> near = similarity.near(skillId);
    String best = null;
    double bestSim = 0;
    for (ProfileSkill s : profile.parsed().skills()) {
      double sim = near.getOrDefault(s.skillId(), 0.0);
      if (sim > bestSim || sim == bestSim && sim > 0 && s.skill().compareTo(best) < 0) {
        best = s.skill();
        bestSim = sim;
      }
    }
    return best;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private RankingModel requireModel() {
    if (model == null) {
      throw new IllegalStateException("this matcher has no ranking model");
    }
    return model;
  }

  /** The calibrated fit score, 0-100. */
  public double score(PostingDoc posting, ProfileDoc profile) {
    return requireModel().score(features(posting, profile));
  }
}
