package io.skillmatch.evaluation;

import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.parsing.TextRejectedException;
import io.skillmatch.taxonomy.Taxonomy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Postings and profiles parsed once per text, for scorers that see the same texts many times. A
 * text the cleaner rejects parses as empty, with the reason in its warnings. Thread-safe.
 */
public final class ParsedTexts {
  private final PostingParser postings;
  private final ProfileParser profiles;
  private final Map<String, ParsedPosting> postingCache = new ConcurrentHashMap<>();
  private final Map<String, ParsedProfile> profileCache = new ConcurrentHashMap<>();

  public ParsedTexts(Taxonomy taxonomy, Clock clock) {
    this.postings = PostingParser.of(taxonomy);
    this.profiles = ProfileParser.of(taxonomy, clock);
  }

  public ParsedPosting posting(String text) {
    return postingCache.computeIfAbsent(text, t -> {
      try {
        return postings.parse(t);
      } catch (TextRejectedException e) {
        return new ParsedPosting(null, null, null, List.of(), List.of(), List.of(e.getMessage()));
      }
    });
  }

  public ParsedProfile profile(String text) {
    return profileCache.computeIfAbsent(text, t -> {
      try {
        return profiles.parse(t);
      } catch (TextRejectedException e) {
        return new ParsedProfile(List.of(), null, null, List.of(), List.of(), List.of(e.getMessage()));
      }
    });
  }
}
