package io.skillmatch.evaluation;

import io.skillmatch.evaluation.JudgedSet.Judgment;
import io.skillmatch.evaluation.JudgedSet.Split;
import io.skillmatch.evaluation.RankingMetrics.Scored;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the judged pairs of some postings with a {@link PairScorer} and averages the ranking
 * metrics over postings: the candidates of each posting are ranked against each other, as a
 * recruiter ranks applicants.
 */
public final class RankingEvaluation {

  /**
   * The averaged metrics of one scorer.
   *
   * @param postings postings evaluated (with two or more judged candidates)
   * @param pairs judged pairs scored
   */
  public record Result(
      String scorer, int postings, int pairs, double ndcg10, double ndcg5, double map, double auc,
      double pairwiseAccuracy) {}

  private final JudgedSet set;

  public RankingEvaluation(JudgedSet set) {
    this.set = set;
  }

  /** Evaluates a scorer on the postings of the given splits (all postings when {@code splits} is empty). */
  public Result evaluate(String name, PairScorer scorer, Map<String, Split> splitOf, List<Split> splits) {
    List<Double> ndcg10 = new ArrayList<>();
    List<Double> ndcg5 = new ArrayList<>();
    List<Double> map = new ArrayList<>();
    List<Double> auc = new ArrayList<>();
    List<Double> pairwise = new ArrayList<>();
    int postings = 0;
    int pairs = 0;
    for (Map.Entry<String, List<Judgment>> e : set.byPosting().entrySet()) {
      if (!splits.isEmpty() && !splits.contains(splitOf.get(e.getKey())) || e.getValue().size() < 2) {
        continue;
      }
      String postingText = set.texts().get(e.getKey());
      List<Scored> scored = new ArrayList<>();
      for (Judgment j : e.getValue()) {
        scored.add(new Scored(scorer.score(postingText, set.texts().get(j.candidate())), j.grade()));
      }
      postings++;
      pairs += scored.size();
      ndcg10.add(RankingMetrics.ndcg(scored, 10));
      ndcg5.add(RankingMetrics.ndcg(scored, 5));
      map.add(RankingMetrics.averagePrecision(scored));
      auc.add(RankingMetrics.auc(scored));
      pairwise.add(RankingMetrics.pairwiseAccuracy(scored));
    }
    return new Result(name, postings, pairs, RankingMetrics.mean(ndcg10), RankingMetrics.mean(ndcg5),
        RankingMetrics.mean(map), RankingMetrics.mean(auc), RankingMetrics.mean(pairwise));
  }

  /** A plain-text table of results. */
  public static String table(List<Result> results) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-22s %8s %7s %7s %7s %7s %9s %6s%n",
        "scorer", "NDCG@10", "NDCG@5", "MAP", "AUC", "pairwise", "postings", "pairs"));
    for (Result r : results) {
      sb.append(String.format(Locale.ROOT, "%-22s %8.3f %7.3f %7.3f %7.3f %7.3f %9d %6d%n", r.scorer(), r.ndcg10(),
          r.ndcg5(), r.map(), r.auc(), r.pairwiseAccuracy(), r.postings(), r.pairs()));
    }
    return sb.toString();
  }

  /** The baseline scorers, in report order. */
  public static Map<String, PairScorer> baselines(JudgedSet set, io.skillmatch.taxonomy.Taxonomy taxonomy,
      java.time.Clock clock) {
    Map<String, PairScorer> out = new LinkedHashMap<>();
    out.put("BM25 (Lucene)", new Bm25Scorer(set.judgments().stream().map(j -> set.texts().get(j.candidate())).toList()));
    out.put("TF-IDF cosine", Baselines.tfIdfCosine(set.texts().values()));
    out.put("MiniLM cosine", new MiniLmScorer());
    out.put("skill-overlap Jaccard", Baselines.skillJaccard(taxonomy, clock));
    out.put("skillmatch rules v0", rules(taxonomy, clock));
    return out;
  }

  /** The requirement-by-requirement rule score, as a pair scorer over raw texts. */
  public static PairScorer rules(io.skillmatch.taxonomy.Taxonomy taxonomy, java.time.Clock clock) {
    ParsedTexts parsed = new ParsedTexts(taxonomy, clock);
    io.skillmatch.ranking.RuleScorer scorer = new io.skillmatch.ranking.RuleScorer(
        new io.skillmatch.ranking.FitAssessor(taxonomy), io.skillmatch.ranking.RuleScorer.Weights.defaults());
    return (posting, candidate) -> scorer.fit(parsed.posting(posting), parsed.profile(candidate)).score();
  }
}
