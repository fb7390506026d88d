package io.skillmatch.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.ranking.Match;
import io.skillmatch.ranking.Matcher;
import io.skillmatch.ranking.Recommender;
import io.skillmatch.store.SqliteStore;
import io.skillmatch.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Postings and candidates under {@code /v1}: create, read, replace, delete, list; a candidate's
 * matches; a posting's applicants scored, and a search over all candidates.
 */
final class CatalogController {
  static final int MAX_K = 100;
  static final int MAX_PAGE = 100;
  static final int MAX_APPLICANTS = 1_000;

  private final Catalog catalog;
  private final Json json;

  CatalogController(Catalog catalog, Json json) {
    this.catalog = catalog;
    this.json = json;
  }

  void createPosting(Context ctx) {
    ctx.status(201).json(posting(catalog.addPosting(json.object(ctx), Access.caller(ctx).name())));
  }

  void getPosting(Context ctx) {
    ctx.json(posting(posting(ctx)));
  }

  void replacePosting(Context ctx) {
    ownPosting(ctx);
    JsonNode body = json.object(ctx);
    ctx.json(posting(catalog.replacePosting(ctx.pathParam("id"), body).orElseThrow(() -> notFound("posting", ctx))));
  }

  void deletePosting(Context ctx) {
    ownPosting(ctx);
    if (!catalog.deletePosting(ctx.pathParam("id"))) {
      throw notFound("posting", ctx);
    }
    ctx.status(204);
  }

  void listPostings(Context ctx) {
    ctx.json(page(ctx, Catalog.POSTING, null));
  }

  void createCandidate(Context ctx) {
    ctx.status(201).json(candidate(catalog.addCandidate(json.object(ctx), Access.caller(ctx).name())));
  }

  /** Recruiters read every profile (they search them); a candidate reads only their own. */
  void getCandidate(Context ctx) {
    Catalog.Candidate c = candidate(ctx);
    if (Access.caller(ctx).role() == ApiKeys.Role.CANDIDATE) {
      Access.requireOwner(ctx, c.owner(), "candidate " + c.id());
    }
    ctx.json(candidate(c));
  }

  void replaceCandidate(Context ctx) {
    ownCandidate(ctx);
    JsonNode body = json.object(ctx);
    ctx.json(candidate(catalog.replaceCandidate(ctx.pathParam("id"), body)
        .orElseThrow(() -> notFound("candidate", ctx))));
  }

  void deleteCandidate(Context ctx) {
    ownCandidate(ctx);
    if (!catalog.deleteCandidate(ctx.pathParam("id"))) {
      throw notFound("candidate", ctx);
    }
    ctx.status(204);
  }

  /** Everyone's profiles for recruiters and admins; a candidate's own for a candidate. */
  void listCandidates(Context ctx) {
    ApiKeys.Principal caller = Access.caller(ctx);
    ctx.json(page(ctx, Catalog.CANDIDATE, caller.role() == ApiKeys.Role.CANDIDATE ? caller.name() : null));
  }

