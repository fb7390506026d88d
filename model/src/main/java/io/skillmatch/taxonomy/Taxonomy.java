package io.skillmatch.taxonomy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable skill taxonomy with a lookup from surface forms to skills.
 *
 * <p>Each surface key ({@link SurfaceForms#key}) names at most one skill; when two skills claim a
 * key, the one listed first keeps it. Thread-safe.
 */
public final class Taxonomy {

  /** Where the bundled taxonomy lives on the classpath. */
  public static final String BUNDLED = "/io/skillmatch/taxonomy/skills.jsonl";

  /**
   * A surface form of a skill.
   *
   * @param skillId the skill it names
   * @param forms the forms as written in the taxonomy ("Go"; "Payroll", "payroll"); a contextual
   *     surface must match one of them exactly, case included
   * @param contextual whether it counts only with the exact case and a technical context
   */
  public record Surface(String skillId, List<String> forms, boolean contextual) {
    public Surface {
      forms = List.copyOf(forms);
    }

    /** The first form, as written in the taxonomy. */
    public String form() {
      return forms.getFirst();
    }

    /** Whether the text names this surface exactly, case included. */
    public boolean matchesExactly(CharSequence text, int start, int end) {
      for (String f : forms) {
        if (f.length() == end - start && text.toString().regionMatches(start, f, 0, f.length())) {
          return true;
        }
      }
      return false;
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * What a lookup key leads to, for the matcher's hot path: the surface it names (or null) and
   * whether longer keys start with it. One hash lookup per token answers both.
   */
  public record Node(Surface surface, boolean prefix, int length) {}

  /** FNV-1a offset basis: the hash of the empty key. */
  public static final long HASH_SEED = 0xcbf29ce484222325L;

  /** Extends a key hash by one character (FNV-1a, 64 bits); the matcher feeds lower-case chars. */
  public static long hash(long h, char c) {
    return (h ^ c) * 0x100000001b3L;
  }

  private static long hash(String key) {
    long h = HASH_SEED;
    for (int i = 0; i < key.length(); i++) {
      h = hash(h, key.charAt(i));
    }
    return h;
  }

  private final Map<String, Skill> byId;
  private final Map<String, Surface> byKey;
  private final long[] tableKeys;
  private final int tableShift;
  private final Node[] tableNodes;
  private final int maxKeyWords;

  private Taxonomy(Collection<Skill> skills) {
    Map<String, Skill> ids = new LinkedHashMap<>();
    for (Skill s : skills) {
      if (ids.putIfAbsent(s.id(), s) != null) {
        throw new IllegalArgumentException("duplicate skill id: " + s.id());
      }
    }
    Map<String, Surface> keys = new HashMap<>();
    // space-free forms ("nodejs") come second: they never shadow a skill's own name ("unittest")
    Map<String, Surface> compact = new HashMap<>();
    for (Skill s : ids.values()) {
      Set<String> contextual = new HashSet<>(s.contextual());
      List<String> forms = new ArrayList<>(1 + s.aliases().size());
      forms.add(s.name());
      forms.addAll(s.aliases());
      for (String form : forms) {
        boolean ctx = contextual.contains(form);
        String key = SurfaceForms.key(form);
        if (key.isEmpty()) {
          continue;
        }
        List<String> exact = new ArrayList<>(List.of(form));
        if (ctx) {
          // other spellings listed as contextual with the same key ("payroll" beside "Payroll")
          for (String c : s.contextual()) {
            if (!c.equals(form) && SurfaceForms.key(c).equals(key)) {
              exact.add(c);
            }
          }
        }
        keys.putIfAbsent(key, new Surface(s.id(), exact, ctx));
        String squashed = SurfaceForms.squashed(key);
        if (!squashed.isEmpty() && !ctx) {
          compact.putIfAbsent(squashed, new Surface(s.id(), List.of(form), false));
        }
      }
    }
    compact.forEach(keys::putIfAbsent);
    Set<String> prefixes = new HashSet<>();
    int maxWords = 1;
    for (String key : keys.keySet()) {
      String[] parts = key.split(" ");
      maxWords = Math.max(maxWords, parts.length);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < parts.length - 1; i++) {
        SurfaceForms.appendPart(sb, parts[i]);
        prefixes.add(sb.toString());
      }
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.byKey = Map.copyOf(keys);
    Map<String, Node> nodes = new HashMap<>(2 * (keys.size() + prefixes.size()));
    keys.forEach((k, v) -> nodes.put(k, new Node(v, prefixes.contains(k), k.length())));
    for (String p : prefixes) {
      nodes.putIfAbsent(p, new Node(null, true, p.length()));
    }
    // open addressing on 64-bit key hashes: the matcher looks keys up without building strings
    int capacity = Integer.highestOneBit(Math.max(16, nodes.size() * 3)) << 1;
    this.tableKeys = new long[capacity];
    this.tableNodes = new Node[capacity];
    this.tableShift = 64 - Integer.numberOfTrailingZeros(capacity);
    nodes.forEach((k, v) -> {
      long h = hash(k);
      int i = slot(h);
      while (tableNodes[i] != null) {
        if (tableKeys[i] == h) {
          throw new IllegalStateException("64-bit key hash collision: " + k);
        }
        i = (i + 1) & (capacity - 1);
      }
      tableKeys[i] = h;
      tableNodes[i] = v;
    });
    this.maxKeyWords = maxWords;
  }

  /** A taxonomy of the given skills; ids must be unique and links must resolve. */
  public static Taxonomy of(Collection<Skill> skills) {
    Taxonomy t = new Taxonomy(skills);
    for (Skill s : t.byId.values()) {
      for (String link : concat(s.broader(), s.related())) {
        if (!t.byId.containsKey(link)) {
          throw new IllegalArgumentException("skill " + s.id() + " links to unknown id " + link);
        }
      }
    }
    return t;
  }

  /** The taxonomy bundled in the jar (built from training-data/taxonomy). */
  public static Taxonomy bundled() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled taxonomy missing from the classpath: " + BUNDLED);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a taxonomy from a JSON Lines file, one {@link Skill} per line. */
  public static Taxonomy read(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in);
    }
  }

  /** Reads a taxonomy from JSON Lines, one {@link Skill} per line. */
  public static Taxonomy read(InputStream in) throws IOException {
    List<Skill> skills = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        skills.add(JSON.readValue(line, Skill.class));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException("taxonomy line " + lineNo + ": " + e.getMessage(), e);
      }
    }
    return of(skills);
  }

  /** The skill with this id, if any. */
  public Optional<Skill> skill(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** All skills in id order. */
  public Collection<Skill> skills() {
    return byId.values();
  }

  /** Number of skills. */
  public int size() {
    return byId.size();
  }

  /** The skill a name or alias denotes, ignoring case and spelling joiners; contextual forms too. */
  public Optional<Skill> resolve(String nameOrAlias) {
    String key = SurfaceForms.key(nameOrAlias);
    Surface s = byKey.get(key);
    if (s == null) {
      s = byKey.get(SurfaceForms.squashed(key));
    }
    return s == null ? Optional.empty() : skill(s.skillId());
  }

  /** FNV's low bits are weak: spread the hash (Fibonacci hashing) and take its top bits. */
  private int slot(long keyHash) {
    return (int) ((keyHash * 0x9E3779B97F4A7C15L) >>> tableShift);
  }

  /**
   * The node whose key has this {@link #hash(long, char) hash} and length, or null. Allocation
   * free, for the matcher's hot path.
   */
  public Node node(long keyHash, int length) {
    int mask = tableKeys.length - 1;
    int i = slot(keyHash);
    while (tableNodes[i] != null) {
      if (tableKeys[i] == keyHash) {
        return tableNodes[i].length() == length ? tableNodes[i] : null;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /** The largest number of words (and connectors) in a key. */
  public int maxKeyWords() {
    return maxKeyWords;
  }

  /** Whether {@code ancestor} is this skill or reachable from it through broader links. */
  /** The skill's strict ancestors along broader links, nearest first; empty for an unknown id. */
  public List<String> ancestors(String skillId) {
    return ancestorCache.computeIfAbsent(skillId, id -> {
      java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
      java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
      Skill start = byId.get(id);
      if (start != null) {
        todo.addAll(start.broader());
      }
      while (!todo.isEmpty()) {
        String a = todo.removeFirst();
        Skill s = byId.get(a);
        if (s != null && !a.equals(id) && out.add(a)) {
          todo.addAll(s.broader());
        }
      }
      return List.copyOf(out);
    });
  }

  private final java.util.Map<String, List<String>> ancestorCache = new java.util.concurrent.ConcurrentHashMap<>();

  public boolean isA(String skillId, String ancestor) {
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(skillId));
    while (!todo.isEmpty()) {
      String id = todo.removeLast();
      if (id.equals(ancestor)) {
        return true;
      }
      Skill s = byId.get(id);
      if (s != null && seen.add(id)) {
        todo.addAll(s.broader());
      }
    }
    return false;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
