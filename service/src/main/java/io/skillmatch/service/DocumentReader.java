package io.skillmatch.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.parsing.Evidence;
import io.skillmatch.parsing.InvalidInputException;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.parsing.Requirement;
import io.skillmatch.ranking.Canonical;
import io.skillmatch.ranking.Matcher;
import io.skillmatch.ranking.TermVectors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request's posting or profile into a prepared document, naming the field at fault with
 * the caller's prefix ("" for {@code /v1/candidates}, "profile." for {@code /v1/score}). One
 * reading for every endpoint. What a reading derived (the parse, the text vector) can be kept
 * beside the body and prepared again from it without parsing or reading the body, as long as the
 * same parsers and taxonomy read it (a kept parse is marked with their fingerprint) and the same
 * term table and code made the vector (marked with {@link TermVectors#stamp}). Thread-safe.
 */
final class DocumentReader {
  private final PostingParser postings;
  private final ProfileParser profiles;
  private final Matcher matcher;
  private final String version;
  // values held once each across documents (see compact), the first SHARED of them
  private static final int SHARED = 200_000;
  private final Canonical shared = new Canonical(SHARED);
  private final ObjectMapper parses = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** @param version a fingerprint of the parsers and taxonomy (see {@link #fingerprint}) */
  DocumentReader(PostingParser postings, ProfileParser profiles, Matcher matcher, String version) {
    this.postings = postings;
    this.profiles = profiles;
    this.matcher = matcher;
    this.version = version;
  }

  /** The packages whose code and data read documents: what a kept parse depends on. */
  private static final List<String> READING = List.of("io/skillmatch/parsing/", "io/skillmatch/taxonomy/",
      "io/skillmatch/data/");

  /**
   * A fingerprint of the code and data that read documents: every file of the parsing, taxonomy and
   * data packages (classes and resources), hashed. A parse kept by a different reading is read
   * again; a change to the ranking alone keeps every parse.
   */
  static String fingerprint() {
    try {
      java.nio.file.Path where = java.nio.file.Path.of(
          PostingParser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (java.nio.file.Files.isRegularFile(where)) { // the model jar
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(where)) {
          return fingerprint(jar.getPath("/"));
        }
      }
      return fingerprint(where);
    } catch (java.io.IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot fingerprint the parsers", e);
    }
  }

  private static String fingerprint(java.nio.file.Path root) throws java.io.IOException {
    java.security.MessageDigest sha;
    try {
      sha = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<java.nio.file.Path> files;
    try (var walk = java.nio.file.Files.walk(root)) {
      files = walk.filter(java.nio.file.Files::isRegularFile)
          .filter(f -> READING.stream().anyMatch(root.relativize(f).toString().replace('\\', '/')::startsWith))
          .sorted(java.util.Comparator.comparing(f -> root.relativize(f).toString()))
          .toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no parser classes found under " + root);
    }
    for (java.nio.file.Path f : files) {
      sha.update(root.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update(java.nio.file.Files.readAllBytes(f));
    }
    return java.util.HexFormat.of().formatHex(sha.digest(), 0, 8);
  }

  /**
   * What is kept of a prepared posting besides its body, in three lines: this reading's version, the
   * parse as JSON, and the text vector under its table's stamp.
   */
  String derived(Matcher.PostingDoc doc) {
    return mark(doc.parsed(), doc.terms());
  }

  /** What is kept of a prepared profile besides its body (as for a posting). */
  String derived(Matcher.ProfileDoc doc) {
    return mark(doc.parsed(), doc.terms());
  }

  private String mark(Object parsed, TermVectors.Vector terms) {
    try {
      // JSON as written holds no line break of its own
      return version + "\n" + parses.writeValueAsString(parsed) + "\n" + matcher.terms().encode(terms);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parse does not write as JSON", e);
    }
  }

  /** The kept parse, or null when another version kept it or it does not read. */
  private <T> T kept(String derived, Class<T> type) {
    if (derived == null || !derived.startsWith(version + "\n")) {
      return null;
    }
    int from = version.length() + 1;
    int to = derived.indexOf('\n', from);
    try {
      return parses.readValue(derived.substring(from, to < 0 ? derived.length() : to), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The kept text vector, or null when there is none (kept before vectors were) or another term
   * table made it: then it is made again from the body's text.
   */
  private TermVectors.Vector keptTerms(String derived) {
    int line = derived.lastIndexOf('\n');
    return line <= version.length() ? null : matcher.terms().decode(derived.substring(line + 1));
  }

  /**
   * Whether what was kept is what this reading would keep: the same parsers and the same term
   * table. When only the table differs, the kept parse is still read ({@link #postingKept}), and
   * what is kept should be written again.
   */
  boolean current(String derived) {
    String stamp = matcher.terms().stamp();
    int line = derived == null ? -1 : derived.lastIndexOf('\n');
    return line > version.length() && derived.startsWith(version + "\n")
        && derived.startsWith(stamp + ":", line + 1);
  }

  /**
   * A stored posting prepared again from its kept parse and text vector, without parsing; its body
   * is read only when the vector must be made again. Null when the parse must be read again (none
   * kept, or kept by another version).
   */
  Matcher.PostingDoc postingKept(java.util.function.Supplier<JsonNode> input, String derived) {
    ParsedPosting p = kept(derived, ParsedPosting.class);
    if (p == null) {
      return null;
    }
    ParsedPosting held = compact(p);
    TermVectors.Vector terms = keptTerms(derived);
    return terms != null ? matcher.posting(held, terms) : matcher.posting(held, postingText(input.get(), held));
  }

  /**
   * A parse as it is held in memory for as long as the document is stored: skill names and ids one
   * string each across documents, and other values that recur across documents (titles, group
   * names, warnings, years) one instance each, up to a bound ({@link #shared}). A posting's evidence
   * is left as read: it is not held (see {@link #held}). A profile's evidence is held once within the
   * document: a resume's skills line is the evidence of every skill on it; held once, not once a
   * skill, it is a fifth of the text.
   */
  ParsedPosting compact(ParsedPosting p) {
    return new ParsedPosting(shared.of(p.title()), p.seniority(), shared.of(p.minYears()), p.requirements().stream()
        .map(r -> new Requirement(r.skill().intern(), r.skillId().intern(), r.importance(), shared.of(r.minYears()),
            shared.of(r.anyOf()), r.evidence()))
        .toList(), strings(p.unknownSkills()), strings(p.warnings()));
  }

  ParsedProfile compact(ParsedProfile p) {
    Map<Object, Object> texts = new HashMap<>();
    return new ParsedProfile(p.skills().stream()
        .map(k -> new ProfileSkill(k.skill().intern(), k.skillId().intern(), shared.of(k.years()),
            shared.of(k.lastUsedYear()), k.weak(), shared(k.evidence(), texts)))
        .toList(), shared.of(p.totalYears()), p.seniority(), strings(p.titles()), strings(p.unknownSkills()),
        strings(p.warnings()));
  }

  /** A list of strings held once across documents, and each string in it. */
  private List<String> strings(List<String> list) {
    // List.copyOf, not toList(): a list that may hold nulls would be copied again by the record
    return list.isEmpty() ? List.of() : shared.of(List.copyOf(list.stream().map(shared::of).toList()));
  }

  /**
   * The evidence held once within a document (every skill on a skills line has the same), and its
   * text once (two spans of one sentence).
   */
  private static Evidence shared(Evidence e, Map<Object, Object> seen) {
    if (e == null) {
      return null;
    }
    Evidence same = (Evidence) seen.get(e);
    if (same == null) {
      same = new Evidence((String) seen.computeIfAbsent(e.text(), t -> t), e.start(), e.end());
      seen.put(same, same);
    }
    return same;
  }

  /**
   * A posting as it is held for matching: without the sentences its requirements were read from.
   * Matching never reads them (a match's evidence is the candidate's); they are read back from the
   * kept parse for the few responses that show them, and were a sixth of the heap.
   */
  Matcher.PostingDoc held(Matcher.PostingDoc doc) {
    ParsedPosting p = doc.parsed();
    ParsedPosting lean = new ParsedPosting(p.title(), p.seniority(), p.minYears(), p.requirements().stream()
        .map(r -> r.evidence() == null ? r
            : new Requirement(r.skill(), r.skillId(), r.importance(), r.minYears(), r.anyOf(), null))
        .toList(), p.unknownSkills(), p.warnings());
    return new Matcher.PostingDoc(lean, doc.terms(), doc.title(), doc.skills(), doc.facts());
  }

  /** A kept posting parse, evidence and all; null when another version kept it. */
  ParsedPosting keptPosting(String derived) {
    return kept(derived, ParsedPosting.class);
  }

  /** A stored profile prepared again from what was kept (as for a posting); null when it must be read again. */
  Matcher.ProfileDoc profileKept(java.util.function.Supplier<JsonNode> input, String derived) {
    ParsedProfile p = kept(derived, ParsedProfile.class);
    if (p == null) {
      return null;
    }
    ParsedProfile held = compact(p);
    TermVectors.Vector terms = keptTerms(derived);
    return terms != null ? matcher.profile(held, terms) : matcher.profile(held, profileText(input.get()));
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
      ParsedPosting parsed = compact(fields(prefix, () -> postings.parseStructured(input)));
      return matcher.posting(parsed, postingText(input, parsed));
    }
    if (!input.has("text")) {
      throw ApiException.badField(prefix + "text", "required: the posting's text, or structured requirements[]");
    }
    Inputs.text(input, "text", prefix + "text");
    String full = postingText(input, null);
    return matcher.posting(compact(Inputs.rejectedAs(prefix + "text", () -> postings.parse(full))), full);
  }

  /**
   * The words a posting is matched by: its text, with a title sent apart first when the text does
   * not start with it; for structured postings, the title and the skills asked for.
   */
  private static String postingText(JsonNode input, ParsedPosting parsed) {
    JsonNode title = input.get("title");
    boolean hasTitle = title != null && title.isTextual() && !title.asText().isBlank();
    if (!input.has("text")) {
      StringBuilder text = new StringBuilder(hasTitle ? title.asText().strip() + "\n\n" : "");
      parsed.requirements().forEach(r -> text.append(r.skill()).append('\n'));
      return text.toString();
    }
    String text = input.get("text").asText();
    return !hasTitle || text.strip().startsWith(title.asText().strip()) ? text : title.asText().strip() + "\n\n" + text;
  }

  /** The words a profile is matched by: its text, or the work described in its structured form. */
  private static String profileText(JsonNode input) {
    return input.has("text") ? input.get("text").asText() : Inputs.workText(input);
  }

  /** A profile sent as {text} or as structured {skills[], experience[]}, parsed and prepared. */
  Matcher.ProfileDoc profile(JsonNode input, String prefix) {
    boolean structured = input.has("skills") || input.has("experience");
    notBoth(input, structured, prefix, "skills[] / experience[]");
    if (input.has("text")) {
      String text = Inputs.text(input, "text", prefix + "text");
      ParsedProfile parsed = compact(Inputs.rejectedAs(prefix + "text", () -> profiles.parseText(text)));
      return matcher.profile(parsed, profileText(input));
    }
    if (!structured) {
      throw ApiException.badField(prefix + "text", "required: resume text, or structured skills[] / experience[]");
    }
    return matcher.profile(compact(fields(prefix, () -> profiles.parseStructured(input))), profileText(input));
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
