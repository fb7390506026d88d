package io.skillmatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Functional tests through a real server. */
class ParseApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Config CONFIG =
      Config.defaults()
          .withPort(0)
          .withClock(Clock.fixed(LocalDate.of(2026, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

  private static Response post(io.javalin.testtools.HttpClient client, String path, String body) {
    RequestBody rb = RequestBody.create(body, MediaType.get("application/json"));
    return client.request(path, b -> b.post(rb));
  }

  private static JsonNode json(Response r) throws Exception {
    return JSON.readTree(r.body().string());
  }

  @Test
  void parsesAPosting() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      String text = "Senior Go Engineer\\n\\nRequirements:\\n- 3+ years of Golang\\n- Kafka is a plus";
      Response r = post(client, "/v1/parse/posting", "{\"text\": \"" + text + "\"}");
      assertEquals(200, r.code());
      JsonNode body = json(r);
      assertEquals("senior", body.get("seniority").asText());
      JsonNode reqs = body.get("requirements");
      assertEquals("go", reqs.get(0).get("skillId").asText());
      assertEquals(3, reqs.get(0).get("minYears").asInt());
      assertEquals("required", reqs.get(0).get("importance").asText());
      assertEquals("apache-kafka", reqs.get(1).get("skillId").asText());
      assertEquals("preferred", reqs.get(1).get("importance").asText());
    });
  }

  @Test
  void parsesTextAndStructuredProfiles() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      Response text = post(client, "/v1/parse/profile",
          "{\"text\": \"Experience\\nBackend Engineer, Acme, 2019 - present\\n- Python and Kafka\"}");
      assertEquals(200, text.code());
      JsonNode t = json(text);
      assertEquals(7.0, t.get("totalYears").asDouble(), 0.01);
      Response structured = post(client, "/v1/parse/profile",
          "{\"skills\": [{\"name\": \"Golang\", \"years\": 4}, {\"name\": \"Frobnicator 9000\"}]}");
      assertEquals(200, structured.code());
      JsonNode s = json(structured);
      assertEquals("go", s.get("skills").get(0).get("skillId").asText());
      assertTrue(s.get("warnings").get(0).asText().contains("Frobnicator 9000"), "unknown skills are flagged");
    });
  }

  @Test
  void healthSaysOk() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      Response r = client.get("/health");
      assertEquals(200, r.code());
      assertTrue(json(r).get("taxonomySkills").asInt() > 2000);
    });
  }

  private static void assertProblem(Response r, int status, String field) throws Exception {
    assertEquals(status, r.code());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
    JsonNode p = json(r);
    assertEquals(status, p.get("status").asInt());
    assertTrue(p.hasNonNull("title") && p.hasNonNull("detail") && p.hasNonNull("type"), p.toString());
    if (field != null) {
      assertEquals(field, p.get("errors").get(0).get("field").asText(), p.toString());
    }
  }

  @Test
  void badInputGetsAClearProblem() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      assertProblem(post(client, "/v1/parse/posting", "{\"text\": "), 400, null);
      assertProblem(post(client, "/v1/parse/posting", "[1, 2]"), 400, null);
      assertProblem(post(client, "/v1/parse/posting", ""), 400, null);
      assertProblem(post(client, "/v1/parse/posting", "{}"), 400, "text");
      assertProblem(post(client, "/v1/parse/posting", "{\"text\": 42}"), 400, "text");
      assertProblem(post(client, "/v1/parse/posting", "{\"text\": \"   \"}"), 422, "text");
      assertProblem(post(client, "/v1/parse/profile", "{\"name\": \"x\"}"), 400, "text");
      assertProblem(post(client, "/v1/parse/profile", "{\"skills\": \"Python\"}"), 400, "skills");
      assertProblem(post(client, "/v1/parse/profile",
          "{\"experience\": [{\"title\": \"Dev\", \"start\": \"last spring\"}]}"), 400, "experience[].start");
      String huge = "a ".repeat(150_000);
      assertProblem(post(client, "/v1/parse/posting", "{\"text\": \"" + huge + "\"}"), 413, "text");
      String tooBig = "x".repeat(2 << 20);
      assertProblem(post(client, "/v1/parse/posting", "{\"text\": \"" + tooBig + "\"}"), 413, null);
      assertProblem(client.get("/v1/nothing-here"), 404, null);
    });
  }
}
