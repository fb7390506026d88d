package io.skillmatch.taxonomy;

import com.fasterxml.jackson.core.JsonGenerator;
import io.skillmatch.data.Csv;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the skill taxonomy from the public sources in {@code ../shared/data} and the
 * hand-curated overlay, deterministically: the same inputs give byte-identical output.
 *
 * <p>Order of precedence: the overlay (names, categories, aliases, links) wins; then GitHub
 * Linguist programming languages, ESCO digital knowledge skills, O*NET technology examples (used
 * by two or more occupations, or flagged "hot"), and Stack Overflow tag synonyms, which only add
 * aliases to skills already known. A source skill whose name or alias already names a skill is
 * merged into it. Single-word names that are ordinary English words (seen in lower case in O*NET
 * task statements and ESCO descriptions) or one or two characters long are marked contextual, and
 * such aliases from the public sources are dropped.
 */
public final class TaxonomyBuilder {

  /** Options: where the inputs are and where to write. */
  public record Options(Path sharedData, Path overlay, Path outputDir) {
    /** The denylist beside the overlay: one surface form per line that must never name a skill. */
    Path denylist() {
      return overlay.resolveSibling("denylist.txt");
    }
  }

  /** What a build produced. */
  public record Result(int skills, Map<String, Integer> perCategory, Map<String, Integer> perSource) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern LOWER_WORD = Pattern.compile("(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])");

  /** A skill under construction. */
  private static final class Draft {
    final String id;
    final String name;
    final Category category;
    final LinkedHashSet<String> aliases = new LinkedHashSet<>();
    final LinkedHashSet<String> contextual = new LinkedHashSet<>();
    final LinkedHashSet<String> broaderNames = new LinkedHashSet<>();
    final LinkedHashSet<String> relatedNames = new LinkedHashSet<>();
    final LinkedHashSet<String> sources = new LinkedHashSet<>();

    Draft(String id, String name, Category category) {
      this.id = id;
      this.name = name;
      this.category = category;
    }
  }

  private final Map<String, Draft> drafts = new LinkedHashMap<>();
  private final Map<String, Draft> byKey = new HashMap<>();
  private final Map<String, Draft> byName = new HashMap<>();
  private final Set<String> commonWords;
  private final Set<String> denied = new HashSet<>();
  private final Map<String, String> inputHashes = new TreeMap<>();

  private TaxonomyBuilder(Set<String> commonWords) {
    this.commonWords = commonWords;
  }

