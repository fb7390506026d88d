package io.skillmatch.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.parsing.Importance;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.parsing.Requirement;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.synthetic.Archetype.Role;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator against the parsers: what it meant to write must be what they read. 300 postings
 * and 300 resumes of seed 42; the figures are printed, the floors asserted.
 */
class SyntheticGeneratorTest {

  private static final int DOCUMENTS = 300;

  private static Taxonomy taxonomy;
  private static SkillVectors vectors;
  private static SyntheticGenerator generator;

  @BeforeAll
  static void load() {
    taxonomy = Taxonomy.bundled();
    vectors = Ranking.bundled(taxonomy).vectors();
    generator = new SyntheticGenerator(taxonomy, vectors, SyntheticGenerator.Options.defaults());
  }

  @Test
  void thePostingParserRecoversWhatThePostingsAskFor() {
    PostingParser parser = PostingParser.of(taxonomy);
    int intended = 0;
    int found = 0;
    int importanceAgrees = 0;
    int yearsAsked = 0;
    int yearsAgree = 0;
    int groups = 0;
    int groupsAgree = 0;
    int seniorityAgrees = 0;
    int overallAgrees = 0;
    for (int i = 0; i < DOCUMENTS; i++) {
      SyntheticPosting p = generator.posting(i);
      ParsedPosting parsed = parser.parse(p.text());
      Map<String, Requirement> read = new HashMap<>();
      parsed.requirements().forEach(r -> read.put(r.skillId(), r));
      Map<String, List<String>> intendedGroups = new HashMap<>();
      for (IntendedRequirement want : p.requirements()) {
        intended++;
        Requirement got = read.get(want.skillId());
        if (got == null) {
          continue;
        }
        found++;
        importanceAgrees += got.importance() == want.importance() ? 1 : 0;
        if (want.minYears() != null) {
          yearsAsked++;
          assertEquals(Importance.REQUIRED, want.importance(), "years are asked of must-haves only");
          yearsAgree += want.minYears().equals(got.minYears()) ? 1 : 0;
        }
        if (want.anyOf() != null) {
          intendedGroups.computeIfAbsent(want.anyOf(), k -> new ArrayList<>()).add(want.skillId());
        }
      }
      for (List<String> members : intendedGroups.values()) {
        groups++;
        Requirement first = read.get(members.getFirst());
        String group = first == null ? null : first.anyOf();
        boolean same = group != null;
        for (String id : members) {
          same &= read.containsKey(id) && group != null && group.equals(read.get(id).anyOf());
        }
        groupsAgree += same ? 1 : 0;
      }
      seniorityAgrees += p.seniority() == parsed.seniority() ? 1 : 0;
      overallAgrees += parsed.minYears() != null && parsed.minYears() == p.minYears() ? 1 : 0;
    }
    double recall = found / (double) intended;
    double importance = importanceAgrees / (double) found;
    double years = yearsAgree / (double) yearsAsked;
    double grouped = groupsAgree / (double) groups;
    System.out.printf(Locale.ROOT,
        "synthetic postings (%d, seed 42): skills recovered %.3f (%d/%d), must/nice %.3f, years per skill %.3f (%d),"
            + " any-of groups %.3f (%d), seniority %.3f, overall years %.3f%n",
        DOCUMENTS, recall, found, intended, importance, years, yearsAsked, grouped, groups,
        seniorityAgrees / (double) DOCUMENTS, overallAgrees / (double) DOCUMENTS);
    assertTrue(recall >= 0.90, "recall " + recall);
    assertTrue(importance >= 0.90, "must vs nice " + importance);
    assertTrue(years >= 0.90, "years per skill " + years);
    assertTrue(grouped >= 0.80, "any-of groups " + grouped);
    assertTrue(seniorityAgrees >= 0.9 * DOCUMENTS, "seniority " + seniorityAgrees);
    assertTrue(overallAgrees >= 0.9 * DOCUMENTS, "overall years " + overallAgrees);
  }

