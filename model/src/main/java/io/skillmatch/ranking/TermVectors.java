package io.skillmatch.ranking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF vectors of texts over a fixed job vocabulary: the words of skill names and job titles
 * (the taxonomy, O*NET titles), never names, places or words about a person's sex, age, origin,
 * religion, health or family. A word outside the vocabulary is not part of any vector, so it can
 * never move a score. Document frequencies are fixed too, counted over a public corpus of postings
 * and resumes (derived statistics, see {@code training-data/ranking/DATA_CARD.md}), so a text's
 * vector does not depend on what else is stored. Immutable, thread-safe.
 */
public final class TermVectors {

  /** The most words a vocabulary may have: ranks are 16-bit. */
  public static final int MAX_WORDS = 1 << 16;

  /** Bundled frequencies. */
  public static final String BUNDLED = "/io/skillmatch/ranking/term-df.tsv";

  /**
   * A sparse vector: the ranks of its words in the vocabulary ordered by the words' 64-bit hashes,
   * ascending, with their weights. Ranks rather than strings make the merges of scoring cheap, and
   * as 16-bit numbers (a vocabulary has at most {@link #MAX_WORDS}) take a quarter of the room of
   * the hashes they stand for, in the same order. Ranks compare only between vectors of one table.
   */
  public record Vector(char[] terms, float[] weights) {
    public static final Vector EMPTY = new Vector(new char[0], new float[0]);

    /** The sum of this vector's weights over terms the other also has. */
    public double overlap(Vector other) {
      return shared(this, other, false);
    }

    /** The sum of the weights. */
    public double total() {
      double sum = 0;
      for (float w : weights) {
        sum += w;
      }
      return sum;
    }
  }

  private final Map<String, Integer> df;
  private final int documents;
  // the counted words other than stop words, ranked by hash (signed order, as vectors are sorted):
  // an open-addressed table from hash to rank, the words and their idf by rank (see vector)
  private final String[] rankWord;
  private final double[] rankIdf;
  private final long[] slotHash;
  private final int[] slotRank;
  private final String stamp;
  // the vocabulary words of each skill name a what-if adds, as sorted ranks: a bounded set (the taxonomy's names)
  private final Map<String, char[]> vocabularyRanks = new java.util.concurrent.ConcurrentHashMap<>();

  public TermVectors(Map<String, Integer> df, int documents) {
    if (documents <= 0) {
      throw new IllegalArgumentException("documents must be positive: " + documents);
    }
    this.df = Map.copyOf(df);
    this.documents = documents;
    String[] words = this.df.keySet().stream().filter(w -> !STOP.contains(w))
        .sorted(java.util.Comparator.comparingLong(TermVectors::hash)).toArray(String[]::new);
    if (words.length > MAX_WORDS) {
      throw new IllegalArgumentException("a vocabulary of at most " + MAX_WORDS + " words, not " + words.length);
    }
    rankWord = words;
    long[] rankHash = new long[words.length];
    rankIdf = new double[words.length];
    slotHash = new long[Integer.highestOneBit(Math.max(1, words.length) * 2) * 2];
    slotRank = new int[slotHash.length];
    Arrays.fill(slotRank, -1);
    for (int r = 0; r < words.length; r++) {
      rankHash[r] = hash(words[r]);
      if (r > 0 && rankHash[r] == rankHash[r - 1]) {
        throw new IllegalArgumentException("two words of the vocabulary hash alike: " + words[r - 1] + ", " + words[r]);
      }
      rankIdf[r] = Math.log((1.0 + documents) / (1 + this.df.get(words[r])) + 1);
      int slot = slot(rankHash[r]);
      while (slotRank[slot] >= 0) {
        slot = (slot + 1) & (slotHash.length - 1);
      }
      slotHash[slot] = rankHash[r];
      slotRank[slot] = r;
    }
    stamp = stamp(write());

  }