  /** Builds and writes {@code skills.jsonl} and {@code provenance.json} into the output folder. */
  public static Result build(Options options) throws IOException {
    Path data = options.sharedData();
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException(
          "shared data folder not found: " + data + " (the taxonomy is built from ../shared/data)");
    }
    Path tasks = data.resolve("onet_29_2/Task_Statements.txt");
    Path escoOccupations = data.resolve("esco_1_2_0/occupations_en.csv");
    TaxonomyBuilder b = new TaxonomyBuilder(commonWords(List.of(tasks, escoOccupations)));
    b.hash(tasks);
    b.hash(escoOccupations);
    b.readDenylist(options.denylist());
    b.addOverlay(options.overlay());
    b.addLinguist(data.resolve("npm_linguist_languages/linguist_languages.csv"));
    b.addEsco(data.resolve("esco_1_2_0/digitalSkillsCollection_en.csv"));
    b.addOnet(data.resolve("onet_29_2/Technology_Skills.txt"));
    b.addStackOverflow(data.resolve("stackoverflow_tag_synonyms/TagSynonyms.csv"));
    List<Skill> skills = b.resolveLinks();
    Taxonomy.of(skills); // validates ids and links
    return b.write(skills, options.outputDir());
  }

  // ---------------------------------------------------------------- sources

  private void addOverlay(Path overlay) throws IOException {
    hash(overlay);
    List<String> lines = Files.readAllLines(overlay, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (IOException e) {
        throw new IllegalArgumentException("overlay line " + (i + 1) + ": " + e.getMessage(), e);
      }
      String name = n.path("name").asText();
      Category category = Category.of(n.path("category").asText());
      Draft d = create(name, category, "overlay");
      if (d == null) {
        throw new IllegalArgumentException(
            "overlay line " + (i + 1) + ": " + name + " is already the name or alias of "
                + byKey.get(SurfaceForms.key(name)).name);
      }
      Set<String> ctx = new HashSet<>(strings(n.path("contextual")));
      if (ctx.contains(name)) {
        // a curator's homonym ("Go", "Chef", "Rust") counts only with its capital letter
        d.contextual.clear();
        d.contextual.add(name);
      }
      for (String alias : strings(n.path("aliases"))) {
        addAlias(d, alias, ctx.contains(alias), true);
      }
      d.broaderNames.addAll(strings(n.path("broader")));
      d.relatedNames.addAll(strings(n.path("related")));
    }
  }

  private void readDenylist(Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    hash(file);
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        denied.add(SurfaceForms.key(l));
      }
    }
  }

  private void addLinguist(Path csv) throws IOException {
    hash(csv);
    for (Map<String, String> row : Csv.read(csv, ',')) {
      if (!"programming".equals(row.get("type"))) {
        continue;
      }
      Draft d = mergeOrCreate(row.get("name"), List.of(), Category.LANGUAGE, "linguist");
      if (d == null) {
        continue;
      }
      for (String alias : row.getOrDefault("aliases", "").split("\\|")) {
        addAlias(d, alias.strip(), false, false);
      }
      d.broaderNames.add("Programming languages");
    }
  }

  private void addEsco(Path csv) throws IOException {
    hash(csv);
    for (Map<String, String> row : Csv.read(csv, ',')) {
      if (!"knowledge".equals(row.get("skillType"))) {
        continue;
      }
      String label = row.get("preferredLabel");
      String name = PARENTHETICAL.matcher(label).replaceAll("").strip();
      List<String> alts = new ArrayList<>();
      for (String alt : row.getOrDefault("altLabels", "").split("\\|")) {
        String a = PARENTHETICAL.matcher(alt).replaceAll("").strip();
        if (!a.isEmpty()) {
          alts.add(a);
        }
      }
      String broader = row.getOrDefault("broaderConceptPT", "").toLowerCase(Locale.ROOT);
      Draft d = mergeOrCreate(name, alts, escoCategory(broader), "esco");
      if (d == null) {
        continue;
      }
      for (String alt : alts) {
        addAlias(d, alt, false, false);
      }
    }
  }

  private void addOnet(Path tsv) throws IOException {
    hash(tsv);
    List<Map<String, String>> rows = Csv.read(tsv, '\t');
    Map<String, Integer> occupations = new HashMap<>();
    Set<String> hot = new HashSet<>();
    Map<String, String> commodity = new HashMap<>();
    Map<String, Integer> prefixes = new HashMap<>();
    for (Map<String, String> row : rows) {
      String example = row.get("Example").strip();
      if (occupations.merge(example, 1, Integer::sum) == 1) {
        String[] w = example.split(" ");
        for (int k = 1; k <= Math.min(3, w.length - 1); k++) {
          prefixes.merge(String.join(" ", java.util.Arrays.copyOf(w, k)), 1, Integer::sum);
        }
      }
      if ("Y".equals(row.get("Hot Technology"))) {
        hot.add(example);
      }
      commodity.putIfAbsent(example, row.get("Commodity Title"));
    }
    List<String> examples = new ArrayList<>(occupations.keySet());
    examples.sort(null);
    for (String example : examples) {
      if (occupations.get(example) < 2 && !hot.contains(example)) {
        continue;
      }
      List<String> aliases = onetAliases(example, prefixes);
      String name = example;
      Draft d = mergeOrCreate(name, aliases, onetCategory(commodity.get(example)), "onet");
      if (d == null) {
        continue;
      }
      for (String alias : aliases) {
        addAlias(d, alias, false, false);
      }
    }
  }

  private void addStackOverflow(Path csv) throws IOException {
    hash(csv);
    for (Map<String, String> row : Csv.read(csv, ',')) {
      String target = row.get("TargetTagName");
      String source = row.get("SourceTagName");
      Draft d = byKey.get(SurfaceForms.key(target));
      if (d == null || source == null || source.matches(".*\\d\\.\\d.*")) {
        continue; // only aliases for known skills; version tags ("python-3.x") are not aliases
      }
      if (addAlias(d, source, false, false)) {
        d.sources.add("stackoverflow");
      }
    }
  }

  // ---------------------------------------------------------------- merging

  private Draft create(String name, Category category, String source) {
    String key = SurfaceForms.key(name);
    if (byKey.containsKey(key)) {
      return null;
    }
    String base = Slugs.of(name);
    String id = base;
    for (int k = 2; drafts.containsKey(id); k++) {
      id = base + "-" + k; // two different names that slug alike
    }
    Draft d = new Draft(id, name, category);
    d.sources.add(source);
    drafts.put(id, d);
    byName.putIfAbsent(name.toLowerCase(Locale.ROOT), d);
    if (!key.isEmpty()) {
      byKey.put(key, d); // a name with punctuation ("Governance, risk and compliance") is found by its aliases
    }
    if (isCommon(name) || !"overlay".equals(source) && isPlainWord(name)) {
      markContextual(d, name);
    }
    return d;
  }

  /** Finds the skill that a name or one of its aliases already denotes, or creates one. */
  private Draft mergeOrCreate(String rawName, List<String> aliases, Category category, String source) {
    String name = PARENTHETICAL.matcher(rawName).replaceAll("").strip();
    if (SurfaceForms.key(name).isEmpty()) {
      return null;
    }
    if (denied.contains(SurfaceForms.key(name))) {
      return null;
    }
    if (name.length() == 1 && !byKey.containsKey(SurfaceForms.key(name))) {
      return null; // "B", "E", "J": one-letter names only where the overlay vouches for them (C, R)
    }
    Draft existing = byKey.get(SurfaceForms.key(name));
    if (existing == null) {
      for (String alias : aliases) {
        existing = byKey.get(SurfaceForms.key(alias));
        if (existing != null && !isCommon(alias)) {
          break;
        }
        existing = null;
      }
    }
    if (existing != null) {
      existing.sources.add(source);
      addAlias(existing, name, false, false);
      return existing;
    }
    return create(name, category, source);
  }

  /** Adds an alias unless its key already names a skill; public-source aliases that are words are dropped. */
  private boolean addAlias(Draft d, String alias, boolean contextual, boolean curated) {
    String key = SurfaceForms.key(alias);
    if (key.isEmpty() || byKey.containsKey(key) || alias.length() > 80 || denied.contains(key)
        || !alias.matches(".*[A-Za-z].*")) {
      return false;
    }
    if (!curated && isCommon(alias)) {
      return false;
    }
    byKey.put(key, d);
    d.aliases.add(alias);
    if (contextual) {
      d.contextual.add(alias);
    } else if (!curated && (isPlainWord(alias) || isWordInCapitals(alias))) {
      markContextual(d, alias);
    }
    return true;
  }

  /**
   * Marks an ordinary word contextual. Its lower-case spelling is accepted too ("Payroll",
   * "payroll"): only words a curator marked by hand ("Go", "Swift") rely on their capital letter.
   */
  private static void markContextual(Draft d, String form) {
    d.contextual.add(form);
    String lower = form.toLowerCase(Locale.ROOT);
    if (!lower.equals(form) && isPlainWord(form)) {
      d.contextual.add(lower);
    }
  }

  /** One word of letters, capitalised at most at its first letter ("Crystal", "workbook"). */
  private static boolean isPlainWord(String form) {
    return form.strip().matches("[A-Za-z][a-z]+");
  }

  /** An all-capitals word that is also an ordinary word ("CALM", "SAN"), or a short one. */
  private boolean isWordInCapitals(String form) {
    String f = form.strip();
    return f.matches("[A-Z]{2,}") && (f.length() <= 3 || commonWords.contains(f.toLowerCase(Locale.ROOT)));
  }

  private boolean isCommon(String form) {
    String f = form.strip();
    if (f.length() <= 2) {
      return true;
    }
    return f.indexOf(' ') < 0 && commonWords.contains(f.toLowerCase(Locale.ROOT));
  }

  private List<Skill> resolveLinks() {
    List<Skill> skills = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (Draft d : drafts.values()) {
      List<String> broader = links(d, d.broaderNames, unresolved);
      List<String> related = links(d, d.relatedNames, unresolved);
      related.removeAll(broader);
      skills.add(
          new Skill(
              d.id,
              d.name,
              d.category,
              List.copyOf(d.aliases),
              List.copyOf(d.contextual),
              broader,
              related,
              List.copyOf(d.sources)));
    }
    if (!unresolved.isEmpty()) {
      throw new IllegalArgumentException("unresolved overlay links: " + unresolved);
    }
    skills.sort((a, b) -> a.id().compareTo(b.id()));
    return skills;
  }

  private List<String> links(Draft d, Set<String> names, List<String> unresolved) {
    List<String> ids = new ArrayList<>();
    for (String name : names) {
      Draft target = byName.get(name.toLowerCase(Locale.ROOT));
      if (target == null) {
        target = byKey.get(SurfaceForms.key(name));
      }
      if (target == null) {
        if (d.sources.contains("overlay")) {
          unresolved.add(d.name + " -> " + name);
        }
      } else if (target != d && !ids.contains(target.id)) {
        ids.add(target.id);
      }
    }
    return ids;
  }

  // ---------------------------------------------------------------- output

  private Result write(List<Skill> skills, Path out) throws IOException {
    Files.createDirectories(out);
    ObjectMapper compact = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    StringBuilder sb = new StringBuilder();
    Map<String, Integer> perCategory = new TreeMap<>();
    Map<String, Integer> perSource = new TreeMap<>();
    for (Skill s : skills) {
      sb.append(compact.writeValueAsString(s)).append('\n');
      perCategory.merge(s.category().wireName(), 1, Integer::sum);
      for (String src : s.sources()) {
        perSource.merge(src, 1, Integer::sum);
      }
    }
    Path skillsFile = out.resolve("skills.jsonl");
    Files.writeString(skillsFile, sb.toString(), StandardCharsets.UTF_8);
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("artefact", "skillmatch skill taxonomy");
    provenance.put("format", "JSON Lines, one skill per line, sorted by id; format version 1");
    provenance.put("builtBy", "./skillmatch build-taxonomy (io.skillmatch.taxonomy.TaxonomyBuilder)");
    provenance.put("skills", skills.size());
    provenance.put("skillsSha256", sha256(skillsFile));
    provenance.put("perCategory", perCategory);
    provenance.put("perSource", perSource);
    provenance.put(
        "inputs",
        inputHashes.entrySet().stream()
            .map(e -> {
              Map<String, String> m = new LinkedHashMap<>(); // fixed key order: reproducible output
              m.put("file", e.getKey());
              m.put("sha256", e.getValue());
              return m;
            })
            .toList());
    provenance.put(
        "licences",
        new TreeMap<>(Map.of(
            "onet", "O*NET 29.2, CC BY 4.0 (U.S. Department of Labor, ETA)",
            "esco", "ESCO 1.2.0, European Commission, reuse with attribution",
            "linguist", "GitHub Linguist languages, MIT",
            "stackoverflow", "Stack Overflow tag synonyms, CC BY-SA 4.0",
            "overlay", "skillmatch contributors, hand-curated overlay and denylist")));
    JSON.copy()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("provenance.json").toFile(), provenance);
    return new Result(skills.size(), perCategory, perSource);
  }

  // ---------------------------------------------------------------- helpers

  private void hash(Path file) throws IOException {
    inputHashes.put(
        file.getParent().getFileName() + "/" + file.getFileName(), sha256(file));
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> commonWords(List<Path> corpora) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (Path p : corpora) {
      try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          Matcher m = LOWER_WORD.matcher(URL.matcher(line).replaceAll(" "));
          while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
          }
        }
      }
    }
    Set<String> common = new HashSet<>();
    counts.forEach((w, c) -> {
      if (c >= 3) {
        common.add(w);
      }
    });
    return common;
  }

  private List<String> onetAliases(String example, Map<String, Integer> prefixes) {
    List<String> aliases = new ArrayList<>();
    String base = example;
    // "Structured query language SQL" -> "SQL", "Structured query language"
    String[] words = base.split(" ");
    String last = words[words.length - 1];
    if (words.length > 2 && last.matches("[A-Z][A-Z0-9/]{1,7}") && initialsMatch(words, last)) {
      aliases.add(last);
      base = base.substring(0, base.length() - last.length()).strip();
      aliases.add(base);
    }
    if (base.endsWith(" software") && base.length() > " software".length() + 2) {
      aliases.add(base.substring(0, base.length() - " software".length()).strip());
    }
    // vendor prefixes ("Oracle Java" -> "Java", "Red Hat WildFly" -> "WildFly"): the longest
    // prefix of one to three words that starts three or more examples
    for (int k = Math.min(3, words.length - 1); k >= 1; k--) {
      String prefix = String.join(" ", java.util.Arrays.copyOf(words, k));
      if (prefixes.getOrDefault(prefix, 0) >= 3) {
        String rest = example.substring(prefix.length()).strip();
        if (rest.length() >= 3 && !rest.equals("software") && !rest.endsWith(" software")) {
          aliases.add(rest);
        }
        break;
      }
    }
    return aliases;
  }

  /** Whether an acronym spells the initials of the words before it ("Structured query language SQL"). */
  private static boolean initialsMatch(String[] words, String acronym) {
    String letters = acronym.replaceAll("[^A-Z]", "");
    int n = letters.length();
    if (n < 2 || words.length - 1 < n) {
      return false;
    }
    StringBuilder initials = new StringBuilder();
    for (int i = words.length - 1 - n; i < words.length - 1; i++) {
      initials.append(Character.toUpperCase(words[i].charAt(0)));
    }
    return initials.toString().equals(letters);
  }

  private static Category escoCategory(String broader) {
    if (broader.contains("programming") || broader.contains("query languages")
        || broader.contains("style sheet")) {
      return Category.LANGUAGE;
    }
    if (broader.contains("database management")) {
      return Category.DATABASE;
    }
    if (broader.contains("frameworks")) {
      return Category.FRAMEWORK;
    }
    if (broader.contains("tool") || broader.contains("software") || broader.contains("systems")
        || broader.contains("webcms")) {
      return Category.TOOL;
    }
    if (broader.contains("development and analysis") || broader.contains("methodolog")
        || broader.contains("network design") || broader.contains("computer use")) {
      return Category.PRACTICE;
    }
    return Category.DOMAIN;
  }

  private static Category onetCategory(String commodity) {
    String c = commodity == null ? "" : commodity.toLowerCase(Locale.ROOT);
    if (c.contains("object or component oriented")) {
      return Category.LANGUAGE;
    }
    if (c.contains("data base management")) {
      return Category.DATABASE;
    }
    if (c.contains("operating system") || c.contains("application server")) {
      return Category.PLATFORM;
    }
    if (c.contains("web platform development")) {
      return Category.FRAMEWORK;
    }
    if (c.contains("cloud")) {
      return Category.CLOUD;
    }
    return Category.TOOL;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> {
        String s = n.asText().strip();
        if (!s.isEmpty()) {
          out.add(s);
        }
      });
    }
    return out;
  }
}
