package io.skillmatch.evaluation;

import io.skillmatch.evaluation.JudgedSet.Judgment;
import io.skillmatch.evaluation.JudgedSet.Split;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How well a first-stage scorer shortlists: for each posting, every candidate of the judged set
 * (not only those judged for it) is ranked, and recall@k is the share of the candidates judged
 * relevant (grade 2 or more) that reach the top k. The other direction ranks every posting for each
 * candidate. Unjudged pairs count as not relevant, so recall is measured over known good fits.
 */
public final class RetrievalEvaluation {

  /** Recall at several depths, averaged over queries with at least one relevant document. */
  public record Result(String scorer, String direction, int queries, int universe, Map<Integer, Double> recallAt) {}

  private final JudgedSet set;

  public RetrievalEvaluation(JudgedSet set) {
    this.set = set;
  }

  /** Candidates for postings of the given splits (all postings when empty). */
  public Result candidatesForPostings(String name, PairScorer scorer, Map<String, Split> splitOf, List<Split> splits,
      int... depths) {
    return recall(name, "candidates for a posting", Judgment::posting, Judgment::candidate, splitOf, splits,
        (query, doc) -> scorer.score(set.texts().get(query), set.texts().get(doc)), depths);
  }

  /** Postings for candidates, over candidates with a relevant posting in the given splits. */
  public Result postingsForCandidates(String name, PairScorer scorer, Map<String, Split> splitOf, List<Split> splits,
      int... depths) {
    return recall(name, "postings for a candidate", Judgment::candidate, Judgment::posting, splitOf, splits,
        (query, doc) -> scorer.score(set.texts().get(doc), set.texts().get(query)), depths);
  }

  private Result recall(String name, String direction, Function<Judgment, String> queryOf,
      Function<Judgment, String> docOf, Map<String, Split> splitOf, List<Split> splits, QueryScorer scorer,
      int... depths) {
    Set<String> docs = new TreeSet<>();
    Map<String, Set<String>> relevant = new HashMap<>();
    for (Judgment j : set.judgments()) {
      docs.add(docOf.apply(j));
      if (j.grade() >= RankingMetrics.RELEVANT && (splits.isEmpty() || splits.contains(splitOf.get(j.posting())))) {
        relevant.computeIfAbsent(queryOf.apply(j), k -> new HashSet<>()).add(docOf.apply(j));
      }
    }
    return recall(name, direction, relevant, new ArrayList<>(docs), scorer, depths);
  }

  private interface QueryScorer {
    double score(String query, String doc);
  }

  private static Result recall(String name, String direction, Map<String, Set<String>> relevant, List<String> universe,
      QueryScorer scorer, int... depths) {
    Map<Integer, Double> sums = new HashMap<>();
    for (Map.Entry<String, Set<String>> q : new java.util.TreeMap<>(relevant).entrySet()) {
      List<String> ranked = new ArrayList<>(universe);
      Map<String, Double> score = new HashMap<>();
      for (String d : ranked) {
        score.put(d, scorer.score(q.getKey(), d));
      }
      // ties rank pessimistically: a relevant document below every equal-scoring other
      ranked.sort(Comparator.<String>comparingDouble(score::get).reversed()
          .thenComparing(d -> q.getValue().contains(d) ? 1 : 0));
      for (int k : depths) {
        long hits = ranked.subList(0, Math.min(k, ranked.size())).stream().filter(q.getValue()::contains).count();
        sums.merge(k, (double) hits / q.getValue().size(), Double::sum);
      }
    }
    Map<Integer, Double> recall = new java.util.TreeMap<>();
    sums.forEach((k, v) -> recall.put(k, v / relevant.size()));
    return new Result(name, direction, relevant.size(), universe.size(), recall);
  }

  /** A plain-text table. */
  public static String table(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    for (Result r : results) {
      sb.append(String.format(Locale.ROOT, "%-24s %-26s queries %3d of %3d docs:", r.scorer(), r.direction(),
          r.queries(), r.universe()));
      r.recallAt().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  R@%d %.3f", k, v)));
      sb.append('\n');
    }
    return sb.toString();
  }
}
