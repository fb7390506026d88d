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
  // skill names and ids, one string each across documents
  private final InternedStrings names = new InternedStrings();
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
   * What is kept of a prepared posting besides its body: this reading's version, the parse and the
   * text vector under its table's stamp ({@link TermVectors#encode}), as {@link ParseCodec#kept}.
   */
  byte[] derived(Matcher.PostingDoc doc) {
    return ParseCodec.kept(version, ParseCodec.write(doc.parsed()), matcher.terms().encode(doc.terms()));
  }

  /** What is kept of a prepared profile besides its body (as for a posting). */
  byte[] derived(Matcher.ProfileDoc doc) {
    return ParseCodec.kept(version, ParseCodec.write(doc.parsed()), matcher.terms().encode(doc.terms()));
  }

  private ParseCodec.Kept layout(byte[] derived) {
    return ParseCodec.kept(derived, version);
  }

  /**
   * The kept text vector, or null when another term table made it: then it is made again from the
   * body's text.
   */
  private TermVectors.Vector keptTerms(ParseCodec.Kept k) {
    return matcher.terms().decode(
        new String(k.bytes(), k.vector(), k.bytes().length - k.vector(), java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  /**
   * Whether what was kept is what this reading would keep: this form, the same parsers and the same
   * term table. When only the table differs, or what was kept is in the text form before this one,
   * the kept parse is still read ({@link #postingKept}), and what is kept should be written again.
   */
  boolean current(byte[] derived) {
    return current(layout(derived));
  }

  private boolean current(ParseCodec.Kept k) {
    String stamp = matcher.terms().stamp();
    return k != null && k.bytes().length - k.vector() > stamp.length()
        && InternedStrings.same(stamp, k.bytes(), k.vector(), stamp.length())
        && k.bytes()[k.vector() + stamp.length()] == ':';
  }

  /**
   * A stored posting prepared again from its kept parse and text vector, without parsing; its body
   * is read only when the vector must be made again. Null when the parse must be read again (none
   * kept, or kept by another version). Read without its evidence when what was kept is {@link
   * #current}, since a posting is held without it ({@link #held}); with it otherwise, to be kept anew.
   */
  Matcher.PostingDoc postingKept(java.util.function.Supplier<JsonNode> input, byte[] derived) {
    ParseCodec.Kept k = layout(derived);
    if (k == null) {
      return legacy(derived, ParsedPosting.class, (p, v) -> v != null ? matcher.posting(compact(p), v)
          : matcher.posting(compact(p), postingText(input.get(), p)));
    }
    ParsedPosting p = posting(k, !current(k));
    if (p == null) {
      return null;
    }
    ParsedPosting held = compact(p);
    TermVectors.Vector terms = keptTerms(k);
    return terms != null ? matcher.posting(held, terms) : matcher.posting(held, postingText(input.get(), held));
  }

  private ParsedPosting posting(ParseCodec.Kept k, boolean evidence) {
    try {
      return ParseCodec.posting(k.bytes(), k.parse(), k.parseLength(), evidence, names);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * What was kept in the text form before this one ("version\njson\nstamp:base64"), read as it was:
   * null when another version kept it. What is kept is then never current, and is written again.
   */
  private <T, D> D legacy(byte[] derived, Class<T> type, java.util.function.BiFunction<T, TermVectors.Vector, D> prepare) {
    if (derived == null) {
      return null;
    }
    String text = new String(derived, java.nio.charset.StandardCharsets.UTF_8);
    if (!text.startsWith(version + "\n")) {
      return null;
    }
    int from = version.length() + 1;
    int to = text.indexOf('\n', from);
    T parsed;
    try {
      parsed = parses.readValue(text.substring(from, to < 0 ? text.length() : to), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
    return prepare.apply(parsed, to < 0 ? null : matcher.terms().decode(text.substring(to + 1)));
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
        .map(r -> new Requirement(names.of(r.skill()), names.of(r.skillId()), r.importance(), shared.of(r.minYears()),
            shared.of(r.anyOf()), r.evidence()))
        .toList(), strings(p.unknownSkills()), strings(p.warnings()));
  }

  ParsedProfile compact(ParsedProfile p) {
    Map<Object, Object> texts = new HashMap<>();
    return new ParsedProfile(p.skills().stream()
        .map(k -> new ProfileSkill(names.of(k.skill()), names.of(k.skillId()), shared.of(k.years()),
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
    if (p.requirements().stream().allMatch(r -> r.evidence() == null)) {
      return doc;
    }
    ParsedPosting lean = new ParsedPosting(p.title(), p.seniority(), p.minYears(), p.requirements().stream()
        .map(r -> r.evidence() == null ? r
            : new Requirement(r.skill(), r.skillId(), r.importance(), r.minYears(), r.anyOf(), null))
        .toList(), p.unknownSkills(), p.warnings());
    return new Matcher.PostingDoc(lean, doc.terms(), doc.title(), doc.skills(), doc.facts());
  }

  /** A kept posting parse, evidence and all; null when another version kept it. */
  ParsedPosting keptPosting(byte[] derived) {
    ParseCodec.Kept k = layout(derived);
    return k != null ? posting(k, true) : legacy(derived, ParsedPosting.class, (p, v) -> p);
  }

  /** A stored profile prepared again from what was kept (as for a posting); null when it must be read again. */
  Matcher.ProfileDoc profileKept(java.util.function.Supplier<JsonNode> input, byte[] derived) {
    ParseCodec.Kept k = layout(derived);
    if (k == null) {
      return legacy(derived, ParsedProfile.class, (p, v) -> v != null ? matcher.profile(compact(p), v)
          : matcher.profile(compact(p), profileText(input.get())));
    }
    ParsedProfile p;
    try {
      p = ParseCodec.profile(k.bytes(), k.parse(), k.parseLength(), names);
    } catch (IllegalArgumentException e) {
      return null;
    }
    ParsedProfile held = compact(p);
    TermVectors.Vector terms = keptTerms(k);
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
