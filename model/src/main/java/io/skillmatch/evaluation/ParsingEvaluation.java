package io.skillmatch.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.data.Csv;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.Requirement;
import io.skillmatch.parsing.SkillExtractor;
import io.skillmatch.parsing.SkillMatcher;
import io.skillmatch.parsing.SpanTagger;
import io.skillmatch.parsing.TokenMentions;
import io.skillmatch.taxonomy.Category;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures skill extraction on real data: recall of the employer-entered skill lists of Dice
 * postings (restricted to listed skills the taxonomy knows), and span precision, recall and F1 of
 * knowledge spans on the SkillSpan tech postings (exact and partial overlap). Soft skills are left
 * out of the SkillSpan comparison: SkillSpan tags them as skill spans, a separate layer.
 */
public final class ParsingEvaluation {

  /** Precision, recall and F1 of a span comparison. */
  public record Prf(int predicted, int gold, int predictedMatched, int goldMatched) {
    public double precision() {
      return predicted == 0 ? 0 : (double) predictedMatched / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) goldMatched / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /**
   * Dice figures.
   *
   * @param postings postings evaluated
   * @param listed listed skills (after dropping placeholders)
   * @param inTaxonomy listed skills the taxonomy knows
   * @param found of those, extracted by the parser
   * @param inText listed skills in the taxonomy whose name or an alias occurs in the text
   * @param foundInText of those, extracted by the parser
   * @param missed most frequently missed skills, with counts
   */
  public record DiceResult(
      int postings, int listed, int inTaxonomy, int found, int inText, int foundInText, Map<String, Integer> missed) {
    public double recall() {
      return inTaxonomy == 0 ? 0 : (double) found / inTaxonomy;
    }

    /** Recall over the listed skills whose name or an alias occurs in the posting's text at all. */
    public double recallInText() {
      return inText == 0 ? 0 : (double) foundInText / inText;
    }

    public double coverage() {
      return listed == 0 ? 0 : (double) inTaxonomy / listed;
    }
  }

  /** Both evaluations. */
  public record Report(DiceResult dice, Map<String, Prf> skillSpanExact, Map<String, Prf> skillSpanPartial) {
    /** A plain-text table. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT,
          "Dice postings (%d): listed skills %d, in taxonomy %d (%.1f%%), recall %.3f (%d/%d)%n",
          dice.postings(), dice.listed(), dice.inTaxonomy(), 100 * dice.coverage(), dice.recall(),
          dice.found(), dice.inTaxonomy()));
      sb.append(String.format(Locale.ROOT,
          "  listed skills named in the text (any name or alias, any case) %d (%.1f%%), recall on those %.3f (%d/%d)%n",
          dice.inText(), 100.0 * dice.inText() / Math.max(1, dice.inTaxonomy()), dice.recallInText(),
          dice.foundInText(), dice.inText()));
      sb.append("  most missed: ").append(dice.missed()).append('\n');
      sb.append("SkillSpan tech, knowledge spans:\n");
      sb.append(String.format(Locale.ROOT, "  %-6s %-8s %9s %7s %7s %7s%n", "split", "match", "precision", "recall", "F1", "gold"));
      for (String split : skillSpanExact.keySet()) {
        for (var e : List.of(Map.entry("exact", skillSpanExact.get(split)), Map.entry("partial", skillSpanPartial.get(split)))) {
          Prf p = e.getValue();
          sb.append(String.format(Locale.ROOT, "  %-6s %-8s %9.3f %7.3f %7.3f %7d%n",
              split, e.getKey(), p.precision(), p.recall(), p.f1(), p.gold()));
        }
      }
      return sb.toString();
    }
  }

  private static final Set<String> PLACEHOLDERS =
      Set.of("see below", "see job description", "(see job description)", "please see job description",
          "see description", "n/a", "na", "tbd", "see jd", "refer jd");

  private final Taxonomy taxonomy;
  private final PostingParser parser;
  private final SkillExtractor extractor;

  public ParsingEvaluation(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    this.parser = PostingParser.of(taxonomy);
    this.extractor = new SkillMatcher(taxonomy);
  }

  /** Runs both evaluations on the shared data folder. */
  public Report run(Path shared) throws IOException {
    return run(shared, null);
  }

