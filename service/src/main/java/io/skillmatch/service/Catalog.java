package io.skillmatch.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.parsing.InvalidInputException;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.ranking.Matcher;
import io.skillmatch.ranking.Recommender;
import io.skillmatch.ranking.VectorIndex;
import io.skillmatch.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Postings and candidates: what callers sent, kept durably in the store, and their parsed and
 * prepared forms, kept in memory for matching. A write is parsed first and stored second, so bad
 * input writes nothing; on start every stored document is parsed again. Thread-safe.
 */
final class Catalog {

  static final String POSTING = "posting";
  static final String CANDIDATE = "candidate";

  /** A stored posting with its parse. */
  record Posting(String id, JsonNode input, ParsedPosting parsed, Matcher.PostingDoc doc) {}

  /** A stored candidate with their parse. */
  record Candidate(String id, JsonNode input, ParsedProfile parsed, Matcher.ProfileDoc doc) {}

  private final Store store;
  private final PostingParser postingParser;
  private final ProfileParser profileParser;
  private final Matcher matcher;
  private final ObjectMapper json;
  private final Map<String, Posting> postings = new ConcurrentHashMap<>();
  private final Map<String, Candidate> candidates = new ConcurrentHashMap<>();

  Catalog(Store store, PostingParser postingParser, ProfileParser profileParser, Matcher matcher, ObjectMapper json) {
    this.store = store;
    this.postingParser = postingParser;
    this.profileParser = profileParser;
    this.matcher = matcher;
    this.json = json;
    load(POSTING, (id, input) -> postings.put(id, posting(id, input)));
    load(CANDIDATE, (id, input) -> candidates.put(id, candidate(id, input)));
  }

  private void load(String kind, java.util.function.BiConsumer<String, JsonNode> put) {
    String cursor = null;
    do {
      Store.Page page = store.list(kind, 500, cursor);
      for (Store.Item item : page.items()) {
        put.accept(item.id(), read(item.body()));
      }
      cursor = page.nextCursor();
    } while (cursor != null);
  }

  Posting addPosting(JsonNode input) {
    Posting parsed = posting("", input);
    String id = store.create(POSTING, input.toString()).id();
    Posting p = new Posting(id, input, parsed.parsed(), parsed.doc());
    postings.put(id, p);
    return p;
  }

  Optional<Posting> replacePosting(String id, JsonNode input) {
    Posting parsed = posting(id, input);
    if (store.update(POSTING, id, input.toString()).isEmpty()) {
      return Optional.empty();
    }
    postings.put(id, parsed);
    return Optional.of(parsed);
  }

  Optional<Posting> posting(String id) {
    return Optional.ofNullable(postings.get(id));
  }

  boolean deletePosting(String id) {
    boolean deleted = store.delete(POSTING, id);
    postings.remove(id);
    return deleted;
  }

  Candidate addCandidate(JsonNode input) {
    Candidate parsed = candidate("", input);
    String id = store.create(CANDIDATE, input.toString()).id();
    Candidate c = new Candidate(id, input, parsed.parsed(), parsed.doc());
    candidates.put(id, c);
    return c;
  }

  Optional<Candidate> replaceCandidate(String id, JsonNode input) {
    Candidate parsed = candidate(id, input);
    if (store.update(CANDIDATE, id, input.toString()).isEmpty()) {
      return Optional.empty();
    }
    candidates.put(id, parsed);
    return Optional.of(parsed);
  }

  Optional<Candidate> candidate(String id) {
    return Optional.ofNullable(candidates.get(id));
  }

  boolean deleteCandidate(String id) {
    boolean deleted = store.delete(CANDIDATE, id);
    candidates.remove(id);
    return deleted;
  }

  /** A page of stored ids of a kind, in creation order. */
  Store.Page page(String kind, int limit, String cursor) {
    return store.list(kind, limit, cursor);
  }

  /** The postings that fit a candidate best: shortlisted by skill vectors, ranked by the model. */
  List<Recommender.Result<Matcher.PostingDoc>> jobsFor(Candidate c, int k) {
    List<Posting> all = new ArrayList<>(postings.values());
    VectorIndex<Matcher.PostingDoc> index = new VectorIndex<>(all.stream().map(Posting::doc).toList(),
        all.stream().map(p -> p.doc().skills()).toList());
    return new Recommender(matcher, Math.max(200, k)).jobs(c.doc(), index, k);
  }

  /** The candidates that fit a posting best, among all stored ones. */
  List<Recommender.Result<Matcher.ProfileDoc>> candidatesFor(Posting p, int k) {
    List<Candidate> all = new ArrayList<>(candidates.values());
    VectorIndex<Matcher.ProfileDoc> index = new VectorIndex<>(all.stream().map(Candidate::doc).toList(),
        all.stream().map(c -> c.doc().skills()).toList());
    return new Recommender(matcher, Math.max(200, k)).applicants(p.doc(), index, k);
  }

  /** Which stored posting or candidate a prepared document belongs to. */
  String idOf(Matcher.PostingDoc doc) {
    return postings.values().stream().filter(p -> p.doc() == doc).map(Posting::id).findFirst().orElseThrow();
  }

  String idOf(Matcher.ProfileDoc doc) {
    return candidates.values().stream().filter(c -> c.doc() == doc).map(Candidate::id).findFirst().orElseThrow();
  }

  Matcher matcher() {
    return matcher;
  }

  private Posting posting(String id, JsonNode input) {
    String text = Inputs.text(input, "text");
    JsonNode title = input.get("title");
    if (title != null && !title.isNull() && !title.isTextual()) {
      throw ApiException.badField("title", "must be a string");
    }
    String full = title == null || title.isNull() || text.strip().startsWith(title.asText().strip())
        ? text : title.asText().strip() + "\n\n" + text;
    ParsedPosting parsed = Inputs.rejectedAs("text", () -> postingParser.parse(full));
    return new Posting(id, input, parsed, matcher.posting(parsed, full));
  }

  private Candidate candidate(String id, JsonNode input) {
    boolean structured = input.has("skills") || input.has("experience");
    if (input.has("text") && structured) {
      throw ApiException.badField("text", "send either text or structured skills[] / experience[], not both");
    }
    if (input.has("text")) {
      String text = Inputs.text(input, "text");
      ParsedProfile parsed = Inputs.rejectedAs("text", () -> profileParser.parseText(text));
      return new Candidate(id, input, parsed, matcher.profile(parsed, text));
    }
    if (!structured) {
      throw ApiException.badField("text", "required: resume text, or structured skills[] / experience[]");
    }
    try {
      ParsedProfile parsed = profileParser.parseStructured(input);
      return new Candidate(id, input, parsed, matcher.profile(parsed, Inputs.workText(input)));
    } catch (InvalidInputException e) {
      throw ApiException.badField(e.field(), e.reason());
    }
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored document is not JSON", e);
    }
  }

}
