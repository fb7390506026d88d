package io.skillmatch.evaluation;

import io.skillmatch.evaluation.JudgedSet.Judgment;
import io.skillmatch.evaluation.JudgedSet.Split;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.ranking.FitAssessor;
import io.skillmatch.ranking.FitFeatures;
import io.skillmatch.ranking.RuleScorer;
import io.skillmatch.taxonomy.Taxonomy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.model.cart.Loss;
import smile.regression.GradientTreeBoost;

/**
 * Groundwork for the trained ranker: gradient-boosted regression trees (Smile) on {@link
 * FitFeatures}, fitted on the train split of the judged set and scored as a {@link PairScorer}.
 * Deterministic: no subsampling, so no randomness. Not yet a shipped artefact.
 */
public final class LearnedRankerExperiment {

  /** Tree options. */
  public record Options(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage) {
    public static Options defaults() {
      return new Options(200, 4, 8, 5, 0.05);
    }
  }

  private final JudgedSet set;
  private final ParsedTexts parsed;
  private final RuleScorer rules;
  private final PairScorer tfidf;
  private final PairScorer bm25;
  private final PairScorer jaccard;

  public LearnedRankerExperiment(JudgedSet set, Taxonomy taxonomy, Clock clock) {
    this.set = set;
    this.parsed = new ParsedTexts(taxonomy, clock);
    this.rules = new RuleScorer(new FitAssessor(taxonomy), RuleScorer.Weights.defaults());
    this.tfidf = Baselines.tfIdfCosine(set.texts().values());
    this.bm25 = new Bm25Scorer(set.judgments().stream().map(j -> set.texts().get(j.candidate())).toList());
    this.jaccard = Baselines.skillJaccard(taxonomy, clock);
  }

  /** Fits trees on the judgments of the given splits and returns them as a pair scorer. */
  public PairScorer fit(Map<String, Split> splitOf, List<Split> trainOn, Options options) {
    List<double[]> rows = new ArrayList<>();
    for (Judgment j : set.judgments()) {
      if (!trainOn.contains(splitOf.get(j.posting()))) {
        continue;
      }
      double[] f = features(set.texts().get(j.posting()), set.texts().get(j.candidate()));
      double[] row = java.util.Arrays.copyOf(f, f.length + 1);
      row[f.length] = j.grade();
      rows.add(row);
    }
    List<String> names = new ArrayList<>(FitFeatures.NAMES);
    names.add("grade");
    DataFrame train = DataFrame.of(rows.toArray(new double[0][]), names.toArray(new String[0]));
    GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs("grade"), train,
        new GradientTreeBoost.Options(Loss.ls(), options.trees(), options.maxDepth(), options.maxNodes(),
            options.nodeSize(), options.shrinkage(), 1.0, null, null));
    String[] columns = names.toArray(new String[0]);
    return (posting, candidate) -> {
      double[] f = features(posting, candidate);
      double[] row = java.util.Arrays.copyOf(f, f.length + 1);
      return model.predict(DataFrame.of(new double[][] {row}, columns).get(0));
    };
  }

  private double[] features(String postingText, String candidateText) {
    ParsedPosting p = parsed.posting(postingText);
    ParsedProfile c = parsed.profile(candidateText);
    RuleScorer.Fit fit = rules.fit(p, c);
    return FitFeatures.of(fit, p, c, tfidf.score(postingText, candidateText), bm25.score(postingText, candidateText),
        jaccard.score(postingText, candidateText));
  }
}
