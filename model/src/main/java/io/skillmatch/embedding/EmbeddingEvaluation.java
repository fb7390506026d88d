package io.skillmatch.embedding;

import io.skillmatch.data.Csv;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Intrinsic checks of skill vectors.
 *
 * <ul>
 *   <li>AUC: the probability that a related pair of skills has a higher cosine than a random pair
 *       of skills (ties count half; Mann-Whitney). Related pairs come from the taxonomy's broader
 *       and related links, and separately from ESCO's skill-to-skill relations mapped to taxonomy
 *       ids. Random pairs are seeded draws of two distinct skills from the same vocabulary. Only
 *       pairs whose both skills are in the vocabulary count; evaluate learned vectors only, since
 *       derived vectors are made from the very links under test.
 *   <li>Nearest neighbours of probe skills, for reading.
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
public final class EmbeddingEvaluation {

  /** ESCO files that name skill URIs with their preferred labels. */
  public static final List<String> ESCO_LABEL_FILES =
      List.of(
          "esco_1_2_0/digitalSkillsCollection_en.csv",
          "esco_1_2_0/skills_en_labels_moffapps.csv",
          "esco_1_2_0/transversalSkillsCollection_en.csv",
          "esco_1_2_0/languageSkillsCollection_en.csv");

  /** ESCO skill-to-skill relations (URIs). */
  public static final String ESCO_RELATIONS = "esco_1_2_0/skillSkillRelations_en.csv";

  /** ESCO skill-pillar broader relations (URIs). */
  public static final String ESCO_BROADER = "esco_1_2_0/broaderRelationsSkillPillar_en.csv";

  /** The probes the issue names, as skill names the taxonomy resolves. */
  public static final List<String> PROBES =
      List.of("Apache Kafka", "LangChain", "React", "Python", "AWS", "Apache Spark", "Kubernetes", "Go",
          "Terraform", "PostgreSQL");

  /** An unordered pair of distinct skills (stored in id order). */
  public record Pair(String a, String b) {
    public Pair {
      if (a.equals(b)) {
        throw new IllegalArgumentException("a pair needs two skills: " + a);
      }
      if (a.compareTo(b) > 0) {
        String t = a;
        a = b;
        b = t;
      }
    }
  }

  /**
   * An AUC figure.
   *
   * @param relation which related pairs
   * @param pairs related pairs with both skills in the vocabulary
   * @param randomPairs random pairs drawn
   * @param auc P(cos(related) > cos(random)), ties half
   * @param meanRelated mean cosine of the related pairs
   * @param meanRandom mean cosine of the random pairs
   */
  public record Auc(String relation, int pairs, int randomPairs, double auc, double meanRelated, double meanRandom) {}

  /** A probe: the skill it resolved to, whether its vector is learned, derived or missing, and its neighbours. */
  public record Probe(String name, String skillId, String vector, List<Neighbour> neighbours) {
    public Probe {
      neighbours = List.copyOf(neighbours);
    }
  }

  /** A neighbour with its display name and whether its vector is derived. */
  public record Neighbour(String skillId, String name, double cosine, boolean derived) {}

  private EmbeddingEvaluation() {}

  /** Pairs (skill, broader skill) from the taxonomy. */
  public static List<Pair> taxonomyBroader(Taxonomy taxonomy) {
    Set<Pair> pairs = new LinkedHashSet<>();
    for (Skill s : taxonomy.skills()) {
      s.broader().forEach(b -> pairs.add(new Pair(s.id(), b)));
    }
    return List.copyOf(pairs);
  }

  /** Pairs (skill, related skill) from the taxonomy. */
  public static List<Pair> taxonomyRelated(Taxonomy taxonomy) {
    Set<Pair> pairs = new LinkedHashSet<>();
    for (Skill s : taxonomy.skills()) {
      s.related().forEach(r -> pairs.add(new Pair(s.id(), r)));
    }
    return List.copyOf(pairs);
  }

  /**
   * ESCO's skill-to-skill relations (essential and optional) whose both ends map to distinct
   * taxonomy skills: URIs are named through the ESCO label files, labels mapped like corpus tags.
   */
  public static List<Pair> escoRelations(Path sharedData, Taxonomy taxonomy) throws IOException {
    return escoPairs(sharedData, taxonomy, ESCO_RELATIONS, "originalSkillUri", "relatedSkillUri");
  }

