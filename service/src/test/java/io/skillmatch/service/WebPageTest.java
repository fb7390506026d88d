package io.skillmatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The web page and its assets are served from the classpath, beside the API. */
class WebPageTest {
  private static final Config CONFIG = Config.defaults().withPort(0);

  /** A response read whole (and closed): status, content type and body. */
  private record Got(int status, String type, String body) {}

  private static Got get(HttpClient client, String path) throws Exception {
    try (Response r = client.get(path)) {
      String type = r.header("Content-Type");
      return new Got(r.code(), type == null ? "" : type, r.body() == null ? "" : r.body().string());
    }
  }

  @Test
  void rootServesThePage() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      Got page = get(client, "/");
      assertEquals(200, page.status());
      assertTrue(page.type().startsWith("text/html"), page.type());
      assertTrue(page.body().contains("<title>skillmatch</title>"), page.body());
      assertTrue(page.body().contains("src=\"/js/main.js\""), "the page loads its module");
      assertTrue(page.body().contains("href=\"/styles.css\""), "the page links its styles");
      assertFalse(page.body().contains("http://") || page.body().contains("https://"), "the page names no other host");
    });
  }

  @Test
  void scriptsStylesAndIconAreServed() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      for (String js : new String[] {"main", "api", "dom", "errors", "render", "recruiter", "candidate"}) {
        Got script = get(client, "/js/" + js + ".js");
        assertEquals(200, script.status(), js);
        assertTrue(script.type().contains("javascript"), js + ": " + script.type());
        assertTrue(script.body().contains("export") || script.body().contains("import"), js);
      }
      Got css = get(client, "/styles.css");
      assertEquals(200, css.status());
      assertTrue(css.type().startsWith("text/css"), css.type());
      assertEquals(200, get(client, "/favicon.svg").status());
    });
  }

  @Test
  void unknownPathsAndTheApiAreUnchanged() {
    JavalinTest.test(App.create(CONFIG).javalin(), (server, client) -> {
      Got missing = get(client, "/no-such-page.html");
      assertEquals(404, missing.status());
      assertTrue(missing.type().startsWith("application/problem+json"), missing.type());
      Got health = get(client, "/health");
      assertEquals(200, health.status());
      assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
    });
  }
}
