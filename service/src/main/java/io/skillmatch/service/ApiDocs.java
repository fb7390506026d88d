package io.skillmatch.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The API's description: the hand-written OpenAPI 3.1 spec ({@code openapi.yaml} on the classpath,
 * served as JSON at {@code GET /openapi.json}) and Swagger UI over it at {@code /swagger}, its files
 * served from the swagger-ui webjar. Nothing is fetched from elsewhere at run time. The spec is kept
 * truthful by {@code OpenApiTest}, not by annotations. Thread-safe.
 */
final class ApiDocs {
  static final String SPEC = "/openapi.yaml";
  /** Where Swagger UI's own files are served. */
  static final String ASSETS = "/swagger-ui";
  private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
  private static final String WEBJAR_VERSION = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  // validatorUrl null: the stock page would send the spec to validator.swagger.io
  private static final String PAGE = """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>skillmatch API</title>
        <link rel="stylesheet" href="%1$s/swagger-ui.css">
        <link rel="icon" type="image/png" href="%1$s/favicon-32x32.png">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="%1$s/swagger-ui-bundle.js"></script>
        <script>
          window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
            validatorUrl: null, showExtensions: true, presets: [SwaggerUIBundle.presets.apis]});
        </script>
      </body>
      </html>
      """.formatted(ASSETS);

  private final byte[] json;
  private final String webjarDir;

  private ApiDocs(byte[] json, String webjarDir) {
    this.json = json;
    this.webjarDir = webjarDir;
  }

  /** The bundled spec, read and checked once; fails at start rather than serve a broken spec. */
  static ApiDocs bundled(ObjectMapper mapper) {
    try (InputStream spec = ApiDocs.class.getResourceAsStream(SPEC);
        InputStream pom = ApiDocs.class.getResourceAsStream(WEBJAR_VERSION)) {
      if (spec == null || pom == null) {
        throw new IllegalStateException("the jar lacks " + (spec == null ? SPEC : "the swagger-ui webjar"));
      }
      // anchors and aliases let one example serve several operations; they are expanded here
      Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(spec);
      Properties webjar = new Properties();
      webjar.load(pom);
      return new ApiDocs(mapper.writeValueAsBytes(tree), WEBJAR + webjar.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SPEC, e);
    }
  }

  /** {@code GET /openapi.json}. */
  void spec(Context ctx) {
    ctx.contentType("application/json").result(json);
  }

  /** {@code GET /swagger}: the page; its scripts and styles come from {@link #assets}. */
  void ui(Context ctx) {
    ctx.html(PAGE);
  }

  /** Serves Swagger UI's files from the webjar under {@link #ASSETS}. */
  void assets(StaticFileConfig files) {
    files.hostedPath = ASSETS;
    files.directory = webjarDir;
    files.location = Location.CLASSPATH;
  }
}
