package io.skillmatch.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;

/** {@code POST /v1/parse/posting} and {@code POST /v1/parse/profile}: parser output, nothing stored. */
final class ParseController {
  private final PostingParser postings;
  private final ProfileParser profiles;
  private final Json json;

  ParseController(PostingParser postings, ProfileParser profiles, Json json) {
    this.postings = postings;
    this.profiles = profiles;
    this.json = json;
  }

  void posting(Context ctx) {
    JsonNode body = json.object(ctx);
    ctx.json(postings.parse(json.requiredText(body, "text")));
  }

  void profile(Context ctx) {
    JsonNode body = json.object(ctx);
    if (body.has("text")) {
      ctx.json(profiles.parseText(json.requiredText(body, "text")));
      return;
    }
    if (!body.has("skills") && !body.has("experience")) {
      throw ApiException.badField("text", "required: resume text, or structured skills[] / experience[]");
    }
    ctx.json(profiles.parseStructured(body));
  }
}
