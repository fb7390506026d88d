package io.skillmatch.embedding;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Unit-length skill vectors keyed by taxonomy skill id, read from a versioned binary artefact.
 * Cosine similarity is a dot product. Needs no ND4J: this is the serving side of the embeddings.
 *
 * <p>Immutable and thread-safe.
 *
 * <h2>Artefact format (version 1, big-endian, as {@link DataOutputStream} writes it)</h2>
 *
 * <pre>
 *   int    magic 0x534D5631 ("SMV1")
 *   int    format version (1)
 *   UTF    model version string
 *   int    dimension d
 *   int    count n
 *   n x    { UTF skill id; byte flags (bit 0: derived, not learned) }   sorted by id
 *   n*d    float32 vector components, row by row
 * </pre>
 *
 * A derived vector is not learned from co-occurrence: the trainer gives a skill that has no learned
 * vector the mean of its taxonomy neighbours' learned vectors ({@link #isDerived}).
 */
public final class SkillVectors {

  /** Where the bundled artefact lives on the classpath. */
  public static final String BUNDLED = "/io/skillmatch/embedding/skill-vectors.bin";

  /** File name of the artefact inside {@code training-data/embeddings}. */
  public static final String FILE_NAME = "skill-vectors.bin";

  static final int MAGIC = 0x534D5631;
  static final int FORMAT_VERSION = 1;
  private static final byte DERIVED = 1;

  /** A skill near another one, with the cosine of their vectors. */
  public record Neighbour(String skillId, double cosine) {
    public Neighbour {
      Objects.requireNonNull(skillId, "skillId");
    }
  }

  private final String version;
  private final int dimension;
  private final String[] ids;
  private final boolean[] derived;
  private final float[] matrix; // row-major, n x dimension, rows of unit length
  private final Map<String, Integer> index;

  private SkillVectors(String version, int dimension, String[] ids, boolean[] derived, float[] matrix) {
    this.version = version;
    this.dimension = dimension;
    this.ids = ids;
    this.derived = derived;
    this.matrix = matrix;
    Map<String, Integer> idx = HashMap.newHashMap(ids.length);
    for (int i = 0; i < ids.length; i++) {
      if (idx.put(ids[i], i) != null) {
        throw new IllegalArgumentException("duplicate skill id in vectors: " + ids[i]);
      }
    }
    this.index = idx;
  }

  /**
   * Vectors from a map of skill id to vector (any length but zero; they are normalised here).
   *
   * @param derivedIds the ids whose vectors were derived rather than learned
   */
  public static SkillVectors of(String version, Map<String, float[]> vectors, Set<String> derivedIds) {
    Objects.requireNonNull(version, "version");
    if (vectors.isEmpty()) {
      throw new IllegalArgumentException("no vectors");
    }
    TreeMap<String, float[]> sorted = new TreeMap<>(vectors);
    int d = sorted.firstEntry().getValue().length;
    if (d == 0) {
      throw new IllegalArgumentException("vectors have dimension 0");
    }
    String[] ids = sorted.keySet().toArray(String[]::new);
    boolean[] der = new boolean[ids.length];
    float[] m = new float[ids.length * d];
    for (int i = 0; i < ids.length; i++) {
      float[] v = sorted.get(ids[i]);
      if (v.length != d) {
        throw new IllegalArgumentException(
            "vector of " + ids[i] + " has dimension " + v.length + ", expected " + d);
      }
      System.arraycopy(v, 0, m, i * d, d);
      der[i] = derivedIds.contains(ids[i]);
    }
    normalise(m, d, ids);
    return new SkillVectors(version, d, ids, der, m);
  }

  /** The artefact bundled in the jar (built by {@code ./skillmatch train-embeddings}). */
  public static SkillVectors bundled() {
    try (InputStream in = SkillVectors.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(
            "bundled skill vectors missing from the classpath: " + BUNDLED
                + " (train them with ./skillmatch train-embeddings and rebuild)");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an artefact file. */
  public static SkillVectors read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read skill vectors from " + path, e);
    }
  }