  @Test
  void theProfileParserRecoversSkillsAndYears() {
    Clock clock = Clock.fixed(
        SyntheticGenerator.Options.DEFAULT_TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    ProfileParser parser = ProfileParser.of(taxonomy, clock);
    int intended = 0;
    int found = 0;
    int dated = 0;
    int yearsAgree = 0;
    int weak = 0;
    int weakAgrees = 0;
    int totalAgrees = 0;
    int seniorityAgrees = 0;
    for (int i = 0; i < DOCUMENTS; i++) {
      SyntheticProfile p = generator.profile(i);
      ParsedProfile parsed = parser.parse(p.text());
      Map<String, ProfileSkill> read = new HashMap<>();
      parsed.skills().forEach(s -> read.put(s.skillId(), s));
      for (IntendedSkill want : p.skills()) {
        intended++;
        ProfileSkill got = read.get(want.skillId());
        if (got == null) {
          continue;
        }
        found++;
        if (want.years() != null) {
          dated++;
          yearsAgree += got.years() != null && Math.abs(got.years() - want.years()) <= 0.25 ? 1 : 0;
        }
        if (want.weak()) {
          weak++;
          weakAgrees += got.weak() ? 1 : 0;
        }
      }
      totalAgrees += parsed.totalYears() != null && Math.abs(parsed.totalYears() - p.totalYears()) <= 0.25 ? 1 : 0;
      seniorityAgrees += parsed.seniority() == p.seniority() ? 1 : 0;
    }
    double recall = found / (double) intended;
    double years = yearsAgree / (double) dated;
    System.out.printf(Locale.ROOT,
        "synthetic resumes (%d, seed 42): skills recovered %.3f (%d/%d), years within 0.25 %.3f (%d), weak %.3f (%d),"
            + " total years %.3f, seniority %.3f%n",
        DOCUMENTS, recall, found, intended, years, dated, weakAgrees / (double) Math.max(1, weak), weak,
        totalAgrees / (double) DOCUMENTS, seniorityAgrees / (double) DOCUMENTS);
    assertTrue(recall >= 0.90, "recall " + recall);
    assertTrue(years >= 0.90, "years " + years);
    assertTrue(weak > 0 && weakAgrees >= 0.9 * weak, "weak " + weakAgrees + "/" + weak);
    assertTrue(totalAgrees >= 0.9 * DOCUMENTS, "total years " + totalAgrees);
    assertTrue(seniorityAgrees >= 0.9 * DOCUMENTS, "seniority " + seniorityAgrees);
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
    byte[] first = jsonl(generator, 200);
    byte[] again = jsonl(new SyntheticGenerator(taxonomy, vectors, SyntheticGenerator.Options.defaults()), 200);
    SyntheticGenerator seed43 = new SyntheticGenerator(taxonomy, vectors, SyntheticGenerator.Options.defaults().withSeed(43));
    byte[] other = jsonl(seed43, 200);
    assertArrayEquals(first, again);
    assertFalse(java.util.Arrays.equals(first, other));
    int differing = 0;
    for (int i = 0; i < 50; i++) {
      differing += generator.posting(i).text().equals(seed43.posting(i).text()) ? 0 : 1;
    }
    assertEquals(50, differing, "another seed gives other documents, not a shifted stream");
  }

  @Test
  void aDocumentDependsOnlyOnTheSeedAndItsIndex() {
    List<SyntheticPosting> streamed = generator.postings(40).toList();
    assertEquals(generator.posting(37), streamed.get(37));
    assertEquals(generator.profile(12), generator.profiles(13).toList().getLast());
    assertEquals(generator.posting(123_456), generator.posting(123_456));
  }

  @Test
  void postingsLookLikePostings() {
    Map<String, Integer> archetypes = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      SyntheticPosting p = generator.posting(i);
      archetypes.merge(p.archetype(), 1, Integer::sum);
      assertTrue(p.text().startsWith(p.title()) || p.text().startsWith("# " + p.title()), p.text());
      assertTrue(p.requirements().stream().anyMatch(r -> r.importance() == Importance.REQUIRED));
      assertTrue(p.minYears() >= 1 && p.minYears() <= 10);
      assertTrue(p.requirements().size() >= 4, p.text());
      for (IntendedRequirement r : p.requirements()) {
        assertTrue(p.text().contains(r.surface()), r + " in\n" + p.text());
      }
    }
    assertTrue(archetypes.size() >= 12, "every archetype turns up: " + archetypes);
  }

