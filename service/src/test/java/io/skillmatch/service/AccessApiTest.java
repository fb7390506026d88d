package io.skillmatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.skillmatch.service.ApiKeys.Role;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** API keys and roles through a real server: who may read and write what. */
class AccessApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "admin-key-0123456789";
  private static final String ACME = "acme-recruiter-key-01";
  private static final String GLOBEX = "globex-recruiter-key-1";
  private static final String ALICE = "alice-candidate-key-01";
  private static final String BOB = "bob-candidate-key-0001";
  private static final ApiKeys KEYS = ApiKeys.parse("""
      # role:name:key
      admin:ops:%s
      recruiter:acme:%s
      recruiter:globex:%s
      candidate:alice:%s, candidate:bob:%s
      """.formatted(ADMIN, ACME, GLOBEX, ALICE, BOB));
  private static final Config CONFIG = Config.defaults().withPort(0).withKeys(KEYS);

  private static final String POSTING = "Senior Backend Engineer\n\nRequirements\n- 5+ years of Python\n- Apache Kafka";
  private static final String RESUME = "EXPERIENCE\nBackend Engineer, Acme, 2017 - present\n- Python services with Kafka";

  private static Response send(HttpClient client, String key, String method, String path, Object body)
      throws Exception {
    RequestBody rb = body == null ? null
        : RequestBody.create(JSON.writeValueAsString(body), MediaType.get("application/json"));
    return client.request(path, b -> {
      b.method(method, rb);
      if (key != null) {
        b.header("Authorization", "Bearer " + key);
      }
    });
  }

  private static int status(HttpClient client, String key, String method, String path, Object body) throws Exception {
    try (Response r = send(client, key, method, path, body)) {
      return r.code();
    }
  }

  private static String create(HttpClient client, String key, String path, Object body) throws Exception {
    try (Response r = send(client, key, "POST", path, body)) {
      assertEquals(201, r.code());
      return JSON.readTree(r.body().string()).get("id").asText();
    }
  }

  @Test
  void withoutAValidKeyNothingUnderV1AnswersAndNothingIsWritten() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      try (Response r = send(client, null, "POST", "/v1/postings", Map.of("text", POSTING))) {
        assertEquals(401, r.code());
        assertEquals("application/problem+json", r.header("Content-Type").split(";")[0]);
        assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"));
      }
      assertEquals(401, status(client, "not-a-key-of-this-service", "GET", "/v1/postings", null));
      assertEquals(401, status(client, null, "POST", "/v1/score", Map.of()));
      assertEquals(401, status(client, null, "GET", "/metrics", null));
      assertEquals(200, status(client, null, "GET", "/health", null), "health stays public");
      try (Response r = client.request("/v1/postings", b -> b.header("X-API-Key", ADMIN))) {
        assertEquals(200, r.code(), "X-API-Key works as well as Authorization: Bearer");
        assertEquals(0, JSON.readTree(r.body().string()).get("items").size(), "the refused POST wrote nothing");
      }
    });
  }

  @Test
  void recruitersManageAndSearchOnlyTheirOwnPostings() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      String posting = create(client, ACME, "/v1/postings", Map.of("text", POSTING));
      String applicant = create(client, ALICE, "/v1/candidates", Map.of("text", RESUME));
      assertEquals(403, status(client, ALICE, "POST", "/v1/postings", Map.of("text", POSTING)), "candidates post no jobs");
      assertEquals(200, status(client, ALICE, "GET", "/v1/postings/" + posting, null), "everyone reads postings");
      String p = "/v1/postings/" + posting;
      assertEquals(403, status(client, GLOBEX, "PUT", p, Map.of("text", POSTING)));
      assertEquals(403, status(client, GLOBEX, "DELETE", p, null));
      assertEquals(403, status(client, GLOBEX, "GET", p + "/candidates", null));
      assertEquals(403, status(client, GLOBEX, "POST", p + "/applicants/score", Map.of("candidateIds", List.of(applicant))));
      assertEquals(403, status(client, ALICE, "GET", p + "/candidates", null));
      assertEquals(200, status(client, ACME, "GET", p + "/candidates", null));
      try (Response r = send(client, ACME, "POST", p + "/applicants/score", Map.of("candidateIds", List.of(applicant)))) {
        assertEquals(200, r.code());
        JsonNode applicants = JSON.readTree(r.body().string()).get("applicants");
        assertEquals(applicant, applicants.get(0).get("candidateId").asText());
      }
      assertEquals(200, status(client, ACME, "PUT", p, Map.of("text", POSTING + "\n- AWS")));
      assertEquals(200, status(client, GLOBEX, "GET", p, null), "still there after the refused delete");
      assertEquals(204, status(client, ACME, "DELETE", p, null));
    });
  }

  @Test
  void aCandidateSeesOnlyTheirOwnProfileAndMatches() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      create(client, ACME, "/v1/postings", Map.of("text", POSTING));
      String alice = create(client, ALICE, "/v1/candidates", Map.of("text", RESUME));
      String bob = create(client, BOB, "/v1/candidates", Map.of("text", RESUME));
      String a = "/v1/candidates/" + alice;
      assertEquals(200, status(client, ALICE, "GET", a, null));
      assertEquals(200, status(client, ALICE, "GET", a + "/matches", null));
      assertEquals(403, status(client, BOB, "GET", a, null));
      assertEquals(403, status(client, BOB, "GET", a + "/matches", null));
      assertEquals(403, status(client, BOB, "PUT", a, Map.of("text", RESUME)));
      assertEquals(403, status(client, BOB, "DELETE", a, null));
      assertEquals(200, status(client, ACME, "GET", a, null), "recruiters read the profiles they search");
      assertEquals(403, status(client, ACME, "DELETE", a, null), "but do not delete them");
      assertEquals(403, status(client, ACME, "GET", a + "/matches", null), "a candidate's job list is theirs");
      try (Response r = send(client, BOB, "GET", "/v1/candidates", null)) {
        JsonNode items = JSON.readTree(r.body().string()).get("items");
        assertEquals(1, items.size(), "a candidate lists only their own profile");
        assertEquals(bob, items.get(0).get("id").asText());
      }
      try (Response r = send(client, ACME, "GET", "/v1/candidates", null)) {
        assertEquals(2, JSON.readTree(r.body().string()).get("items").size());
      }
      assertEquals(200, status(client, ADMIN, "GET", a + "/matches", null), "admins pass every check");
      assertEquals(204, status(client, ALICE, "DELETE", a, null));
    });
  }

  @Test
  void metricsAreForAdminsAndStatelessCallsForEveryKey() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      assertEquals(403, status(client, ACME, "GET", "/metrics", null));
      assertEquals(200, status(client, ADMIN, "GET", "/metrics", null));
      Map<String, Object> score = Map.of("posting", Map.of("text", POSTING), "profile", Map.of("text", RESUME));
      assertEquals(200, status(client, ALICE, "POST", "/v1/score", score));
      assertEquals(200, status(client, ACME, "POST", "/v1/parse/posting", Map.of("text", POSTING)));
      assertEquals(200, status(client, BOB, "GET", "/v1/model", null));
    });
  }

  @Test
  void anOpenServiceListensOnLoopbackOnlyWhateverHostIsAsked() {
    App open = App.create(Config.defaults().withPort(0).withHost("0.0.0.0")).start();
    try {
      ServerConnector connector = (ServerConnector) open.javalin().jettyServer().server().getConnectors()[0];
      assertEquals(Config.LOOPBACK, connector.getHost());
    } finally {
      open.stop();
    }
    assertEquals("0.0.0.0", Config.defaults().withHost("0.0.0.0").withKeys(KEYS).bindHost(), "keys lift the limit");
  }

  @Test
  void keyFilesAreCheckedAtStart() {
    assertTrue(ApiKeys.parse("# nothing yet\n\n").open());
    assertEquals(Role.CANDIDATE, KEYS.holder(ALICE).orElseThrow().role());
    assertEquals("alice", KEYS.holder(ALICE).orElseThrow().name());
    assertFalse(KEYS.holder("alice").isPresent());
    IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
        () -> ApiKeys.parse("admin:ops:tiny9"));
    assertFalse(shortKey.getMessage().contains("tiny9"), "the message never repeats a key: " + shortKey.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("boss:ops:" + ADMIN));
    IllegalArgumentException keyFirst = assertThrows(IllegalArgumentException.class,
        () -> ApiKeys.parse("sk_live_abcdefghijklmnop:ops:admin"));
    assertFalse(keyFirst.getMessage().contains("sk_live"), "a misplaced key is not repeated: " + keyFirst.getMessage());
    ApiKeys hashInKey = ApiKeys.parse("admin:ops:0123456789abcdef#tail-of-key  # the ops key");
    assertTrue(hashInKey.holder("0123456789abcdef#tail-of-key").isPresent(), "a '#' inside a key is part of it");
    assertFalse(hashInKey.holder("0123456789abcdef").isPresent(), "and no prefix of it works");
    assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("admin:" + ADMIN));
    assertThrows(IllegalArgumentException.class,
        () -> ApiKeys.parse("admin:ops:" + ADMIN + "\nrecruiter:ops:" + ACME), "one name, one role");
    assertThrows(IllegalArgumentException.class,
        () -> ApiKeys.parse("admin:ops:" + ADMIN + "\nadmin:ops2:" + ADMIN), "one key, one holder");
  }
}
