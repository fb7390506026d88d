package io.skillmatch.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranking metrics over graded judgments (grades 0-3), computed per query (a posting) and averaged
 * over queries. A candidate is relevant when its grade is at least {@link #RELEVANT}. Ties in the
 * scores are broken pessimistically (the lower grade first), so a constant scorer earns nothing
 * from the order in which judgments happen to be listed. Stateless, thread-safe.
 */
public final class RankingMetrics {

  /** The grade from which a candidate counts as relevant (a good partial fit). */
  public static final int RELEVANT = 2;

  /** One scored, graded candidate of a query. */
  public record Scored(double score, int grade) {}

  private RankingMetrics() {}

  /** NDCG@k with gains 2^grade - 1; a query with no graded gain is skipped (NaN). */
  public static double ndcg(List<Scored> items, int k) {
    List<Scored> ranked = ranked(items);
    List<Integer> ideal = new ArrayList<>();
    for (Scored s : items) {
      ideal.add(s.grade());
    }
    ideal.sort(Comparator.reverseOrder());
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    if (idcg == 0) {
      return Double.NaN;
    }
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += gain(ranked.get(i).grade()) / log2(i + 2);
    }
    return dcg / idcg;
  }

  /** Average precision of the relevant candidates; NaN when a query has none. */
  public static double averagePrecision(List<Scored> items) {
    List<Scored> ranked = ranked(items);
    int relevant = 0;
    double sum = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (ranked.get(i).grade() >= RELEVANT) {
        relevant++;
        sum += (double) relevant / (i + 1);
      }
    }
    return relevant == 0 ? Double.NaN : sum / relevant;
  }

  /**
   * AUC: the probability that a relevant candidate scores above an irrelevant one (ties count
   * half); NaN when a query lacks either kind.
   */
  public static double auc(List<Scored> items) {
    double pairs = 0;
    double wins = 0;
    for (Scored a : items) {
      if (a.grade() < RELEVANT) {
        continue;
      }
      for (Scored b : items) {
        if (b.grade() >= RELEVANT) {
          continue;
        }
        pairs++;
        wins += a.score() > b.score() ? 1 : a.score() == b.score() ? 0.5 : 0;
      }
    }
    return pairs == 0 ? Double.NaN : wins / pairs;
  }

  /** Of the pairs with different grades, the share the scores order correctly (ties count half). */
  public static double pairwiseAccuracy(List<Scored> items) {
    double pairs = 0;
    double right = 0;
    for (int i = 0; i < items.size(); i++) {
      for (int j = i + 1; j < items.size(); j++) {
        Scored a = items.get(i);
        Scored b = items.get(j);
        if (a.grade() == b.grade()) {
          continue;
        }
        pairs++;
        Scored hi = a.grade() > b.grade() ? a : b;
        Scored lo = hi == a ? b : a;
        right += hi.score() > lo.score() ? 1 : hi.score() == lo.score() ? 0.5 : 0;
      }
    }
    return pairs == 0 ? Double.NaN : right / pairs;
  }

  /** Mean of the non-NaN values; NaN when there are none. */
  public static double mean(List<Double> values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static List<Scored> ranked(List<Scored> items) {
    List<Scored> ranked = new ArrayList<>(items);
    ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::grade));
    return ranked;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
