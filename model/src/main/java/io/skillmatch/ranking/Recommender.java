package io.skillmatch.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Retrieval then ranking, in both directions: the skill vectors shortlist the nearest documents,
 * the trained model scores each shortlisted pair and explains it. The shortlist keeps ranking cost
 * flat however large the store; a shortlist as large as the store ranks everything. Thread-safe.
 */
public final class Recommender {

  /** A ranked result: the document, its score and explanation. */
  public record Result<T>(T item, Match match) {}

  private final Matcher matcher;
  private final int shortlist;
  private final boolean parallel;

  /** @param shortlist how many nearest documents the model scores */
  public Recommender(Matcher matcher, int shortlist) {
    this(matcher, shortlist, false);
  }

  /**
   * @param shortlist how many nearest documents the model scores
   * @param parallel whether to score and explain on all cores: a lone request finishes sooner, but
   *     under load every core is busy with other requests and splitting only adds contention
   */
  public Recommender(Matcher matcher, int shortlist, boolean parallel) {
    if (shortlist <= 0) {
      throw new IllegalArgumentException("shortlist must be positive: " + shortlist);
    }
    this.matcher = matcher;
    this.shortlist = shortlist;
    this.parallel = parallel;
  }

  /** A recruiter's view: the best applicants among the indexed profiles for a posting. */
  public List<Result<Matcher.ProfileDoc>> applicants(Matcher.PostingDoc posting,
      NearestSearch<Matcher.ProfileDoc> profiles, int n) {
    List<Matcher.ProfileDoc> top = best(profiles.search(posting.skills(), shortlist), p -> matcher.score(posting, p), n);
    return (parallel ? top.parallelStream() : top.stream()).map(p -> new Result<>(p, matcher.explain(posting, p)))
        .toList();
  }

  /** A candidate's view: the best postings among those indexed for a profile. */
  public List<Result<Matcher.PostingDoc>> jobs(Matcher.ProfileDoc profile, NearestSearch<Matcher.PostingDoc> postings,
      int n) {
    Matcher.ProfileDoc indexed = matcher.indexed(profile); // indexed once, scored against the shortlist
    List<Matcher.PostingDoc> top = best(postings.search(indexed.skills(), shortlist), p -> matcher.score(p, indexed), n);
    List<Match> explained = matcher.explainAll(top, indexed, parallel);
    List<Result<Matcher.PostingDoc>> out = new ArrayList<>(top.size());
    for (int i = 0; i < top.size(); i++) {
      out.add(new Result<>(top.get(i), explained.get(i)));
    }
    return out;
  }

  /** The n shortlisted items the model scores highest; only those are explained. */
  private <T> List<T> best(List<VectorIndex.Hit<T>> hits, java.util.function.ToDoubleFunction<T> score, int n) {
    java.util.stream.IntStream positions = java.util.stream.IntStream.range(0, hits.size());
    double[] scores = (parallel ? positions.parallel() : positions)
        .mapToDouble(i -> score.applyAsDouble(hits.get(i).item())).toArray();
    List<double[]> scored = new ArrayList<>(scores.length);
    for (int i = 0; i < scores.length; i++) {
      scored.add(new double[] {scores[i], i});
    }
    scored.sort(Comparator.<double[]>comparingDouble(s -> -s[0]).thenComparingDouble(s -> s[1]));
    List<T> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, scored.size()); i++) {
      out.add(hits.get((int) scored.get(i)[1]).item());
    }
    return out;
  }
}
