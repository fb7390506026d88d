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
    DocumentReader reader = new DocumentReader(postingParser, profileParser, ranking.matcher(model, config.clock()));
    MatchController match = new MatchController(reader, json);
    Store store = config.dataDir() == null
        ? SqliteStore.inMemory(config.clock(), SqliteStore.randomIds())
        : SqliteStore.open(config.dataDir(), config.clock(), SqliteStore.randomIds());
    Catalog documents = new Catalog(store, reader, mapper);
    CatalogController catalog = new CatalogController(documents, json);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    Javalin app =
        Javalin.create(
            c -> {
              c.registerPlugin(new MicrometerPlugin(m -> m.registry = metrics));
              c.useVirtualThreads = true;
              c.showJavalinBanner = false;
              c.http.maxRequestSize = config.maxBodyBytes();
              c.jsonMapper(new JavalinJackson(mapper, true));
              // the web page (index.html, its modules and styles), from the classpath: nothing from a CDN
              c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = io.javalin.http.staticfiles.Location.CLASSPATH;
              });
            });
    app.get("/health", ctx -> ctx.json(Map.of("status", "ok", "taxonomySkills", taxonomy.size(),
        "model", model.version())));
    app.post("/v1/parse/posting", parse::posting);
    app.post("/v1/parse/profile", parse::profile);
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    app.post("/v1/match", match::match);
    app.post("/v1/score", match::match);
    app.post("/v1/postings", catalog::createPosting);
    app.get("/v1/postings", catalog::listPostings);
    app.get("/v1/postings/{id}", catalog::getPosting);
    app.put("/v1/postings/{id}", catalog::replacePosting);
    app.delete("/v1/postings/{id}", catalog::deletePosting);
    app.get("/v1/postings/{id}/candidates", catalog::search);
    app.post("/v1/postings/{id}/applicants/score", catalog::scoreApplicants);
    app.post("/v1/candidates", catalog::createCandidate);
    app.get("/v1/candidates", catalog::listCandidates);
    app.get("/v1/candidates/{id}", catalog::getCandidate);
    app.put("/v1/candidates/{id}", catalog::replaceCandidate);
    app.delete("/v1/candidates/{id}", catalog::deleteCandidate);
    app.get("/v1/candidates/{id}/matches", catalog::matches);
    // what scores, how it was trained and how well it did: version, features, provenance and metrics
    app.get("/v1/model", ctx -> ctx.json(Map.of("version", model.version(), "kind", model.kind(),
        "features", model.features(), "embeddings", ranking.vectors().version(), "provenance", model.provenance())));

    app.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage(), e.errors()));
    app.exception(TextRejectedException.class, (e, ctx) -> problem(ctx,
        e.reason() == TextRejectedException.Reason.TOO_LONG ? 413 : 422,
        "Unusable text", e.getMessage(), List.of(new ApiError.FieldError("text", e.getMessage()))));
    app.exception(InvalidInputException.class, (e, ctx) -> problem(ctx, 400, "Invalid request", e.getMessage(),
        List.of(new ApiError.FieldError(e.field(), e.getMessage()))));
    app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
        e.getStatus() == 413 ? "Request too large" : "Request rejected", e.getMessage(), List.of()));
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
      try (var files = java.nio.file.Files.list(dir.resolve(kind))) {
        for (java.nio.file.Path f : files.sorted().toList()) {
          var input = nodes.objectNode().put("text", java.nio.file.Files.readString(f));
          if (kind.equals("postings")) {
            catalog.addPosting(input);
          } else {
            catalog.addCandidate(input);
          }
          added++;
        }
      }
    }
    return added;
  }

  /** The Javalin instance, for tests ({@code JavalinTest.test(app.javalin(), ...)}). */
  public Javalin javalin() {
    return javalin;
  }

  /** Starts serving on the configured host and port. */
  public App start() {
    javalin.start(config.host(), config.port());
    return this;
  }

  /** The port actually bound (after {@link #start()}). */
  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
    store.close();
  }
}
