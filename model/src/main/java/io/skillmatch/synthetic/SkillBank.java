package io.skillmatch.synthetic;

import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.taxonomy.Category;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.SurfaceForms;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The skills the generator writes about: how each is spelled (its name and, sometimes, an alias:
 * "Golang", "k8s", "Postgres"), and for each archetype the skills its core sits among in the
 * learned vectors, weighted by cosine. Built once; immutable and thread-safe afterwards.
 */
final class SkillBank {

  /** How likely a skill's other spellings are, against its name, for skills without a curated list. */
  private static final double ALIAS_SHARE = 0.2;
  /** Neighbours drawn per archetype, nearest first, and the softness of their weights. */
  private static final int NEIGHBOURS = 24;
  private static final double NEIGHBOUR_TEMPERATURE = 0.05;
  private static final double COMPANION_TEMPERATURE = 0.25;

  /**
   * Curated spellings, "form:weight|form:weight": what postings and resumes actually write. A
   * form the taxonomy does not resolve to the skill is dropped when the bank is built.
   */
  private static final Map<String, String> SPELLINGS = Map.ofEntries(
      Map.entry("amazon-web-services", "AWS:8|Amazon Web Services:2"),
      Map.entry("google-cloud-platform", "GCP:5|Google Cloud:3|Google Cloud Platform:2"),
      Map.entry("microsoft-azure", "Azure:8|Microsoft Azure:2"),
      Map.entry("apache-kafka", "Kafka:7|Apache Kafka:3"),
      Map.entry("apache-spark", "Apache Spark:5|Spark:5"),
      Map.entry("apache-cassandra", "Cassandra:6|Apache Cassandra:4"),
      Map.entry("apache-airflow", "Airflow:5|Apache Airflow:5"),
      Map.entry("apache-hadoop", "Hadoop:7|Apache Hadoop:3"),
      Map.entry("apache-hive", "Hive:5|Apache Hive:5"),
      Map.entry("apache-hbase", "HBase:6|Apache HBase:4"),
      Map.entry("apache-flink", "Flink:5|Apache Flink:5"),
      Map.entry("apache-maven", "Maven:6|Apache Maven:4"),
      Map.entry("go", "Go:6|Golang:4"),
      Map.entry("kubernetes", "Kubernetes:7|k8s:2|K8s:1"),
      Map.entry("postgresql", "PostgreSQL:6|Postgres:4"),
      Map.entry("node-js", "Node.js:7|NodeJS:3"),
      Map.entry("react", "React:8|React.js:1|ReactJS:1"),
      Map.entry("next-js", "Next.js:8|NextJS:2"),
      Map.entry("vue-js", "Vue.js:5|Vue:5"),
      Map.entry("javascript", "JavaScript:9|JS:1"),
      Map.entry("mongodb", "MongoDB:8|Mongo:2"),
      Map.entry("scikit-learn", "scikit-learn:7|sklearn:3"),
      Map.entry("amazon-s3", "S3:5|Amazon S3:5"),
      Map.entry("amazon-sqs", "SQS:5|Amazon SQS:5"),
      Map.entry("amazon-dynamodb", "DynamoDB:7|Amazon DynamoDB:3"),
      Map.entry("amazon-eks", "EKS:5|Amazon EKS:5"),
      Map.entry("amazon-emr", "Amazon EMR:6|AWS EMR:4"),
      Map.entry("amazon-sagemaker", "SageMaker:5|Amazon SageMaker:5"),
      Map.entry("amazon-redshift", "Redshift:5|Amazon Redshift:5"),
      Map.entry("microsoft-sql-server", "SQL Server:6|Microsoft SQL Server:3|MS SQL:1"),
      Map.entry("dotnet", ".NET:7|.NET Core:3"),
      Map.entry("rest-apis", "REST APIs:5|RESTful APIs:3|RESTful services:2"),
      Map.entry("ci-cd", "CI/CD:8|CI/CD pipelines:2"),
      Map.entry("large-language-models", "LLMs:6|large language models:4"),
      Map.entry("retrieval-augmented-generation", "RAG:7|retrieval-augmented generation:3"),
      Map.entry("model-context-protocol", "MCP:5|Model Context Protocol:5"),
      Map.entry("natural-language-processing", "NLP:6|natural language processing:4"),
      Map.entry("machine-learning", "machine learning:8|ML:2"),
      Map.entry("anthropic-claude", "Anthropic Claude:4|Claude API:3|Anthropic API:3"),
      Map.entry("openai-api", "OpenAI API:6|OpenAI:4"),
      Map.entry("hugging-face", "Hugging Face:7|HuggingFace:3"),
      Map.entry("objective-c", "Objective-C:8|Obj-C:2"),
      Map.entry("express", "Express.js:7|ExpressJS:3"),
      Map.entry("nestjs", "NestJS:8|Nest.js:2"),
      Map.entry("entity-framework", "Entity Framework:6|EF Core:4"),
      Map.entry("argo-cd", "Argo CD:6|ArgoCD:4"),
      Map.entry("gitlab-ci", "GitLab CI:6|GitLab CI/CD:4"),
      Map.entry("tailwind-css", "Tailwind CSS:7|TailwindCSS:3"),
      Map.entry("sass", "Sass:5|SCSS:5"),
      Map.entry("jupyter", "Jupyter:5|Jupyter notebooks:5"),
      Map.entry("infrastructure-as-code", "infrastructure as code:5|IaC:5"),
      Map.entry("llm-agents", "AI agents:5|LLM agents:5"),
      Map.entry("html", "HTML:7|HTML5:3"),
      Map.entry("css", "CSS:7|CSS3:3"));