  /**
   * Runs both evaluations; when {@code devErrors} is not null, collects the SkillSpan dev-split
   * errors into it (error analysis looks at dev only; test stays held out).
   */
  public Report run(Path shared, List<String> devErrors) throws IOException {
    DiceResult dice = dice(shared.resolve("dice_us_tech_jobs/dice_postings_with_skills.csv"));
    Map<String, Prf> exact = new LinkedHashMap<>();
    Map<String, Prf> partial = new LinkedHashMap<>();
    Set<String> notKnowledge = knowledgeExclusions(shared.resolve("skillspan/train.json"));
    for (String split : List.of("dev", "test")) {
      Prf[] r = skillSpan(shared.resolve("skillspan/" + split + ".json"), "dev".equals(split) ? devErrors : null);
      exact.put(split, r[0]);
      partial.put(split, r[1]);
    }
    for (String split : List.of("dev", "test")) {
      Prf[] r = skillSpan(shared.resolve("skillspan/" + split + ".json"), null, notKnowledge);
      exact.put(split + "+map", r[0]);
      partial.put(split + "+map", r[1]);
    }
    SpanTagger tagger = SpanTagger.train(taxonomy, readSpans(shared.resolve("skillspan/train.json"), TRAIN_SOURCES),
        SpanTagger.Options.defaults());
    for (String split : List.of("dev", "test")) {
      Prf[] r = taggerSpans(tagger, shared.resolve("skillspan/" + split + ".json"));
      exact.put(split + "+tag", r[0]);
      partial.put(split + "+tag", r[1]);
    }
    return new Report(dice, exact, partial);
  }

  /** Recall of the employer-entered skills that the taxonomy knows. */
  public DiceResult dice(Path csv) throws IOException {
    int postings = 0;
    int listed = 0;
    int inTaxonomy = 0;
    int found = 0;
    int inText = 0;
    int foundInText = 0;
    Map<String, Integer> missed = new TreeMap<>();
    for (Map<String, String> row : Csv.read(csv, ',')) {
      String description = row.getOrDefault("jobdescription", "");
      if (description.isBlank()) {
        continue;
      }
      postings++;
      Set<String> gold = new HashSet<>();
      for (String s : row.getOrDefault("required_skills", "").split(",")) {
        String skill = s.strip();
        if (skill.isEmpty() || PLACEHOLDERS.contains(skill.toLowerCase(Locale.ROOT))) {
          continue;
        }
        listed++;
        Optional<Skill> resolved = taxonomy.resolve(skill);
        if (resolved.isPresent() && gold.add(resolved.get().id())) {
          inTaxonomy++;
        } else if (resolved.isPresent()) {
          listed--; // the same skill listed twice ("Java, java")
        }
      }
      Set<String> predicted = new HashSet<>();
      String text = row.getOrDefault("jobtitle", "") + "\n" + description;
      for (Requirement r : parser.parse(text).requirements()) {
        predicted.add(r.skillId());
      }
      String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#.]+", " ") + " ";
      for (String g : gold) {
        boolean named = named(g, lower);
        inText += named ? 1 : 0;
        if (predicted.contains(g)) {
          found++;
          foundInText += named ? 1 : 0;
        } else {
          missed.merge(g, 1, Integer::sum);
        }
      }
    }
    Map<String, Integer> top = new LinkedHashMap<>();
    missed.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(25)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return new DiceResult(postings, listed, inTaxonomy, found, inText, foundInText, top);
  }