  /**
   * A stamp of this table (its words and frequencies) and of the code that makes vectors with it
   * (this class as compiled): a vector written under one stamp is read back only under the same,
   * since ranks, weights and the reading of words all come from these.
   */
  public String stamp() {
    return stamp;
  }

  private static String stamp(String table) {
    try (InputStream code = TermVectors.class.getResourceAsStream("TermVectors.class")) {
      if (code == null) {
        throw new IllegalStateException("TermVectors.class is not readable as a resource");
      }
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(code.readAllBytes());
      sha.update(table.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot stamp the term table", e);
    }
  }

  /** A vector as one line of text, marked with this table's stamp; read back by {@link #decode}. */
  public String encode(Vector v) {
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(v.terms().length * 8);
    for (int t : v.terms()) {
      bytes.putInt(t);
    }
    for (float w : v.weights()) {
      bytes.putFloat(w);
    }
    return stamp + ":" + java.util.Base64.getEncoder().encodeToString(bytes.array());
  }

  /**
   * A vector {@link #encode}d under this table, or null when another table wrote it or the text is
   * not one (ranks out of order or out of the vocabulary, a weight not finite).
   */
  public Vector decode(String text) {
    if (text == null || text.length() <= stamp.length() || !text.startsWith(stamp)
        || text.charAt(stamp.length()) != ':') {
      return null;
    }
    byte[] bytes;
    try {
      bytes = java.util.Base64.getDecoder().decode(text.substring(stamp.length() + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (bytes.length % 8 != 0) {
      return null;
    }
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    int n = bytes.length / 8;
    char[] terms = new char[n];
    float[] weights = new float[n];
    for (int i = 0; i < n; i++) {
      int rank = in.getInt();
      if (rank < 0 || rank >= rankWord.length || i > 0 && rank <= terms[i - 1]) {
        return null;
      }
      terms[i] = (char) rank;
    }
    for (int i = 0; i < n; i++) {
      weights[i] = in.getFloat();
      if (!Float.isFinite(weights[i])) {
        return null;
      }
    }
    return n == 0 ? Vector.EMPTY : new Vector(terms, weights);
  }

  private int slot(long hash) {
    return (int) (hash ^ hash >>> 32) * 0x9E3779B9 >>> 7 & slotHash.length - 1;
  }

  /** The rank of a word of the vocabulary (not a stop word), or -1. */
  int rank(String word) {
    return rank(hash(word), word, 0, word.length());
  }

  /** The rank of a word of the vocabulary with this hash and these characters, or -1. */
  private int rank(long hash, String text, int start, int end) {
    for (int slot = slot(hash); slotRank[slot] >= 0; slot = (slot + 1) & (slotHash.length - 1)) {
      if (slotHash[slot] == hash) {
        String w = rankWord[slotRank[slot]];
        return w.length() == end - start && w.regionMatches(true, 0, text, start, end - start) ? slotRank[slot] : -1;
      }
    }
    return -1;
  }

  /** Frequencies of the vocabulary's words counted over a corpus; words outside it are dropped. */
  public static TermVectors count(Iterable<String> corpus, Set<String> vocabulary) {
    Map<String, Integer> df = new HashMap<>();
    for (String w : vocabulary) {
      if (!PROTECTED.contains(w)) {
        df.put(w, 0);
      }
    }
    int n = 0;
    for (String doc : corpus) {
      n++;
      for (String t : new HashSet<>(tokens(doc))) {
        df.computeIfPresent(t, (k, v) -> v + 1);
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

  /** The table as written by {@link #read}, terms sorted. */
  public String write() {
    StringBuilder sb = new StringBuilder("#documents\t").append(documents).append('\n');
    df.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> sb.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
    return sb.toString();
  }

  /** The unit-length TF-IDF vector of a text: (1 + log tf) * log(1 + (N + 1) / (df + 1)). */
  public Vector vector(String text) {
    // What tokens() and a count of the counted words would give, without a string a word: one scan
    // that hashes each word as it goes and looks it up by hash. An ASCII text is lower-cased on the
    // way; any other is lower-cased first, as tokens() does (a few letters change length).
    String lower = ascii(text) ? text : text.toLowerCase(Locale.ROOT);
    int[] found = new int[16];
    int n = 0;
    int start = -1;
    boolean digits = true;
    long h = 0;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      boolean digit = c >= '0' && c <= '9';
      if (digit || c >= 'a' && c <= 'z' || c == '+' || c == '#') {
        if (start < 0) {
          start = i;
          digits = true;
          h = 0xcbf29ce484222325L;
        }
        digits &= digit;
        h = (h ^ c) * 0x100000001b3L;
      } else if (start >= 0) {
        if (i - start > 1 && !digits) {
          int r = rank(h ^ (h >>> 29), lower, start, i);
          if (r >= 0) {
            if (n == found.length) {
              found = Arrays.copyOf(found, n * 2);
            }
            found[n++] = r;
          }
        }
        start = -1;
      }
    }
    if (n == 0) {
      return Vector.EMPTY;
    }
    // ranks sort as hashes do; a run of one rank is its count
    Arrays.sort(found, 0, n);
    int distinct = 1;
    for (int i = 1; i < n; i++) {
      if (found[i] != found[i - 1]) {
        distinct++;
      }
    }
    char[] terms = new char[distinct];
    float[] weights = new float[distinct];
    double norm = 0;
    for (int i = 0, k = 0; i < n; k++) {
      int r = found[i];
      int tf = 0;
      while (i < n && found[i] == r) {
        tf++;
        i++;
      }
      terms[k] = (char) r;
      weights[k] = (float) ((1 + Math.log(tf)) * rankIdf[r]);
      norm += weights[k] * weights[k];
    }
    float len = (float) Math.sqrt(norm);
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= len;
    }
    return new Vector(terms, weights);
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * The words of a short text (a job title) weighted by rarity alone, not normalised: {@code
   * title.overlap(doc) / title.total()} is the share of the title's weight a document speaks of.
   */
  public Vector rarity(String shortText) {
    char[] terms = ranks(tokens(shortText == null ? "" : shortText));
    float[] weights = new float[terms.length];
    for (int i = 0; i < terms.length; i++) {
      weights[i] = (float) rankIdf[terms[i]]; // a word counted once: (1 + log 1) * idf
    }
    return terms.length == 0 ? Vector.EMPTY : new Vector(terms, weights);
  }

  /** The ranks of the words of the vocabulary among these, ascending, each once. */
  private char[] ranks(List<String> words) {
    int[] ranks = words.stream().mapToInt(this::rank).filter(r -> r >= 0).sorted().distinct().toArray();
    char[] out = new char[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      out[i] = (char) ranks[i];
    }
    return out;
  }

  /**
   * A vector that also has the vocabulary words of a short text, weighted 0: for a what-if where a
   * resume also names a skill. Coverage features read only which words a resume has.
   */
  public Vector withWords(Vector v, String words) {
    char[] known = vocabularyRanks.computeIfAbsent(words, w -> ranks(tokens(w)));
    // merge two sorted lists of ranks; the new words weigh 0
    char[] terms = new char[v.terms().length + known.length];
    float[] weights = new float[terms.length];
    int a = 0;
    int b = 0;
    int n = 0;
    while (a < v.terms().length || b < known.length) {
      if (b == known.length || a < v.terms().length && v.terms()[a] <= known[b]) {
        if (b < known.length && v.terms()[a] == known[b]) {
          b++; // the resume has the word already
        }
        terms[n] = v.terms()[a];
        weights[n++] = v.weights()[a++];
      } else {
        terms[n++] = known[b++];
      }
    }
    return n == v.terms().length ? v : new Vector(Arrays.copyOf(terms, n), Arrays.copyOf(weights, n));
  }

  /** 64-bit FNV-1a of a term, mixed. */
  static long hash(String term) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < term.length(); i++) {
      h ^= term.charAt(i);
      h *= 0x100000001b3L;
    }
    return h ^ (h >>> 29);
  }

  /**
   * How much of a posting's weight falls on words the document also uses: the sum of the posting's
   * squared unit weights over shared words, 0 to 1. Only the posting's words count, so nothing else
   * in a resume (a name, an address) can move it unless the posting itself says it.
   */
  public static double coverage(Vector posting, Vector doc) {
    return shared(posting, doc, true);
  }

  /** The sum of a's weights (or squared weights) over the terms b also has: a merge of sorted ids. */
  private static double shared(Vector a, Vector b, boolean squared) {
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < a.terms.length && j < b.terms.length) {
      if (a.terms[i] == b.terms[j]) {
        sum += squared ? a.weights[i] * a.weights[i] : a.weights[i];
        i++;
        j++;
      } else if (a.terms[i] < b.terms[j]) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  /**
   * Words about who a person is, not what they can do. They are kept out of the vocabulary even
   * when a job title uses them ("Women's Health Nurse").
   */
  public static final Set<String> PROTECTED = Set.of("woman", "women", "female", "females", "man", "men", "male",
      "males", "gender", "sex", "girl", "girls", "boy", "boys", "lady", "ladies", "gentleman", "mother", "father",
      "wife", "husband", "married", "divorced", "widow", "widowed", "pregnant", "pregnancy", "maternity",
      "paternity", "children", "age", "aged", "born", "birth", "veteran", "veterans", "disability", "disabilities",
      "disabled", "handicapped", "race", "racial", "ethnic", "ethnicity", "asian", "hispanic", "latino", "latina",
      "african", "american", "indian", "black", "white", "caucasian", "religion", "religious", "christian", "muslim", "jewish", "hindu", "catholic",
      "church", "nationality", "citizen", "citizenship", "citizens", "immigrant", "immigration", "visa", "lgbt",
      "lgbtq", "gay", "lesbian", "transgender", "orientation", "diversity", "minority", "minorities", "equal",
      "opportunity", "eeo", "affirmative", "creed", "ancestry", "marital", "genetic", "protected", "child",
      // addresses and contact details
      "street", "st", "avenue", "ave", "road", "rd", "lane", "boulevard", "blvd", "apt", "apartment", "suite",
      "flat", "floor", "zip", "postcode", "address", "phone", "mobile", "email", "mail", "photo", "dob", "new", "park",
      "north", "south", "east", "west", "city", "county", "state", "village", "town", "nagar", "district");

  /** Function words, and pronouns, which say something about a person and nothing about fit. */
  static final Set<String> STOP = Set.of("the", "and", "of", "to", "in", "for", "with", "on", "is", "are",
      "be", "as", "an", "or", "at", "by", "we", "you", "our", "will", "this", "that", "from", "your", "have", "has",
      "he", "she", "him", "her", "his", "hers", "they", "them", "their", "mr", "mrs", "ms", "miss");

  /**
   * Lower-cased word tokens (letters, digits, + and #) of two or more characters; stop words, pronouns
   * and numbers (years, ages, phone numbers) dropped.
   */
  public static List<String> tokens(String text) {
    // a scan rather than split("[^a-z0-9+#]+"): the regex was most of preparing a posting
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    int start = -1;
    boolean digits = true;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      boolean digit = c >= '0' && c <= '9';
      if (digit || c >= 'a' && c <= 'z' || c == '+' || c == '#') {
        if (start < 0) {
          start = i;
          digits = true;
        }
        digits &= digit;
      } else if (start >= 0) {
        if (i - start > 1 && !digits) {
          String t = lower.substring(start, i);
          if (!STOP.contains(t)) {
            out.add(t);
          }
        }
        start = -1;
      }
    }
    return Collections.unmodifiableList(out);
  }
}