  /** One skill: its spellings, how likely each is, and whether it needs a technical context. */
  static final class Entry {
    final String id;
    final Category category;
    /** A technology rather than a discipline: years asked of it bind to it alone. */
    final boolean concrete;
    /** The programming language a framework or library is written in, or null. */
    final String language;
    final String[] forms;
    /** forms[i] is an ordinary word ("Go", "React") that counts only in a technical context. */
    final boolean[] contextual;
    private final double[] cumulative;

    Entry(Skill skill, String language, List<String> forms, List<Boolean> contextual, List<Double> weights) {
      this.id = skill.id();
      this.category = skill.category();
      this.concrete = skill.category().isTechnical() && skill.category() != Category.PRACTICE;
      this.language = language;
      this.forms = forms.toArray(String[]::new);
      this.contextual = new boolean[forms.size()];
      this.cumulative = new double[forms.size()];
      double total = 0;
      for (int i = 0; i < forms.size(); i++) {
        this.contextual[i] = contextual.get(i);
        total += weights.get(i);
        this.cumulative[i] = total;
      }
      for (int i = 0; i < cumulative.length; i++) {
        cumulative[i] /= total;
      }
    }

    /** The index of a spelling drawn by weight. */
    int pick(RandomGenerator rng) {
      double u = rng.nextDouble();
      for (int i = 0; i < cumulative.length - 1; i++) {
        if (u < cumulative[i]) {
          return i;
        }
      }
      return cumulative.length - 1;
    }

    /** The index of the first spelling that needs no context, or -1. */
    int plainForm() {
      for (int i = 0; i < forms.length; i++) {
        if (!contextual[i]) {
          return i;
        }
      }
      return -1;
    }
  }

  /** Skills drawn by weight. */
  record Weighted(Entry[] entries, double[] weights) {

    /**
     * Draws up to {@code count} skills by weight, without repeats and skipping those {@code had}
     * says a document has already, handing each skill id to {@code take} as drawn.
     */
    void draw(java.util.random.RandomGenerator rng, int count, java.util.function.Predicate<String> had,
        java.util.function.Consumer<String> take) {
      boolean[] taken = new boolean[entries.length];
      for (int i = 0; i < taken.length; i++) {
        taken[i] = had.test(entries[i].id);
      }
      for (int n = 0; n < count; n++) {
        int k = Words.weighted(rng, weights, taken);
        if (k < 0) {
          return;
        }
        taken[k] = true;
        take.accept(entries[k].id);
      }
    }
  }

  private final Taxonomy taxonomy;
  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<String, Weighted> neighbours = new LinkedHashMap<>();
  private final Map<String, Weighted> companions = new LinkedHashMap<>();

