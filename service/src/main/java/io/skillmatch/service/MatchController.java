package io.skillmatch.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
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
  private final DocumentReader reader;
  private final Json json;

  MatchController(DocumentReader reader, Json json) {
    this.reader = reader;
    this.json = json;
  }

  void match(Context ctx) {
    JsonNode body = json.object(ctx);
    JsonNode p = object(body, "posting");
    // the wording says "candidate"; both names are accepted, one at a time
    String side = body.has("candidate") && !body.has("profile") ? "candidate" : "profile";
    if (body.has("candidate") && body.has("profile")) {
      throw ApiException.badField("candidate", "send either profile or candidate, not both");
    }
    JsonNode c = object(body, side);
    Matcher.PostingDoc postingDoc = reader.posting(p, "posting.");
    Matcher.ProfileDoc profileDoc = reader.profile(c, side + ".");
    ParsedPosting posting = postingDoc.parsed();
    ParsedProfile profile = profileDoc.parsed();
    Match match = reader.matcher().explain(postingDoc, profileDoc);
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
      throw ApiException.badField(field, "required: an object with text (or structured fields)");
    }
    if (!n.isObject()) {
      throw ApiException.badField(field, "must be an object with text (or structured fields), not " + kind(n));
    }
    return n;
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
