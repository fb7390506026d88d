package io.skillmatch.embedding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.skillmatch.data.Provenance;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Trains the skill vectors end to end and writes the artefact: {@code skill-vectors.bin} (see
 * {@link SkillVectors}) and {@code provenance.json} with the SHA-256 of every input, the options,
 * library versions, vocabulary coverage, the evaluation and the probes' neighbour lists.
 */
public final class EmbeddingArtefact {

  /** Name of the provenance file beside the vectors. */
  public static final String PROVENANCE = "provenance.json";

  private static final int RANDOM_PAIRS = 20_000;
  private static final int PROBE_NEIGHBOURS = 10;

  /** What a build produced. */
  public record Result(
      SkillVectors vectors,
      int learned,
      int derived,
      EmbeddingTrainer.Result training,
      List<EmbeddingEvaluation.Auc> aucs,
      List<EmbeddingEvaluation.Probe> probes,
      Map<CoOccurrenceCorpus.Source, CoOccurrenceCorpus.Coverage> coverage,
      Path vectorsFile,
      Path provenanceFile) {}

  private EmbeddingArtefact() {}

  /** Builds the corpus from {@code sharedData}, trains, evaluates and writes into {@code outDir}. */
  public static Result build(
      Path sharedData, Taxonomy taxonomy, EmbeddingTrainer.Options options, Path outDir, Consumer<String> progress)
      throws IOException {
    progress.accept("reading co-occurrence bags from " + sharedData);
    CoOccurrenceCorpus corpus = CoOccurrenceCorpus.build(sharedData, taxonomy);
    corpus.coverage().values().forEach(c -> progress.accept(String.format(
        "  %-9s %,7d rows, %,8d tags, %5.1f%% mapped, %,5d skills, %,6d bags kept",
        c.source(), c.rows(), c.rawTags(), 100 * c.mappedShare(), c.distinctSkills(), c.sentencesKept())));
    progress.accept("training word2vec (skip-gram, dim " + options.dimension() + ", " + options.epochs()
        + " epochs, seed " + options.seed() + ", 1 worker)");
    EmbeddingTrainer.Result trained = new EmbeddingTrainer(options).train(corpus, progress);
    progress.accept(String.format("trained %,d skill vectors in %.1f s", trained.vectors().size(),
        trained.trainMillis() / 1000.0));
    Map<String, float[]> derived = TaxonomyFallback.derive(taxonomy, trained.vectors());
    progress.accept(String.format("derived %,d vectors from taxonomy neighbours", derived.size()));

    Map<String, float[]> all = new TreeMap<>(trained.vectors());
    all.putAll(derived);
    String version = version(options, all);
    SkillVectors vectors = SkillVectors.of(version, all, derived.keySet());
    SkillVectors learnedOnly = SkillVectors.of(version, trained.vectors(), java.util.Set.of());

    progress.accept("evaluating");
    List<EmbeddingEvaluation.Auc> aucs = new ArrayList<>();
    long evalSeed = options.seed();
    aucs.add(EmbeddingEvaluation.auc("taxonomy broader", learnedOnly, EmbeddingEvaluation.taxonomyBroader(taxonomy),
        RANDOM_PAIRS, evalSeed));
    aucs.add(EmbeddingEvaluation.auc("taxonomy related", learnedOnly, EmbeddingEvaluation.taxonomyRelated(taxonomy),
        RANDOM_PAIRS, evalSeed));
    List<EmbeddingEvaluation.Pair> both = new ArrayList<>(EmbeddingEvaluation.taxonomyBroader(taxonomy));
    both.addAll(EmbeddingEvaluation.taxonomyRelated(taxonomy));
    aucs.add(EmbeddingEvaluation.auc("taxonomy broader+related", learnedOnly, both, RANDOM_PAIRS, evalSeed));
    aucs.add(EmbeddingEvaluation.auc("ESCO skill-skill relations", learnedOnly,
        EmbeddingEvaluation.escoRelations(sharedData, taxonomy), RANDOM_PAIRS, evalSeed));
    aucs.add(EmbeddingEvaluation.auc("ESCO broader (skill pillar)", learnedOnly,
        EmbeddingEvaluation.escoBroader(sharedData, taxonomy), RANDOM_PAIRS, evalSeed));
    for (EmbeddingEvaluation.Auc a : aucs) {
      progress.accept(String.format("  AUC %-28s %.3f  (%,d pairs; mean cos %.3f vs random %.3f)", a.relation(),
          a.auc(), a.pairs(), a.meanRelated(), a.meanRandom()));
    }
    List<EmbeddingEvaluation.Probe> probes =
        EmbeddingEvaluation.probes(vectors, taxonomy, EmbeddingEvaluation.PROBES, PROBE_NEIGHBOURS);

    Files.createDirectories(outDir);
    Path vectorsFile = outDir.resolve(SkillVectors.FILE_NAME);
    vectors.write(vectorsFile);
    Path provenanceFile = outDir.resolve(PROVENANCE);
    Map<String, Object> prov = provenance(sharedData, options, corpus, trained, derived.size(), vectors, vectorsFile,
        aucs, probes);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(provenanceFile.toFile(), prov);
    return new Result(vectors, trained.vectors().size(), derived.size(), trained, aucs, probes, corpus.coverage(),
        vectorsFile, provenanceFile);
  }

