package io.skillmatch.embedding;

import io.skillmatch.data.Csv;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Bags of taxonomy skill ids that occur together, read from the public data sets: each job of
 * skill2vec, each Dice posting's employer skill list, each O*NET occupation's technology examples
 * and each ESCO occupation's essential and optional skills. Raw tags and labels are mapped to
 * skills with {@link Taxonomy#resolve}, the same lookup the parsers use; a trailing parenthetical
 * ("Java (computer programming)") is dropped first when the full label does not resolve, as the
 * taxonomy builder does. A bag keeps each skill once, in first-seen order, and is kept when it
 * holds at least two skills.
 *
 * <p>Immutable once built; thread-safe.
 */
public final class CoOccurrenceCorpus {

  /** A data set the corpus reads, with its file under the shared data folder. */
  public enum Source {
    SKILL2VEC("skill2vec_50k/skill2vec_50K_trimmed.csv", "skill2vec 50k job tags (MIT)"),
    DICE("dice_us_tech_jobs/dice_titles_skills_22k.csv", "Dice US tech jobs, employer skill lists (research use)"),
    ONET("onet_29_2/Technology_Skills.txt", "O*NET 29.2 technology skills per occupation (CC BY 4.0)"),
    ESCO("esco_1_2_0/occupation_skill_relations_labels.csv",
        "ESCO 1.2.0 occupation essential/optional skills (EU, reuse with attribution)");

    /** Path relative to the shared data folder. */
    public final String file;
    /** What it is and its licence, for provenance. */
    public final String description;

    Source(String file, String description) {
      this.file = file;
      this.description = description;
    }
  }

  /** One bag of co-occurring skills. */
  public record Sentence(Source source, List<String> skillIds) {
    public Sentence {
      skillIds = List.copyOf(skillIds);
    }
  }

  /**
   * How well a source maps to the taxonomy.
   *
   * @param rows bags read (jobs, postings, occupations)
   * @param rawTags tag occurrences seen
   * @param mappedTags tag occurrences that name a taxonomy skill
   * @param distinctRawTags distinct tags, ignoring case
   * @param distinctMappedTags distinct tags, ignoring case, that name a skill
   * @param distinctSkills distinct skills named
   * @param sentencesKept bags with at least two distinct skills
   * @param topUnmapped the most frequent tags (lower case) that name no skill, with their counts
   */
  public record Coverage(
      Source source,
      int rows,
      long rawTags,
      long mappedTags,
      int distinctRawTags,
      int distinctMappedTags,
      int distinctSkills,
      int sentencesKept,
      Map<String, Integer> topUnmapped) {
    public Coverage {
      topUnmapped = Collections.unmodifiableMap(new LinkedHashMap<>(topUnmapped));
    }

    /** Share of tag occurrences that name a skill. */
    public double mappedShare() {
      return rawTags == 0 ? 0 : (double) mappedTags / rawTags;
    }
  }

  private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
  private static final int MIN_BAG = 2;

  private final List<Sentence> sentences;
  private final Map<Source, Coverage> coverage;

  private CoOccurrenceCorpus(List<Sentence> sentences, Map<Source, Coverage> coverage) {
    this.sentences = List.copyOf(sentences);
    this.coverage = Collections.unmodifiableMap(new EnumMap<>(coverage));
  }

  /** A corpus of given bags (for tests and small experiments); no coverage figures. */
  public static CoOccurrenceCorpus of(List<Sentence> sentences) {
    return new CoOccurrenceCorpus(sentences, new EnumMap<>(Source.class));
  }

  /** Reads every source from the shared data folder. */
  public static CoOccurrenceCorpus build(Path sharedData, Taxonomy taxonomy) throws IOException {
    if (!Files.isDirectory(sharedData)) {
      throw new IllegalArgumentException(
          "shared data folder not found: " + sharedData + " (the embeddings are trained on ../shared/data)");
    }
    Builder b = new Builder(taxonomy);
    b.skill2vec(sharedData.resolve(Source.SKILL2VEC.file));
    b.dice(sharedData.resolve(Source.DICE.file));
    b.onet(sharedData.resolve(Source.ONET.file));
    b.esco(sharedData.resolve(Source.ESCO.file));
    return new CoOccurrenceCorpus(b.sentences, b.coverage);
  }

  /** The files {@link #build} reads, relative to the shared data folder. */
  public static List<String> inputFiles() {
    List<String> files = new ArrayList<>();
    for (Source s : Source.values()) {
      files.add(s.file);
    }
    return files;
  }

  /** The bags, source by source, in file order. */
  public List<Sentence> sentences() {
    return sentences;
  }

  /** Coverage per source (empty for a corpus made with {@link #of}). */
  public Map<Source, Coverage> coverage() {
    return coverage;
  }

  /** In how many bags each skill occurs. */
  public Map<String, Integer> bagCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Sentence s : sentences) {
      for (String id : s.skillIds()) {
        counts.merge(id, 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * The skill a raw tag or label names: {@link Taxonomy#resolve}, then the same without a trailing
   * parenthetical ("Java (computer programming)"), as the taxonomy builder reads labels.
   */
  static Optional<String> skillId(Taxonomy taxonomy, String tag) {
    Optional<Skill> s = taxonomy.resolve(tag);
    if (s.isEmpty()) {
      String bare = PARENTHETICAL.matcher(tag).replaceAll("").strip();
      if (!bare.isEmpty() && !bare.equals(tag)) {
        s = taxonomy.resolve(bare);
      }
    }
    return s.map(Skill::id);
  }

  /** Reads the sources and maps their tags; not thread-safe, used once by {@link #build}. */
  private static final class Builder {
    private final Taxonomy taxonomy;
    private final Map<String, Optional<String>> cache = new HashMap<>();
    private final List<Sentence> sentences = new ArrayList<>();
    private final Map<Source, Coverage> coverage = new EnumMap<>(Source.class);

    // per-source tallies, reset by finish()
    private int rows;
    private long rawTags;
    private long mappedTags;
    private final Set<String> distinctRaw = new HashSet<>();
    private final Set<String> distinctMapped = new HashSet<>();
    private final Set<String> skills = new HashSet<>();
    private final Map<String, Integer> unmapped = new HashMap<>();
    private int kept;

    Builder(Taxonomy taxonomy) {
      this.taxonomy = taxonomy;
    }

    void skill2vec(Path csv) throws IOException {
      // no header: job id, then the tags
      for (List<String> rec : records(csv, ',')) {
        bag(Source.SKILL2VEC, rec.subList(Math.min(1, rec.size()), rec.size()));
      }
      finish(Source.SKILL2VEC);
    }

    void dice(Path csv) throws IOException {
      for (Map<String, String> row : Csv.read(csv, ',')) {
        bag(Source.DICE, List.of(row.getOrDefault("required_skills", "").split(",")));
      }
      finish(Source.DICE);
    }

    void onet(Path tsv) throws IOException {
      Map<String, List<String>> byOccupation = new LinkedHashMap<>();
      for (Map<String, String> row : Csv.read(tsv, '\t')) {
        byOccupation.computeIfAbsent(row.get("O*NET-SOC Code"), k -> new ArrayList<>()).add(row.get("Example"));
      }
      byOccupation.values().forEach(tags -> bag(Source.ONET, tags));
      finish(Source.ONET);
    }

    void esco(Path csv) throws IOException {
      Map<String, List<String>> byOccupation = new LinkedHashMap<>();
      for (Map<String, String> row : Csv.read(csv, ',')) {
        byOccupation.computeIfAbsent(row.get("occupation_uri"), k -> new ArrayList<>()).add(row.get("skill_label"));
      }
      byOccupation.values().forEach(tags -> bag(Source.ESCO, tags));
      finish(Source.ESCO);
    }

    private void bag(Source source, List<String> tags) {
      rows++;
      LinkedHashSet<String> ids = new LinkedHashSet<>();
      for (String raw : tags) {
        String tag = raw == null ? "" : raw.strip();
        if (tag.isEmpty()) {
          continue;
        }
        rawTags++;
        String lower = tag.toLowerCase(Locale.ROOT);
        distinctRaw.add(lower);
        Optional<String> id = cache.computeIfAbsent(tag, this::lookup);
        if (id.isPresent()) {
          mappedTags++;
          distinctMapped.add(lower);
          skills.add(id.get());
          ids.add(id.get());
        } else {
          unmapped.merge(lower, 1, Integer::sum);
        }
      }
      if (ids.size() >= MIN_BAG) {
        kept++;
        sentences.add(new Sentence(source, new ArrayList<>(ids)));
      }
    }

    private Optional<String> lookup(String tag) {
      return skillId(taxonomy, tag);
    }

    private void finish(Source source) {
      Map<String, Integer> top = new LinkedHashMap<>();
      unmapped.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(15)
          .forEach(e -> top.put(e.getKey(), e.getValue()));
      coverage.put(
          source,
          new Coverage(source, rows, rawTags, mappedTags, distinctRaw.size(), distinctMapped.size(),
              skills.size(), kept, top));
      rows = 0;
      rawTags = 0;
      mappedTags = 0;
      kept = 0;
      distinctRaw.clear();
      distinctMapped.clear();
      skills.clear();
      unmapped.clear();
    }

    private static List<List<String>> records(Path file, char sep) throws IOException {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return Csv.parse(r, sep);
      }
    }
  }
}
