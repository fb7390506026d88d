package io.skillmatch.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillmatch.data.Csv;
import io.skillmatch.data.Provenance;
import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.ranking.Matcher;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.ranking.TermVectors;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./skillmatch train}: the whole training run from the repository and {@code ../shared/data}
 * to the artefacts in {@code training-data/ranking}: the term frequencies for text similarity and
 * the ranking model with its provenance. Deterministic for a seed.
 */
public final class RankerTraining {

  /** Parsing reads "present" as this day during training, so a rerun reads the same years. */
  public static final Instant TODAY = io.skillmatch.ranking.Ranking.TRAINING_DAY;

  /**
   * The learners compared on validation. Tree ensembles are capped at 1,200 leaves in all, so that
   * scoring one posting against 1,000 candidates stays within 10 ms on one core: 300 trees of 8
   * leaves cross-validated 0.007 NDCG@10 better than 300 of 4, but took 12 ms.
   */
  public static List<RankerTrainer.Learner> learners() {
    List<RankerTrainer.Learner> out = new ArrayList<>();
    out.add(RankerTrainer.trees(new RankerTrainer.TreeOptions(100, 4, 10, 0.05)));
    out.add(RankerTrainer.trees(new RankerTrainer.TreeOptions(300, 4, 10, 0.05)));
    out.add(RankerTrainer.trees(new RankerTrainer.TreeOptions(100, 8, 10, 0.05)));
    out.add(RankerTrainer.trees(new RankerTrainer.TreeOptions(150, 8, 10, 0.05)));
    out.add(new MlpLearner(new MlpLearner.Options(32, 16, 400, 0.003, 1e-3, 42)));
    out.add(new MlpLearner(new MlpLearner.Options(64, 32, 400, 0.003, 1e-3, 42)));
    out.add(new MlpLearner(new MlpLearner.Options(16, 8, 800, 0.001, 1e-2, 42)));
    return out;
  }

  private final Path root;
  private final Path shared;
  private final Consumer<String> progress;

  public RankerTraining(Path root, Path shared, Consumer<String> progress) {
    this.root = root;
    this.shared = shared;
    this.progress = progress;
  }

