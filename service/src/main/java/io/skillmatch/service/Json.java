package io.skillmatch.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;

/** Reads request bodies strictly, naming the field at fault. Thread-safe. */
final class Json {
  private final ObjectMapper mapper;
  private final long maxBodyBytes;

  Json(ObjectMapper mapper, long maxBodyBytes) {
    this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The body as a JSON object; 413 when too large, 400 when not JSON or not an object. */
  JsonNode object(Context ctx) {
    long length = ctx.contentLength();
    if (length > maxBodyBytes) {
      throw tooLarge(length);
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > maxBodyBytes) {
      throw tooLarge(bytes.length);
    }
    if (bytes.length == 0) {
      throw new ApiException(400, "Invalid request", "the request body is empty; send a JSON object", List.of());
    }
    JsonNode node;
    try {
      node = mapper.readTree(bytes);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr();
      throw new ApiException(400, "Malformed JSON", "the body is not valid JSON" + where, List.of());
    } catch (java.io.IOException e) {
      throw new ApiException(400, "Malformed JSON", "the body could not be read", List.of());
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(400, "Invalid request", "the body must be a JSON object", List.of());
    }
    return node;
  }

  /** A required string field. */
  String requiredText(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      throw ApiException.badField(field, "required");
    }
    if (!n.isTextual()) {
      throw ApiException.badField(field, "must be a string, not " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return n.asText();
  }

  private ApiException tooLarge(long bytes) {
    return new ApiException(413, "Request too large",
        "the body has " + bytes + " bytes; the limit is " + maxBodyBytes, List.of());
  }
}
