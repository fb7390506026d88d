package io.skillmatch.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillmatch.parsing.InvalidInputException;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.ranking.Matcher;

/**
 * Turns a request's posting or profile into a prepared document, naming the field at fault with
 * the caller's prefix ("" for {@code /v1/candidates}, "profile." for {@code /v1/score}). One
 * reading for every endpoint. Thread-safe.
 */
final class DocumentReader {
  private final PostingParser postings;
  private final ProfileParser profiles;
  private final Matcher matcher;

  DocumentReader(PostingParser postings, ProfileParser profiles, Matcher matcher) {
    this.postings = postings;
    this.profiles = profiles;
    this.matcher = matcher;
  }

  Matcher matcher() {
    return matcher;
  }

  /**
   * A posting sent as {title?, text} or as structured {title?, minYears?, requirements[]}, parsed
   * and prepared. A title sent apart goes first when the text does not start with it.
   */
  Matcher.PostingDoc posting(JsonNode input, String prefix) {
    JsonNode title = input.get("title");
    if (title != null && !title.isNull() && !title.isTextual()) {
      throw ApiException.badField(prefix + "title", "must be a string");
    }
    boolean hasTitle = title != null && title.isTextual() && !title.asText().isBlank();
    boolean structured = input.has("requirements");
    notBoth(input, structured, prefix, "requirements[]");
    if (structured) {
      StringBuilder text = new StringBuilder(hasTitle ? title.asText().strip() + "\n\n" : "");
      ParsedPosting parsed = fields(prefix, () -> postings.parseStructured(input));
      parsed.requirements().forEach(r -> text.append(r.skill()).append('\n'));
      return matcher.posting(parsed, text.toString());
    }
    if (!input.has("text")) {
      throw ApiException.badField(prefix + "text", "required: the posting's text, or structured requirements[]");
    }
    String text = Inputs.text(input, "text", prefix + "text");
    String full = !hasTitle || text.strip().startsWith(title.asText().strip())
        ? text : title.asText().strip() + "\n\n" + text;
    return matcher.posting(Inputs.rejectedAs(prefix + "text", () -> postings.parse(full)), full);
  }

  /** A profile sent as {text} or as structured {skills[], experience[]}, parsed and prepared. */
  Matcher.ProfileDoc profile(JsonNode input, String prefix) {
    boolean structured = input.has("skills") || input.has("experience");
    notBoth(input, structured, prefix, "skills[] / experience[]");
    if (input.has("text")) {
      String text = Inputs.text(input, "text", prefix + "text");
      ParsedProfile parsed = Inputs.rejectedAs(prefix + "text", () -> profiles.parseText(text));
      return matcher.profile(parsed, text);
    }
    if (!structured) {
      throw ApiException.badField(prefix + "text", "required: resume text, or structured skills[] / experience[]");
    }
    return matcher.profile(fields(prefix, () -> profiles.parseStructured(input)), Inputs.workText(input));
  }

  /** Refuses text sent together with its structured form, naming the object ("text" at the top). */
  private static void notBoth(JsonNode input, boolean structured, String prefix, String form) {
    if (input.has("text") && structured) {
      throw ApiException.badField(prefix.isEmpty() ? "text" : prefix.substring(0, prefix.length() - 1),
          "send either text or structured " + form + ", not both");
    }
  }

  /** Reads structured input, naming the field at fault with the caller's prefix. */
  private static <T> T fields(String prefix, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidInputException e) {
      throw ApiException.badField(prefix + e.field(), e.reason());
    }
  }
}
