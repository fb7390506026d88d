package io.skillmatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/match} through a real server: the score, its explanation, and every bad input. */
class MatchApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Config CONFIG = Config.defaults().withPort(0)
      .withClock(Clock.fixed(LocalDate.of(2026, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  private static final String POSTING = "Senior Backend Engineer\n\nRequirements\n- 5+ years of Python\n"
      + "- Apache Kafka\n- AWS\n\nNice to have\n- Terraform";
  private static final String PROFILE = "EXPERIENCE\nSenior Backend Engineer, Acme, 2017 - present\n"
      + "- Python services on AWS Lambda, events through RabbitMQ";

  private static Response post(io.javalin.testtools.HttpClient client, String body) {
    return client.request("/v1/match", b -> b.post(RequestBody.create(body, MediaType.get("application/json"))));
  }

  private static String body(Object posting, Object profile) throws Exception {
    ObjectNode n = JSON.createObjectNode();
    n.set("posting", JSON.valueToTree(posting));
    n.set("profile", JSON.valueToTree(profile));
    return JSON.writeValueAsString(n);
  }

  @Test
  void scoresAndExplainsAPair() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      Response r = post(client, body(Map.of("text", POSTING), Map.of("text", PROFILE)));
      assertEquals(200, r.code());
      JsonNode m = JSON.readTree(r.body().string());
      double score = m.get("score").asDouble();
      assertTrue(score > 0 && score < 100, "score " + score);
      assertEquals("senior", m.get("posting").get("seniority").asText());
      Map<String, JsonNode> bySkill = new java.util.HashMap<>();
      m.get("requirements").forEach(q -> bySkill.put(q.get("skillId").asText(), q));
      assertEquals("met", bySkill.get("python").get("status").asText());
      assertEquals("partial", bySkill.get("apache-kafka").get("status").asText(), "RabbitMQ is related");
      assertEquals("missing", bySkill.get("terraform").get("status").asText());
      assertTrue(bySkill.get("python").get("evidence").get("text").asText().contains("Python"));
      assertTrue(m.get("learnNext").size() > 0);
      assertTrue(m.get("model").asText().startsWith("ranker-"));

      // a structured profile is scored the same way
      Response s = post(client, body(Map.of("text", POSTING),
          Map.of("skills", java.util.List.of(Map.of("name", "Python", "years", 6), Map.of("name", "Kafka", "years", 4)))));
      assertEquals(200, s.code());
      assertEquals("met", JSON.readTree(s.body().string()).get("requirements").get(0).get("status").asText());
    });
  }

  @Test
  void metricsCountRequestsInPrometheusFormat() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      assertEquals(200, client.get("/health").code());
      Response r = client.get("/metrics");
      assertEquals(200, r.code());
      assertTrue(r.header("Content-Type").startsWith("text/plain"));
      String body = r.body().string();
      assertTrue(body.contains("jvm_memory_used_bytes"), "JVM metrics");
      assertTrue(body.contains("jetty_server_requests_seconds_count"), "request metrics");
    });
  }

  @Test
  void theModelSaysWhatItIsAndHowItWasMeasured() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      Response r = client.get("/v1/model");
      assertEquals(200, r.code());
      JsonNode m = JSON.readTree(r.body().string());
      assertTrue(m.get("version").asText().startsWith("ranker-"));
      assertEquals("trees", m.get("kind").asText());
      assertTrue(m.get("features").size() > 10);
      assertTrue(m.get("provenance").get("testMetrics").size() >= 5, "the model and every baseline on test");
    });
  }

  @Test
  void badInputGetsAClearProblemNamingTheField() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      assertProblem(post(client, "{\"posting\": "), 400, null);
      assertProblem(post(client, "[]"), 400, null);
      assertProblem(post(client, body(Map.of("text", POSTING), null).replace(",\"profile\":null", "")), 400, "profile");
      assertProblem(post(client, "{\"posting\": \"just a string\", \"profile\": {\"text\": \"x\"}}"), 400, "posting");
      assertProblem(post(client, body(Map.of("text", 42), Map.of("text", PROFILE))), 400, "posting.text");
      assertProblem(post(client, body(Map.of("text", POSTING), Map.of("name", "Ann"))), 400, "profile.text");
      assertProblem(post(client, body(Map.of("text", "   "), Map.of("text", PROFILE))), 422, "posting.text");
      assertProblem(post(client, body(Map.of("text", POSTING), Map.of("text", "x".repeat(200_001)))), 413,
          "profile.text");
      assertProblem(post(client, body(Map.of("text", POSTING), Map.of("text", PROFILE, "skills", java.util.List.of()))),
          400, "profile");
      assertProblem(post(client, body(Map.of("text", POSTING),
          Map.of("skills", java.util.List.of(Map.of("name", "Python", "years", "lots"))))), 400, "profile.skills[].years");
      assertProblem(post(client, body(Map.of("text", POSTING),
          Map.of("skills", java.util.List.of(Map.of("name", "Python", "lastUsedYear", 3000))))), 400,
          "profile.skills[].lastUsedYear");
      assertProblem(post(client, body(Map.of("text", POSTING), Map.of("skills", java.util.List.of(Map.of("name", 42))))),
          400, "profile.skills[].name");
      assertProblem(post(client, body(Map.of("text", POSTING), Map.of("experience", java.util.List.of(1)))), 400,
          "profile.experience[]");
    });
  }

  @Test
  void aStructuredProfileIsReadForItsWorkNeverItsNameOrPlace() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      String posting = POSTING + "\n\nLocation: Austin, Texas. Equal opportunity employer: women and veterans welcome.";
      java.util.List<Object> skills = java.util.List.of(Map.of("name", "Python", "years", 6), Map.of("name", "AWS", "years", 3));
      double plain = JSON.readTree(post(client, body(Map.of("text", posting), Map.of("skills", skills))).body().string())
          .get("score").asDouble();
      double personal = JSON.readTree(post(client, body(Map.of("text", posting), Map.of("skills", skills,
          "name", "Jane Austin", "location", "Austin, Texas", "gender", "woman", "veteran", "yes"))).body().string())
          .get("score").asDouble();
      assertEquals(plain, personal, 0);
    });
  }

  private static void assertProblem(Response r, int status, String field) throws Exception {
    assertEquals(status, r.code());
    assertEquals("application/problem+json", r.header("Content-Type").split(";")[0]);
    JsonNode p = JSON.readTree(r.body().string());
    assertEquals(status, p.get("status").asInt());
    if (field != null) {
      assertEquals(field, p.get("errors").get(0).get("field").asText(), p.toString());
    }
  }
}
