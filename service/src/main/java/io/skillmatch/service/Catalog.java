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
 * Postings and candidates: what callers sent and its parse, kept durably in the store, and their
 * prepared forms, kept in memory for matching (what was sent is not: nothing reads it back). A
 * write is parsed first and stored second, so bad input writes nothing. On start every stored
 * document is prepared again from its kept parse (parsed again only when the parsers changed), and
 * the graphs, kept on disk beside the store, re-index only what changed. Thread-safe.
 */
final class Catalog {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Catalog.class);

  static final String POSTING = "posting";
  static final String CANDIDATE = "candidate";

  /** Reads the store's next page on start; its own thread, not the pool preparing the current page. */
  private static final java.util.concurrent.Executor LISTING = runnable -> Thread.ofPlatform().daemon()
      .name("skillmatch-start-listing").start(runnable);

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

  /** How documents kept in memory reach the graph: synced on start, searchable now, or from the next settle. */
  private enum Keep { ON_START, NOW, LATER }

  /** An exact index and the shelf version it was built at. */
  private record Exact<D>(long version, VectorIndex<D> index) {}

  /**
   * What start-up did for one kind: documents read, parsed anew (not prepared from a kept parse),
   * kept anew from their kept parse (their text vector made anew from the body, kept before vectors
   * were or by another term table; or kept in an older form), and indexed anew.
   */
  record Started(int read, int parsed, int vectored, int indexed) {}

  /**
   * Prepares a stored document again from what was kept of it, reading its body only if need be;
   * null when it must be parsed.
   */
  @FunctionalInterface
  private interface Reread<D> {
    D from(java.util.function.Supplier<JsonNode> input, byte[] derived);
  }

  /**
   * A stored document prepared on start, what is to be kept of it anew (null when what was kept
   * stands), and whether it was parsed anew.
   */
  private record Loaded<E>(String id, E entry, byte[] rederived, boolean parsed) {}

  /** A document read and ready to store: its body with its parse, and its prepared form. */
  private record Prepared<D>(Store.Body body, D doc) {}

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
  // scoring requests under way, and the cores they share
  private final java.util.concurrent.atomic.AtomicInteger scoring = new java.util.concurrent.atomic.AtomicInteger();
  private final int cores = Runtime.getRuntime().availableProcessors();
  private final Shelf<Candidate, Matcher.ProfileDoc> candidates;

  Catalog(Store store, DocumentReader reader, ObjectMapper json) {
    this(store, reader, json, SHORTLIST, null);
  }

  /**
   * @param shortlist how many nearest documents the model re-ranks for a search
   * @param indexDir where the graphs are kept between runs (one folder a kind); null keeps them in
   *     memory, built again on every start
   */
  Catalog(Store store, DocumentReader reader, ObjectMapper json, int shortlist, java.nio.file.Path indexDir) {
    if (shortlist < 1) {
      throw new IllegalArgumentException("shortlist must be positive: " + shortlist);
    }
    this.shortlist = shortlist;
    this.store = store;
    this.reader = reader;
    this.json = json;
    // the two kinds start side by side: what each does on one core (opening its graph, filling its
    // maps) runs while the other prepares documents on all of them
    java.util.concurrent.CompletableFuture<Shelf<Candidate, Matcher.ProfileDoc>> later =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> new Shelf<>(CANDIDATE, input -> reader.profile(input, ""),
            reader::profileKept, reader::derived, d -> d, Candidate::new, Candidate::doc, Matcher.ProfileDoc::skills,
            indexDir), runnable -> Thread.ofPlatform().name("skillmatch-start-candidates").start(runnable));
    Shelf<Posting, Matcher.PostingDoc> first;
    try {
      first = new Shelf<>(POSTING, input -> reader.posting(input, ""), reader::postingKept, reader::derived,
          reader::held, Posting::new, Posting::doc, Matcher.PostingDoc::skills, indexDir);
    } catch (RuntimeException | Error e) {
      try { // not left running against a store about to be closed, nor holding its graph
        later.join().index.close();
      } catch (RuntimeException other) {
        e.addSuppressed(other);
      }
      throw e;
    }
    Shelf<Candidate, Matcher.ProfileDoc> second;
    try {
      second = joined(later);
    } catch (RuntimeException | Error e) {
      first.index.close();
      throw e;
    }
    this.postings = first;
    this.candidates = second;
    compactAfterRewriting();
  }

  /**
   * Compacts the store when start-up kept most documents anew (new parsers, an older kept form):
   * each replaced what was kept in place, leaving it scattered over pages that were filled by what
   * it replaced, and a restart read three times the bytes, out of order.
   */
  private void compactAfterRewriting() {
    int read = postings.started.read() + candidates.started.read();
    int rewritten = postings.started.parsed() + postings.started.vectored() + candidates.started.parsed()
        + candidates.started.vectored();
    if (rewritten == 0 || rewritten * 2L < read) {
      return;
    }
    long began = System.nanoTime();
    try {
      store.compact();
      LOG.info("compacted the store after keeping {} of {} documents anew, in {} ms", rewritten, read,
          (System.nanoTime() - began) / 1_000_000);
    } catch (RuntimeException e) { // the store serves as it is; only restarts are slower
      LOG.warn("could not compact the store after keeping {} of {} documents anew: {}", rewritten, read,
          e.getMessage());
    }
  }

  /** What a future completed with, or what it failed with, unwrapped. */
  private static <S> S joined(java.util.concurrent.CompletableFuture<S> started) {
    try {
      return started.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * The documents of one kind: the store, the entries by id, and the graph over their vectors,
   * kept in step.
   */
  private final class Shelf<E, D> {
    private final String kind;
    private final Function<JsonNode, D> read;
    private final Function<D, byte[]> derive;
    private final Function<D, D> hold;
    private final Entry<E, D> entry;
    private final Function<E, D> doc;
    private final Function<D, float[]> vector;
    private final Map<String, E> byId;
    private final HnswIndex<D> index;
    // writes count up; the exact index below EXACT_BELOW is kept for the version it was built at
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private volatile Exact<D> exact;
    private final Started started;
    // an import's graph work, one batch after another on a thread of its own, while the next batch
    // is read on the cores; settle waits for it
    private java.util.concurrent.CompletableFuture<Void> indexing =
        java.util.concurrent.CompletableFuture.completedFuture(null);

    /**
     * @param derive what is kept of a prepared document beside its body
     * @param hold the prepared document as it is held in memory (what matching needs of it)
     */
    Shelf(String kind, Function<JsonNode, D> read, Reread<D> reread, Function<D, byte[]> derive, Function<D, D> hold,
        Entry<E, D> entry, Function<E, D> doc, Function<D, float[]> vector, java.nio.file.Path indexDir) {
      this.kind = kind;
      this.read = read;
      this.derive = derive;
      this.hold = hold;
      this.entry = entry;
      this.doc = doc;
      this.vector = vector;
      this.index = indexDir == null ? new HnswIndex<>() : HnswIndex.open(indexDir.resolve(kind));
      // every stored document is prepared again on start, a page at a time on all cores: from what
      // was kept of it (its parse and text vector), without its body; or from its body, read then,
      // parsed anew and kept again when nothing was kept or the parsers changed
      List<String> ids = new ArrayList<>();
      List<E> entries = new ArrayList<>();
      int parsed = 0;
      int vectored = 0;
      long waited = 0;
      long began = System.nanoTime();
      // the next page is read from the store while this one is prepared
      java.util.concurrent.CompletableFuture<Store.Page> next = java.util.concurrent.CompletableFuture.completedFuture(
          store.listDerived(kind, 5_000, null));
      Store.Page page;
      do {
        long t = System.nanoTime();
        page = next.join();
        waited += System.nanoTime() - t;
        String cursor = page.nextCursor();
        next = cursor == null ? null
            : java.util.concurrent.CompletableFuture.supplyAsync(() -> store.listDerived(kind, 5_000, cursor),
                LISTING);
        List<Loaded<E>> done = page.items().parallelStream().map(item -> {
          java.util.function.Supplier<JsonNode> input = () -> parse(store.get(kind, item.id())
              .orElseThrow(() -> new IllegalStateException(kind + " " + item.id() + " vanished on start")).body());
          D d = item.derived() == null ? null : reread.from(input, item.derived());
          boolean parsedAnew = d == null;
          byte[] again = null;
          if (parsedAnew) {
            d = read.apply(input.get());
            again = derive.apply(d);
          } else if (!reader.current(item.derived())) {
            again = derive.apply(d); // the parse was read back, the vector made again
          }
          return new Loaded<>(item.id(), entry.of(item.id(), item.owner(), hold.apply(d)), again, parsedAnew);
        }).toList();
        Map<String, byte[]> rederived = new java.util.HashMap<>();
        for (Loaded<E> l : done) {
          ids.add(l.id());
          entries.add(l.entry());
          if (l.rederived() != null) {
            rederived.put(l.id(), l.rederived());
            parsed += l.parsed() ? 1 : 0;
            vectored += l.parsed() ? 0 : 1;
          }
        }
        if (!rederived.isEmpty()) {
          store.saveDerived(kind, rederived);
        }
      } while (next != null);
      long prepared = System.nanoTime();
      byId = new ConcurrentHashMap<>(Math.max(16, ids.size())); // filled at once, not grown step by step (sized by count)
      int indexed = keepAll(ids, entries, Keep.ON_START);
      started = new Started(ids.size(), parsed, vectored, indexed);
      LOG.info("{}s: {} read from the store ({} parsed anew, {} kept anew) in {} ms ({} ms waiting for it), {}"
          + " in the graph ({} indexed anew, {} segment(s)) in {} ms", kind, ids.size(), parsed, vectored,
          (prepared - began) / 1_000_000,
          waited / 1_000_000, index.size(), indexed, index.segments(), (System.nanoTime() - prepared) / 1_000_000);
    }

    // Writes read the input first, then change the store, the map and the graph under the shelf's
    // lock, so that a replace racing a delete of one document cannot leave them disagreeing.
    E add(JsonNode input, String owner) {
      Prepared<D> p = prepared(input);
      synchronized (this) {
        String id = store.create(kind, p.body(), owner).id();
        return keep(id, entry.of(id, owner, p.doc()));
      }
    }

    /**
     * Adds many documents: read on all cores outside the lock, stored in one transaction, indexed
     * together. Those that cannot be read are skipped and reported to {@code rejected} by position.
     */
    int addAll(List<JsonNode> inputs, String owner, java.util.function.BiConsumer<Integer, String> rejected,
        boolean searchable) {
      List<Prepared<D>> readOrNull = java.util.stream.IntStream.range(0, inputs.size()).parallel().mapToObj(i -> {
        try {
          return prepared(inputs.get(i));
        } catch (ApiException e) {
          rejected.accept(i, e.getMessage());
          return null;
        }
      }).toList();
      List<Prepared<D>> good = readOrNull.stream().filter(java.util.Objects::nonNull).toList();
      synchronized (this) {
        List<Store.Item> items = store.createAll(kind, good.stream().map(Prepared::body).toList(), owner);
        List<String> ids = items.stream().map(Store.Item::id).toList();
        List<E> entries = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
          entries.add(entry.of(ids.get(i), owner, good.get(i).doc()));
        }
        keepAll(ids, entries, searchable ? Keep.NOW : Keep.LATER);
        return ids.size();
      }
    }

    private Prepared<D> prepared(JsonNode input) {
      D d = read.apply(input);
      return new Prepared<>(new Store.Body(input.toString(), derive.apply(d)), hold.apply(d));
    }

    Optional<E> replace(String id, JsonNode input) {
      Prepared<D> p = prepared(input);
      synchronized (this) {
        return store.update(kind, id, p.body()).map(item -> keep(id, entry.of(id, item.owner(), p.doc())));
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

    /**
     * Keeps new documents in the map and the graph, refreshing the graph once for all; on start,
     * the graph keeps what it holds unchanged. Returns how many were indexed anew.
     */
    private int keepAll(List<String> ids, List<E> entries, Keep how) {
      List<D> docs = entries.stream().map(doc).toList();
      for (int i = 0; i < ids.size(); i++) {
        byId.put(ids.get(i), entries.get(i));
        idOf.put(docs.get(i), ids.get(i));
      }
      List<float[]> vectors = docs.stream().map(vector).toList();
      int indexed = ids.size();
      switch (how) {
        case ON_START -> indexed = index.sync(ids, docs, vectors);
        case NOW -> index.putAll(ids, docs, vectors);
        case LATER -> indexing = indexing.thenRunAsync(() -> indexLater(ids, entries, docs, vectors),
            runnable -> Thread.ofPlatform().name("skillmatch-import-" + kind).start(runnable));
      }
      version.incrementAndGet();
      return indexed;
    }

    /**
     * An import's batch into the graph, under the shelf's lock: documents deleted or replaced since
     * they were stored are left out (a delete or replace already set the graph right for them).
     */
    private synchronized void indexLater(List<String> ids, List<E> entries, List<D> docs, List<float[]> vectors) {
      List<String> keptIds = new ArrayList<>(ids.size());
      List<D> keptDocs = new ArrayList<>(ids.size());
      List<float[]> keptVectors = new ArrayList<>(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        if (byId.get(ids.get(i)) == entries.get(i)) {
          keptIds.add(ids.get(i));
          keptDocs.add(docs.get(i));
          keptVectors.add(vectors.get(i));
        }
      }
      index.putAllLater(keptIds, keptDocs, keptVectors);
    }

    /** Waits for an import's graph work under way; throws what it failed with. */
    void indexed() {
      java.util.concurrent.CompletableFuture<Void> pending;
      synchronized (this) {
        pending = indexing;
      }
      try {
        joined(pending); // without the lock, which the work under way takes
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          if (indexing == pending) {
            indexing = java.util.concurrent.CompletableFuture.completedFuture(null);
          }
        }
        throw e;
      }
    }

    private void forget(E old) {
      if (old != null) {
        idOf.remove(doc.apply(old));
      }
    }
  }

  /** What start-up did for a kind. */
  Started started(String kind) {
    return shelf(kind).started;
  }

  /** Merges a kind's graph into one segment and makes it durable: after a bulk import. */
  void settle(String kind) {
    Shelf<?, ?> shelf = shelf(kind);
    shelf.indexed();
    shelf.index.mergeToOne();
  }

  private Shelf<?, ?> shelf(String kind) {
    return switch (kind) {
      case POSTING -> postings;
      case CANDIDATE -> candidates;
      default -> throw new IllegalArgumentException("kind must be posting or candidate: " + kind);
    };
  }

  /** Makes the graphs durable and lets them go. */
  void close() {
    try {
      postings.indexed();
    } finally {
      try {
        candidates.indexed();
      } finally {
        try {
          postings.index.close();
        } finally {
          candidates.index.close();
        }
      }
    }
  }

  Posting addPosting(JsonNode input, String owner) {
    return postings.add(input, owner);
  }

  /** Adds many documents of a kind at once (an import); returns how many were kept. */
  int addAll(String kind, List<JsonNode> inputs, String owner, java.util.function.BiConsumer<Integer, String> rejected) {
    return shelf(kind).addAll(inputs, owner, rejected, true);
  }

  /**
   * Adds many documents as part of an import: stored at once, in the graph from the next {@link
   * #settle} of their kind, which an import ends with (below {@link #EXACT_BELOW} documents a kind,
   * retrieval is exact and finds them at once).
   */
  int importAll(String kind, List<JsonNode> inputs, java.util.function.BiConsumer<Integer, String> rejected) {
    return shelf(kind).addAll(inputs, null, rejected, false);
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

  /**
   * A posting's parse as read, with the sentences each requirement came from: held postings keep
   * none, so it is read back from the store (parsed again only if the kept parse cannot be read).
   */
  ParsedPosting parsedInFull(Posting p) {
    return store.get(POSTING, p.id()).map(this::parsedInFull).orElse(p.parsed()); // deleted meanwhile: what was held
  }

  /** A stored posting's parse in full, from an item already read (a page of a listing). */
  ParsedPosting parsedInFull(Store.Item item) {
    ParsedPosting kept = reader.keptPosting(item.derived());
    return kept != null ? kept : reader.posting(parse(item.body()), "").parsed();
  }

  /** A page of stored ids of a kind, in creation order: one owner's, or everyone's when null. */
  Store.Page page(String kind, int limit, String cursor, String owner) {
    return store.list(kind, limit, cursor, owner);
  }

  /** The postings that fit a candidate best: shortlisted by skill vectors, ranked by the model. */
  List<Recommender.Result<Matcher.PostingDoc>> jobsFor(Candidate c, int k) {
    return scoring(parallel -> new Recommender(reader.matcher(), Math.max(shortlist, k), parallel)
        .jobs(c.doc(), postings.nearest(), k));
  }

  /** The candidates that fit a posting best, among all stored ones. */
  List<Recommender.Result<Matcher.ProfileDoc>> candidatesFor(Posting p, int k) {
    return scoring(parallel -> new Recommender(reader.matcher(), Math.max(shortlist, k), parallel)
        .applicants(p.doc(), candidates.nearest(), k));
  }

  /**
   * Runs scoring work, told whether to use every core: yes while it has at most half the cores to
   * itself (a lone request finishes sooner), no under load, where splitting a request only adds
   * contention (measured: at 64 connections, 246 requests/s split against 456 not).
   */
  <T> T scoring(java.util.function.Function<Boolean, T> work) {
    int inFlight = scoring.incrementAndGet();
    try {
      return work.apply(inFlight <= Math.max(1, cores / 2));
    } finally {
      scoring.decrementAndGet();
    }
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