  /** {@code GET /v1/candidates/{id}/matches?k=10}: postings ranked for the candidate. */
  void matches(Context ctx) {
    Catalog.Candidate c = ownCandidate(ctx);
    int k = Inputs.intParam(ctx.queryParam("k"), "k", 10, 1, MAX_K);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Recommender.Result<Matcher.PostingDoc> r : catalog.jobsFor(c, k)) {
      String id = catalog.idOf(r.item());
      if (id == null) {
        continue; // replaced or deleted while this request ran
      }
      Map<String, Object> m = match(r.match());
      m.put("postingId", id);
      m.put("title", r.item().parsed().title());
      m.put("seniority", r.item().parsed().seniority());
      m.put("minYears", r.item().parsed().minYears());
      out.add(reorder(m, "postingId", "title", "seniority", "minYears"));
    }
    ctx.json(Map.of("candidateId", c.id(), "matches", out));
  }

  /** {@code GET /v1/postings/{id}/candidates?k=10}: the best of all stored candidates. */
  void search(Context ctx) {
    Catalog.Posting p = ownPosting(ctx);
    int k = Inputs.intParam(ctx.queryParam("k"), "k", 10, 1, MAX_K);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Recommender.Result<Matcher.ProfileDoc> r : catalog.candidatesFor(p, k)) {
      String id = catalog.idOf(r.item());
      if (id == null) {
        continue; // replaced or deleted while this request ran
      }
      out.add(applicant(id, r.item().parsed(), r.match()));
    }
    ctx.json(Map.of("postingId", p.id(), "candidates", out));
  }

  /** {@code POST /v1/postings/{id}/applicants/score} {candidateIds[]}: those applicants ranked. */
  void scoreApplicants(Context ctx) {
    Catalog.Posting p = ownPosting(ctx);
    JsonNode ids = json.object(ctx).get("candidateIds");
    if (ids == null || !ids.isArray()) {
      throw ApiException.badField("candidateIds", "required: an array of candidate ids");
    }
    if (ids.size() > MAX_APPLICANTS) {
      throw ApiException.badField("candidateIds", "at most " + MAX_APPLICANTS + " at a time, not " + ids.size());
    }
    List<Catalog.Candidate> applicants = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonNode id = ids.get(i);
      String field = "candidateIds[" + i + "]";
      if (!id.isTextual()) {
        throw ApiException.badField(field, "must be a candidate id string");
      }
      applicants.add(catalog.candidate(id.asText()).orElseThrow(() ->
          new ApiException(404, "Not found", field + ": no candidate " + id.asText(),
              List.of(new ApiError.FieldError(field, "no candidate " + id.asText())))));
    }
    // explained in the order given (ties keep it), on all cores when the service is not busy
    List<Map<String, Object>> out = new ArrayList<>(catalog.scoring(parallel ->
        (parallel ? applicants.parallelStream() : applicants.stream())
            .map(c -> applicant(c.id(), c.parsed(), catalog.matcher().explain(p.doc(), c.doc()))).toList()));
    out.sort((a, b) -> Double.compare((double) b.get("score"), (double) a.get("score")));
    ctx.json(Map.of("postingId", p.id(), "applicants", out));
  }

  private Map<String, Object> page(Context ctx, String kind, String owner) {
    int limit = Inputs.intParam(ctx.queryParam("limit"), "limit", 20, 1, MAX_PAGE);
    Store.Page page;
    try {
      page = catalog.page(kind, limit, ctx.queryParam("cursor"), owner);
    } catch (SqliteStore.InvalidCursorException e) {
      throw ApiException.badField("cursor", e.getMessage());
    }
    // a document deleted between the listing and now is left out, not listed as null; a posting is
    // shown as listed, from the kept parse the listing read (not read from the store again)
    List<Object> items = new ArrayList<>();
    for (Store.Item item : page.items()) {
      (kind.equals(Catalog.POSTING) ? catalog.posting(item.id()).map(p -> posting(p.id(), catalog.parsedInFull(item)))
          : catalog.candidate(item.id()).map(this::candidate)).ifPresent(items::add);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("nextCursor", page.nextCursor());
    return out;
  }

  private Catalog.Posting posting(Context ctx) {
    return catalog.posting(ctx.pathParam("id")).orElseThrow(() -> notFound("posting", ctx));
  }

  private Catalog.Candidate candidate(Context ctx) {
    return catalog.candidate(ctx.pathParam("id")).orElseThrow(() -> notFound("candidate", ctx));
  }

  /** The posting of the path, when the caller owns it. */
  private Catalog.Posting ownPosting(Context ctx) {
    Catalog.Posting p = posting(ctx);
    Access.requireOwner(ctx, p.owner(), "posting " + p.id());
    return p;
  }

  /** The candidate of the path, when the caller owns the profile. */
  private Catalog.Candidate ownCandidate(Context ctx) {
    Catalog.Candidate c = candidate(ctx);
    Access.requireOwner(ctx, c.owner(), "candidate " + c.id());
    return c;
  }

  private static ApiException notFound(String kind, Context ctx) {
    String id = ctx.pathParam("id");
    return new ApiException(404, "Not found", "no " + kind + " " + id, List.of(new ApiError.FieldError("id",
        "no " + kind + " " + id)));
  }

  private Map<String, Object> posting(Catalog.Posting p) {
    return posting(p.id(), catalog.parsedInFull(p));
  }

  private static Map<String, Object> posting(String id, ParsedPosting parsed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("posting", parsed);
    return m;
  }

  private Map<String, Object> candidate(Catalog.Candidate c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("profile", c.parsed());
    return m;
  }

  /** A candidate's match, with who they are at a glance: their latest title, level and years. */
  private static Map<String, Object> applicant(String id, io.skillmatch.parsing.ParsedProfile profile, Match match) {
    Map<String, Object> m = match(match);
    m.put("candidateId", id);
    m.put("headline", profile.titles().isEmpty() ? null : profile.titles().getFirst());
    m.put("seniority", profile.seniority());
    m.put("totalYears", profile.totalYears());
    return reorder(m, "candidateId", "headline", "seniority", "totalYears");
  }

  private static Map<String, Object> match(Match match) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("score", match.score());
    m.put("requirements", match.requirements());
    m.put("learnNext", match.learnNext());
    m.put("model", match.model());
    return m;
  }

  /** The same map with the given keys first. */
  private static Map<String, Object> reorder(Map<String, Object> m, String... first) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : first) {
      out.put(k, m.get(k));
    }
    out.putAll(m);
    return out;
  }
}
