package io.skillmatch.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.skillmatch.parsing.InvalidInputException;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.ranking.Match;
import io.skillmatch.ranking.Matcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/match}: scores one candidate against one posting and explains the score
 * requirement by requirement. Nothing is stored.
 */
final class MatchController {
  private final PostingParser postings;
  private final ProfileParser profiles;
  private final Matcher matcher;
  private final Json json;

  MatchController(PostingParser postings, ProfileParser profiles, Matcher matcher, Json json) {
    this.postings = postings;
    this.profiles = profiles;
    this.matcher = matcher;
    this.json = json;
  }

  void match(Context ctx) {
    JsonNode body = json.object(ctx);
    JsonNode p = object(body, "posting");
    JsonNode c = object(body, "profile");
    String postingText = text(p, "posting.text");
    ParsedPosting posting = Inputs.rejectedAs("posting.text", () -> postings.parse(postingText));
    ParsedProfile profile;
    String profileText;
    boolean structured = c.has("skills") || c.has("experience");
    if (c.has("text") && structured) {
      throw ApiException.badField("profile", "send either text or structured skills[] / experience[], not both");
    }
    if (c.has("text")) {
      profileText = text(c, "profile.text");
      profile = Inputs.rejectedAs("profile.text", () -> profiles.parseText(profileText));
    } else if (structured) {
      try {
        profile = profiles.parseStructured(c);
      } catch (InvalidInputException e) {
        throw ApiException.badField("profile." + e.field(), e.reason());
      }
      profileText = Inputs.workText(c);
    } else {
      throw ApiException.badField("profile.text", "required: resume text, or structured skills[] / experience[]");
    }
    Match match = matcher.explain(matcher.posting(posting, postingText), matcher.profile(profile, profileText));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("score", match.score());
    out.put("model", match.model());
    out.put("posting", summary(posting));
    out.put("profile", summary(profile));
    out.put("requirements", match.requirements());
    out.put("learnNext", match.learnNext());
    List<String> warnings = new ArrayList<>();
    posting.warnings().forEach(w -> warnings.add("posting: " + w));
    profile.warnings().forEach(w -> warnings.add("profile: " + w));
    out.put("warnings", warnings);
    ctx.json(out);
  }

  private static JsonNode object(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      throw ApiException.badField(field, "required: an object with text");
    }
    if (!n.isObject()) {
      throw ApiException.badField(field, "must be an object with text, not " + kind(n));
    }
    return n;
  }

  private static String text(JsonNode node, String field) {
    JsonNode n = node.get("text");
    if (n == null || n.isNull()) {
      throw ApiException.badField(field, "required");
    }
    if (!n.isTextual()) {
      throw ApiException.badField(field, "must be a string, not " + kind(n));
    }
    return n.asText();
  }

  private static String kind(JsonNode n) {
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static Map<String, Object> summary(ParsedPosting p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", p.title());
    m.put("seniority", p.seniority());
    m.put("minYears", p.minYears());
    m.put("unknownSkills", p.unknownSkills());
    return m;
  }

  private static Map<String, Object> summary(ParsedProfile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("totalYears", p.totalYears());
    m.put("seniority", p.seniority());
    m.put("titles", p.titles());
    m.put("unknownSkills", p.unknownSkills());
    return m;
  }
}