  /** A content-addressed version: the options that matter and a hash of the vectors. */
  static String version(EmbeddingTrainer.Options o, Map<String, float[]> vectors) {
    MessageDigest md = sha256();
    ByteBuffer buf = ByteBuffer.allocate(4);
    vectors.forEach((id, v) -> {
      md.update(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (float f : v) {
        buf.clear();
        buf.putFloat(f);
        md.update(buf.array());
      }
    });
    return "w2v-sg-d" + o.dimension() + "-s" + o.seed() + "-" + HexFormat.of().formatHex(md.digest()).substring(0, 12);
  }

  private static Map<String, Object> provenance(
      Path sharedData,
      EmbeddingTrainer.Options options,
      CoOccurrenceCorpus corpus,
      EmbeddingTrainer.Result trained,
      int derived,
      SkillVectors vectors,
      Path vectorsFile,
      List<EmbeddingEvaluation.Auc> aucs,
      List<EmbeddingEvaluation.Probe> probes)
      throws IOException {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("artefact", "skillmatch skill vectors");
    p.put("format", "skill-vectors.bin: binary format version " + SkillVectors.FORMAT_VERSION
        + " (header, ids with a derived flag, float32 rows of unit length); see io.skillmatch.embedding.SkillVectors");
    p.put("version", vectors.version());
    p.put("vectorsSha256", sha256(vectorsFile));
    p.put("trainedBy", "./skillmatch train-embeddings (io.skillmatch.embedding.EmbeddingArtefact)");
    p.put("trainedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    p.put("method", "DL4J Word2Vec skip-gram with negative sampling over bags of co-occurring taxonomy skills; "
        + "bags and the skills within each bag reshuffled every pass with a seeded RNG; window = longest bag; "
        + "1 worker (deterministic); learned vectors centred (mean removed) and normalised. Skills with no learned vector get the harmonic extension of the learned "
        + "vectors over the taxonomy's broader/related graph (flagged derived).");
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("dimension", options.dimension());
    opts.put("epochs", options.epochs());
    opts.put("window", options.window() == 0 ? "longest bag (" + trained.window() + ")" : options.window());
    opts.put("negative", options.negative());
    opts.put("learningRate", options.learningRate());
    opts.put("minLearningRate", options.minLearningRate());
    opts.put("sampling", options.sampling());
    opts.put("minFrequency", options.minFrequency());
    opts.put("centre", options.centre());
    opts.put("seed", options.seed());
    p.put("options", opts);
    p.put("libraries", libraryVersions());
    p.put("trainMillis", trained.trainMillis());

    List<Map<String, String>> inputs = new ArrayList<>();
    List<String> files = new ArrayList<>(CoOccurrenceCorpus.inputFiles());
    files.add(EmbeddingEvaluation.ESCO_RELATIONS);
    files.add(EmbeddingEvaluation.ESCO_BROADER);
    files.addAll(EmbeddingEvaluation.ESCO_LABEL_FILES);
    for (String f : files) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("file", "../shared/data/" + f);
      m.put("sha256", sha256(sharedData.resolve(f)));
      m.put("use", CoOccurrenceCorpus.inputFiles().contains(f) ? "training" : "evaluation");
      inputs.add(m);
    }
    Map<String, String> tax = new LinkedHashMap<>();
    tax.put("file", "training-data/taxonomy/skills.jsonl (bundled)");
    tax.put("sha256", bundledTaxonomySha256());
    tax.put("use", "tag mapping, fallback, evaluation");
    inputs.add(tax);
    p.put("inputs", inputs);

    List<Map<String, Object>> cov = new ArrayList<>();
    corpus.coverage().values().forEach(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", c.source().name().toLowerCase(java.util.Locale.ROOT));
      m.put("description", c.source().description);
      m.put("rows", c.rows());
      m.put("rawTags", c.rawTags());
      m.put("mappedTags", c.mappedTags());
      m.put("mappedShare", round(c.mappedShare()));
      m.put("distinctRawTags", c.distinctRawTags());
      m.put("distinctMappedTags", c.distinctMappedTags());
      m.put("distinctSkills", c.distinctSkills());
      m.put("bagsKept", c.sentencesKept());
      m.put("topUnmappedTags", c.topUnmapped());
      cov.add(m);
    });
    Map<String, Object> vocab = new LinkedHashMap<>();
    vocab.put("bags", corpus.sentences().size());
    vocab.put("skillsInBags", corpus.bagCounts().size());
    vocab.put("learned", trained.vectors().size());
    vocab.put("derived", derived);
    vocab.put("total", vectors.size());
    vocab.put("taxonomySkills", Taxonomy.bundled().size());
    vocab.put("perSource", cov);
    p.put("vocabulary", vocab);

