package io.skillmatch.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
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

/**
 * Approximate nearest neighbours by cosine (Lucene's HNSW graph), kept in step with writes:
 * {@link #put} adds or replaces a document's vector, {@link #remove} drops it. The graph lives in
 * memory and is rebuilt from the store on start. Thread-safe: writes are serialised and visible
 * to searches when they return; searches share readers through Lucene's searcher manager.
 *
 * @param <T> what each vector stands for
 */
public final class HnswIndex<T> implements NearestSearch<T>, AutoCloseable {

  private static final String ID = "id";
  private static final double RAM_BUFFER_MB = 1024;
  private static final String ORD = "ord";
  private static final String VECTOR = "v";

  private final IndexWriter writer;
  private final SearcherManager searchers;
  // a search reads each hit's ordinal from doc values, not its id from stored fields: a stored
  // field decompresses a block per hit
  private final Map<Long, T> byOrd = new ConcurrentHashMap<>();
  private final Map<String, Long> ordOf = new ConcurrentHashMap<>();
  private long nextOrd;

  public HnswIndex() {
    try {
      // a buffer large enough that loading a store on start flushes one segment, searched as one
      // graph rather than several (each searched for the full k)
      writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig().setRAMBufferSizeMB(RAM_BUFFER_MB));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds or replaces an item; an empty vector removes it from the graph (nothing to search by). */
  public synchronized void put(String id, T item, float[] vector) {
    add(id, item, vector);
    refresh();
  }

  /** Adds many items, searchable once all are in: for loading a store on start. */
  public synchronized void putAll(List<String> ids, List<T> items, List<float[]> vectors) {
    for (int i = 0; i < ids.size(); i++) {
      add(ids.get(i), items.get(i), vectors.get(i));
    }
    refresh();
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
        d.add(new NumericDocValuesField(ORD, ord));
        d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        writer.addDocument(d);
        byOrd.put(ord, item);
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
    refresh();
  }

  private void forget(String id) throws IOException {
    writer.deleteDocuments(new Term(ID, id));
    Long ord = ordOf.remove(id);
    if (ord != null) {
      byOrd.remove(ord);
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
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