  /**
   * ESCO's skill-pillar broader relations (skill to broader skill or skill group) whose both ends
   * map to distinct taxonomy skills.
   */
  public static List<Pair> escoBroader(Path sharedData, Taxonomy taxonomy) throws IOException {
    return escoPairs(sharedData, taxonomy, ESCO_BROADER, "conceptUri", "broaderUri");
  }

  private static List<Pair> escoPairs(Path sharedData, Taxonomy taxonomy, String file, String from, String to)
      throws IOException {
    Map<String, String> labels = new HashMap<>();
    for (String f : ESCO_LABEL_FILES) {
      for (Map<String, String> row : Csv.read(sharedData.resolve(f), ',')) {
        String uri = row.get("conceptUri");
        String label = row.get("preferredLabel");
        if (uri != null && label != null) {
          labels.putIfAbsent(uri, label);
        }
      }
    }
    Set<Pair> pairs = new LinkedHashSet<>();
    for (Map<String, String> row : Csv.read(sharedData.resolve(file), ',')) {
      Optional<String> a = id(taxonomy, labels.get(row.get(from)));
      Optional<String> b = id(taxonomy, labels.get(row.get(to)));
      if (a.isPresent() && b.isPresent() && !a.get().equals(b.get())) {
        pairs.add(new Pair(a.get(), b.get()));
      }
    }
    return List.copyOf(pairs);
  }

  private static Optional<String> id(Taxonomy taxonomy, String label) {
    return label == null ? Optional.empty() : CoOccurrenceCorpus.skillId(taxonomy, label);
  }

  /**
   * AUC of related pairs against {@code randomPairs} seeded random pairs, over the skills of
   * {@code vectors}; related pairs with a skill outside the vectors are dropped.
   */
  public static Auc auc(String relation, SkillVectors vectors, List<Pair> related, int randomPairs, long seed) {
    List<String> vocab = vectors.skillIds();
    if (vocab.size() < 2) {
      throw new IllegalArgumentException("need at least two skills with vectors");
    }
    List<Double> pos = new ArrayList<>();
    for (Pair p : related) {
      if (vectors.contains(p.a()) && vectors.contains(p.b())) {
        pos.add(vectors.cosine(p.a(), p.b()));
      }
    }
    double[] neg = new double[randomPairs];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < randomPairs; i++) {
      int a = random.nextInt(vocab.size());
      int b = random.nextInt(vocab.size() - 1);
      if (b >= a) {
        b++;
      }
      neg[i] = vectors.cosine(vocab.get(a), vocab.get(b));
    }
    double[] p = pos.stream().mapToDouble(Double::doubleValue).toArray();
    return new Auc(relation, p.length, randomPairs, mannWhitney(p, neg), mean(p), mean(neg));
  }

  /** P(x > y) + P(x = y) / 2 for x drawn from {@code pos} and y from {@code neg}; NaN if either is empty. */
  static double mannWhitney(double[] pos, double[] neg) {
    if (pos.length == 0 || neg.length == 0) {
      return Double.NaN;
    }
    double[] n = neg.clone();
    Arrays.sort(n);
    double wins = 0;
    for (double x : pos) {
      int lo = lowerBound(n, x);
      int hi = upperBound(n, x);
      wins += lo + (hi - lo) / 2.0;
    }
    return wins / ((double) pos.length * n.length);
  }

  private static int lowerBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (a[m] < x) {
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (a[m] <= x) {
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return lo;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  /** The k nearest neighbours of each probe name (resolved through the taxonomy). */
  public static List<Probe> probes(SkillVectors vectors, Taxonomy taxonomy, List<String> names, int k) {
    List<Probe> out = new ArrayList<>();
    for (String name : names) {
      Optional<Skill> s = taxonomy.resolve(name);
      if (s.isEmpty()) {
        out.add(new Probe(name, null, "not in taxonomy", List.of()));
        continue;
      }
      String id = s.get().id();
      String kind = !vectors.contains(id) ? "missing" : vectors.isDerived(id) ? "derived" : "learned";
      List<Neighbour> ns = new ArrayList<>();
      for (SkillVectors.Neighbour n : vectors.nearest(id, k)) {
        String display = taxonomy.skill(n.skillId()).map(Skill::name).orElse(n.skillId());
        ns.add(new Neighbour(n.skillId(), display, n.cosine(), vectors.isDerived(n.skillId())));
      }
      out.add(new Probe(name, id, kind, ns));
    }
    return out;
  }
}