  /** Whether the skill's name or an alias occurs in the normalised text, ignoring case. */
  private boolean named(String skillId, String normalisedText) {
    Skill s = taxonomy.skill(skillId).orElseThrow();
    List<String> forms = new ArrayList<>(s.aliases());
    forms.add(s.name());
    for (String f : forms) {
      String n = " " + f.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#.]+", " ").strip() + " ";
      if (n.isBlank()) {
        continue;
      }
      int i = normalisedText.indexOf(n);
      if (i >= 0) {
        return true;
      }
    }
    return false;
  }

  /** {exact, partial} span figures for the knowledge spans of the tech sentences of a split. */
  public Prf[] skillSpan(Path jsonl) throws IOException {
    return skillSpan(jsonl, null);
  }

  /**
   * As {@link #skillSpan(Path)}, also appending to {@code errors} (when not null) one line per
   * predicted span ("TP\tsurface\tsentence" or "FP...") and per missed gold span ("FN..."), for
   * error analysis.
   */
  public Prf[] skillSpan(Path jsonl, List<String> errors) throws IOException {
    return skillSpan(jsonl, errors, Set.of());
  }

  /** As {@link #skillSpan(Path, List)}, leaving out predictions of the {@code excluded} skills. */
  public Prf[] skillSpan(Path jsonl, List<String> errors, Set<String> excluded) throws IOException {
    SpanCounts counts = new SpanCounts(errors);
    for (SpanTagger.Sentence s : readSpans(jsonl, Set.of("tech"))) {
      counts.add(s.tokens(), bioSpans(s.tags()), predictedSpans(s.tokens(), excluded, null));
    }
    return counts.figures();
  }

  /** {exact, partial} figures of a trained tagger on the tech sentences of a split. */
  public Prf[] taggerSpans(SpanTagger tagger, Path jsonl) throws IOException {
    SpanCounts counts = new SpanCounts(null);
    for (SpanTagger.Sentence s : readSpans(jsonl, Set.of("tech"))) {
      counts.add(s.tokens(), bioSpans(s.tags()), bioSpans(tagger.tag(s.tokens())));
    }
    return counts.figures();
  }

  /** Accumulates exact and partial (any overlap) matches of predicted against gold spans. */
  private static final class SpanCounts {
    private final List<String> errors;
    private int predicted;
    private int gold;
    private int exact;
    private int partialPred;
    private int partialGold;

    SpanCounts(List<String> errors) {
      this.errors = errors;
    }

    void add(List<String> tokens, List<int[]> goldSpans, List<int[]> predSpans) {
      predicted += predSpans.size();
      gold += goldSpans.size();
      String sentence = errors == null ? "" : String.join(" ", tokens);
      for (int[] p : predSpans) {
        boolean same = goldSpans.stream().anyMatch(g -> p[0] == g[0] && p[1] == g[1]);
        boolean overlap = goldSpans.stream().anyMatch(g -> overlaps(p, g));
        exact += same ? 1 : 0;
        partialPred += overlap ? 1 : 0;
        if (errors != null) {
          errors.add((overlap ? "TP\t" : "FP\t") + String.join(" ", tokens.subList(p[0], p[1] + 1)) + "\t" + sentence);
        }
      }
      for (int[] g : goldSpans) {
        boolean hit = predSpans.stream().anyMatch(p -> overlaps(p, g));
        partialGold += hit ? 1 : 0;
        if (!hit && errors != null) {
          errors.add("FN\t" + String.join(" ", tokens.subList(g[0], g[1] + 1)) + "\t" + sentence);
        }
      }
    }

    Prf[] figures() {
      return new Prf[] {new Prf(predicted, gold, exact, exact), new Prf(predicted, gold, partialPred, partialGold)};
    }
  }

  private static boolean overlaps(int[] a, int[] b) {
    return a[0] <= b[1] && b[0] <= a[1];
  }