  SkillBank(Taxonomy taxonomy, SkillVectors vectors, List<Archetype> archetypes) {
    this.taxonomy = taxonomy;
    for (Archetype a : archetypes) {
      Set<String> own = new HashSet<>(a.core());
      a.anyOf().forEach(own::addAll);
      own.addAll(a.companions());
      a.roles().forEach(r -> {
        own.addAll(r.names());
        own.addAll(r.disciplines());
      });
      for (String id : own) {
        entry(id, true);
      }
      float[] centroid = centroid(vectors, a.core());
      companions.put(a.id(), weighted(a.companions().stream().map(this::get).toList(), vectors, centroid,
          COMPANION_TEMPERATURE));
      neighbours.put(a.id(), nearest(vectors, centroid, own));
    }
  }

  /** The entry of a skill the bank holds; throws {@link IllegalArgumentException} for any other. */
  Entry get(String id) {
    Entry e = entries.get(id);
    if (e == null) {
      throw new IllegalArgumentException("skill not in the generator's bank: " + id);
    }
    return e;
  }

  /** The archetype's companions, weighted by closeness to its core in the vectors. */
  Weighted companions(Archetype a) {
    return companions.get(a.id());
  }

  /** Skills near the archetype's core in the vectors, beyond its own lists, weighted by cosine. */
  Weighted neighbours(Archetype a) {
    return neighbours.get(a.id());
  }

  /** Number of skills in the bank. */
  int size() {
    return entries.size();
  }

  /**
   * Builds the entry of a skill (and of the language it is written in); with {@code strict}, an
   * unknown id or a skill without a usable spelling is an error, else it is skipped.
   */
  private Entry entry(String id, boolean strict) {
    Entry existing = entries.get(id);
    if (existing != null) {
      return existing;
    }
    Optional<Skill> found = taxonomy.skill(id);
    if (found.isEmpty()) {
      if (strict) {
        throw new IllegalArgumentException("archetype names a skill the taxonomy does not have: " + id);
      }
      return null;
    }
    Skill skill = found.get();
    List<String> forms = new ArrayList<>();
    List<Boolean> contextual = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    String curated = SPELLINGS.get(id);
    if (curated != null) {
      for (String part : curated.split("\\|")) {
        int colon = part.lastIndexOf(':');
        add(skill, part.substring(0, colon), Double.parseDouble(part.substring(colon + 1)), forms, contextual, weights);
      }
    }
    if (forms.isEmpty()) {
      add(skill, runningForm(skill), 1 - ALIAS_SHARE, forms, contextual, weights);
      if (forms.isEmpty()) {
        add(skill, skill.name(), 1 - ALIAS_SHARE, forms, contextual, weights);
      }
      List<String> shortForms = new ArrayList<>();
      for (String alias : skill.aliases()) {
        if (shortForm(skill, alias)) {
          shortForms.add(alias);
        }
      }
      for (String alias : shortForms) {
        add(skill, alias, ALIAS_SHARE / shortForms.size(), forms, contextual, weights);
      }
    }
    if (forms.isEmpty()) {
      if (strict) {
        throw new IllegalArgumentException("no spelling of " + id + " resolves to it in the taxonomy");
      }
      return null;
    }
    String language = null;
    if (skill.category() == Category.FRAMEWORK || skill.category() == Category.LIBRARY) {
      for (String parent : skill.broader()) {
        boolean isLanguage = taxonomy.skill(parent).map(p -> p.category() == Category.LANGUAGE).orElse(false);
        if (isLanguage && !parent.equals("programming-languages") && entry(parent, false) != null) {
          language = parent;
          break;
        }
      }
    }
    Entry e = new Entry(skill, language, forms, contextual, weights);
    entries.put(id, e);
    return e;
  }

  /**
   * Adds a spelling when the taxonomy resolves it to the skill and, for an ordinary word that
   * counts only with its exact case ("Go", "pandas"), when it is one of the listed spellings.
   */
  private void add(Skill skill, String form, double weight, List<String> forms, List<Boolean> contextual,
      List<Double> weights) {
    if (forms.contains(form) || !taxonomy.resolve(form).map(Skill::id).equals(Optional.of(skill.id()))) {
      return;
    }
    String key = SurfaceForms.key(form);
    boolean ctx = false;
    for (String c : skill.contextual()) {
      if (SurfaceForms.key(c).equals(key)) {
        ctx = true;
      }
    }
    if (ctx && !skill.contextual().contains(form)) {
      return;
    }
    forms.add(form);
    contextual.add(ctx);
    weights.add(weight);
  }