  /** Trains and writes the artefacts; returns the outcome for the caller to print. */
  public RankerTrainer.Outcome run(long seed, Taxonomy taxonomy, SkillVectors vectors)
      throws IOException {
    Path out = root.resolve("training-data/ranking");
    Files.createDirectories(out);
    progress.accept("counting term frequencies over public postings and resumes");
    List<Path> corpusFiles = List.of(
        shared.resolve("dice_us_tech_jobs/dice_postings_with_skills.csv"),
        shared.resolve("resumes_categorized/resumes_unique.csv"),
        shared.resolve("glassdoor_ds_jobs_2020/glassdoor_jobs.csv"),
        shared.resolve("glassdoor_ds_jobs_2020/Uncleaned_DS_jobs.csv"));
    Iterable<String> corpus = corpus(corpusFiles);
    List<Path> titleFiles = List.of(shared.resolve("onet_29_2/Alternate_Titles.txt"),
        shared.resolve("onet_29_2/Sample_of_Reported_Titles.txt"), shared.resolve("onet_29_2/Occupation_Data.txt"));
    TermVectors terms = TermVectors.count(corpus, vocabulary(taxonomy, titleFiles));
    Files.writeString(out.resolve("common-words.txt"), commonWords(corpus, 3), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("term-df.tsv"), terms.write(), StandardCharsets.UTF_8);
    TermVectors shipped = TermVectors.read(Files.newInputStream(out.resolve("term-df.tsv")));

    Clock clock = Clock.fixed(TODAY, ZoneOffset.UTC);
    JudgedSet set = JudgedSet.load(root.resolve("training-data/judgments"), shared);
    Matcher matcher = new Ranking(taxonomy, vectors, shipped).matcher(null, clock);
    MatchedTexts texts = new MatchedTexts(matcher, new ParsedTexts(taxonomy, clock));
    RankerTrainer trainer = new RankerTrainer(set, texts, progress);
    Map<String, JudgedSet.Split> split = set.splitByPosting(seed);

    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode prov = json.createObjectNode();
    prov.put("seed", seed);
    prov.put("today", TODAY.toString());
    prov.put("embeddings", vectors.version());
    prov.put("judgedPairs", set.judgments().size());
    prov.put("split", "by posting, seeded 70/15/15 (JudgedSet.splitByPosting)");
    ObjectNode inputs = prov.putObject("inputs");
    for (Path f : judgmentFiles()) {
      inputs.put(root.relativize(f).toString(), Provenance.sha256(Files.readAllBytes(f)));
    }
    for (Path f : titleFiles) {
      inputs.put("../shared/data/" + shared.relativize(f), Provenance.sha256(Files.readAllBytes(f)));
    }
    for (Path f : corpusFiles) {
      inputs.put("../shared/data/" + shared.relativize(f), Provenance.sha256(Files.readAllBytes(f)));
    }
    ObjectNode libs = prov.putObject("libraries");
    libs.put("smile-core", Provenance.libraryVersion(smile.regression.GradientTreeBoost.class, "com.github.haifengl", "smile-core"));
    libs.put("deeplearning4j-nn", Provenance.libraryVersion(org.deeplearning4j.nn.multilayer.MultiLayerNetwork.class, "org.deeplearning4j",
        "deeplearning4j-nn"));
    libs.put("java", Runtime.version().toString());

    List<RankerTrainer.Learner> learners = learners();
    RankerTrainer.Outcome outcome = trainer.train(split, learners, 5, prov);
    ArrayNode cmp = prov.putArray("validationComparison");
    outcome.comparison().forEach(cmp::add);
    // baselines on the same test postings, for the record
    RankingEvaluation eval = new RankingEvaluation(set);
    List<RankingEvaluation.Result> test = new ArrayList<>(outcome.test());
    RankingEvaluation.baselines(set, taxonomy, clock)
        .forEach((name, scorer) -> test.add(eval.evaluate(name, scorer, split, List.of(JudgedSet.Split.TEST))));
    // calibration on test: the expected grade the score stands for against the grades given
    ArrayNode reliability = prov.putArray("testCalibration");
    double[][] bins = new double[5][3]; // count, sum predicted grade, sum judged grade
    double absError = 0;
    int n = 0;
    for (JudgedSet.Judgment j : set.judgments()) {
      if (split.get(j.posting()) != JudgedSet.Split.TEST) {
        continue;
      }
      double predicted = outcome.model().calibration().grade(
          outcome.model().ranker().raw(texts.features(set.texts().get(j.posting()), set.texts().get(j.candidate()))));
      int b = Math.min(4, (int) (predicted / 3 * 5));
      bins[b][0]++;
      bins[b][1] += predicted;
      bins[b][2] += j.grade();
      absError += Math.abs(predicted - j.grade());
      n++;
    }
    for (int b = 0; b < bins.length; b++) {
      ObjectNode bin = reliability.addObject();
      bin.put("scoreFrom", b * 20).put("scoreTo", (b + 1) * 20).put("pairs", (int) bins[b][0]);
      if (bins[b][0] > 0) {
        bin.put("meanExpectedGrade", round3(bins[b][1] / bins[b][0])).put("meanJudgedGrade", round3(bins[b][2] / bins[b][0]));
      }
    }
    prov.put("testMeanAbsoluteGradeError", round3(absError / Math.max(1, n)));
    ArrayNode metrics = prov.putArray("testMetrics");
    for (RankingEvaluation.Result r : test) {
      metrics.add(json.valueToTree(r));
    }
    // the version names what scores: the parameters, the calibration and the text statistics
    io.skillmatch.ranking.RankingModel m = outcome.model();
    String version = "ranker-" + Provenance.sha256(json.writeValueAsBytes(new io.skillmatch.ranking.RankingModel("", m.kind(),
        m.features(), m.trees(), m.mlp(), m.calibration(), null)), Files.readAllBytes(out.resolve("term-df.tsv")))
        .substring(0, 12);
    ObjectNode versioned = json.createObjectNode();
    versioned.put("version", version);
    versioned.setAll(prov);
    io.skillmatch.ranking.RankingModel model = new io.skillmatch.ranking.RankingModel(version, m.kind(), m.features(),
        m.trees(), m.mlp(), m.calibration(), versioned);
    Files.writeString(out.resolve("ranking-model.json"), json.writeValueAsString(model) + "\n",
        StandardCharsets.UTF_8);
    return new RankerTrainer.Outcome(model, outcome.comparison(), outcome.validation(), test);
  }

