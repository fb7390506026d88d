package io.skillmatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.skillmatch.data.SharedData;
import io.skillmatch.embedding.EmbeddingArtefact;
import io.skillmatch.embedding.EmbeddingEvaluation;
import io.skillmatch.embedding.EmbeddingTrainer;
import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.evaluation.Baselines;
import io.skillmatch.evaluation.EvaluationReport;
import io.skillmatch.evaluation.JudgedSet;
import io.skillmatch.evaluation.MatchedTexts;
import io.skillmatch.evaluation.PairScorer;
import io.skillmatch.evaluation.ParsedTexts;
import io.skillmatch.evaluation.ParsingEvaluation;
import io.skillmatch.evaluation.RankerTrainer;
import io.skillmatch.evaluation.RankerTraining;
import io.skillmatch.evaluation.RankingEvaluation;
import io.skillmatch.evaluation.RetrievalEvaluation;
import io.skillmatch.parsing.Mention;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.parsing.SkillMatcher;
import io.skillmatch.parsing.TextCleaner;
import io.skillmatch.parsing.TextRejectedException;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.ranking.RankingModel;
import io.skillmatch.ranking.TermVectors;
import io.skillmatch.service.ApiKeys;
import io.skillmatch.service.App;
import io.skillmatch.service.Config;
import io.skillmatch.synthetic.SyntheticCorpus;
import io.skillmatch.synthetic.SyntheticGenerator;
import io.skillmatch.taxonomy.Taxonomy;
import io.skillmatch.taxonomy.TaxonomyBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line: {@code ./skillmatch COMMAND [ARGS]}. Exit codes: 0 ok, 1 failure, 2 usage. */
public final class Main {

  private static final String USAGE =
      """
      usage: ./skillmatch COMMAND [ARGS]

        serve [--port 8080] [--host 127.0.0.1] [--data-dir ./data] [--demo yes] [--api-keys FILE] [--shortlist 300]
                                  run the HTTP service (see README: API). Keys are role:name:key lines
                                  (roles admin, recruiter, candidate), or SKILLMATCH_API_KEYS="...,...";
                                  without keys it is open and binds 127.0.0.1 only
        import [--data-dir ./data] [--postings FILE.jsonl] [--profiles FILE.jsonl]
                                  add documents in bulk, one request body per line (as POST
                                  /v1/postings and /v1/candidates take them); bad lines are reported
        parse-posting FILE        parse a job posting (text, markdown, HTML) and print JSON
        parse-profile FILE [--today YYYY-MM-DD]
                                  parse a resume (text or structured JSON) and print JSON
        mentions FILE             list every skill mention found in a text, with its surface form
        build-taxonomy [--shared DIR] [--out DIR]
                                  rebuild training-data/taxonomy from ../shared/data + overlay
        eval-parsing [--shared DIR] [--dump-dev-errors FILE]
                                  measure extraction on Dice postings and SkillSpan (needs ../shared)
        train [--shared DIR] [--seed 42] [--embeddings yes] [--cv FOLDS]
                                  train the ranking model on the judged pairs; writes training-data/ranking
                                  (--embeddings yes retrains the skill embeddings first; --cv 5 only
                                  cross-validates every candidate learner, writing nothing)
        evaluate [--shared DIR] [--split test|validation|train|all] [--seed 42] [--retrieval yes|no]
                 [--report DIR]
                                  rank the judged pairs (training-data/judgments) with the baselines;
                                  --report also writes DIR/index.html with PNG charts (no network needed)
        train-embeddings [--shared DIR] [--seed 42] [--dim 64] [--out DIR]
                                  learn skill vectors (DL4J word2vec) from ../shared/data co-occurrence
                                  into training-data/embeddings, with provenance and evaluation
        generate --postings N --profiles N --out DIR [--seed 42] [--today 2026-11-01]
                                  write N synthetic postings and resumes (seeded) to DIR/postings.jsonl and
                                  DIR/profiles.jsonl, one API request body per line, for load tests
        test                      run the test suite (mvn verify)
        bench [JMH ARGS]          run the JMH benchmarks
        help                      this text
      """;

  private final PrintStream out;
  private final PrintStream err;
  private final Path root;

  Main(PrintStream out, PrintStream err, Path root) {
    this.out = out;
    this.err = err;
    this.root = root;
  }

  public static void main(String[] args) {
    Path root = Path.of(System.getProperty("skillmatch.root", ".")).toAbsolutePath().normalize();
    int code = new Main(System.out, System.err, root).run(args);
    System.exit(code);
  }