  /**
   * The skills whose mentions SkillSpan's annotators do not count as knowledge, learned on the
   * train split only: skills predicted at least {@value #MAP_MIN_SEEN} times there, of which fewer
   * than {@value #MAP_MIN_SHARE} overlap a knowledge span ("collaboration", "documentation"). This
   * maps the taxonomy onto SkillSpan's annotation scheme; the parser itself is unchanged.
   */
  public Set<String> knowledgeExclusions(Path train) throws IOException {
    Map<String, int[]> counts = new TreeMap<>(); // id -> {overlapping, all}
    for (SpanTagger.Sentence s : readSpans(train, Set.of("tech"))) {
      List<int[]> gold = bioSpans(s.tags());
      List<String> ids = new ArrayList<>();
      List<int[]> pred = predictedSpans(s.tokens(), Set.of(), ids);
      for (int i = 0; i < pred.size(); i++) {
        int[] p = pred.get(i);
        int[] c = counts.computeIfAbsent(ids.get(i), k -> new int[2]);
        c[0] += gold.stream().anyMatch(g -> overlaps(p, g)) ? 1 : 0;
        c[1]++;
      }
    }
    Set<String> excluded = new HashSet<>();
    counts.forEach((id, c) -> {
      if (c[1] >= MAP_MIN_SEEN && c[0] < MAP_MIN_SHARE * c[1]) {
        excluded.add(id);
      }
    });
    return excluded;
  }

  /** Which SkillSpan sources train the tagger. */
  static final Set<String> TRAIN_SOURCES = Set.of(System.getProperty("skillmatch.tagSources", "tech,house").split(","));

  /**
   * The annotated knowledge spans of a split's sentences from the given sources. The first sentence
   * of each posting is its job title, which SkillSpan leaves unannotated (0 of the 806 dev
   * knowledge spans): it is left out rather than counted.
   */
  public static List<SpanTagger.Sentence> readSpans(Path jsonl, Set<String> sources) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<SpanTagger.Sentence> out = new ArrayList<>();
    int lastPosting = Integer.MIN_VALUE;
    String lastSource = "";
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        String source = row.path("source").asText();
        int posting = row.path("idx").asInt();
        boolean title = posting != lastPosting || !source.equals(lastSource);
        lastPosting = posting;
        lastSource = source;
        if (title || !sources.contains(source)) {
          continue;
        }
        List<String> tokens = new ArrayList<>();
        row.path("tokens").forEach(t -> tokens.add(t.asText()));
        List<String> tags = new ArrayList<>();
        row.path("tags_knowledge").forEach(t -> tags.add(t.asText()));
        out.add(new SpanTagger.Sentence(tokens, tags));
      }
    }
    return out;
  }

  static final int MAP_MIN_SEEN = 3;
  static final double MAP_MIN_SHARE = 0.25;

  /**
   * Token spans [first, last] of the mentions found in the space-joined tokens, leaving out soft
   * skills and the skills in {@code excluded}; collects each span's skill id into {@code ids}.
   */
  private List<int[]> predictedSpans(List<String> tokens, Set<String> excluded, List<String> ids) {
    List<int[]> spans = new ArrayList<>();
    for (TokenMentions.Covered c : TokenMentions.find(extractor, tokens)) {
      String id = c.mention().skillId();
      // SkillSpan tags abilities ("teamwork") as skill spans, not knowledge spans
      if (taxonomy.skill(id).map(Skill::category).orElse(null) == Category.SOFT_SKILL || excluded.contains(id)) {
        continue;
      }
      spans.add(new int[] {c.first(), c.last()});
      if (ids != null) {
        ids.add(id);
      }
    }
    return spans;
  }


  private static List<int[]> bioSpans(List<String> tags) {
    List<int[]> spans = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= tags.size(); i++) {
      String t = i < tags.size() ? tags.get(i) : "O";
      if (t.equals("B") || t.equals("O") || (t.equals("I") && start < 0)) {
        if (start >= 0) {
          spans.add(new int[] {start, i - 1});
          start = -1;
        }
        if (t.equals("B") || t.equals("I")) {
          start = i;
        }
      }
    }
    return spans;
  }
}
