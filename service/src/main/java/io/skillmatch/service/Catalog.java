package io.skillmatch.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.ranking.HnswIndex;
import io.skillmatch.ranking.Matcher;
import io.skillmatch.ranking.NearestSearch;
import io.skillmatch.ranking.Recommender;
import io.skillmatch.ranking.VectorIndex;
import io.skillmatch.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Postings and candidates: what callers sent, kept durably in the store, and their parsed and
 * prepared forms, kept in memory for matching (what was sent is not: nothing reads it back). A write is parsed first and stored second, so bad
 * input writes nothing; on start every stored document is parsed again. Thread-safe.
 */
final class Catalog {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Catalog.class);

  static final String POSTING = "posting";
  static final String CANDIDATE = "candidate";

  /** Below this many documents, retrieval is exact; above it, the HNSW graph shortlists. */
  static final int EXACT_BELOW = 2_000;
  /** How many documents retrieval hands the model to re-rank, unless told otherwise. */
  static final int SHORTLIST = 300;

  /** A stored posting with its parse, and who owns it (null when created without keys). */
  record Posting(String id, String owner, Matcher.PostingDoc doc) {
    ParsedPosting parsed() {
      return doc.parsed();
    }
  }

  /** A stored candidate with their parse, and who owns the profile. */
  record Candidate(String id, String owner, Matcher.ProfileDoc doc) {
    ParsedProfile parsed() {
      return doc.parsed();
    }
  }

  /** An exact index and the shelf version it was built at. */
  private record Exact<D>(long version, VectorIndex<D> index) {}

  /** Builds an entry from its id, owner and prepared document. */
  @FunctionalInterface
  private interface Entry<E, D> {
    E of(String id, String owner, D doc);
  }

  private final Store store;
  private final DocumentReader reader;
  private final int shortlist;
  private final ObjectMapper json;
  // the way back from a prepared document, which retrieval returns, to its id
  private final Map<Object, String> idOf = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Shelf<Posting, Matcher.PostingDoc> postings;
  private final Shelf<Candidate, Matcher.ProfileDoc> candidates;

  Catalog(Store store, DocumentReader reader, ObjectMapper json) {
    this(store, reader, json, SHORTLIST);
  }

  /** @param shortlist how many nearest documents the model re-ranks for a search */
  Catalog(Store store, DocumentReader reader, ObjectMapper json, int shortlist) {
    if (shortlist < 1) {
      throw new IllegalArgumentException("shortlist must be positive: " + shortlist);
    }
    this.shortlist = shortlist;
    this.store = store;
    this.reader = reader;
    this.json = json;
    this.postings = new Shelf<>(POSTING, input -> reader.posting(input, ""), Posting::new, Posting::doc, Matcher.PostingDoc::skills);
    this.candidates = new Shelf<>(CANDIDATE, input -> reader.profile(input, ""), Candidate::new, Candidate::doc,
        Matcher.ProfileDoc::skills);
  }

  /**
   * The documents of one kind: the store, the entries by id, and the graph over their vectors,
   * kept in step.
   */
  private final class Shelf<E, D> {
    private final String kind;
    private final Function<JsonNode, D> read;
    private final Entry<E, D> entry;
    private final Function<E, D> doc;
    private final Function<D, float[]> vector;
    private final Map<String, E> byId = new ConcurrentHashMap<>();
    private final HnswIndex<D> index = new HnswIndex<>();
    // writes count up; the exact index below EXACT_BELOW is kept for the version it was built at
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private volatile Exact<D> exact;

    Shelf(String kind, Function<JsonNode, D> read, Entry<E, D> entry, Function<E, D> doc, Function<D, float[]> vector) {
      this.kind = kind;
      this.read = read;
      this.entry = entry;
      this.doc = doc;
      this.vector = vector;
      // every stored document is read again on start, on all cores
      List<Store.Item> items = new ArrayList<>();
      String cursor = null;
      do {
        Store.Page page = store.list(kind, 5_000, cursor);
        items.addAll(page.items());
        cursor = page.nextCursor();
      } while (cursor != null);
      List<E> entries = items.parallelStream().map(item -> {
        JsonNode input = parse(item.body());
        return entry.of(item.id(), item.owner(), read.apply(input));
      }).toList();
      keepAll(items.stream().map(Store.Item::id).toList(), entries);
      LOG.info("{}s: {} read from the store, {} in the graph ({} segment(s))", kind, items.size(), index.size(),
          index.segments());
    }

    // Writes read the input first, then change the store, the map and the graph under the shelf's
    // lock, so that a replace racing a delete of one document cannot leave them disagreeing.
    E add(JsonNode input, String owner) {
      D d = read.apply(input);
      synchronized (this) {
        String id = store.create(kind, input.toString(), owner).id();
        return keep(id, entry.of(id, owner, d));
      }
    }

    /**
     * Adds many documents: read in parallel, stored in one transaction, indexed together. Those
     * that cannot be read are skipped and reported to {@code rejected} by position.
     */
    int addAll(List<JsonNode> inputs, String owner, java.util.function.BiConsumer<Integer, String> rejected) {
      List<D> readOrNull = java.util.stream.IntStream.range(0, inputs.size()).parallel().mapToObj(i -> {
        try {
          return read.apply(inputs.get(i));
        } catch (ApiException e) {
          rejected.accept(i, e.getMessage());
          return null;
        }
      }).toList();
      List<JsonNode> good = new ArrayList<>();
      List<D> docs = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        if (readOrNull.get(i) != null) {
          good.add(inputs.get(i));
          docs.add(readOrNull.get(i));
        }
      }
      synchronized (this) {
        List<Store.Item> items = store.createAll(kind, good.stream().map(JsonNode::toString).toList(), owner);
        List<String> ids = items.stream().map(Store.Item::id).toList();
        List<E> entries = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
          entries.add(entry.of(ids.get(i), owner, docs.get(i)));
        }
        keepAll(ids, entries);
        return ids.size();
      }
    }

    Optional<E> replace(String id, JsonNode input) {
      D d = read.apply(input);
      synchronized (this) {
        return store.update(kind, id, input.toString()).map(item -> keep(id, entry.of(id, item.owner(), d)));
      }
    }

    Optional<E> get(String id) {
      return Optional.ofNullable(byId.get(id));
    }

    synchronized boolean delete(String id) {
      boolean deleted = store.delete(kind, id);
      forget(byId.remove(id));
      index.remove(id);
      version.incrementAndGet();
      return deleted;
    }

    /** Exact below {@link #EXACT_BELOW} documents, the graph above. */
    NearestSearch<D> nearest() {
      if (byId.size() >= EXACT_BELOW) {
        return index;
      }
      // the exact index is built once per version of the shelf, not once per search; the version is
      // read before the documents, so an index built during a write is built again next time
      long v = version.get();
      Exact<D> cached = exact;
      if (cached != null && cached.version() == v) {
        return cached.index();
      }
      List<D> docs = byId.values().stream().map(doc).toList();
      VectorIndex<D> built = new VectorIndex<>(docs, docs.stream().map(vector).toList());
      exact = new Exact<>(v, built);
      return built;
    }

    private E keep(String id, E e) {
      D d = doc.apply(e);
      forget(byId.put(id, e));
      idOf.put(d, id);
      index.put(id, d, vector.apply(d));
      version.incrementAndGet();
      return e;
    }

    /** Keeps new documents in the map and the graph, refreshing the graph once for all. */
    private void keepAll(List<String> ids, List<E> entries) {
      List<D> docs = entries.stream().map(doc).toList();
      for (int i = 0; i < ids.size(); i++) {
        byId.put(ids.get(i), entries.get(i));
        idOf.put(docs.get(i), ids.get(i));
      }
      index.putAll(ids, docs, docs.stream().map(vector).toList());
      version.incrementAndGet();
    }

    private void forget(E old) {
      if (old != null) {
        idOf.remove(doc.apply(old));
      }
    }
  }

  Posting addPosting(JsonNode input, String owner) {
    return postings.add(input, owner);
  }

  /** Adds many documents of a kind at once (an import); returns how many were kept. */
  int addAll(String kind, List<JsonNode> inputs, String owner, java.util.function.BiConsumer<Integer, String> rejected) {
    return (kind.equals(POSTING) ? postings : candidates).addAll(inputs, owner, rejected);
  }

  Optional<Posting> replacePosting(String id, JsonNode input) {
    return postings.replace(id, input);
  }

  Optional<Posting> posting(String id) {
    return postings.get(id);
  }

  boolean deletePosting(String id) {
    return postings.delete(id);
  }

  Candidate addCandidate(JsonNode input, String owner) {
    return candidates.add(input, owner);
  }

  Optional<Candidate> replaceCandidate(String id, JsonNode input) {
    return candidates.replace(id, input);
  }

  Optional<Candidate> candidate(String id) {
    return candidates.get(id);
  }

  boolean deleteCandidate(String id) {
    return candidates.delete(id);
  }

  /** A page of stored ids of a kind, in creation order: one owner's, or everyone's when null. */
  Store.Page page(String kind, int limit, String cursor, String owner) {
    return store.list(kind, limit, cursor, owner);
  }

  /** The postings that fit a candidate best: shortlisted by skill vectors, ranked by the model. */
  List<Recommender.Result<Matcher.PostingDoc>> jobsFor(Candidate c, int k) {
    return new Recommender(reader.matcher(), Math.max(shortlist, k)).jobs(c.doc(), postings.nearest(), k);
  }

  /** The candidates that fit a posting best, among all stored ones. */
  List<Recommender.Result<Matcher.ProfileDoc>> candidatesFor(Posting p, int k) {
    return new Recommender(reader.matcher(), Math.max(shortlist, k)).applicants(p.doc(), candidates.nearest(), k);
  }

  /** Which stored posting or candidate a prepared document belongs to; null once replaced or deleted. */
  String idOf(Object doc) {
    return idOf.get(doc);
  }

  Matcher matcher() {
    return reader.matcher();
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored document is not JSON", e);
    }
  }
}