  int run(String[] args) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    try {
      return switch (args[0]) {
        case "parse-posting" -> parse(args, true);
        case "parse-profile" -> parse(args, false);
        case "mentions" -> mentions(args);
        case "serve" -> serve(options(args));
        case "import" -> importFiles(options(args));
        case "build-taxonomy" -> buildTaxonomy(options(args));
        case "eval-parsing" -> evalParsing(options(args));
        case "evaluate" -> evaluate(options(args));
        case "train" -> train(options(args));
        case "train-embeddings" -> trainEmbeddings(options(args));
        case "generate" -> generate(options(args));
        default -> {
          err.println("unknown command: " + args[0]);
          err.print(USAGE);
          yield 2;
        }
      };
    } catch (TextRejectedException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (io.skillmatch.ranking.HnswIndex.InUseException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (NoSuchFileException e) {
      err.println("error: no such file: " + e.getFile());
      return 1;
    } catch (MalformedInputException e) {
      err.println("error: the file is not UTF-8 text");
      return 1;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      err.println("internal error: " + e + " (please report it with the input that caused it)");
      return 1;
    }
  }

  private int parse(String[] args, boolean posting) throws IOException {
    if (args.length != 2 && !(args.length == 4 && args[2].equals("--today"))) {
      throw new IllegalArgumentException("usage: ./skillmatch " + args[0] + " FILE [--today YYYY-MM-DD]");
    }
    String text = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
    Clock clock = Clock.systemDefaultZone();
    if (args.length == 4) {
      try {
        clock = Clock.fixed(java.time.LocalDate.parse(args[3]).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC),
            java.time.ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("--today must be YYYY-MM-DD: " + args[3]);
      }
    }
    Taxonomy taxonomy = Taxonomy.bundled();
    Object result = posting ? PostingParser.of(taxonomy).parse(text) : ProfileParser.of(taxonomy, clock).parse(text);
    out.println(json().writeValueAsString(result));
    return 0;
  }

  private int serve(Map<String, String> opts) throws IOException {
    Config config = Config.defaults();
    if (opts.containsKey("port")) {
      try {
        config = config.withPort(Integer.parseInt(opts.get("port")));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number: " + opts.get("port"));
      }
    }
    if (opts.containsKey("host")) {
      config = config.withHost(opts.get("host"));
    }
    config = config.withDataDir(Path.of(opts.getOrDefault("data-dir", root.resolve("data").toString())));
    config = config.withKeys(apiKeys(opts.get("api-keys"), System.getenv()));
    if (opts.containsKey("shortlist")) {
      try {
        config = config.withShortlist(Integer.parseInt(opts.get("shortlist")));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--shortlist must be a number: " + opts.get("shortlist"));
      }
    }
    App app = App.create(config);
    if ("yes".equals(opts.get("demo"))) {
      int added = app.loadDemo(root.resolve("training-data/judgments"));
      out.println(added == 0 ? "demo: the store already holds postings; nothing loaded"
          : "demo: loaded " + added + " sample postings and profiles from training-data/judgments"
              + " (try: curl -s localhost:" + config.port() + "/v1/candidates?limit=3)");
    }
    app.start();
    out.println("skillmatch is serving on http://" + config.bindHost() + ":" + app.port() + ", data in "
        + config.dataDir() + "  (try: curl -s localhost:" + app.port() + "/health)");
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private int importFiles(Map<String, String> opts) throws IOException {
    if (!opts.containsKey("postings") && !opts.containsKey("profiles")) {
      throw new IllegalArgumentException("usage: ./skillmatch import [--data-dir DIR] --postings FILE --profiles FILE");
    }
    Path dir = Path.of(opts.getOrDefault("data-dir", root.resolve("data").toString()));
    App app = App.create(Config.defaults().withDataDir(dir));
    java.util.concurrent.atomic.AtomicInteger skipped = new java.util.concurrent.atomic.AtomicInteger();
    try {
      for (String kind : List.of("postings", "profiles")) {
        if (!opts.containsKey(kind)) {
          continue;
        }
        long start = System.nanoTime();
        int added = app.importJsonl(kind.equals("postings") ? "posting" : "candidate", Path.of(opts.get(kind)),
            problem -> {
              skipped.incrementAndGet();
              err.println("skipped " + problem);
            },
            n -> err.printf("\r%s: %,d added", kind, n));
        double seconds = (System.nanoTime() - start) / 1e9;
        err.println();
        out.printf("%s: %,d added in %.1f s (%,.0f per second) to %s%n", kind, added, seconds, added / seconds, dir);
      }
    } finally {
      app.stop();
    }
    return skipped.get() == 0 ? 0 : 1;
  }

  /**
   * The API keys: from {@code --api-keys FILE}, else the file named by SKILLMATCH_API_KEYS_FILE,
   * else SKILLMATCH_API_KEYS itself ({@code role:name:key,...}); none when nothing is given.
   */
  static ApiKeys apiKeys(String file, Map<String, String> env) throws IOException {
    String path = file != null ? file : env.get("SKILLMATCH_API_KEYS_FILE");
    if (path != null) {
      return ApiKeys.parse(Files.readString(Path.of(path), StandardCharsets.UTF_8));
    }
    String inline = env.get("SKILLMATCH_API_KEYS");
    return inline == null || inline.isBlank() ? ApiKeys.none() : ApiKeys.parse(inline);
  }

  private int mentions(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ./skillmatch mentions FILE");
    }
    Taxonomy taxonomy = Taxonomy.bundled();
    String text = new TextCleaner().clean(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8)).text();
    for (Mention m : new SkillMatcher(taxonomy).extract(text)) {
      out.printf("%6d  %-32s %s%n", m.start(), text.substring(m.start(), m.end()), m.skillId());
    }
    return 0;
  }

