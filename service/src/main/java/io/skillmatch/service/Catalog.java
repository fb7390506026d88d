package io.skillmatch.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.parsing.InvalidInputException;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.ranking.HnswIndex;
import io.skillmatch.ranking.Matcher;
import io.skillmatch.ranking.NearestSearch;
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
  // approximate indexes for large stores, and the way back from a prepared document to its id
  private final HnswIndex<Matcher.PostingDoc> postingIndex = new HnswIndex<>();
  private final HnswIndex<Matcher.ProfileDoc> candidateIndex = new HnswIndex<>();
  private final Map<Object, String> idOf = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /** Below this many documents, retrieval is exact; above it, the HNSW graph shortlists. */
  static final int EXACT_BELOW = 2_000;
  /** How many documents retrieval hands the model to re-rank. */
  static final int SHORTLIST = 300;

  Catalog(Store store, PostingParser postingParser, ProfileParser profileParser, Matcher matcher, ObjectMapper json) {
    this.store = store;
    this.postingParser = postingParser;
    this.profileParser = profileParser;
    this.matcher = matcher;
    this.json = json;
    load(POSTING, (id, input) -> postings.put(id, posting(id, input)));
    load(CANDIDATE, (id, input) -> candidates.put(id, candidate(id, input)));
    List<Posting> ps = new ArrayList<>(postings.values());
    postingIndex.putAll(ps.stream().map(Posting::id).toList(), ps.stream().map(Posting::doc).toList(),
        ps.stream().map(p -> p.doc().skills()).toList());
    ps.forEach(p -> idOf.put(p.doc(), p.id()));
    List<Candidate> cs = new ArrayList<>(candidates.values());
    candidateIndex.putAll(cs.stream().map(Candidate::id).toList(), cs.stream().map(Candidate::doc).toList(),
        cs.stream().map(c -> c.doc().skills()).toList());
    cs.forEach(c -> idOf.put(c.doc(), c.id()));
  }

  private void indexed(Posting p) {
    Posting old = postings.put(p.id(), p);
    if (old != null) {
      idOf.remove(old.doc());
    }
    idOf.put(p.doc(), p.id());
    postingIndex.put(p.id(), p.doc(), p.doc().skills());
  }

  private void indexed(Candidate c) {
    Candidate old = candidates.put(c.id(), c);
    if (old != null) {
      idOf.remove(old.doc());
    }
    idOf.put(c.doc(), c.id());
    candidateIndex.put(c.id(), c.doc(), c.doc().skills());
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
    indexed(p);
    return p;
  }

  Optional<Posting> replacePosting(String id, JsonNode input) {
    Posting parsed = posting(id, input);
    if (store.update(POSTING, id, input.toString()).isEmpty()) {
      return Optional.empty();
    }
    indexed(parsed);
    return Optional.of(parsed);
  }

  Optional<Posting> posting(String id) {
    return Optional.ofNullable(postings.get(id));
  }

  boolean deletePosting(String id) {
    boolean deleted = store.delete(POSTING, id);
    Posting old = postings.remove(id);
    if (old != null) {
      idOf.remove(old.doc());
    }
    postingIndex.remove(id);
    return deleted;
  }

  Candidate addCandidate(JsonNode input) {
    Candidate parsed = candidate("", input);
    String id = store.create(CANDIDATE, input.toString()).id();
    Candidate c = new Candidate(id, input, parsed.parsed(), parsed.doc());
    indexed(c);
    return c;
  }

  Optional<Candidate> replaceCandidate(String id, JsonNode input) {
    Candidate parsed = candidate(id, input);
    if (store.update(CANDIDATE, id, input.toString()).isEmpty()) {
      return Optional.empty();
    }
    indexed(parsed);
    return Optional.of(parsed);
  }

  Optional<Candidate> candidate(String id) {
    return Optional.ofNullable(candidates.get(id));
  }

  boolean deleteCandidate(String id) {
    boolean deleted = store.delete(CANDIDATE, id);
    Candidate old = candidates.remove(id);
    if (old != null) {
      idOf.remove(old.doc());
    }
    candidateIndex.remove(id);
    return deleted;
  }

  /** A page of stored ids of a kind, in creation order. */
  Store.Page page(String kind, int limit, String cursor) {
    return store.list(kind, limit, cursor);
  }

  /** The postings that fit a candidate best: shortlisted by skill vectors, ranked by the model. */
  List<Recommender.Result<Matcher.PostingDoc>> jobsFor(Candidate c, int k) {
    NearestSearch<Matcher.PostingDoc> search = postings.size() < EXACT_BELOW
        ? exact(postings.values().stream().map(Posting::doc).toList(), Matcher.PostingDoc::skills) : postingIndex;
    return new Recommender(matcher, Math.max(SHORTLIST, k)).jobs(c.doc(), search, k);
  }

  /** The candidates that fit a posting best, among all stored ones. */
  List<Recommender.Result<Matcher.ProfileDoc>> candidatesFor(Posting p, int k) {
    NearestSearch<Matcher.ProfileDoc> search = candidates.size() < EXACT_BELOW
        ? exact(candidates.values().stream().map(Candidate::doc).toList(), Matcher.ProfileDoc::skills) : candidateIndex;
    return new Recommender(matcher, Math.max(SHORTLIST, k)).applicants(p.doc(), search, k);
  }

  private static <T> NearestSearch<T> exact(List<T> docs, java.util.function.Function<T, float[]> vector) {
    return new VectorIndex<>(docs, docs.stream().map(vector).toList());
  }

  /** Which stored posting or candidate a prepared document belongs to; null once replaced or deleted. */
  String idOf(Object doc) {
    return idOf.get(doc);
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
