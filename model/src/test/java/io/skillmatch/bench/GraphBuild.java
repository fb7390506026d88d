package io.skillmatch.bench;

import io.skillmatch.ranking.VectorIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * What the graph's build beam costs and buys, over the real vectors of a store: the skill vectors
 * of its postings' graph, searched by those of its profiles, as the service searches (a shortlist
 * of 300). For each beam: the build on one thread (every vector added, then merged to one graph),
 * and how often the exact 10 nearest ({@link VectorIndex}, the service's exact search) are in the
 * shortlist. Not JMH: one build at a million takes minutes. Run on a store made by {@code
 * service/src/bench/load.sh N}:
 *
 * <pre>{@code
 * SKILLMATCH_JAVA_OPTS=-Xmx12g ./skillmatch bench GraphBuild /tmp/skillmatch-bench/1000000/data/index 1000000 100 64 50
 * }</pre>
 */
public final class GraphBuild {
  private static final String FIELD = "v";
  private static final String POSITION = "position";
  private static final int QUERIES = 300;
  private static final int SHORTLIST = 300;
  private static final int TOP = 10;

  private GraphBuild() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: GraphBuild INDEX_DIR N BEAM [BEAM ...]  (INDEX_DIR holds posting/ and candidate/)");
      System.exit(2);
    }
    Path index = Path.of(args[0]);
    List<float[]> base = vectors(index.resolve("posting"), Integer.parseInt(args[1]));
    List<float[]> queries = vectors(index.resolve("candidate"), QUERIES);
    if (base.isEmpty() || queries.isEmpty()) {
      System.err.println("no vectors under " + index + "/posting and " + index + "/candidate");
      System.exit(2);
    }
    List<Integer> positions = java.util.stream.IntStream.range(0, base.size()).boxed().toList();
    VectorIndex<Integer> exact = new VectorIndex<>(positions, base);
    List<Set<Integer>> truth = new ArrayList<>();
    for (float[] q : queries) {
      Set<Integer> nearest = new HashSet<>();
      exact.search(q, TOP).forEach(h -> nearest.add(h.item()));
      truth.add(nearest);
    }
    System.out.printf("%,d vectors of %d dimensions, %d queries, shortlist %d%n", base.size(), base.get(0).length,
        queries.size(), SHORTLIST);
    for (int i = 2; i < args.length; i++) {
      build(base, queries, truth, Integer.parseInt(args[i]));
    }
  }

  private static void build(List<float[]> base, List<float[]> queries, List<Set<Integer>> truth, int beam)
      throws IOException {
    KnnVectorsFormat format = new Lucene99HnswVectorsFormat(16, beam);
    Path dir = Files.createTempDirectory("graph-build");
    try {
      IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(1024).setCodec(new Lucene103Codec() {
        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
          return format;
        }
      });
      try (FSDirectory files = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(files, config)) {
        long began = System.nanoTime();
        for (int i = 0; i < base.size(); i++) {
          Document d = new Document();
          d.add(new KnnFloatVectorField(FIELD, base.get(i), VectorSimilarityFunction.COSINE));
          d.add(new NumericDocValuesField(POSITION, i)); // a merge may reorder documents
          writer.addDocument(d);
        }
        writer.forceMerge(1);
        writer.commit();
        double built = (System.nanoTime() - began) / 1e9;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          LeafReader merged = reader.leaves().get(0).reader(); // one segment after the merge
          double found = 0;
          for (int i = 0; i < queries.size(); i++) {
            ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery(FIELD, queries.get(i), SHORTLIST), SHORTLIST)
                .scoreDocs;
            Set<Integer> shortlist = new HashSet<>();
            NumericDocValues positions = merged.getNumericDocValues(POSITION);
            for (int doc : java.util.Arrays.stream(hits).mapToInt(h -> h.doc).sorted().toArray()) {
              if (positions.advanceExact(doc)) {
                shortlist.add((int) positions.longValue());
              }
            }
            found += truth.get(i).stream().filter(shortlist::contains).count();
          }
          // timed on a second pass, once the searches are compiled (the first beam would pay for it)
          long searched = System.nanoTime();
          for (float[] q : queries) {
            searcher.search(new KnnFloatVectorQuery(FIELD, q, SHORTLIST), SHORTLIST);
          }
          searched = System.nanoTime() - searched;
          System.out.printf("beam %d: built in %.1f s (%,.0f vectors/s on one thread); exact top %d in the shortlist"
              + " %.2f%%; search %.0f us%n", beam, built, base.size() / built, TOP,
              100 * found / (TOP * queries.size()), searched / 1e3 / queries.size());
        }
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The first n vectors of a graph, in its order. */
  private static List<float[]> vectors(Path dir, int n) throws IOException {
    List<float[]> out = new ArrayList<>();
    try (FSDirectory files = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(files)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(FIELD);
        for (int ord = 0; values != null && ord < values.size() && out.size() < n; ord++) {
          out.add(values.vectorValue(ord).clone());
        }
      }
    }
    return out;
  }
}