  @Test
  void resumesLookLikeResumes() {
    for (int i = 0; i < 200; i++) {
      SyntheticProfile p = generator.profile(i);
      assertTrue(p.text().startsWith(p.headline() + "\n"), p.text());
      assertTrue(p.totalYears() > 0 && p.totalYears() < 20, "total " + p.totalYears());
      assertTrue(p.skills().size() >= 3, p.text());
      String lower = p.text().toLowerCase(Locale.ROOT);
      assertFalse(lower.contains("@") || lower.contains("phone") || lower.contains("linkedin"), "no contact details");
      for (IntendedSkill s : p.skills()) {
        assertTrue(p.text().contains(s.surface()), s + " in\n" + p.text());
      }
    }
  }

  @Test
  void theCorpusIsOneRequestBodyPerLine(@TempDir Path dir) throws IOException {
    List<String> told = new ArrayList<>();
    SyntheticCorpus.Written w = SyntheticCorpus.write(generator, dir, 25, 30, 10,
        (file, done, total) -> told.add(file + " " + done + "/" + total));
    ObjectMapper json = new ObjectMapper();
    List<String> postings = Files.readAllLines(w.postings(), StandardCharsets.UTF_8);
    List<String> profiles = Files.readAllLines(w.profiles(), StandardCharsets.UTF_8);
    assertEquals(25, postings.size());
    assertEquals(30, profiles.size());
    JsonNode first = json.readTree(postings.getFirst());
    assertEquals(List.of("title", "text"), fieldNames(first));
    assertEquals(generator.posting(0).title(), first.get("title").asText());
    assertEquals(generator.posting(0).text(), first.get("text").asText());
    JsonNode profile = json.readTree(profiles.get(29));
    assertEquals(List.of("text"), fieldNames(profile));
    assertEquals(generator.profile(29).text(), profile.get("text").asText());
    assertEquals(List.of("postings.jsonl 10/25", "postings.jsonl 20/25", "postings.jsonl 25/25", "profiles.jsonl 10/30",
        "profiles.jsonl 20/30", "profiles.jsonl 30/30"), told);
    assertEquals(Files.size(w.postings()) + Files.size(w.profiles()), w.bytes());
  }

  @Test
  void anArchetypeNamingAnUnknownSkillIsRefused() {
    Archetype bad = new Archetype("bad", 1, List.of(new Role("Engineer", List.of(), List.of())),
        List.of("python", "no-such-skill"), List.of(), List.of(), List.of("the product"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SyntheticGenerator(taxonomy, vectors, List.of(bad), SyntheticGenerator.Options.defaults()));
    assertTrue(e.getMessage().contains("no-such-skill"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> generator.postings(-1));
  }

  @Test
  void spellingsVaryThroughAliases() {
    Map<String, java.util.Set<String>> spellings = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      for (IntendedRequirement r : generator.posting(i).requirements()) {
        spellings.computeIfAbsent(r.skillId(), k -> new java.util.TreeSet<>()).add(r.surface());
      }
    }
    assertTrue(spellings.get("go").containsAll(List.of("Go", "Golang")), spellings.get("go").toString());
    assertTrue(spellings.get("kubernetes").contains("k8s"), spellings.get("kubernetes").toString());
    assertTrue(spellings.get("postgresql").containsAll(List.of("PostgreSQL", "Postgres")),
        spellings.get("postgresql").toString());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static byte[] jsonl(SyntheticGenerator g, int n) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = SyntheticCorpus.open(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
      for (int i = 0; i < n; i++) {
        SyntheticCorpus.writePosting(out, g.posting(i));
        SyntheticCorpus.writeProfile(out, g.profile(i));
      }
    }
    return bytes.toByteArray();
  }
}
