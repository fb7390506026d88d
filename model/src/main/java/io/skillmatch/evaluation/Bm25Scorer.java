package io.skillmatch.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 (Lucene, default k1 = 1.2, b = 0.75, StandardAnalyzer) of the candidate texts against the
 * posting text as a bag-of-words query: the keyword search baseline. The index holds every
 * candidate text given at construction; scoring another text is an error.
 */
final class Bm25Scorer implements PairScorer {
  private static final String FIELD = "text";

  private final Analyzer analyzer = new StandardAnalyzer();
  private final IndexSearcher searcher;
  private final Map<String, Integer> docOf = new HashMap<>();
  private final Map<String, Map<Integer, Float>> scoresOf = new ConcurrentHashMap<>();

  Bm25Scorer(Collection<String> candidates) {
    try {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
        for (String text : new LinkedHashSet<>(candidates)) {
          Document d = new Document();
          d.add(new TextField(FIELD, text, Field.Store.NO));
          w.addDocument(d);
          docOf.put(text, docOf.size());
        }
      }
      searcher = new IndexSearcher(DirectoryReader.open(dir));
      searcher.setSimilarity(new BM25Similarity());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public double score(String postingText, String candidateText) {
    Integer doc = docOf.get(candidateText);
    if (doc == null) {
      throw new IllegalArgumentException("candidate text not indexed");
    }
    return scoresOf.computeIfAbsent(postingText, this::search).getOrDefault(doc, 0f);
  }

  private Map<Integer, Float> search(String postingText) {
    try {
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      for (String term : terms(postingText)) {
        q.add(new TermQuery(new Term(FIELD, term)), BooleanClause.Occur.SHOULD);
      }
      TopDocs top = searcher.search(q.build(), Math.max(1, docOf.size()));
      Map<Integer, Float> scores = new HashMap<>();
      for (ScoreDoc sd : top.scoreDocs) {
        scores.put(sd.doc, sd.score);
      }
      return scores;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The distinct analysed terms of a text, at most as many as a query may hold. */
  private List<String> terms(String text) throws IOException {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute att = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < IndexSearcher.getMaxClauseCount()) {
        terms.add(att.toString());
      }
      ts.end();
    }
    return new ArrayList<>(terms);
  }
}
