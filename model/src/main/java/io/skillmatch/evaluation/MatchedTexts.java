package io.skillmatch.evaluation;

import io.skillmatch.ranking.Matcher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Matcher} over raw texts, each text parsed and prepared once: for scoring the judged
 * pairs, where the same texts recur many times. Thread-safe.
 */
public final class MatchedTexts {
  private final Matcher matcher;
  private final ParsedTexts parsed;
  private final Map<String, Matcher.PostingDoc> postings = new ConcurrentHashMap<>();
  private final Map<String, Matcher.ProfileDoc> profiles = new ConcurrentHashMap<>();

  public MatchedTexts(Matcher matcher, ParsedTexts parsed) {
    this.matcher = matcher;
    this.parsed = parsed;
  }

  public Matcher.PostingDoc posting(String text) {
    return postings.computeIfAbsent(text, t -> matcher.posting(parsed.posting(t), t));
  }

  public Matcher.ProfileDoc profile(String text) {
    return profiles.computeIfAbsent(text, t -> matcher.profile(parsed.profile(t), t));
  }

  /** The features of a pair of texts. */
  public double[] features(String postingText, String candidateText) {
    return matcher.features(posting(postingText), profile(candidateText));
  }

  /** The cosine of the posting's and the profile's skill vectors: the retrieval stage. */
  public PairScorer vectorCosine() {
    return (p, c) -> io.skillmatch.ranking.SkillSpace.cosine(posting(p).skills(), profile(c).skills());
  }

  /** The matcher's calibrated score as a pair scorer. */
  public PairScorer scorer() {
    return (p, c) -> matcher.score(posting(p), profile(c));
  }
}
