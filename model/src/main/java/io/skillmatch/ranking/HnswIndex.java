package io.skillmatch.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.nio.file.Path;
import java.util.HashMap;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Approximate nearest neighbours by cosine (Lucene's HNSW graph), kept in step with writes:
 * {@link #put} adds or replaces a document's vector, {@link #remove} drops it. The graph lives in
 * memory ({@link #HnswIndex()}) or in a directory ({@link #open}), where it outlives the process:
 * on start {@link #sync} keeps every held vector that is unchanged and indexes only what changed,
 * so a restart need not rebuild the graph. Thread-safe: writes are serialised and visible to
 * searches when they return; searches share readers through Lucene's searcher manager.
 *
 * @param <T> what each vector stands for
 */
public final class HnswIndex<T> implements NearestSearch<T>, AutoCloseable {

  private static final String ID = "id";
  private static final double RAM_BUFFER_MB = 1024;
  /**
   * The graph's build: each vector linked to up to 16 neighbours (Lucene's default), found among the
   * 50 best candidates an insert weighs (Lucene's default is 100). Over the skill vectors of 1M
   * generated postings, searched by 300 profiles' ({@code io.skillmatch.bench.GraphBuild}): a beam of
   * 100 builds in 388 s on one core, 64 in 301 s, 50 in 248 s, and the exact 10 nearest are in the
   * 300-shortlist 99.97%, 99.50% and 99.40% of the time. The build is what bounds an import at 1M
   * (1,873 postings/s at 100, 2,298 at 50, back to back). A graph built with another beam is read
   * alike.
   */
  private static final int MAX_CONN = 16;
  private static final int BEAM_WIDTH = 50;
  private static final String ORD = "ord";
  private static final String STAMP = "stamp";
  private static final String VECTOR = "v";
  /** Single writes are committed this often; what a crash loses in between is indexed again by {@link #sync}. */
  private static final int COMMIT_EVERY = 1_000;

  private final IndexWriter writer;
  private final SearcherManager searchers;
  // a search reads each hit's ordinal from doc values, not its id from stored fields: a stored
  // field decompresses a block per hit
  private final ByOrdinal<T> byOrd = new ByOrdinal<>();
  private final Map<String, Long> ordOf;
  private long nextOrd;

  // what a directory held when opened, by id: {ordinal, stamp of its vector}; emptied by sync
  private final Map<String, long[]> held;
  private int uncommitted;

  /**
   * Items by ordinal, in chunks added as ordinals grow: a slot an item rather than a map entry and a
   * boxed key (ordinals are dense: one an item ever indexed). Set under the index's lock, read by
   * searches without it.
   */
  private static final class ByOrdinal<T> {
    private static final int BITS = 14;
    private static final int MASK = (1 << BITS) - 1;
    private volatile AtomicReferenceArray<T>[] chunks = newChunks(0);

    @SuppressWarnings("unchecked")
    private static <T> AtomicReferenceArray<T>[] newChunks(int n) {
      return (AtomicReferenceArray<T>[]) new AtomicReferenceArray<?>[n];
    }

    T get(long ord) {
      AtomicReferenceArray<T>[] c = chunks;
      long i = ord >>> BITS;
      return i < c.length ? c[(int) i].get((int) ord & MASK) : null;
    }

    void set(long ord, T item) {
      int i = Math.toIntExact(ord >>> BITS);
      AtomicReferenceArray<T>[] c = chunks;
      if (i >= c.length) {
        if (item == null) {
          return;
        }
        AtomicReferenceArray<T>[] grown = java.util.Arrays.copyOf(c, i + 1);
        for (int j = c.length; j < grown.length; j++) {
          grown[j] = new AtomicReferenceArray<>(1 << BITS);
        }
        chunks = c = grown;
      }
      c[i].set((int) ord & MASK, item);
    }
  }

  /** A graph in memory, gone with the process. */
  public HnswIndex() {
    this(new ByteBuffersDirectory());
  }

  private HnswIndex(Directory dir) {
    try {
      // a buffer large enough that loading a store on start flushes one segment, searched as one
      // graph rather than several (each searched for the full k)
      writer = new IndexWriter(dir, new IndexWriterConfig().setRAMBufferSizeMB(RAM_BUFFER_MB).setCodec(new Lucene103Codec() {
        private final KnnVectorsFormat graph = new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH);

        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
          return graph;
        }
      }));
      searchers = new SearcherManager(writer, null);
      held = heldBy(writer);
      ordOf = new ConcurrentHashMap<>(Math.max(16, held.size())); // sized for what start binds at once
      nextOrd = held.values().stream().mapToLong(h -> h[0] + 1).max().orElse(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The graph kept in a directory (created if missing). Until {@link #sync} says which items its
   * vectors stand for, searches find nothing.
   */
  public static <T> HnswIndex<T> open(Path dir) {
    try {
      return new HnswIndex<>(FSDirectory.open(dir));
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException) {
        throw new InUseException(dir);
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Another process (a server, an import) has the graph in a directory open for writing. */
  public static final class InUseException extends RuntimeException {
    InUseException(Path dir) {
      super("the graph in " + dir + " is open in another process (a running server or import on the same"
          + " data dir): stop it first");
    }
  }

  private static Map<String, long[]> heldBy(IndexWriter writer) throws IOException {
    Map<String, long[]> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        BinaryDocValues ids = leaf.reader().getBinaryDocValues(ID);
        NumericDocValues ords = leaf.reader().getNumericDocValues(ORD);
        NumericDocValues stamps = leaf.reader().getNumericDocValues(STAMP);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; ids != null && doc < leaf.reader().maxDoc(); doc++) {
          if ((live == null || live.get(doc)) && ids.advanceExact(doc) && ords.advanceExact(doc)
              && stamps.advanceExact(doc)) {
            out.put(ids.binaryValue().utf8ToString(), new long[] {ords.longValue(), stamps.longValue()});
          }
        }
      }
    }
    return out;
  }

  /**
   * Says what the graph's vectors stand for, on start: an item whose vector the directory holds
   * unchanged is bound to it, one that is new or changed is indexed, and whatever the directory
   * holds beyond these items is dropped. Returns how many were indexed anew. In memory, where
   * nothing is held, this is {@link #putAll}.
   */
  public synchronized int sync(List<String> ids, List<T> items, List<float[]> vectors) {
    int indexed = 0;
    // fingerprinted on all cores first, when anything is held to compare: the start waits for this loop
    long[] stamps = held.isEmpty() ? null : java.util.stream.IntStream.range(0, ids.size()).parallel()
        .mapToLong(i -> stamp(vectors.get(i))).toArray();
    try {
      for (int i = 0; i < ids.size(); i++) {
        long[] h = held.remove(ids.get(i));
        if (h != null && vectors.get(i).length > 0 && h[1] == stamps[i]) {
          byOrd.set(h[0], items.get(i));
          ordOf.put(ids.get(i), h[0]);
        } else {
          add(ids.get(i), items.get(i), vectors.get(i));
          indexed++;
        }
      }
      for (String gone : held.keySet()) {
        writer.deleteDocuments(new Term(ID, gone));
      }
      held.clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    commit();
    refresh();
    return indexed;
  }

  /** A vector's fingerprint: 64 bits over its exact floats. */
  private static long stamp(float[] vector) {
    long h = 1125899906842597L + vector.length;
    for (float f : vector) {
      h = 31 * h + Float.floatToRawIntBits(f);
    }
    return h;
  }

  /** Makes every write so far durable (a no-op in memory, where nothing is). */
  public synchronized void commit() {
    try {
      writer.commit();
      uncommitted = 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Merges the graph into one segment, searched as one graph: after a bulk import. */
  public synchronized void mergeToOne() {
    try {
      writer.forceMerge(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    commit();
    refresh();
  }

  /** Adds or replaces an item; an empty vector removes it from the graph (nothing to search by). */
  public synchronized void put(String id, T item, float[] vector) {
    add(id, item, vector);
    written(1);
    refresh();
  }

  private void written(int n) {
    uncommitted += n;
    if (uncommitted >= COMMIT_EVERY) {
      commit();
    }
  }

  /** Adds many items, searchable once all are in. */
  public synchronized void putAll(List<String> ids, List<T> items, List<float[]> vectors) {
    putAllLater(ids, items, vectors);
    written(ids.size());
    refresh();
  }

  /**
   * Adds many items for a bulk load: searchable, and durable, only from the next {@link
   * #mergeToOne}. Until then they stay in the writer's buffer, so that a load is not cut into a
   * segment a batch, each merged into the next again and again (graph building was rebuilt several
   * times over). Items lost before that are indexed again by {@link #sync} from the store.
   */
  public synchronized void putAllLater(List<String> ids, List<T> items, List<float[]> vectors) {
    for (int i = 0; i < ids.size(); i++) {
      add(ids.get(i), items.get(i), vectors.get(i));
    }
  }

  /** How many segments a search visits (each one graph); for diagnostics and tests. */
  public int segments() {
    IndexSearcher searcher = null;
    try {
      searcher = searchers.acquire();
      return searcher.getIndexReader().leaves().size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  private void add(String id, T item, float[] vector) {
    try {
      forget(id);
      if (vector.length > 0) {
        long ord = nextOrd++;
        Document d = new Document();
        d.add(new StringField(ID, id, Field.Store.NO));
        d.add(new BinaryDocValuesField(ID, new BytesRef(id)));
        d.add(new NumericDocValuesField(ORD, ord));
        d.add(new NumericDocValuesField(STAMP, stamp(vector)));
        d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        writer.addDocument(d);
        byOrd.set(ord, item);
        ordOf.put(id, ord);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void remove(String id) {
    try {
      forget(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written(1);
    refresh();
  }

  private void forget(String id) throws IOException {
    writer.deleteDocuments(new Term(ID, id));
    Long ord = ordOf.remove(id);
    if (ord != null) {
      byOrd.set(ord, null);
    }
  }

  public int size() {
    return ordOf.size();
  }

  /** About the k nearest items, nearest first. */
  @Override
  public List<VectorIndex.Hit<T>> search(float[] query, int k) {
    if (query.length == 0 || ordOf.isEmpty() || k <= 0) {
      return List.of();
    }
    IndexSearcher searcher = null;
    try {
      searcher = searchers.acquire();
      TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, query, k), k);
      List<VectorIndex.Hit<T>> out = new ArrayList<>(top.scoreDocs.length);
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      for (ScoreDoc sd : top.scoreDocs) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
        NumericDocValues ords = leaf.reader().getNumericDocValues(ORD);
        if (ords == null || !ords.advanceExact(sd.doc - leaf.docBase)) {
          continue;
        }
        T item = byOrd.get(ords.longValue());
        if (item != null) {
          out.add(new VectorIndex.Hit<>(item, 2 * sd.score - 1)); // Lucene scores cosine as (1 + cos) / 2
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  private void release(IndexSearcher searcher) {
    if (searcher != null) {
      try {
        searchers.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      searchers.close();
      writer.close(); // commits
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
