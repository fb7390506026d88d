package io.skillmatch.ranking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF vectors of texts with fixed document frequencies, so that a text's vector does not depend
 * on what else is stored: the frequencies come from a public corpus of postings and resumes
 * (derived statistics, see {@code training-data/ranking/DATA_CARD.md}). Immutable, thread-safe.
 */
public final class TermVectors {

  /** Bundled frequencies. */
  public static final String BUNDLED = "/io/skillmatch/ranking/term-df.tsv";

  /** A unit-length sparse vector: terms sorted, with their weights. */
  public record Vector(String[] terms, float[] weights) {
    public static final Vector EMPTY = new Vector(new String[0], new float[0]);

    /** Cosine with another vector (both unit length): a merge of the sorted terms. */
    public double cosine(Vector other) {
      double dot = 0;
      int i = 0;
      int j = 0;
      while (i < terms.length && j < other.terms.length) {
        int c = terms[i].compareTo(other.terms[j]);
        if (c == 0) {
          dot += weights[i++] * other.weights[j++];
        } else if (c < 0) {
          i++;
        } else {
          j++;
        }
      }
      return dot;
    }
  }

  private final Map<String, Integer> df;
  private final int documents;

  public TermVectors(Map<String, Integer> df, int documents) {
    if (documents <= 0) {
      throw new IllegalArgumentException("documents must be positive: " + documents);
    }
    this.df = Map.copyOf(df);
    this.documents = documents;
  }

  /** Frequencies counted over a corpus. */
  public static TermVectors count(Iterable<String> corpus) {
    Map<String, Integer> df = new HashMap<>();
    int n = 0;
    for (String doc : corpus) {
      n++;
      for (String t : new HashSet<>(tokens(doc))) {
        df.merge(t, 1, Integer::sum);
      }
    }
    return new TermVectors(df, Math.max(1, n));
  }

  /** The frequencies bundled with the model. */
  public static TermVectors bundled() {
    try (InputStream in = TermVectors.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("no bundled term frequencies at " + BUNDLED);
      }
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUNDLED, e);
    }
  }

  /** Reads "#documents N" then "term TAB df" lines. */
  public static TermVectors read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String first = r.readLine();
    if (first == null || !first.startsWith("#documents\t")) {
      throw new IOException("term frequencies must start with #documents");
    }
    int documents = Integer.parseInt(first.substring(11).strip());
    Map<String, Integer> df = new HashMap<>();
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        df.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
      }
    }
    return new TermVectors(df, documents);
  }

  /** The table as written by {@link #read}, terms sorted; only terms in at least {@code minDf} documents. */
  public String write(int minDf) {
    StringBuilder sb = new StringBuilder("#documents\t").append(documents).append('\n');
    df.entrySet().stream()
        .filter(e -> e.getValue() >= minDf)
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> sb.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
    return sb.toString();
  }

  /** The unit-length TF-IDF vector of a text: (1 + log tf) * log(1 + (N + 1) / (df + 1)). */
  public Vector vector(String text) {
    Map<String, Double> tf = new HashMap<>();
    for (String t : tokens(text)) {
      tf.merge(t, 1.0, Double::sum);
    }
    if (tf.isEmpty()) {
      return Vector.EMPTY;
    }
    String[] terms = tf.keySet().toArray(new String[0]);
    Arrays.sort(terms);
    float[] weights = new float[terms.length];
    double norm = 0;
    for (int i = 0; i < terms.length; i++) {
      double w = (1 + Math.log(tf.get(terms[i])))
          * Math.log((1.0 + documents) / (1 + df.getOrDefault(terms[i], 0)) + 1);
      weights[i] = (float) w;
      norm += w * w;
    }
    float len = (float) Math.sqrt(norm);
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= len;
    }
    return new Vector(terms, weights);
  }

  /**
   * How much of a posting's weight falls on words the document also uses: the sum of the posting's
   * squared unit weights over shared words, 0 to 1. Only the posting's words count, so nothing else
   * in a resume (a name, an address) can move it unless the posting itself says it.
   */
  public static double coverage(Vector posting, Vector doc) {
    double covered = 0;
    int i = 0;
    int j = 0;
    while (i < posting.terms().length && j < doc.terms().length) {
      int c = posting.terms()[i].compareTo(doc.terms()[j]);
      if (c == 0) {
        covered += posting.weights()[i] * posting.weights()[i];
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return covered;
  }

  /**
   * The share of a short text's words (a job title), weighted by rarity, that occur in a document:
   * how much of "Test Lead" or "Big Data Engineer" the candidate's text speaks of.
   */
  public double coverage(String shortText, Vector doc) {
    if (shortText == null) {
      return 0;
    }
    double all = 0;
    double found = 0;
    for (String t : new HashSet<>(tokens(shortText))) {
      double idf = Math.log((1.0 + documents) / (1 + df.getOrDefault(t, 0)) + 1);
      all += idf;
      found += Arrays.binarySearch(doc.terms(), t) >= 0 ? idf : 0;
    }
    return all == 0 ? 0 : found / all;
  }

  /** Function words, and pronouns, which say something about a person and nothing about fit. */
  private static final Set<String> STOP = Set.of("the", "and", "of", "to", "in", "for", "with", "on", "is", "are",
      "be", "as", "an", "or", "at", "by", "we", "you", "our", "will", "this", "that", "from", "your", "have", "has",
      "he", "she", "him", "her", "his", "hers", "they", "them", "their", "mr", "mrs", "ms", "miss");

  /**
   * Lower-cased word tokens (letters, digits, + and #) of two or more characters; stop words, pronouns
   * and numbers (years, ages, phone numbers) dropped.
   */
  public static List<String> tokens(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9+#]+"))
        .filter(t -> t.length() > 1 && !STOP.contains(t) && !t.chars().allMatch(Character::isDigit))
        .toList();
  }
}