  /**
   * The name as running text writes it: disciplines and generic kinds in lower case ("machine
   * learning", "vector databases"), product names as they are ("Apache Kafka", "Core Data").
   */
  static String runningForm(Skill skill) {
    String name = skill.name();
    String[] words = name.split(" ");
    if (!words[0].matches("[A-Z][a-z]+")) {
      return name; // "NoSQL databases", "A/B testing", "CI/CD"
    }
    for (int i = 1; i < words.length; i++) {
      if (!words[i].isEmpty() && !Character.isLowerCase(words[i].charAt(0))) {
        return name;
      }
    }
    boolean discipline = skill.category() == Category.PRACTICE || skill.category() == Category.DOMAIN
        || skill.category() == Category.SOFT_SKILL;
    if (words.length == 1 && !discipline) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * An alias people write instead of the name: the name without its vendor ("Apache Flink":
   * "Flink", "Amazon Kinesis": "Kinesis"); not a variant with more words ("Kafka Streams") nor an
   * acronym of something else ("TFE" for Terraform). Other short forms are curated above.
   */
  private static boolean shortForm(Skill skill, String alias) {
    return skill.name().endsWith(" " + alias) && alias.length() >= 3 && Character.isUpperCase(alias.charAt(0));
  }

  private static float[] centroid(SkillVectors vectors, List<String> ids) {
    float[] c = new float[vectors.dimension()];
    for (String id : ids) {
      float[] v = vectors.vector(id);
      if (v != null) {
        for (int i = 0; i < c.length; i++) {
          c[i] += v[i];
        }
      }
    }
    double norm = 0;
    for (float x : c) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < c.length && norm > 0; i++) {
      c[i] /= (float) norm;
    }
    return c;
  }

  private static double cosine(SkillVectors vectors, String id, float[] centroid) {
    float[] v = vectors.vector(id);
    if (v == null) {
      return 0;
    }
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[i] * centroid[i];
    }
    return s;
  }

  private static Weighted weighted(List<Entry> list, SkillVectors vectors, float[] centroid, double temperature) {
    Entry[] es = list.toArray(Entry[]::new);
    double[] w = new double[es.length];
    for (int i = 0; i < es.length; i++) {
      w[i] = Math.exp((cosine(vectors, es[i].id, centroid) - 1) / temperature);
    }
    return new Weighted(es, w);
  }

  /**
   * The skills nearest the centroid among the taxonomy's curated technologies (the overlay: the
   * mainstream of tech postings), excluding the archetype's own; each needs a spelling that reads
   * without context.
   */
  private Weighted nearest(SkillVectors vectors, float[] centroid, Set<String> own) {
    List<Skill> candidates = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (Skill s : taxonomy.skills()) {
      if (own.contains(s.id()) || !s.sources().contains("overlay") || !s.category().isTechnical()
          || !vectors.contains(s.id())) {
        continue;
      }
      candidates.add(s);
      scores.add(cosine(vectors, s.id(), centroid));
    }
    Integer[] order = new Integer[candidates.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // ties broken by id: the taxonomy's order is fixed, so the list is too
    java.util.Arrays.sort(order, (x, y) -> {
      int c = Double.compare(scores.get(y), scores.get(x));
      return c != 0 ? c : candidates.get(x).id().compareTo(candidates.get(y).id());
    });
    List<Entry> picked = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double best = Double.NaN;
    for (Integer i : order) {
      if (picked.size() == NEIGHBOURS) {
        break;
      }
      Entry e = entry(candidates.get(i).id(), false);
      if (e == null || e.plainForm() < 0) {
        continue;
      }
      if (Double.isNaN(best)) {
        best = scores.get(i);
      }
      picked.add(e);
      weights.add(Math.exp((scores.get(i) - best) / NEIGHBOUR_TEMPERATURE));
    }
    return new Weighted(picked.toArray(Entry[]::new), weights.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
