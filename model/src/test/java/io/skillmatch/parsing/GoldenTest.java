package io.skillmatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: postings and resumes written by hand with what a careful recruiter reads from them
 * (src/test/resources/golden). Expected skills are named as people name them and resolved through
 * the taxonomy; the extracted set must equal the expected set, with importance, years and groups.
 */
class GoldenTest {

  static final Taxonomy TAXONOMY = Taxonomy.bundled();
  static final Clock TODAY =
      Clock.fixed(LocalDate.of(2026, 6, 30).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double YEARS_TOLERANCE = 0.3;

  private final PostingParser postings = PostingParser.of(TAXONOMY);
  private final ProfileParser profiles = ProfileParser.of(TAXONOMY, TODAY);
  private final TextCleaner cleaner = new TextCleaner();

  @TestFactory
  Stream<DynamicTest> postings() throws Exception {
    return inputs("golden/postings").map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), () -> checkPosting(in)));
  }

  @TestFactory
  Stream<DynamicTest> profiles() throws Exception {
    return inputs("golden/profiles").map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), () -> checkProfile(in)));
  }

  static Stream<Path> inputs(String dir) throws IOException, URISyntaxException {
    Path folder = Path.of(Objects.requireNonNull(GoldenTest.class.getClassLoader().getResource(dir)).toURI());
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder)) {
      s.filter(p -> !p.getFileName().toString().endsWith(".expected.json")).sorted().forEach(files::add);
    }
    assertTrue(files.size() >= 12, "at least 12 golden inputs in " + dir);
    return files.stream();
  }

  static JsonNode expected(Path input) throws IOException {
    String name = input.getFileName().toString();
    Path exp = input.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.json");
    return JSON.readTree(exp.toFile());
  }

  static String id(String name, String file) {
    return TAXONOMY.resolve(name).map(Skill::id)
        .orElseThrow(() -> new AssertionError(file + ": golden skill not in the taxonomy: " + name));
  }

  private void checkPosting(Path input) throws IOException {
    String raw = Files.readString(input, StandardCharsets.UTF_8);
    JsonNode exp = expected(input);
    String file = input.getFileName().toString();
    ParsedPosting got = postings.parse(raw);
    List<String> problems = new ArrayList<>();
    if (!Objects.equals(text(exp.get("title")), got.title())) {
      problems.add("title: expected " + text(exp.get("title")) + ", got " + got.title());
    }
    String seniority = got.seniority() == null ? null : got.seniority().wireName();
    if (!Objects.equals(text(exp.get("seniority")), seniority)) {
      problems.add("seniority: expected " + text(exp.get("seniority")) + ", got " + seniority);
    }
    Integer minYears = exp.get("minYears") == null || exp.get("minYears").isNull() ? null : exp.get("minYears").asInt();
    if (!Objects.equals(minYears, got.minYears())) {
      problems.add("minYears: expected " + minYears + ", got " + got.minYears());
    }
    Map<String, JsonNode> want = new HashMap<>();
    for (JsonNode r : exp.get("requirements")) {
      want.put(id(r.get("skill").asText(), file), r);
    }
    Map<String, Requirement> have = new HashMap<>();
    got.requirements().forEach(r -> have.put(r.skillId(), r));
    TreeSet<String> missing = new TreeSet<>(want.keySet());
    missing.removeAll(have.keySet());
    TreeSet<String> extra = new TreeSet<>(have.keySet());
    extra.removeAll(want.keySet());
    if (!missing.isEmpty()) {
      problems.add("missing skills: " + missing);
    }
    if (!extra.isEmpty()) {
      problems.add("extra skills: " + extra);
    }
    Map<String, String> groupMap = new HashMap<>();
    for (var e : want.entrySet()) {
      Requirement r = have.get(e.getKey());
      if (r == null) {
        continue;
      }
      JsonNode w = e.getValue();
      if (!w.get("importance").asText().equals(r.importance().wireName())) {
        problems.add(e.getKey() + ": expected " + w.get("importance").asText() + ", got " + r.importance().wireName());
      }
      Integer wy = w.get("minYears") == null || w.get("minYears").isNull() ? null : w.get("minYears").asInt();
      if (!Objects.equals(wy, r.minYears())) {
        problems.add(e.getKey() + ": expected minYears " + wy + ", got " + r.minYears());
      }
      String wg = text(w.get("anyOf"));
      if ((wg == null) != (r.anyOf() == null)
          || wg != null && !Objects.equals(groupMap.computeIfAbsent(wg, k -> r.anyOf()), r.anyOf())) {
        problems.add(e.getKey() + ": expected anyOf group " + wg + ", got " + r.anyOf());
      }
    }
    if (groupMap.values().stream().distinct().count() != groupMap.size()) {
      problems.add("distinct expected groups were merged: " + groupMap);
    }
    checkAbsent(exp, have.keySet(), file, problems);
    String clean = cleaner.clean(raw).text();
    for (Requirement r : got.requirements()) {
      assertEquals(r.evidence().text(), clean.substring(r.evidence().start(), r.evidence().end()), "evidence offsets");
    }
    if (!problems.isEmpty()) {
      fail(file + ":\n  " + String.join("\n  ", problems));
    }
  }

  private void checkProfile(Path input) throws IOException {
    String raw = Files.readString(input, StandardCharsets.UTF_8);
    JsonNode exp = expected(input);
    String file = input.getFileName().toString();
    ParsedProfile got = profiles.parse(raw);
    List<String> problems = new ArrayList<>();
    if (!yearsEqual(exp.get("totalYears"), got.totalYears())) {
      problems.add("totalYears: expected " + exp.get("totalYears") + ", got " + got.totalYears());
    }
    String seniority = got.seniority() == null ? null : got.seniority().wireName();
    if (!Objects.equals(text(exp.get("seniority")), seniority)) {
      problems.add("seniority: expected " + text(exp.get("seniority")) + ", got " + seniority);
    }
    List<String> titles = new ArrayList<>();
    exp.path("titles").forEach(t -> titles.add(t.asText()));
    if (!titles.equals(got.titles())) {
      problems.add("titles: expected " + titles + ", got " + got.titles());
    }
    Map<String, JsonNode> want = new HashMap<>();
    for (JsonNode s : exp.get("skills")) {
      want.put(id(s.get("skill").asText(), file), s);
    }
    Map<String, ProfileSkill> have = new HashMap<>();
    got.skills().forEach(s -> have.put(s.skillId(), s));
    TreeSet<String> missing = new TreeSet<>(want.keySet());
    missing.removeAll(have.keySet());
    TreeSet<String> extra = new TreeSet<>(have.keySet());
    extra.removeAll(want.keySet());
    if (!missing.isEmpty()) {
      problems.add("missing skills: " + missing);
    }
    if (!extra.isEmpty()) {
      problems.add("extra skills: " + extra);
    }
    for (var e : want.entrySet()) {
      ProfileSkill s = have.get(e.getKey());
      if (s == null) {
        continue;
      }
      JsonNode w = e.getValue();
      if (!yearsEqual(w.get("years"), s.years())) {
        problems.add(e.getKey() + ": expected years " + w.get("years") + ", got " + s.years());
      }
      Integer wl = w.get("lastUsedYear") == null || w.get("lastUsedYear").isNull() ? null : w.get("lastUsedYear").asInt();
      if (!Objects.equals(wl, s.lastUsedYear())) {
        problems.add(e.getKey() + ": expected lastUsedYear " + wl + ", got " + s.lastUsedYear());
      }
      if (w.path("weak").asBoolean(false) != s.weak()) {
        problems.add(e.getKey() + ": expected weak " + w.path("weak").asBoolean(false) + ", got " + s.weak());
      }
    }
    checkAbsent(exp, have.keySet(), file, problems);
    if (!problems.isEmpty()) {
      fail(file + ":\n  " + String.join("\n  ", problems));
    }
  }

  private static void checkAbsent(JsonNode exp, java.util.Set<String> have, String file, List<String> problems) {
    for (JsonNode a : exp.path("absent")) {
      TAXONOMY.resolve(a.asText()).ifPresent(s -> {
        if (have.contains(s.id())) {
          problems.add("must not extract " + a.asText() + " (" + s.id() + ")");
        }
      });
    }
  }

  private static boolean yearsEqual(JsonNode expected, Double got) {
    if (expected == null || expected.isNull()) {
      return got == null;
    }
    return got != null && Math.abs(expected.asDouble() - got) <= YEARS_TOLERANCE;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
