package io.skillmatch.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.skillmatch.parsing.InvalidInputException;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.parsing.TextRejectedException;
import io.javalin.micrometer.MicrometerPlugin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.service.ApiKeys.Role;
import io.skillmatch.ranking.RankingModel;
import io.skillmatch.store.SqliteStore;
import io.skillmatch.store.Store;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP service, wired by hand: {@code App.create(config).start()}. */
public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final int IMPORT_BATCH = 2_000;

  private final Javalin javalin;
  private final Config config;
  private final Store store;
  private final Catalog catalog;

  private App(Javalin javalin, Config config, Store store, Catalog catalog) {
    this.javalin = javalin;
    this.config = config;
    this.store = store;
    this.catalog = catalog;
  }

  /** Builds the service over the bundled taxonomy. */
  public static App create(Config config) {
    Taxonomy taxonomy = Taxonomy.bundled();
    ObjectMapper mapper = new ObjectMapper();
    Json json = new Json(mapper, config.maxBodyBytes());
    PostingParser postingParser = PostingParser.of(taxonomy);
    ProfileParser profileParser = ProfileParser.of(taxonomy, config.clock());
    ParseController parse = new ParseController(postingParser, profileParser, json);
    Ranking ranking = Ranking.bundled(taxonomy);
    RankingModel model = RankingModel.bundled();
    DocumentReader reader = new DocumentReader(postingParser, profileParser, ranking.matcher(model, config.clock()),
        DocumentReader.fingerprint());
    MatchController match = new MatchController(reader, json);
    Store store = config.dataDir() == null
        ? SqliteStore.inMemory(config.clock(), SqliteStore.randomIds())
        : SqliteStore.open(config.dataDir(), config.clock(), SqliteStore.randomIds());
    Catalog documents = new Catalog(store, reader, mapper, config.shortlist(),
        config.dataDir() == null ? null : config.dataDir().resolve("index"));
    CatalogController catalog = new CatalogController(documents, json);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    ApiDocs docs = ApiDocs.bundled(mapper);
    Javalin app =
        Javalin.create(
            c -> {
              c.registerPlugin(new MicrometerPlugin(m -> m.registry = metrics));
              // Platform threads by default: scoring is CPU-bound, and the OS time-slices platform threads
              // where virtual threads run to completion. At 100k + 100k and 64 connections both served
              // about 300 requests/s, but p99 was 0.76 s against 1.6-1.7 s, with no timeouts (README
              // "Service benchmarks"). -Dskillmatch.virtualThreads=true switches.
              c.useVirtualThreads = Boolean.getBoolean("skillmatch.virtualThreads");
              c.showJavalinBanner = false;
              c.http.maxRequestSize = config.maxBodyBytes();
              c.jsonMapper(new JavalinJackson(mapper, true));
              c.staticFiles.add(docs::assets);
              // the web page (index.html, its modules and styles), from the classpath: nothing from a CDN
              c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = io.javalin.http.staticfiles.Location.CLASSPATH;
              });
            });
    Access access = new Access(config.keys());
    app.before("/v1/*", access::authenticate);
    app.before("/metrics", access::authenticate);
    Role recruiter = Role.RECRUITER;
    Role candidate = Role.CANDIDATE;
    app.get("/health", ctx -> ctx.json(Map.of("status", "ok", "taxonomySkills", taxonomy.size(),
        "model", model.version())));
    app.get("/openapi.json", docs::spec); // hand-written, kept true by OpenApiTest: document a new route there
    app.get("/swagger", docs::ui);
    app.get("/metrics", Access.only(ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.scrape()))); // admins only
    // stateless: any key
    app.post("/v1/parse/posting", Access.only(parse::posting, recruiter, candidate));
    app.post("/v1/parse/profile", Access.only(parse::profile, recruiter, candidate));
    app.post("/v1/match", Access.only(match::match, recruiter, candidate));
    app.post("/v1/score", Access.only(match::match, recruiter, candidate));
    // what scores, how it was trained and how well it did: version, features, provenance and metrics
    app.get("/v1/model", Access.only(ctx -> ctx.json(Map.of("version", model.version(), "kind", model.kind(),
        "features", model.features(), "embeddings", ranking.vectors().version(), "provenance", model.provenance())),
        recruiter, candidate));
    // postings: everyone reads them; recruiters write and search for their own
    app.post("/v1/postings", Access.only(catalog::createPosting, recruiter));
    app.get("/v1/postings", Access.only(catalog::listPostings, recruiter, candidate));
    app.get("/v1/postings/{id}", Access.only(catalog::getPosting, recruiter, candidate));
    app.put("/v1/postings/{id}", Access.only(catalog::replacePosting, recruiter));
    app.delete("/v1/postings/{id}", Access.only(catalog::deletePosting, recruiter));
    app.get("/v1/postings/{id}/candidates", Access.only(catalog::search, recruiter));
    app.post("/v1/postings/{id}/applicants/score", Access.only(catalog::scoreApplicants, recruiter));
    // candidates: a candidate keeps their own profile; recruiters may add and read profiles
    app.post("/v1/candidates", Access.only(catalog::createCandidate, recruiter, candidate));
    app.get("/v1/candidates", Access.only(catalog::listCandidates, recruiter, candidate));
    app.get("/v1/candidates/{id}", Access.only(catalog::getCandidate, recruiter, candidate));
    app.put("/v1/candidates/{id}", Access.only(catalog::replaceCandidate, recruiter, candidate));
    app.delete("/v1/candidates/{id}", Access.only(catalog::deleteCandidate, recruiter, candidate));
    app.get("/v1/candidates/{id}/matches", Access.only(catalog::matches, candidate));

    app.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage(), e.errors()));
    app.exception(TextRejectedException.class, (e, ctx) -> problem(ctx,
        e.reason() == TextRejectedException.Reason.TOO_LONG ? 413 : 422,
        "Unusable text", e.getMessage(), List.of(new ApiError.FieldError("text", e.getMessage()))));
    app.exception(InvalidInputException.class, (e, ctx) -> problem(ctx, 400, "Invalid request", e.getMessage(),
        List.of(new ApiError.FieldError(e.field(), e.getMessage()))));
    app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), switch (e.getStatus()) {
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Request too large";
      default -> "Request rejected";
    }, e.getStatus() == 404 ? "no route for " + ctx.method() + " " + ctx.path() : e.getMessage(), List.of()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
      problem(ctx, 500, "Internal error", "the server failed to handle the request", List.of());
    });
    app.error(404, ctx -> {
      String type = ctx.res().getContentType();
      if (type == null || !type.startsWith(PROBLEM_JSON)) { // a 404 the app raised itself is already a problem
        problem(ctx, 404, "Not found", "no route for " + ctx.method() + " " + ctx.path(), List.of());
      }
    });
    app.error(405, ctx -> problem(ctx, 405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path(), List.of()));
    return new App(app, config, store, documents);
  }

  private static void problem(Context ctx, int status, String title, String detail, List<ApiError.FieldError> errors) {
    if (status >= 500) {
      LOG.error("{} {} -> {} {}", ctx.method(), ctx.path(), status, detail);
    } else {
      LOG.warn("{} {} -> {} {}", ctx.method(), ctx.path(), status, detail);
    }
    String type = "https://skillmatch.dev/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    ctx.status(status).json(new ApiError(type, title, status, detail, errors)).contentType(PROBLEM_JSON);
  }

  /**
   * Loads the sample postings ({@code postings/*.md}) and profiles ({@code profiles/*.txt}) of a
   * folder, unless the store already holds postings: a newcomer sees ranked matches at once.
   *
   * @return how many documents were added
   */
  public int loadDemo(java.nio.file.Path dir) throws java.io.IOException {
    if (store.count(Catalog.POSTING) > 0) {
      return 0;
    }
    int added = 0;
    com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    for (String kind : List.of("postings", "profiles")) {
      List<com.fasterxml.jackson.databind.JsonNode> inputs = new java.util.ArrayList<>();
      try (var files = java.nio.file.Files.list(dir.resolve(kind))) {
        for (java.nio.file.Path f : files.sorted().toList()) {
          inputs.add(nodes.objectNode().put("text", java.nio.file.Files.readString(f)));
        }
      }
      // one transaction a kind, read on all cores
      added += catalog.addAll(kind.equals("postings") ? Catalog.POSTING : Catalog.CANDIDATE, inputs, null,
          (i, message) -> LOG.warn("demo {} {} skipped: {}", kind, i, message));
    }
    return added;
  }

  /**
   * Adds the documents of a JSON Lines file, one request body per line as {@code POST
   * /v1/postings} or {@code /v1/candidates} takes it, in batches: each batch is read in parallel
   * and stored in one transaction. A line that cannot be read is reported and skipped.
   *
   * @param kind "posting" or "candidate"
   * @param problems where each skipped line is reported, as "FILE:LINE: message"
   * @param progress told the running count after each batch
   * @return how many documents were added
   */
  public int importJsonl(String kind, java.nio.file.Path file, java.util.function.Consumer<String> problems,
      java.util.function.IntConsumer progress) throws java.io.IOException {
    return importJsonl(kind, file, IMPORT_BATCH, problems, progress);
  }

  /** {@link #importJsonl(String, java.nio.file.Path, java.util.function.Consumer, java.util.function.IntConsumer)} in batches of a given size. */
  int importJsonl(String kind, java.nio.file.Path file, int batchSize, java.util.function.Consumer<String> problems,
      java.util.function.IntConsumer progress) throws java.io.IOException {
    if (!kind.equals(Catalog.POSTING) && !kind.equals(Catalog.CANDIDATE)) {
      throw new IllegalArgumentException("kind must be posting or candidate: " + kind);
    }
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    int added = 0;
    int lineNo = 0;
    try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file)) {
      List<com.fasterxml.jackson.databind.JsonNode> batch = new java.util.ArrayList<>();
      List<Integer> lines = new java.util.ArrayList<>();
      for (String line = in.readLine(); ; line = in.readLine()) {
        if (line != null) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          try {
            com.fasterxml.jackson.databind.JsonNode node = mapper.readTree(line);
            if (node.isObject()) {
              batch.add(node);
              lines.add(lineNo);
            } else {
              problems.accept(file + ":" + lineNo + ": not a JSON object");
            }
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.accept(file + ":" + lineNo + ": not JSON: " + e.getOriginalMessage());
          }
        }
        if (batch.size() == batchSize || line == null && !batch.isEmpty()) {
          List<Integer> at = List.copyOf(lines);
          added += catalog.importAll(kind, batch, (i, message) -> problems.accept(file + ":" + at.get(i) + ": "
              + message));
          progress.accept(added);
          batch.clear();
          lines.clear();
        }
        if (line == null) {
          catalog.settle(kind);
          return added;
        }
      }
    }
  }

  /** The Javalin instance, for tests ({@code JavalinTest.test(app.javalin(), ...)}). */
  public Javalin javalin() {
    return javalin;
  }

  /**
   * Starts serving. Without API keys the service is open to anyone who can reach it, so it binds
   * loopback only, whatever host was asked for, and says so loudly.
   */
  public App start() {
    if (config.keys().open()) {
      LOG.warn("""

          ***********************************************************************************
          *  NO API KEYS CONFIGURED: skillmatch is OPEN. Every caller acts as an admin.
          *  It listens on {} only{}.
          *  Give keys with --api-keys FILE or SKILLMATCH_API_KEYS="role:name:key,..."
          ***********************************************************************************""",
          Config.LOOPBACK, config.host().equals(Config.LOOPBACK) ? "" : " (not " + config.host() + ", as asked)");
    } else {
      LOG.info("API keys: {} configured; every /v1 call needs one", config.keys().size());
    }
    javalin.start(config.bindHost(), config.port());
    return this;
  }

  /** The port actually bound (after {@link #start()}). */
  public int port() {
    return javalin.port();
  }

  public void stop() {
    try {
      javalin.stop();
      catalog.close();
    } finally {
      store.close();
    }
  }
}