    List<Map<String, Object>> metrics = new ArrayList<>();
    for (EmbeddingEvaluation.Auc a : aucs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("relation", a.relation());
      m.put("auc", round(a.auc()));
      m.put("pairs", a.pairs());
      m.put("randomPairs", a.randomPairs());
      m.put("meanCosineRelated", round(a.meanRelated()));
      m.put("meanCosineRandom", round(a.meanRandom()));
      metrics.add(m);
    }
    Map<String, Object> eval = new LinkedHashMap<>();
    eval.put("note", "AUC over learned vectors only (derived vectors come from the taxonomy links under test); "
        + "random pairs: seeded draws of two distinct learned skills");
    eval.put("auc", metrics);
    List<Map<String, Object>> nb = new ArrayList<>();
    for (EmbeddingEvaluation.Probe pr : probes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("probe", pr.name());
      m.put("skillId", pr.skillId());
      m.put("vector", pr.vector());
      List<String> list = new ArrayList<>();
      pr.neighbours().forEach(n -> list.add(String.format(java.util.Locale.ROOT, "%s %.3f%s", n.skillId(), n.cosine(),
          n.derived() ? " (derived)" : "")));
      m.put("neighbours", list);
      nb.add(m);
    }
    eval.put("nearestNeighbours", nb);
    p.put("evaluation", eval);
    p.put("licences", new TreeMap<>(Map.of(
        "skill2vec", "skill2vec 50k (duyet/skill2vec-dataset), MIT",
        "dice", "Dice US tech jobs (PromptCloud via Kaggle), research use; licence upstream unverified",
        "onet", "O*NET 29.2 Database by USDOL/ETA, CC BY 4.0",
        "esco", "ESCO 1.2.0, European Commission, reuse with attribution (Decision 2011/833/EU)")));
    return p;
  }

  /** Versions of the libraries that trained the vectors, from their Maven metadata. */
  static Map<String, String> libraryVersions() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("deeplearning4j-nlp", Provenance.mavenVersion("org.deeplearning4j", "deeplearning4j-nlp"));
    v.put("nd4j-native", Provenance.mavenVersion("org.nd4j", "nd4j-native"));
    v.put("java", System.getProperty("java.version"));
    return v;
  }

  private static String bundledTaxonomySha256() throws IOException {
    try (InputStream in = Taxonomy.class.getResourceAsStream(Taxonomy.BUNDLED)) {
      if (in == null) {
        return "missing";
      }
      return HexFormat.of().formatHex(sha256().digest(in.readAllBytes()));
    }
  }

  static String sha256(Path file) throws IOException {
    return Provenance.sha256(file);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double round(double x) {
    return Double.isNaN(x) ? x : Math.round(x * 10_000) / 10_000.0;
  }
}
