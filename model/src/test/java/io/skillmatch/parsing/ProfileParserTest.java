package io.skillmatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rules of reading a resume, one at a time; today is 2026-06-30. */
class ProfileParserTest {
  private final ProfileParser parser = ProfileParser.of(Taxonomy.bundled(), GoldenTest.TODAY);

  private static Map<String, ProfileSkill> skills(ParsedProfile p) {
    return p.skills().stream().collect(Collectors.toMap(ProfileSkill::skillId, Function.identity()));
  }

  @Test
  void datedEntriesGiveYearsWithoutDoubleCounting() {
    ParsedProfile p =
        parser.parse("EXPERIENCE\n\nSenior Engineer, Acme | Jan 2023 – now\n- Go services on Kubernetes\n\n"
            + "Freelance Developer | 09/2022 - 06/2023\n- Go tooling for clients\n\n"
            + "Engineer, Initech | 2016-2019\n- Java and Kubernetes\n");
    Map<String, ProfileSkill> s = skills(p);
    assertEquals(3.5 + 0.33, s.get("go").years(), 0.06, "Sep 2022 to now, overlap once");
    assertEquals(2026, s.get("go").lastUsedYear());
    assertEquals(3.0, s.get("java").years(), 0.01);
    assertEquals(2019, s.get("java").lastUsedYear());
    assertEquals(3.5 + 3.0, s.get("kubernetes").years(), 0.01);
    assertEquals(3.83 + 3.0, p.totalYears(), 0.06);
    assertEquals(Seniority.SENIOR, p.seniority());
    assertEquals("Senior Engineer", p.titles().getFirst());
  }

  @Test
  void explicitStatementsCountAndListedSkillsHaveUnknownYears() {
    ParsedProfile p = parser.parse("Backend developer with 5 years of Python.\n\nSkills: Go (3+ years), SQL, Docker");
    Map<String, ProfileSkill> s = skills(p);
    assertEquals(5.0, s.get("python").years());
    assertEquals(3.0, s.get("go").years());
    assertNull(s.get("sql").years());
    assertNull(s.get("docker").years());
    assertNull(s.get("docker").lastUsedYear());
  }

  @Test
  void aHeadlineIsTheTitleWhenNoDatedJobNamesOne() {
    ParsedProfile p = parser.parse("TECHNICAL SKILLS Java, SQL, Oracle\nEducation Details\nB.E. 2016\nQA Automation Lead\n\n"
        + "QA Automation Lead - Acme Corp\nSkill Details\nSelenium, UFT");
    assertEquals(List.of("QA Automation Lead"), p.titles());
    assertEquals(Seniority.LEAD, p.seniority());
    ParsedProfile dated = parser.parse("EXPERIENCE\nData Engineer, Acme, 2020 - present\n- Spark\n\nJava Developer\n");
    assertEquals(List.of("Data Engineer"), dated.titles(), "dated entries win over a headline");
    assertEquals(List.of(), parser.parse("Skills: Python, SQL\nI enjoy hiking and chess.").titles());
  }

  @Test
  void familiarWithIsWeakerEvidence() {
    ParsedProfile p = parser.parse("Skills: Python, Kafka\nFamiliar with: Rust, Haskell");
    Map<String, ProfileSkill> s = skills(p);
    assertFalse(s.get("python").weak());
    assertTrue(s.get("rust").weak());
    assertTrue(s.get("haskell").weak());
  }

  @Test
  void educationIsNotExperience() {
    ParsedProfile p =
        parser.parse("EDUCATION\nB.S. Computer Science, State University, 2018 – 2022\n- Coursework in Java\n\n"
            + "EXPERIENCE\nSoftware Engineer, Acme, Jul 2022 – present\n- Python");
    assertEquals(4.0, p.totalYears(), 0.01);
    assertNull(skills(p).get("java").years());
  }

  @Test
  void structuredProfiles() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ParsedProfile p = parser.parseStructured(json.readTree(
        "{\"skills\":[{\"name\":\"k8s\",\"years\":2},{\"name\":\"Quantum Basket Weaving\"}],"
            + "\"experience\":[{\"title\":\"Senior SRE\",\"start\":\"2020-01\",\"end\":null,\"description\":\"Terraform and AWS\"}]}"));
    Map<String, ProfileSkill> s = skills(p);
    assertEquals(2.0, s.get("kubernetes").years());
    assertEquals(6.5, s.get("terraform").years(), 0.01);
    assertEquals(2026, s.get("amazon-web-services").lastUsedYear());
    assertTrue(p.warnings().stream().anyMatch(w -> w.contains("Quantum Basket Weaving")));
    assertThrows(IllegalArgumentException.class,
        () -> parser.parseStructured(json.readTree("{\"experience\":[{\"start\":\"last year\"}]}")));
    assertThrows(IllegalArgumentException.class,
        () -> parser.parseStructured(json.readTree("{\"skills\":[{\"name\":\"Go\",\"years\":-3}]}")));
    assertThrows(IllegalArgumentException.class, () -> parser.parseStructured(json.readTree("{\"skills\":\"Go\"}")));
  }

  @Test
  void nonTechResumesGetNoTechSkills() {
    ParsedProfile p =
        parser.parse("Maria Lopez\nExecutive Chef\n\nEXPERIENCE\nHead Chef, The Copper Pot, 2015 - present\n"
            + "- Go the extra mile for every guest; spark joy with seasonal menus\n- Calm under pressure\n");
    assertTrue(p.skills().stream().noneMatch(s -> Taxonomy.bundled().skill(s.skillId()).orElseThrow().category().isTechnical()),
        p.skills().toString());
  }

  @Test
  void badInput() {
    assertThrows(TextRejectedException.class, () -> parser.parse("   "));
    assertThrows(TextRejectedException.class, () -> parser.parse("y".repeat(TextCleaner.MAX_CHARS + 5)));
    ParsedProfile fr = parser.parse("Je suis une développeuse avec une expérience de cinq ans. Je travaille avec"
        + " les équipes pour la conception et le développement des services, et les tests des applications.");
    assertTrue(fr.warnings().contains(TextCleaner.WARN_NOT_ENGLISH), fr.warnings().toString());
  }
}