  /** Reads an artefact from a stream (not closed). */
  public static SkillVectors read(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException("not a skill-vectors artefact (magic 0x" + Integer.toHexString(magic) + ")");
    }
    int format = in.readInt();
    if (format != FORMAT_VERSION) {
      throw new IOException("unsupported skill-vectors format version " + format + " (expected " + FORMAT_VERSION + ")");
    }
    String version = in.readUTF();
    int d = in.readInt();
    int n = in.readInt();
    if (d <= 0 || n <= 0 || (long) d * n > Integer.MAX_VALUE) {
      throw new IOException("bad skill-vectors header: dimension " + d + ", count " + n);
    }
    String[] ids = new String[n];
    boolean[] der = new boolean[n];
    for (int i = 0; i < n; i++) {
      ids[i] = in.readUTF();
      der[i] = (in.readByte() & DERIVED) != 0;
    }
    byte[] raw = in.readNBytes(n * d * Float.BYTES);
    if (raw.length != n * d * Float.BYTES) {
      throw new IOException("truncated skill-vectors artefact");
    }
    float[] m = new float[n * d];
    ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(m);
    normalise(m, d, ids);
    return new SkillVectors(version, d, ids, der, m);
  }

  /** Writes the artefact (format version 1). */
  public void write(Path path) throws IOException {
    try (OutputStream os = Files.newOutputStream(path)) {
      write(os);
    }
  }

  /** Writes the artefact to a stream (flushed, not closed). */
  public void write(OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.writeUTF(version);
    out.writeInt(dimension);
    out.writeInt(ids.length);
    for (int i = 0; i < ids.length; i++) {
      out.writeUTF(ids[i]);
      out.writeByte(derived[i] ? DERIVED : 0);
    }
    ByteBuffer buf = ByteBuffer.allocate(matrix.length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
    buf.asFloatBuffer().put(matrix);
    out.write(buf.array());
    out.flush();
  }

  /** The model version recorded in the artefact. */
  public String version() {
    return version;
  }

  /** Length of every vector. */
  public int dimension() {
    return dimension;
  }

  /** Number of skills with a vector, learned or derived. */
  public int size() {
    return ids.length;
  }

  /** Whether this skill has a vector. */
  public boolean contains(String skillId) {
    return index.containsKey(skillId);
  }

  /** Whether this skill's vector was derived from its taxonomy neighbours instead of learned. */
  public boolean isDerived(String skillId) {
    Integer i = index.get(skillId);
    return i != null && derived[i];
  }

  /** Skill ids with a vector, sorted. */
  public List<String> skillIds() {
    return List.of(ids);
  }

  /** A copy of the unit-length vector of this skill, or null if it has none. */
  public float[] vector(String skillId) {
    Integer i = index.get(skillId);
    return i == null ? null : Arrays.copyOfRange(matrix, i * dimension, (i + 1) * dimension);
  }

  /** Cosine similarity of two skills' vectors; 0 when either has no vector. */
  public double cosine(String a, String b) {
    Integer i = index.get(a);
    Integer j = index.get(b);
    if (i == null || j == null) {
      return 0;
    }
    return dot(i * dimension, j * dimension);
  }

  /**
   * The k skills nearest to this one by cosine, nearest first, the skill itself excluded; empty for
   * a skill without a vector. Exact (brute force over every vector): a few thousand rows.
   */
  public List<Neighbour> nearest(String skillId, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0: " + k);
    }
    Integer q = index.get(skillId);
    if (q == null || k == 0) {
      return List.of();
    }
    int want = Math.min(k, ids.length - 1);
    // a bounded min-heap of (score, row) in two parallel arrays: no boxing per candidate
    double[] heapScore = new double[want];
    int[] heapRow = new int[want];
    int size = 0;
    int qOff = q * dimension;
    for (int r = 0; r < ids.length; r++) {
      if (r == q) {
        continue;
      }
      double s = dot(qOff, r * dimension);
      if (size < want) {
        heapScore[size] = s;
        heapRow[size] = r;
        siftUp(heapScore, heapRow, size++);
      } else if (want > 0 && better(s, r, heapScore[0], heapRow[0])) {
        heapScore[0] = s;
        heapRow[0] = r;
        siftDown(heapScore, heapRow, size);
      }
    }
    List<Neighbour> out = new ArrayList<>(size);
    while (size > 0) {
      out.add(new Neighbour(ids[heapRow[0]], heapScore[0]));
      size--;
      heapScore[0] = heapScore[size];
      heapRow[0] = heapRow[size];
      siftDown(heapScore, heapRow, size);
    }
    return List.copyOf(out.reversed());
  }

  private double dot(int aOff, int bOff) {
    double s = 0;
    for (int k = 0; k < dimension; k++) {
      s += matrix[aOff + k] * matrix[bOff + k];
    }
    return s;
  }

  /** Heap order: a higher score wins; on equal scores the smaller row (id order) wins. */
  private static boolean better(double s, int r, double s2, int r2) {
    return s > s2 || (s == s2 && r < r2);
  }

  private static void siftUp(double[] score, int[] row, int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!better(score[p], row[p], score[i], row[i])) {
        break;
      }
      swap(score, row, i, p);
      i = p;
    }
  }

  private static void siftDown(double[] score, int[] row, int size) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int m = l;
      if (l + 1 < size && better(score[m], row[m], score[l + 1], row[l + 1])) {
        m = l + 1;
      }
      if (!better(score[i], row[i], score[m], row[m])) {
        return;
      }
      swap(score, row, i, m);
      i = m;
    }
  }

  private static void swap(double[] score, int[] row, int a, int b) {
    double s = score[a];
    score[a] = score[b];
    score[b] = s;
    int r = row[a];
    row[a] = row[b];
    row[b] = r;
  }

  private static void normalise(float[] m, int d, String[] ids) {
    for (int i = 0; i < ids.length; i++) {
      double n = 0;
      for (int k = 0; k < d; k++) {
        n += (double) m[i * d + k] * m[i * d + k];
      }
      if (!(n > 0) || !Double.isFinite(n)) {
        throw new IllegalArgumentException("vector of " + ids[i] + " is zero or not finite");
      }
      float inv = (float) (1 / Math.sqrt(n));
      for (int k = 0; k < d; k++) {
        m[i * d + k] *= inv;
      }
    }
  }
}
