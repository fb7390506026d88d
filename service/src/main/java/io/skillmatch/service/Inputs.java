package io.skillmatch.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillmatch.parsing.TextRejectedException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Reading request fields strictly, with the field named in every error. */
final class Inputs {
  private Inputs() {}

  /** A required string field of an object. */
  static String text(JsonNode node, String field) {
    return text(node, field, field);
  }

  /** A required string field of an object, named {@code field} in errors ("posting.text"). */
  static String text(JsonNode node, String key, String field) {
    JsonNode n = node.get(key);
    if (n == null || n.isNull()) {
      throw ApiException.badField(field, "required");
    }
    if (!n.isTextual()) {
      throw ApiException.badField(field, "must be a string, not " + n.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return n.asText();
  }

  /** Parses, naming the field when the text is unusable (empty, binary, too long). */
  static <T> T rejectedAs(String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (TextRejectedException e) {
      throw new ApiException(e.reason() == TextRejectedException.Reason.TOO_LONG ? 413 : 422, "Unusable text",
          field + ": " + e.getMessage(), List.of(new ApiError.FieldError(field, e.getMessage())));
    }
  }

  /**
   * The work a structured profile describes, one item per line: skill names, job titles and
   * descriptions. Its other fields (name, location, contact) are never read.
   */
  static String workText(JsonNode profile) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode s : profile.path("skills")) {
      sb.append(s.isTextual() ? s.asText() : s.path("name").asText("")).append('\n');
    }
    for (JsonNode e : profile.path("experience")) {
      sb.append(e.path("title").asText("")).append('\n').append(e.path("description").asText("")).append('\n');
    }
    profile.path("titles").forEach(t -> sb.append(t.asText("")).append('\n'));
    return sb.toString();
  }

  /** An optional integer query parameter within [min, max]. */
  static int intParam(String value, String name, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(value.strip());
      if (v < min || v > max) {
        throw ApiException.badField(name, "must be between " + min + " and " + max + ", not " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badField(name, "must be a whole number, not " + value);
    }
  }
}
