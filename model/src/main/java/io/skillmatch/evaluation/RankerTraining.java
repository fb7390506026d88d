package io.skillmatch.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillmatch.data.Csv;
import io.skillmatch.ranking.Matcher;
import io.skillmatch.ranking.SkillSimilarity;
import io.skillmatch.ranking.SkillSpace;
import io.skillmatch.ranking.TermVectors;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code ./skillmatch train}: the whole training run from the repository and {@code ../shared/data}
 * to the artefacts in {@code training-data/ranking}: the term frequencies for text similarity and
 * the ranking model with its provenance. Deterministic for a seed.
 */
public final class RankerTraining {

  /** Parsing reads "present" as this day during training, so a rerun reads the same years. */
  public static final Instant TODAY = Instant.parse("2026-11-01T12:00:00Z");

  /** The learners compared on validation. */
  public static List<RankerTrainer.Learner> learners() {
    List<RankerTrainer.Learner> out = new ArrayList<>();
    for (int leaves : new int[] {4, 8}) {
      for (int trees : new int[] {100, 300}) {
        out.add(RankerTrainer.trees(new RankerTrainer.TreeOptions(trees, leaves, 10, 0.05)));
      }
    }
    out.add(new MlpLearner(new MlpLearner.Options(32, 16, 400, 0.003, 1e-3, 42)));
    out.add(new MlpLearner(new MlpLearner.Options(64, 32, 400, 0.003, 1e-3, 42)));
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
  public RankerTrainer.Outcome run(long seed, Taxonomy taxonomy, SkillSimilarity similarity, SkillSpace space,
      String embeddingsVersion) throws IOException {
    Path out = root.resolve("training-data/ranking");
    Files.createDirectories(out);
    progress.accept("counting term frequencies over public postings and resumes");
    List<Path> corpusFiles = List.of(
        shared.resolve("dice_us_tech_jobs/dice_postings_with_skills.csv"),
        shared.resolve("resumes_categorized/resumes_unique.csv"),
        shared.resolve("glassdoor_ds_jobs_2020/glassdoor_jobs.csv"),
        shared.resolve("glassdoor_ds_jobs_2020/Uncleaned_DS_jobs.csv"));
    Iterable<String> corpus = corpus(corpusFiles);
    TermVectors terms = TermVectors.count(corpus);
    Files.writeString(out.resolve("common-words.txt"), commonWords(corpus, 3), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("term-df.tsv"), terms.write(2), StandardCharsets.UTF_8);
    TermVectors shipped = TermVectors.read(Files.newInputStream(out.resolve("term-df.tsv")));

    Clock clock = Clock.fixed(TODAY, ZoneOffset.UTC);
    JudgedSet set = JudgedSet.load(root.resolve("training-data/judgments"), shared);
    Matcher matcher = new Matcher(taxonomy, similarity, space, shipped, null,
        TODAY.atZone(ZoneOffset.UTC).getYear());
    RankerTrainer trainer = new RankerTrainer(set, new MatchedTexts(matcher, new ParsedTexts(taxonomy, clock)), progress);
    Map<String, JudgedSet.Split> split = set.splitByPosting(seed);

    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode prov = json.createObjectNode();
    prov.put("version", "ranker-" + sha256(Files.readAllBytes(out.resolve("term-df.tsv")), judgmentBytes()).substring(0, 12));
    prov.put("seed", seed);
    prov.put("today", TODAY.toString());
    prov.put("embeddings", embeddingsVersion);
    prov.put("judgedPairs", set.judgments().size());
    prov.put("split", "by posting, seeded 70/15/15 (JudgedSet.splitByPosting)");
    ObjectNode inputs = prov.putObject("inputs");
    for (Path f : judgmentFiles()) {
      inputs.put(root.relativize(f).toString(), sha256(Files.readAllBytes(f)));
    }
    for (Path f : corpusFiles) {
      inputs.put("../shared/data/" + shared.relativize(f), sha256(Files.readAllBytes(f)));
    }
    ObjectNode libs = prov.putObject("libraries");
    libs.put("smile-core", version("com.github.haifengl", "smile-core"));
    libs.put("deeplearning4j-nn", version("org.deeplearning4j", "deeplearning4j-nn"));
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
    ArrayNode metrics = prov.putArray("testMetrics");
    for (RankingEvaluation.Result r : test) {
      metrics.add(json.valueToTree(r));
    }
    Files.writeString(out.resolve("ranking-model.json"),
        json.writeValueAsString(new io.skillmatch.ranking.RankingModel(outcome.model().version(), outcome.model().kind(),
            outcome.model().features(), outcome.model().trees(), outcome.model().mlp(), outcome.model().calibration(),
            prov)) + "\n", StandardCharsets.UTF_8);
    return new RankerTrainer.Outcome(outcome.model(), outcome.comparison(), outcome.validation(), test);
  }

  /** Words written in lower case in at least {@code minDocs} texts, sorted, one per line. */
  static String commonWords(Iterable<String> corpus, int minDocs) {
    java.util.Map<String, Integer> df = new java.util.HashMap<>();
    java.util.regex.Pattern word = java.util.regex.Pattern.compile("(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])");
    for (String doc : corpus) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      java.util.regex.Matcher m = word.matcher(doc);
      while (m.find()) {
        seen.add(m.group());
      }
      seen.forEach(w -> df.merge(w, 1, Integer::sum));
    }
    StringBuilder sb = new StringBuilder();
    df.entrySet().stream().filter(e -> e.getValue() >= minDocs).map(java.util.Map.Entry::getKey).sorted()
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

  private byte[] judgmentBytes() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Path f : judgmentFiles()) {
      sb.append(sha256(Files.readAllBytes(f)));
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A library's version from the pom.properties Maven writes into its jar. */
  static String version(String group, String artifact) {
    try (InputStream in = RankerTraining.class.getResourceAsStream(
        "/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
