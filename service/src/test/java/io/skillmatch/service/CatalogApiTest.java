package io.skillmatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Postings and candidates through a real server: CRUD, matches both ways, errors, restarts. */
class CatalogApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Config CONFIG = Config.defaults().withPort(0)
      .withClock(Clock.fixed(LocalDate.of(2026, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  private static final String BACKEND = "Senior Backend Engineer\n\nRequirements\n- 5+ years of Python\n"
      + "- Apache Kafka\n- AWS";
  private static final String FRONTEND = "Frontend Engineer\n\nRequirements\n- React\n- TypeScript\n- CSS";
  private static final String PYTHON_DEV = "EXPERIENCE\nBackend Engineer, Acme, 2017 - present\n"
      + "- Python services on AWS with Kafka";
  private static final String REACT_DEV = "EXPERIENCE\nFrontend Developer, Shop, 2019 - present\n"
      + "- React and TypeScript, CSS modules";

  private static Response send(HttpClient client, String method, String path, Object body) throws Exception {
    RequestBody rb = body == null ? null
        : RequestBody.create(body instanceof String s ? s : JSON.writeValueAsString(body), MediaType.get("application/json"));
    return client.request(path, b -> b.method(method, rb));
  }

  private static JsonNode json(Response r) throws Exception {
    return JSON.readTree(r.body().string());
  }

  private static String create(HttpClient client, String path, Object body) throws Exception {
    Response r = send(client, "POST", path, body);
    assertEquals(201, r.code());
    return json(r).get("id").asText();
  }

  @Test
  void postingsAndCandidatesMatchBothWays() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      String backend = create(client, "/v1/postings", Map.of("text", BACKEND));
      String frontend = create(client, "/v1/postings", Map.of("title", "Frontend Engineer", "text", FRONTEND));
      String py = create(client, "/v1/candidates", Map.of("text", PYTHON_DEV));
      String react = create(client, "/v1/candidates", Map.of("text", REACT_DEV));

      JsonNode got = json(send(client, "GET", "/v1/postings/" + backend, null));
      assertEquals("python", got.get("posting").get("requirements").get(0).get("skillId").asText());

      JsonNode jobs = json(send(client, "GET", "/v1/candidates/" + react + "/matches?k=2", null));
      assertEquals(frontend, jobs.get("matches").get(0).get("postingId").asText(), "React developer: frontend first");
      assertTrue(jobs.get("matches").get(0).get("requirements").size() > 0);

      JsonNode search = json(send(client, "GET", "/v1/postings/" + backend + "/candidates?k=1", null));
      assertEquals(py, search.get("candidates").get(0).get("candidateId").asText());

      JsonNode scored = json(send(client, "POST", "/v1/postings/" + backend + "/applicants/score",
          Map.of("candidateIds", List.of(react, py))));
      assertEquals(py, scored.get("applicants").get(0).get("candidateId").asText(), "ranked, best first");
      assertTrue(scored.get("applicants").get(0).get("score").asDouble()
          > scored.get("applicants").get(1).get("score").asDouble());

      Response replaced = send(client, "PUT", "/v1/candidates/" + react, Map.of("text", PYTHON_DEV));
      assertEquals(200, replaced.code());
      assertEquals(204, send(client, "DELETE", "/v1/postings/" + frontend, null).code());
      assertEquals(404, send(client, "GET", "/v1/postings/" + frontend, null).code());
    });
  }

  @Test
  void listsPageThroughEverythingOnce() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      for (int i = 0; i < 5; i++) {
        create(client, "/v1/candidates", Map.of("skills", List.of(Map.of("name", "Python", "years", i + 1))));
      }
      JsonNode first = json(send(client, "GET", "/v1/candidates?limit=3", null));
      assertEquals(3, first.get("items").size());
      JsonNode second = json(send(client, "GET", "/v1/candidates?limit=3&cursor=" + first.get("nextCursor").asText(), null));
      assertEquals(2, second.get("items").size());
      assertTrue(second.get("nextCursor").isNull());
    });
  }

  @Test
  void aListedPostingIsShownAsItsOwnPageShowsIt() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      String id = create(client, "/v1/postings", Map.of("text", BACKEND));
      JsonNode alone = json(send(client, "GET", "/v1/postings/" + id, null));
      JsonNode listed = json(send(client, "GET", "/v1/postings", null)).get("items").get(0);
      assertEquals(alone, listed);
      assertTrue(listed.get("posting").get("requirements").get(0).get("evidence").has("text"),
          "with the sentence each requirement was read from");
    });
  }

  @Test
  void badRequestsNameTheFieldAndWriteNothing() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      problem(send(client, "POST", "/v1/postings", Map.of("title", "x")), 400, "text");
      problem(send(client, "POST", "/v1/postings", Map.of("text", "   ")), 422, "text");
      problem(send(client, "POST", "/v1/candidates", Map.of("skills", List.of(Map.of("name", "Go", "years", "x")))), 400,
          "skills[].years");
      problem(send(client, "POST", "/v1/candidates", "{oops"), 400, null);
      assertEquals(0, json(send(client, "GET", "/v1/postings", null)).get("items").size(), "nothing was written");
      assertEquals(0, json(send(client, "GET", "/v1/candidates", null)).get("items").size());
      problem(send(client, "GET", "/v1/postings/nope", null), 404, "id");
      problem(send(client, "GET", "/v1/candidates/nope/matches", null), 404, "id");
      String p = create(client, "/v1/postings", Map.of("text", BACKEND));
      problem(send(client, "GET", "/v1/postings/" + p + "/candidates?k=1000", null), 400, "k");
      problem(send(client, "GET", "/v1/postings/" + p + "/candidates?k=ten", null), 400, "k");
      problem(send(client, "GET", "/v1/postings?cursor=garbage", null), 400, "cursor");
      problem(send(client, "POST", "/v1/postings/" + p + "/applicants/score", Map.of("candidateIds", List.of("ghost"))),
          404, "candidateIds[0]");
      problem(send(client, "POST", "/v1/postings/" + p + "/applicants/score", Map.of("candidateIds", "ghost")), 400,
          "candidateIds");
      problem(send(client, "PUT", "/v1/postings/nope", Map.of("text", BACKEND)), 404, "id");
    });
  }

  @Test
  void aPostingCanBeSentAsStructuredRequirements() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      Map<String, Object> body = Map.of("title", "Senior Backend Engineer", "minYears", 5, "requirements", List.of(
          "Golang",
          Map.of("skill", "k8s", "years", 3),
          Map.of("skill", "Django", "anyOf", "web"), Map.of("skill", "FastAPI", "anyOf", "web"),
          Map.of("skill", "Terraform", "importance", "preferred"),
          "Quantum Flux Widgets"));
      Response r = send(client, "POST", "/v1/postings", body);
      assertEquals(201, r.code());
      JsonNode created = json(r);
      JsonNode posting = created.get("posting");
      assertEquals("senior", posting.get("seniority").asText());
      assertEquals(5, posting.get("minYears").asInt());
      Map<String, JsonNode> req = new java.util.HashMap<>();
      posting.get("requirements").forEach(q -> req.put(q.get("skill").asText(), q));
      assertEquals(5, req.size(), posting.toString());
      assertEquals("required", req.get("Go").get("importance").asText(), "Golang is Go");
      assertEquals(3, req.get("Kubernetes").get("minYears").asInt(), "k8s is Kubernetes");
      assertEquals(req.get("Django").get("anyOf").asText(), req.get("FastAPI").get("anyOf").asText());
      assertTrue(req.get("Go").get("anyOf").isNull());
      assertEquals("preferred", req.get("Terraform").get("importance").asText());
      assertEquals("Quantum Flux Widgets", posting.get("unknownSkills").get(0).asText());
      assertEquals("g1", req.get("Django").get("anyOf").asText(), "the only group is g1");
      JsonNode mixed = json(send(client, "POST", "/v1/postings", Map.of("requirements", List.of("Python",
          Map.of("skill", "Python", "anyOf", "x"), Map.of("skill", "Java", "anyOf", "x"))))).get("posting");
      mixed.get("requirements").forEach(q -> assertTrue(q.get("anyOf").isNull(),
          "Python asked on its own is no alternative, and Java is left a group of one: " + q));
      String go = create(client, "/v1/candidates", Map.of("skills", List.of(Map.of("name", "Go", "years", 6),
          Map.of("name", "Kubernetes", "years", 4), Map.of("name", "Django", "years", 5))));
      JsonNode matches = json(send(client, "GET", "/v1/candidates/" + go + "/matches", null)).get("matches");
      assertEquals(created.get("id").asText(), matches.get(0).get("postingId").asText());
    });
  }

  @Test
  void structuredPostingsAndLimitsAreCheckedFieldByField() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      problem(send(client, "POST", "/v1/postings", Map.of("requirements", List.of())), 400, "requirements");
      problem(send(client, "POST", "/v1/postings", Map.of("requirements", "Python")), 400, "requirements");
      problem(send(client, "POST", "/v1/postings", Map.of("requirements", List.of(42))), 400, "requirements[0]");
      problem(send(client, "POST", "/v1/postings", Map.of("requirements", List.of("Go", Map.of("skill", "Go",
          "years", "five")))), 400, "requirements[1].years");
      problem(send(client, "POST", "/v1/postings", Map.of("requirements", List.of(Map.of("skill", "Go",
          "importance", "essential")))), 400, "requirements[0].importance");
      problem(send(client, "POST", "/v1/postings", Map.of("requirements", List.of(Map.of("skill", "Go",
          "years", 99)))), 400, "requirements[0].years");
      problem(send(client, "POST", "/v1/postings", Map.of("text", BACKEND, "requirements", List.of("Go"))), 400, "text");
      problem(send(client, "POST", "/v1/postings", "{\"minYears\": 18446744073709551621, \"requirements\": [\"Go\"]}"),
          400, "minYears");
      problem(send(client, "POST", "/v1/postings", Map.of("requirements", java.util.Collections.nCopies(201, "Go"))),
          400, "requirements");
      problem(send(client, "POST", "/v1/postings", Map.of("text", BACKEND, "title", 7)), 400, "title");
      assertEquals(0, json(send(client, "GET", "/v1/postings", null)).get("items").size(), "nothing was written");
      String p = create(client, "/v1/postings", Map.of("requirements", List.of("Python", "AWS")));
      String c = create(client, "/v1/candidates", Map.of("text", PYTHON_DEV));
      problem(send(client, "GET", "/v1/candidates/" + c + "/matches?k=101", null), 400, "k");
      problem(send(client, "GET", "/v1/candidates/" + c + "/matches?k=0", null), 400, "k");
      assertEquals(200, send(client, "GET", "/v1/candidates/" + c + "/matches?k=100", null).code(), "100 is allowed");
      problem(send(client, "GET", "/v1/postings?limit=101", null), 400, "limit");
      List<String> many = java.util.Collections.nCopies(CatalogController.MAX_APPLICANTS + 1, c);
      problem(send(client, "POST", "/v1/postings/" + p + "/applicants/score", Map.of("candidateIds", many)), 400,
          "candidateIds");
      problem(send(client, "POST", "/v1/postings/" + p + "/applicants/score", Map.of("candidateIds", List.of(c, 5))),
          400, "candidateIds[1]");
      problem(send(client, "POST", "/v1/candidates", "{\"text\": \"" + "x".repeat(1 << 20) + "\"}"), 413, null);
      problem(send(client, "POST", "/v1/postings", "[1, 2]"), 400, null);
      problem(send(client, "DELETE", "/v1/candidates/nope", null), 404, "id");
      assertEquals(1, json(send(client, "GET", "/v1/candidates", null)).get("items").size(), "still just the one");
      Map<String, Object> score = Map.of("posting", Map.of("requirements", List.of("Python", "Kafka")),
          "candidate", Map.of("text", PYTHON_DEV));
      JsonNode scored = json(send(client, "POST", "/v1/score", score));
      assertEquals(2, scored.get("requirements").size(), "candidate is accepted for profile, requirements for text");
    });
  }

  @Test
  void anImportKeepsTheGoodLinesAndNamesTheBadOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("profiles.jsonl");
    java.nio.file.Files.writeString(file, String.join("\n",
        JSON.writeValueAsString(Map.of("text", PYTHON_DEV)),
        "{not json",
        "",
        JSON.writeValueAsString(Map.of("skills", List.of(Map.of("name", "Go", "years", "many")))),
        "[1]",
        JSON.writeValueAsString(Map.of("text", REACT_DEV))));
    App app = App.create(CONFIG.withDataDir(dir.resolve("data")));
    List<String> problems = new java.util.ArrayList<>();
    // batches of two: lines are still named right across batches
    assertEquals(2, app.importJsonl("candidate", file, 2, problems::add, n -> { }));
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).endsWith(":2: not JSON: " + problems.get(0).split("not JSON: ")[1]), problems.get(0));
    assertTrue(problems.stream().anyMatch(p -> p.contains(":4: skills[].years")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains(":5: not a JSON object")), problems.toString());
    app.stop();
    App again = App.create(CONFIG.withDataDir(dir.resolve("data")));
    JavalinTest.test(again.javalin(), (server, client) -> {
      assertEquals(2, json(send(client, "GET", "/v1/candidates", null)).get("items").size(), "both kept across a restart");
      String p = create(client, "/v1/postings", Map.of("text", FRONTEND));
      JsonNode best = json(send(client, "GET", "/v1/postings/" + p + "/candidates?k=1", null)).get("candidates").get(0);
      assertTrue(best.get("score").asDouble() > 50, "the imported React developer is found: " + best);
    });
    again.stop();
  }

  @Test
  void concurrentWritesAndReadsLoseNothingAndNeverFail(@TempDir Path dir) throws Exception {
    App app = App.create(CONFIG.withDataDir(dir));
    JavalinTest.test(app.javalin(), (server, client) -> {
      String posting = create(client, "/v1/postings", Map.of("text", BACKEND));
      List<java.util.concurrent.Callable<String>> work = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        work.add(() -> {
          String id = create(client, "/v1/candidates", Map.of("text", PYTHON_DEV + "\n- run " + n));
          Response matches = send(client, "GET", "/v1/candidates/" + id + "/matches?k=3", null);
          assertEquals(200, matches.code());
          Response applicants = send(client, "GET", "/v1/postings/" + posting + "/candidates?k=5", null);
          assertEquals(200, applicants.code());
          if (n % 4 == 0) { // some replace what they wrote while others read
            assertEquals(200, send(client, "PUT", "/v1/candidates/" + id, Map.of("text", REACT_DEV)).code());
          }
          return id;
        });
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
        for (var f : pool.invokeAll(work)) {
          ids.add(f.get());
        }
      }
      assertEquals(40, ids.size());
      JsonNode page = json(send(client, "GET", "/v1/candidates?limit=100", null));
      assertEquals(40, page.get("items").size());
      page.get("items").forEach(item -> assertTrue(ids.contains(item.get("id").asText())));
    });
    app.stop();
    App again = App.create(CONFIG.withDataDir(dir));
    JavalinTest.test(again.javalin(), (server, client) ->
        assertEquals(40, json(send(client, "GET", "/v1/candidates?limit=100", null)).get("items").size(),
            "every acknowledged write is on disk"));
    again.stop();
  }

  @Test
  void matchesFollowEveryWrite() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      String c = create(client, "/v1/candidates", Map.of("text", PYTHON_DEV));
      String frontend = create(client, "/v1/postings", Map.of("text", FRONTEND));
      java.util.function.Supplier<List<String>> matched = () -> {
        try {
          List<String> ids = new java.util.ArrayList<>();
          json(send(client, "GET", "/v1/candidates/" + c + "/matches?k=10", null)).get("matches")
              .forEach(m -> ids.add(m.get("postingId").asText()));
          return ids;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
      assertEquals(List.of(frontend), matched.get());
      String backend = create(client, "/v1/postings", Map.of("text", BACKEND));
      assertEquals(List.of(backend, frontend), matched.get(), "a new posting is searched at once");
      assertEquals(204, send(client, "DELETE", "/v1/postings/" + frontend, null).code());
      assertEquals(List.of(backend), matched.get(), "a deleted one is gone at once");
      assertEquals(200, send(client, "PUT", "/v1/postings/" + backend, Map.of("text", FRONTEND)).code());
      assertEquals(List.of(backend), matched.get(), "a replaced one is found under its id");
    });
  }

  @Test
  void whatWasStoredSurvivesARestart(@TempDir Path dir) throws Exception {
    App first = App.create(CONFIG.withDataDir(dir));
    String[] id = new String[1];
    JavalinTest.test(first.javalin(), (server, client) -> id[0] = create(client, "/v1/candidates", Map.of("text", PYTHON_DEV)));
    first.stop();
    App second = App.create(CONFIG.withDataDir(dir));
    JavalinTest.test(second.javalin(), (server, client) -> {
      JsonNode got = json(send(client, "GET", "/v1/candidates/" + id[0], null));
      assertEquals(id[0], got.get("id").asText());
      assertTrue(got.get("profile").get("skills").size() > 0);
    });
    second.stop();
  }

  @Test
  void theDemoLoadsTheSamplesOnceAndMatchesAtOnce() throws Exception {
    Path samples = Path.of(System.getProperty("skillmatch.root", ".."), "training-data/judgments");
    App app = App.create(CONFIG);
    int added = app.loadDemo(samples);
    assertEquals(58, added, "12 written postings and 46 written profiles");
    assertEquals(0, app.loadDemo(samples), "never twice");
    JavalinTest.test(app.javalin(), (server, client) -> {
      JsonNode page = json(send(client, "GET", "/v1/candidates?limit=1", null));
      String id = page.get("items").get(0).get("id").asText();
      JsonNode matches = json(send(client, "GET", "/v1/candidates/" + id + "/matches?k=3", null)).get("matches");
      assertEquals(3, matches.size());
      assertTrue(matches.get(0).get("score").asDouble() >= matches.get(2).get("score").asDouble());
    });
    app.stop();
  }

  private static void problem(Response r, int status, String field) throws Exception {
    assertEquals(status, r.code());
    assertEquals("application/problem+json", r.header("Content-Type").split(";")[0]);
    JsonNode p = json(r);
    if (field == null) {
      assertNull(p.get("errors").get(0));
    } else {
      assertEquals(field, p.get("errors").get(0).get("field").asText(), p.toString());
    }
  }
}