  private int buildTaxonomy(Map<String, String> opts) throws IOException {
    Path shared = sharedData(opts);
    Path dir = Path.of(opts.getOrDefault("out", root.resolve("training-data/taxonomy").toString()));
    TaxonomyBuilder.Result r =
        TaxonomyBuilder.build(
            new TaxonomyBuilder.Options(
                shared, root.resolve("training-data/taxonomy/overlay.jsonl"), dir));
    out.println("wrote " + r.skills() + " skills to " + dir.resolve("skills.jsonl"));
    out.println("per category: " + r.perCategory());
    out.println("per source:   " + r.perSource());
    return 0;
  }

  private int evalParsing(Map<String, String> opts) throws IOException {
    Path shared = sharedData(opts);
    List<String> errors = opts.containsKey("dump-dev-errors") ? new ArrayList<>() : null;
    ParsingEvaluation.Report report = new ParsingEvaluation(Taxonomy.bundled()).run(shared, errors);
    out.println(report.toText());
    if (errors != null) {
      Files.write(Path.of(opts.get("dump-dev-errors")), errors, StandardCharsets.UTF_8);
      out.println("wrote " + errors.size() + " SkillSpan dev errors to " + opts.get("dump-dev-errors"));
    }
    return 0;
  }

  private int evaluate(Map<String, String> opts) throws IOException {
    JudgedSet set = JudgedSet.load(root.resolve("training-data/judgments"), sharedData(opts));
    long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    Map<String, JudgedSet.Split> split = set.splitByPosting(seed);
    String which = opts.getOrDefault("split", "test");
    List<JudgedSet.Split> splits = which.equals("all") ? List.of()
        : List.of(JudgedSet.Split.valueOf(which.toUpperCase(java.util.Locale.ROOT)));
    RankingEvaluation eval = new RankingEvaluation(set);
    List<RankingEvaluation.Result> results = new ArrayList<>();
    Clock clock = Clock.fixed(RankerTraining.TODAY, java.time.ZoneOffset.UTC);
    RankingModel model = RankingModel.bundled();
    Ranking ranking = Ranking.bundled();
    RankingEvaluation.baselines(set, Taxonomy.bundled(), clock)
        .forEach((name, scorer) -> results.add(eval.evaluate(name, scorer, split, splits)));
    MatchedTexts matched = new MatchedTexts(ranking.matcher(model), new ParsedTexts(ranking.taxonomy(), clock));
    results.add(0, eval.evaluate("skillmatch " + model.kind() + " (" + model.version() + ")", matched.scorer(), split,
        splits));
    out.println("judged pairs: " + set.judgments().size() + "; split by posting with seed " + seed + "; evaluated on: " + which);
    out.print(RankingEvaluation.table(results));
    List<RetrievalEvaluation.Result> r = new ArrayList<>();
    if (!"no".equals(opts.get("retrieval"))) {
      RetrievalEvaluation retrieval = new RetrievalEvaluation(set);
      Map<String, PairScorer> first = new LinkedHashMap<>();
      first.put("skill vectors (cosine)", matched.vectorCosine());
      first.put("TF-IDF cosine", Baselines.tfIdfCosine(set.texts().values()));
      first.put("skillmatch (full rank)", matched.scorer());
      first.forEach((name, scorer) -> r.add(retrieval.candidatesForPostings(name, scorer, split, splits, 10, 20, 50)));
      first.forEach((name, scorer) -> r.add(retrieval.postingsForCandidates(name, scorer, split, splits, 5, 10, 20)));
      out.println("retrieval: every candidate ranked for each posting, every posting for each candidate;"
          + " recall of the judged good fits (grade 2+)");
      out.print(RetrievalEvaluation.table(r));
    }
    if (opts.containsKey("report")) {
      Path dir = Path.of(opts.get("report"));
      String command = "./skillmatch evaluate --split " + which + (seed == 42 ? "" : " --seed " + seed)
          + ("no".equals(opts.get("retrieval")) ? " --retrieval no" : "") + " --report " + opts.get("report");
      EvaluationReport.Data data = new EvaluationReport.Data(
          (which.equals("all") ? "whole judged set" : which + " split") + " (postings split with seed " + seed + ")",
          set.judgments().size(), model, results,
          EvaluationReport.scorePairs(set, matched, model, split, splits), r, command);
      EvaluationReport.Written written = EvaluationReport.write(data, dir);
      out.println("wrote the report to " + written.index() + " (" + written.images().size() + " charts)");
    }
    return 0;
  }

