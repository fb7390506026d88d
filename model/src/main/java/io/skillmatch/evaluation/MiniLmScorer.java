package io.skillmatch.evaluation;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Cosine of all-MiniLM-L6-v2 sentence embeddings of the posting and the candidate text: the
 * semantic baseline. The fp32 ONNX model and its tokenizer come from the langchain4j Maven artefact
 * and run in process; nothing is fetched at run time.
 *
 * <p>The model was fine-tuned on inputs of at most 256 word pieces, and langchain4j splits a text
 * only past 510, so a text is cut into chunks first. Its lines, and the sentences within them, are
 * packed in order while a chunk stays within {@link Options#maxChunkWordPieces()}; a sentence
 * longer than that is cut between words. Every chunk is embedded, and the text's vector is the mean
 * of the unit chunk vectors, weighted by their word pieces and normalised. A text without a letter
 * or digit has the zero vector, which scores 0 against everything.
 *
 * <p>Thread-safe. Vectors are cached per text, and the cache grows with the distinct texts seen:
 * use one scorer per evaluation or batch. Two threads that miss on the same text both embed it and
 * keep the same vector. Deterministic: a text gets the same vector in any order and in any scorer,
 * because each chunk goes to the model alone (no padding) and chunks are averaged in text order.
 * Construction costs nothing: the model (90 MB) and tokenizer load on the first embedding, once per
 * JVM.
 */
public final class MiniLmScorer implements PairScorer {

  /** Dimensions of the all-MiniLM-L6-v2 sentence embedding. */
  public static final int DIMENSIONS = 384;

  /**
   * Chunking options.
   *
   * @param maxChunkWordPieces the most word pieces in one chunk, counting the model's two special
   *     tokens; 256 is the length all-MiniLM-L6-v2 was fine-tuned on. Words run about 1.4 word
   *     pieces each in the judged postings and resumes, so a chunk holds about 180 words.
   */
  public record Options(int maxChunkWordPieces) {
    public Options {
      if (maxChunkWordPieces < 3) {
        throw new IllegalArgumentException("maxChunkWordPieces must be at least 3: " + maxChunkWordPieces);
      }
    }

    public static Options defaults() {
      return new Options(256);
    }
  }

  /** One chunk of a text and its word pieces, without the special tokens. */
  record Chunk(String text, int wordPieces) {}

  private static final Pattern LINES = Pattern.compile("\\R+");
  private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?;])\\s+");
  private static final Pattern WORDS = Pattern.compile("\\s+");
  private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

  private final Options options;
  private final Map<String, float[]> cache = new ConcurrentHashMap<>();

  /** A scorer with the default options. */
  public MiniLmScorer() {
    this(Options.defaults());
  }

  public MiniLmScorer(Options options) {
    this.options = options;
  }

  @Override
  public double score(String postingText, String candidateText) {
    return cosine(vector(postingText), vector(candidateText));
  }

  /**
   * The unit-length embedding of a text ({@link #DIMENSIONS} floats), or all zeros for a text
   * without a letter or digit. The array is a copy: callers may keep or change it.
   */
  public float[] embed(String text) {
    return vector(text).clone();
  }

  /**
   * The embeddings of many texts, in order, as {@link #embed} gives them. The chunks of every text
   * not yet cached go to the model in one call, which spreads them over the cores.
   */
  public List<float[]> embedAll(List<String> texts) {
    embedMissing(texts);
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(vector(t).clone());
    }
    return out;
  }

  /** Cosine of two vectors of equal length; 0 when either is all zeros. */
  public static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector lengths differ: " + a.length + " and " + b.length);
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** The chunks of a text, as the scorer embeds them. */
  List<Chunk> chunks(String text) {
    return chunks(text, options.maxChunkWordPieces() - 2, Model.TOKENIZER);
  }

  /**
   * Lines, then sentences, packed in order while a chunk holds at most {@code budget} word pieces;
   * a sentence over the budget is cut between words (a single word over it stays whole). Words are
   * joined by single spaces. BERT's tokenizer splits at whitespace and punctuation before it looks
   * up pieces, so a chunk's pieces are the sum of its words' pieces. Chunks without a letter or
   * digit are dropped.
   */
  static List<Chunk> chunks(String text, int budget, HuggingFaceTokenizer tokenizer) {
    List<String[]> sentences = new ArrayList<>();
    Map<String, Integer> piecesOf = new HashMap<>();
    for (String line : LINES.split(text)) {
      for (String sentence : SENTENCES.split(line)) {
        String stripped = sentence.strip();
        if (!stripped.isEmpty()) {
          String[] words = WORDS.split(stripped);
          sentences.add(words);
          for (String w : words) {
            piecesOf.put(w, 0);
          }
        }
      }
    }
    if (piecesOf.isEmpty()) {
      return List.of();
    }
    List<String> distinct = new ArrayList<>(piecesOf.keySet());
    Encoding[] encodings = tokenizer.batchEncode(distinct, false, false);
    for (int i = 0; i < encodings.length; i++) {
      piecesOf.put(distinct.get(i), encodings[i].getIds().length);
    }
    List<Chunk> chunks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int pieces = 0;
    for (String[] words : sentences) {
      int sentencePieces = 0;
      for (String w : words) {
        sentencePieces += piecesOf.get(w);
      }
      if (pieces > 0 && pieces + sentencePieces > budget) {
        flush(current, pieces, chunks);
        pieces = 0;
      }
      for (String w : words) {
        int p = piecesOf.get(w);
        if (pieces > 0 && pieces + p > budget) {
          flush(current, pieces, chunks);
          pieces = 0;
        }
        current.add(w);
        pieces += p;
      }
    }
    flush(current, pieces, chunks);
    return chunks;
  }

  private static void flush(List<String> words, int pieces, List<Chunk> chunks) {
    if (words.isEmpty()) {
      return;
    }
    String text = String.join(" ", words);
    words.clear();
    if (pieces > 0 && text.codePoints().anyMatch(Character::isLetterOrDigit)) {
      chunks.add(new Chunk(text, pieces));
    }
  }

  private float[] vector(String text) {
    float[] v = cache.get(text);
    if (v == null) {
      embedMissing(List.of(text));
      v = cache.get(text);
    }
    return v;
  }

  private void embedMissing(List<String> texts) {
    Map<String, List<Chunk>> chunksOf = new LinkedHashMap<>();
    for (String t : texts) {
      if (!cache.containsKey(t) && !chunksOf.containsKey(t)) {
        chunksOf.put(t, chunks(t));
      }
    }
    if (chunksOf.isEmpty()) {
      return;
    }
    List<TextSegment> segments = new ArrayList<>();
    chunksOf.values().forEach(cs -> cs.forEach(c -> segments.add(TextSegment.from(c.text()))));
    List<Embedding> embeddings = segments.isEmpty() ? List.of() : Model.EMBEDDER.embedAll(segments).content();
    int next = 0;
    for (Map.Entry<String, List<Chunk>> e : chunksOf.entrySet()) {
      double[] sum = new double[DIMENSIONS];
      for (Chunk chunk : e.getValue()) {
        float[] c = embeddings.get(next++).vector();
        for (int i = 0; i < DIMENSIONS; i++) {
          sum[i] += (double) chunk.wordPieces() * c[i];
        }
      }
      cache.putIfAbsent(e.getKey(), unit(sum));
    }
  }

  private static float[] unit(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    float[] out = new float[v.length];
    if (norm == 0) {
      return out;
    }
    double len = Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / len);
    }
    return out;
  }

  /**
   * The bundled model and its tokenizer, loaded when first used and shared by every scorer: they
   * are immutable and thread-safe, and langchain4j holds the ONNX session statically anyway. The
   * embedder spreads the chunks of one call over a pool of one thread per core (langchain4j's
   * default; its threads end after a second idle).
   */
  private static final class Model {
    static final EmbeddingModel EMBEDDER = new AllMiniLmL6V2EmbeddingModel();
    static final HuggingFaceTokenizer TOKENIZER = tokenizer();

    private static HuggingFaceTokenizer tokenizer() {
      try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("tokenizer " + TOKENIZER_RESOURCE + " not found beside the model");
        }
        return HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