  /**
   * The job vocabulary of the text features: words that are a skill's whole name or alias
   * ("kafka", "docker"), words shared by three or more skill names ("testing", "cloud"), and words
   * of ten or more O*NET job titles ("developer", "analyst", "nurse"). A word of one odd skill name
   * ("Texas" Instruments) or one title is left out, and so are most names and places; {@link
   * TermVectors#PROTECTED} words are taken out whatever their counts.
   */
  static Set<String> vocabulary(Taxonomy taxonomy, List<Path> titleFiles) throws IOException {
    Set<String> words = new TreeSet<>();
    Map<String, Integer> inSkills = new HashMap<>();
    for (Skill k : taxonomy.skills()) {
      Set<String> seen = new HashSet<>();
      for (String name : concat(k.name(), k.aliases())) {
        List<String> tokens = TermVectors.tokens(name);
        if (tokens.size() == 1) {
          words.add(tokens.getFirst());
        }
        seen.addAll(tokens);
      }
      seen.forEach(t -> inSkills.merge(t, 1, Integer::sum));
    }
    inSkills.forEach((t, n) -> {
      if (n >= 3) {
        words.add(t);
      }
    });
    Map<String, Integer> inTitles = new HashMap<>();
    for (Path f : titleFiles) {
      for (Map<String, String> row : Csv.read(f, '\t')) {
        for (String column : List.of("Alternate Title", "Reported Job Title", "Title")) {
          String title = row.get(column);
          if (title != null) {
            new HashSet<>(TermVectors.tokens(title)).forEach(t -> inTitles.merge(t, 1, Integer::sum));
          }
        }
      }
    }
    inTitles.forEach((t, n) -> {
      if (n >= 10) {
        words.add(t);
      }
    });
    words.removeAll(TermVectors.PROTECTED);
    return words;
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /** Words written in lower case in at least {@code minDocs} texts, sorted, one per line. */
  static String commonWords(Iterable<String> corpus, int minDocs) {
    Map<String, Integer> df = new HashMap<>();
    Pattern word = Pattern.compile("(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])");
    for (String doc : corpus) {
      Set<String> seen = new HashSet<>();
      java.util.regex.Matcher m = word.matcher(doc); // (ranking.Matcher is imported)
      while (m.find()) {
        seen.add(m.group());
      }
      seen.forEach(w -> df.merge(w, 1, Integer::sum));
    }
    StringBuilder sb = new StringBuilder();
    df.entrySet().stream().filter(e -> e.getValue() >= minDocs).map(Map.Entry::getKey).sorted()
        .forEach(w -> sb.append(w).append('\n'));
    return sb.toString();
  }

  private static Iterable<String> corpus(List<Path> files) throws IOException {
    Set<String> docs = new LinkedHashSet<>(); // the Glassdoor copies repeat descriptions
    for (Path f : files) {
      for (Map<String, String> row : Csv.read(f, ',')) {
        for (String column : List.of("jobdescription", "resume", "Job Description")) {
          String text = row.get(column);
          if (text != null && !text.isBlank()) {
            docs.add(text);
          }
        }
      }
    }
    return docs;
  }

  private List<Path> judgmentFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("training-data/judgments"))) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".md") || p.toString().endsWith(".txt"))
          .filter(p -> !p.getFileName().toString().equals("DATA_CARD.md"))
          .sorted().toList();
    }
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }


}