  private int train(Map<String, String> opts) throws IOException {
    long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    long start = System.nanoTime();
    if ("yes".equals(opts.get("embeddings"))) {
      Map<String, String> embeddingOpts = new LinkedHashMap<>(opts);
      embeddingOpts.remove("embeddings");
      trainEmbeddings(embeddingOpts);
    }
    // the vectors in the repository, not the jar's copy: a retrain above is used at once
    Taxonomy taxonomy = Taxonomy.bundled();
    SkillVectors vectors = SkillVectors.read(root.resolve("training-data/embeddings/" + SkillVectors.FILE_NAME));
    if (opts.containsKey("cv")) {
      int folds = Integer.parseInt(opts.get("cv"));
      if (folds < 2) {
        throw new IllegalArgumentException("--cv needs 2 or more folds: " + folds);
      }
      JudgedSet set = JudgedSet.load(root.resolve("training-data/judgments"), sharedData(opts));
      Ranking ranking = new Ranking(taxonomy, vectors, TermVectors.bundled());
      Clock clock = Clock.fixed(Ranking.TRAINING_DAY, java.time.ZoneOffset.UTC);
      RankerTrainer trainer = new RankerTrainer(set,
          new MatchedTexts(ranking.matcher(null, clock), new ParsedTexts(taxonomy, clock)), err::println);
      List<RankingEvaluation.Result> results = new ArrayList<>();
      for (RankerTrainer.Learner learner : RankerTraining.learners()) {
        results.add(trainer.crossValidate(learner, set.splitByPosting(seed), folds));
      }
      out.println(folds + "-fold cross-validation by posting over the train and validation postings (nothing written):");
      out.print(RankingEvaluation.table(results));
      return 0;
    }
    RankerTrainer.Outcome outcome = new RankerTraining(root, sharedData(opts), err::println).run(seed, taxonomy, vectors);
    out.println("validation comparison:");
    outcome.comparison().forEach(line -> out.println("  " + line));
    out.println("kept: " + outcome.model().kind() + " (" + outcome.model().version() + ")");
    out.println("test split:");
    out.print(RankingEvaluation.table(outcome.test()));
    out.printf(java.util.Locale.ROOT, "wrote training-data/ranking/ranking-model.json and term-df.tsv in %.1f s%n",
        (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private int trainEmbeddings(Map<String, String> opts) throws IOException {
    Path shared = sharedData(opts);
    Path dir = Path.of(opts.getOrDefault("out", root.resolve("training-data/embeddings").toString()));
    EmbeddingTrainer.Options options = EmbeddingTrainer.Options.defaults();
    try {
      if (opts.containsKey("seed")) {
        options = options.withSeed(Long.parseLong(opts.get("seed")));
      }
      if (opts.containsKey("dim")) {
        options = options.withDimension(Integer.parseInt(opts.get("dim")));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed and --dim must be numbers: " + e.getMessage());
    }
    EmbeddingArtefact.Result r = EmbeddingArtefact.build(shared, Taxonomy.bundled(), options, dir, err::println);
    out.printf("wrote %,d skill vectors (%,d learned, %,d derived from the taxonomy), dim %d, version %s%n",
        r.vectors().size(), r.learned(), r.derived(), r.vectors().dimension(), r.vectors().version());
    out.println("  " + r.vectorsFile());
    out.println("  " + r.provenanceFile());
    out.printf("word2vec training: %.1f s%n", r.training().trainMillis() / 1000.0);
    for (EmbeddingEvaluation.Auc a : r.aucs()) {
      out.printf("AUC %-28s %.3f  (%,d related pairs vs %,d random)%n", a.relation(), a.auc(), a.pairs(),
          a.randomPairs());
    }
    for (EmbeddingEvaluation.Probe p : r.probes()) {
      List<String> names = new ArrayList<>();
      p.neighbours().forEach(n -> names.add(n.name() + (n.derived() ? "*" : "")));
      out.println(p.name() + " [" + p.vector() + "]: " + String.join(", ", names));
    }
    out.println("(* derived from taxonomy neighbours, not learned)");
    out.println("the jar bundles the vectors at the next build (./skillmatch build)");
    return 0;
  }

  private int generate(Map<String, String> opts) throws IOException {
    java.util.Set<String> known = java.util.Set.of("postings", "profiles", "out", "seed", "today");
    for (String k : opts.keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException("unknown option --" + k
            + " (usage: ./skillmatch generate --postings N --profiles N --out DIR [--seed 42] [--today YYYY-MM-DD])");
      }
    }
    if (!opts.containsKey("out")) {
      throw new IllegalArgumentException(
          "usage: ./skillmatch generate --postings N --profiles N --out DIR [--seed 42] [--today YYYY-MM-DD]");
    }
    long postings = count(opts, "postings");
    long profiles = count(opts, "profiles");
    if (postings + profiles == 0) {
      throw new IllegalArgumentException("nothing to generate: give --postings N and/or --profiles N");
    }
    SyntheticGenerator.Options options = SyntheticGenerator.Options.defaults();
    try {
      options = options.withSeed(Long.parseLong(opts.getOrDefault("seed", "42")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a number: " + opts.get("seed"));
    }
    if (opts.containsKey("today")) {
      try {
        options = options.withToday(java.time.LocalDate.parse(opts.get("today")));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("--today must be YYYY-MM-DD: " + opts.get("today"));
      }
    }
    Path dir = Path.of(opts.get("out"));
    long start = System.nanoTime();
    Taxonomy taxonomy = Taxonomy.bundled();
    SyntheticGenerator generator = new SyntheticGenerator(taxonomy, SkillVectors.bundled(), options);
    err.printf(java.util.Locale.ROOT, "generating %,d postings and %,d resumes, seed %d, \"Present\" is %s (set up in %.1f s)%n",
        postings, profiles, options.seed(), options.today(), (System.nanoTime() - start) / 1e9);
    long[] fileStart = {System.nanoTime()};
    SyntheticCorpus.Written w = SyntheticCorpus.write(generator, dir, postings, profiles, 10_000, (file, done, total) -> {
      double seconds = (System.nanoTime() - fileStart[0]) / 1e9;
      err.printf(java.util.Locale.ROOT, "  %s %,d / %,d  (%,.0f documents/s)%n", file, done, total, done / Math.max(seconds, 1e-9));
      if (done == total) {
        fileStart[0] = System.nanoTime();
      }
    });
    out.printf(java.util.Locale.ROOT, "wrote %,d postings to %s and %,d resumes to %s: %,.1f MB in %.1f s (%,.0f documents/s)%n",
        w.postingCount(), w.postings(), w.profileCount(), w.profiles(), w.bytes() / 1e6, w.nanos() / 1e9,
        w.documentsPerSecond());
    return 0;
  }

  private static long count(Map<String, String> opts, String name) {
    try {
      long n = Long.parseLong(opts.getOrDefault(name, "0").replace("_", ""));
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a count >= 0: " + opts.get(name));
    }
  }

  private Path sharedData(Map<String, String> opts) {
    Path p = opts.containsKey("shared") ? Path.of(opts.get("shared")) : SharedData.locate(root);
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException("shared data not found at " + p + " (pass --shared DIR)");
    }
    return p;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
    for (int i = 0; i < rest.size(); i++) {
      String a = rest.get(i);
      if (!a.startsWith("--") || i + 1 >= rest.size()) {
        throw new IllegalArgumentException("expected --name VALUE, got: " + a);
      }
      opts.put(a.substring(2), rest.get(++i));
    }
    return opts;
  }

  static ObjectMapper json() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}
