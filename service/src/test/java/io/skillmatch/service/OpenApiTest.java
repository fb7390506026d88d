package io.skillmatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.ParsedEndpoint;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Keeps the hand-written {@code openapi.yaml} true: the routes it lists are exactly the routes the
 * service registers; every example request gets a documented status from a real server, and an
 * answer that fits the documented schema (required properties, types, enums, and no undocumented
 * property, at every depth); errors are documented problems; every operation documents who may call
 * it; and Swagger UI comes from the jar.
 */
class OpenApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Config CONFIG = Config.defaults().withPort(0)
      .withClock(Clock.fixed(LocalDate.of(2026, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  /** Ids the spec's examples use; swapped for ids of documents each check creates. */
  private static final String POSTING_ID = "qt1x9gx946af";
  private static final String CANDIDATE_ID = "tre168vek1m4";
  private static final String POSTING = "Senior Backend Engineer\n\nRequirements\n- 5+ years of Python\n- Apache Kafka";
  private static final String PROFILE = "EXPERIENCE\nBackend Engineer, Acme, 2017 - present\n- Python on AWS with Kafka";

  /** One documented operation. */
  private record Op(String method, String path, JsonNode node, JsonNode pathItem) {
    @Override
    public String toString() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  /** One request to send: the example's name, its body (or null), and whether it is marked pending. */
  private record Example(String name, JsonNode body, boolean pending) {}

  @Test
  void theRoutesServedAreExactlyTheRoutesDocumented() {
    App app = App.create(CONFIG);
    Set<String> served = new TreeSet<>();
    for (ParsedEndpoint e : app.javalin().unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
      if (e.getEndpoint().getMethod().isHttpMethod()) {
        served.add(e.getEndpoint().getMethod().name() + " " + e.getEndpoint().getPath().replaceAll("<([^>]+)>", "{$1}"));
      }
    }
    JavalinTest.test(app.javalin(), (server, client) -> {
      Set<String> documented = new TreeSet<>();
      operations(spec(client)).forEach(op -> documented.add(op.toString()));
      Set<String> undocumented = new TreeSet<>(served);
      undocumented.removeAll(documented);
      Set<String> unserved = new TreeSet<>(documented);
      unserved.removeAll(served);
      assertTrue(undocumented.isEmpty() && unserved.isEmpty(), "served but not in openapi.yaml: " + undocumented
          + "; in openapi.yaml but not served: " + unserved);
    });
  }

  @Test
  void everyExampleRequestGetsADocumentedAnswerWithTheRequiredProperties() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      JsonNode spec = spec(client);
      int sent = 0;
      for (Op op : operations(spec)) {
        for (Example example : examples(spec, op)) {
          String[] ids = {create(client, "/v1/postings", Map.of("text", POSTING)),
              create(client, "/v1/candidates", Map.of("text", PROFILE))};
          String what = op + " with example " + example.name();
          Response r = send(client, op.method(), withIds(url(spec, op), ids),
              example.body() == null ? null : withIds(example.body().toString(), ids));
          String body = r.body().string();
          if (example.pending()) {
            assertTrue(r.code() >= 400 && r.code() < 500, what + " is marked x-pending but the service now answers "
                + r.code() + ": drop the marker");
          } else {
            assertTrue(r.code() >= 200 && r.code() < 300, what + " answered " + r.code() + ": " + body);
          }
          checkAnswer(spec, op, what, r, body);
          sent++;
        }
      }
      assertTrue(sent >= 20, "sent " + sent);
    });
  }

  @Test
  void badBodiesAndUnknownIdsGetDocumentedProblems() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      JsonNode spec = spec(client);
      for (Op op : operations(spec)) {
        String[] ids = {create(client, "/v1/postings", Map.of("text", POSTING)),
            create(client, "/v1/candidates", Map.of("text", PROFILE))};
        if (op.node().has("requestBody")) {
          Response r = send(client, op.method(), withIds(url(spec, op), ids), "{}");
          checkAnswer(spec, op, op + " with {}", r, r.body().string());
          assertEquals(400, r.code(), op + " with {}");
        }
        if (op.path().contains("{id}")) {
          String body = op.node().has("requestBody") ? examples(spec, op).get(0).body().toString() : null;
          Response r = send(client, op.method(), url(spec, op).replaceAll("/(" + POSTING_ID + "|" + CANDIDATE_ID + ")",
              "/nope"), body == null ? null : withIds(body, ids));
          checkAnswer(spec, op, op + " with an unknown id", r, r.body().string());
          assertEquals(404, r.code(), op + " with an unknown id");
        }
      }
    });
  }

  @Test
  void theSpecIsWellFormedAndDocumentsAccessOnEveryOperation() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      JsonNode spec = spec(client);
      assertTrue(spec.get("openapi").asText().startsWith("3.1."));
      List<String> refs = new ArrayList<>();
      collectRefs(spec, refs);
      for (String ref : refs) {
        assertFalse(spec.at(ref.substring(1)).isMissingNode(), "dangling $ref " + ref);
      }
      Set<String> ids = new HashSet<>();
      for (Op op : operations(spec)) {
        assertTrue(ids.add(op.node().path("operationId").asText()), op + ": operationId missing or repeated");
        JsonNode roles = op.node().path("x-roles");
        assertTrue(roles.isArray() && !roles.isEmpty(), op + ": x-roles");
        boolean isPublic = roles.toString().equals("[\"public\"]");
        boolean secured = op.path().startsWith("/v1/") || op.path().equals("/metrics");
        assertEquals(!secured, isPublic, op + ": public means no key, and only outside /v1 and /metrics");
        assertEquals(isPublic, op.node().path("security").isArray() && op.node().path("security").isEmpty(),
            op + ": a public operation has security: [], a keyed one inherits the API keys");
        for (String status : secured ? List.of("401", "403") : List.<String>of()) {
          assertTrue(op.node().path("responses").has(status), op + " documents " + status);
        }
        // every documented example fits its schema: answers strictly, requests leniently
        for (Map.Entry<String, JsonNode> response : op.node().path("responses").properties()) {
          for (Map.Entry<String, JsonNode> media : resolve(spec, response.getValue()).path("content").properties()) {
            JsonNode example = media.getValue().get("example");
            if (example != null && media.getKey().endsWith("json")) {
              List<String> wrong = mismatches(spec, media.getValue().path("schema"), example, "$", true);
              assertTrue(wrong.isEmpty(), op + " " + response.getKey() + " example: " + wrong);
            }
          }
        }
        JsonNode request = resolve(spec, op.node().path("requestBody")).path("content").path("application/json");
        for (Example example : op.node().has("requestBody") ? examples(spec, op) : List.<Example>of()) {
          List<String> wrong = mismatches(spec, request.path("schema"), example.body(), "$", false);
          assertTrue(wrong.isEmpty(), op + " request example " + example.name() + ": " + wrong);
        }
      }
    });
  }

  @Test
  void swaggerUiIsServedFromTheJarAndReadsTheSpec() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      Response page = client.get("/swagger");
      assertEquals(200, page.code());
      assertTrue(page.header("Content-Type").startsWith("text/html"));
      String html = page.body().string();
      assertTrue(html.contains("url: \"/openapi.json\""), html);
      assertFalse(html.contains("//"), "nothing is loaded from another host: " + html);
      Matcher asset = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
      int assets = 0;
      while (asset.find()) {
        Response r = client.get(asset.group(1));
        assertEquals(200, r.code(), asset.group(1));
        assertTrue(r.body().bytes().length > 100, asset.group(1));
        assets++;
      }
      assertTrue(assets >= 3, "the page loads Swagger UI's script and styles: " + html);
    });
  }

  // ----------------------------------------------------------------------------------- helpers

  private static JsonNode spec(HttpClient client) throws Exception {
    Response r = client.get("/openapi.json");
    assertEquals(200, r.code());
    assertTrue(r.header("Content-Type").startsWith("application/json"));
    return JSON.readTree(r.body().string());
  }

  private static List<Op> operations(JsonNode spec) {
    List<Op> ops = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (METHODS.contains(op.getKey())) {
          ops.add(new Op(op.getKey(), path.getKey(), op.getValue(), path.getValue()));
        }
      }
    }
    return ops;
  }

  /** The request bodies the spec gives as examples; one null body when the operation takes none. */
  private static List<Example> examples(JsonNode spec, Op op) {
    List<Example> out = new ArrayList<>();
    if (!op.node().has("requestBody")) {
      out.add(new Example("(no body)", null, false));
      return out;
    }
    JsonNode media = resolve(spec, op.node().get("requestBody")).path("content").path("application/json");
    if (media.has("example")) {
      out.add(new Example("example", media.get("example"), false));
    }
    for (Map.Entry<String, JsonNode> e : media.path("examples").properties()) {
      JsonNode example = resolve(spec, e.getValue());
      out.add(new Example(e.getKey(), example.get("value"), example.path("x-pending").asBoolean(false)));
    }
    assertFalse(out.isEmpty(), op + " has a request body but no example of it");
    return out;
  }

  /** The operation's path with its path parameters' examples in, and its query examples appended. */
  private static String url(JsonNode spec, Op op) {
    String path = op.path();
    List<String> query = new ArrayList<>();
    List<JsonNode> params = new ArrayList<>();
    op.pathItem().path("parameters").forEach(params::add);
    op.node().path("parameters").forEach(params::add);
    for (JsonNode p : params) {
      JsonNode param = resolve(spec, p);
      String name = param.get("name").asText();
      if (param.get("in").asText().equals("path")) {
        assertTrue(param.has("example"), op + ": path parameter " + name + " needs an example");
        path = path.replace("{" + name + "}", param.get("example").asText());
      } else if (param.has("example")) {
        query.add(name + "=" + param.get("example").asText());
      }
    }
    return query.isEmpty() ? path : path + "?" + String.join("&", query);
  }

  private static String withIds(String s, String[] ids) {
    return s.replace(POSTING_ID, ids[0]).replace(CANDIDATE_ID, ids[1]);
  }

  /** The status is documented for the operation, and a JSON answer has the schema's required properties. */
  private static void checkAnswer(JsonNode spec, Op op, String what, Response r, String body) throws Exception {
    JsonNode documented = op.node().path("responses").get(String.valueOf(r.code()));
    if (documented == null) {
      fail(what + " answered " + r.code() + ", which is not documented: " + body);
    }
    JsonNode content = resolve(spec, documented).path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      assertTrue(body.isEmpty(), what + ": documented without a body, answered " + body);
      return;
    }
    String type = r.header("Content-Type", "").split(";")[0].strip();
    assertTrue(content.has(type), what + ": answered " + type + ", documented " + content.properties().stream()
        .map(Map.Entry::getKey).toList());
    if (type.endsWith("json")) {
      List<String> wrong = mismatches(spec, content.get(type).path("schema"), JSON.readTree(body), "$", true);
      assertTrue(wrong.isEmpty(), what + ": " + wrong + " in " + body);
    }
  }

  /**
   * Where a JSON value departs from a schema, at any depth: a required property absent, a type or
   * enum value not documented, and ({@code strict}, for answers) a property the schema does not
   * list. Follows $ref, allOf, anyOf and oneOf (as "any branch fits").
   */
  private static List<String> mismatches(JsonNode spec, JsonNode schema, JsonNode value, String at, boolean strict) {
    JsonNode s = resolve(spec, schema);
    List<String> out = new ArrayList<>();
    if (s.has("type")) {
      List<String> types = new ArrayList<>();
      if (s.get("type").isArray()) {
        s.get("type").forEach(t -> types.add(t.asText()));
      } else {
        types.add(s.get("type").asText());
      }
      if (types.stream().noneMatch(t -> isType(value, t))) {
        out.add(at + " is " + value.getNodeType().name().toLowerCase(Locale.ROOT) + ", documented " + types);
        return out;
      }
    }
    if (s.has("enum") && !contains(s.get("enum"), value) || s.has("const") && !s.get("const").equals(value)) {
      out.add(at + " = " + value + " is not a documented value");
    }
    s.path("allOf").forEach(part -> out.addAll(mismatches(spec, part, value, at, strict)));
    for (String key : List.of("anyOf", "oneOf")) {
      List<String> first = null;
      for (JsonNode branch : s.path(key)) {
        List<String> m = mismatches(spec, branch, value, at, strict);
        if (m.isEmpty()) {
          first = null;
          break;
        }
        first = first == null ? m : first;
      }
      if (first != null) {
        out.add(at + " fits no branch of " + key + ", e.g. " + first);
      }
    }
    if (value.isObject()) {
      s.path("required").forEach(f -> {
        if (!value.has(f.asText())) {
          out.add(at + "." + f.asText() + " is required but absent");
        }
      });
      JsonNode props = s.get("properties");
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        if (props != null && props.has(field.getKey())) {
          out.addAll(mismatches(spec, props.get(field.getKey()), field.getValue(), at + "." + field.getKey(), strict));
        } else if (strict && props != null) {
          out.add(at + "." + field.getKey() + " is not documented");
        }
      }
    }
    if (value.isArray() && s.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        out.addAll(mismatches(spec, s.get("items"), value.get(i), at + "[" + i + "]", strict));
      }
    }
    return out;
  }

  private static boolean isType(JsonNode v, String type) {
    return switch (type) {
      case "null" -> v.isNull();
      case "string" -> v.isTextual();
      case "integer" -> v.isIntegralNumber();
      case "number" -> v.isNumber();
      case "boolean" -> v.isBoolean();
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      default -> throw new AssertionError("unknown type " + type);
    };
  }

  private static boolean contains(JsonNode values, JsonNode v) {
    for (JsonNode e : values) {
      if (e.equals(v)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode resolve(JsonNode spec, JsonNode node) {
    while (node.has("$ref")) {
      node = spec.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.path("$ref").isTextual()) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  private static String create(HttpClient client, String path, Object body) throws Exception {
    Response r = send(client, "post", path, JSON.writeValueAsString(body));
    assertEquals(201, r.code());
    return JSON.readTree(r.body().string()).get("id").asText();
  }

  private static Response send(HttpClient client, String method, String path, String body) {
    RequestBody rb = body == null ? null : RequestBody.create(body, MediaType.get("application/json"));
    return client.request(path, b -> b.method(method.toUpperCase(Locale.ROOT), rb));
  }
}
