package io.skillmatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillmatch.taxonomy.Taxonomy;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rules of reading a posting, one at a time, on the bundled taxonomy. */
class PostingParserTest {
  private static final Taxonomy TAXONOMY = Taxonomy.bundled();
  private final PostingParser parser = PostingParser.of(TAXONOMY);

  private Map<String, Requirement> parse(String text) {
    return parser.parse(text).requirements().stream()
        .collect(Collectors.toMap(Requirement::skillId, Function.identity()));
  }

  @Test
  void importanceComesFromHeadingsAndCues() {
    Map<String, Requirement> r =
        parse("Backend Engineer\n\nRequirements\n- Python\n- Kafka is a plus\n\nNice to have\n- Terraform\n- Must know Docker");
    assertEquals(Importance.REQUIRED, r.get("python").importance());
    assertEquals(Importance.PREFERRED, r.get("apache-kafka").importance());
    assertEquals(Importance.PREFERRED, r.get("terraform").importance());
    assertEquals(Importance.REQUIRED, r.get("docker").importance(), "a must cue beats the section");
  }

  @Test
  void positionAloneDoesNotMakeASkillPreferred() {
    Map<String, Requirement> r = parse("Requirements:\n- Python\n- SQL\n- Go\n- Kubernetes\n- Terraform");
    r.values().forEach(q -> assertEquals(Importance.REQUIRED, q.importance(), q.skillId()));
  }

  @Test
  void relaxingSentenceTurnsTheRestOfTheSectionIntoPluses() {
    Map<String, Requirement> r =
        parse("What you bring\n- Python\n\nAlso useful\nYou don't have to excel in all of these:\n- Terraform\n- GitHub Actions");
    assertEquals(Importance.REQUIRED, r.get("python").importance());
    assertEquals(Importance.PREFERRED, r.get("terraform").importance());
    assertEquals(Importance.PREFERRED, r.get("github-actions").importance());
    assertFalse(r.containsKey("microsoft-excel"));
  }

  @Test
  void yearsBindToTheirSkill() {
    Map<String, Requirement> r =
        parse("- At least 2 years working with Golang\n- 4+ years of professional experience using Python\n"
            + "- Kafka (3+ years)\n- 5 years of Java or Scala\n- Cleaned 10 years of records in SQL");
    assertEquals(2, r.get("go").minYears());
    assertEquals(4, r.get("python").minYears());
    assertEquals(3, r.get("apache-kafka").minYears());
    assertEquals(5, r.get("java").minYears());
    assertEquals(5, r.get("scala").minYears());
    assertNull(r.get("sql").minYears(), "years of records are not years of SQL");
  }

  @Test
  void overallYearsAndSeniority() {
    ParsedPosting p = parser.parse("Platform Engineer\n\n- 6+ years of software engineering experience\n- Python");
    assertEquals(6, p.minYears());
    assertEquals(Seniority.SENIOR, p.seniority());
    ParsedPosting j = parser.parse("Junior Developer\n\n- Python");
    assertEquals(Seniority.JUNIOR, j.seniority());
    assertNull(j.minYears());
  }

  @Test
  void alternativesFormAnyOfGroups() {
    Map<String, Requirement> r =
        parse("- Python, Django, FastAPI or Flask\n- Java or Scala\n- One of AWS, GCP, Azure\n- Docker and Kubernetes");
    assertNull(r.get("python").anyOf());
    String web = r.get("django").anyOf();
    assertNotNull(web);
    assertEquals(web, r.get("fastapi").anyOf());
    assertEquals(web, r.get("flask").anyOf());
    String jvm = r.get("java").anyOf();
    assertNotNull(jvm);
    assertEquals(jvm, r.get("scala").anyOf());
    assertNotEquals(web, jvm);
    assertEquals(r.get("amazon-web-services").anyOf(), r.get("microsoft-azure").anyOf());
    assertNotNull(r.get("amazon-web-services").anyOf());
    assertNull(r.get("docker").anyOf());
    assertNull(r.get("kubernetes").anyOf());
  }

  @Test
  void companyAndBenefitSectionsAreNotRequirements() {
    Map<String, Requirement> r =
        parse("About us\nWe use Slack and Excel every day.\n\nRequirements\n- Go\n\nBenefits\n- Free Python courses");
    assertEquals(Map.of("go", Importance.REQUIRED),
        r.values().stream().collect(Collectors.toMap(Requirement::skillId, Requirement::importance)));
  }

  @Test
  void evidenceOffsetsPointIntoTheCleanedText() {
    String text = "<h2>Requirements</h2><ul><li>Strong Kafka &amp; Python</li></ul>";
    ParsedPosting p = parser.parse(text);
    String clean = new TextCleaner().clean(text).text();
    for (Requirement r : p.requirements()) {
      assertEquals(r.evidence().text(), clean.substring(r.evidence().start(), r.evidence().end()));
      assertTrue(r.evidence().text().contains("Kafka & Python"));
    }
    assertEquals(2, p.requirements().size());
  }

  @Test
  void mojibakeIsRepairedAndReported() {
    ParsedPosting p = parser.parse("Weâ€™re hiring\n\nRequirements\nâ€¢ Python â€“ 3+ years");
    assertEquals(3, p.requirements().getFirst().minYears());
    assertTrue(p.warnings().contains(TextCleaner.WARN_MOJIBAKE));
  }

  @Test
  void badInputIsRejectedOrWarned() {
    assertThrows(TextRejectedException.class, () -> parser.parse(""));
    assertThrows(TextRejectedException.class, () -> parser.parse(" \n\t "));
    assertThrows(TextRejectedException.class, () -> parser.parse("x".repeat(TextCleaner.MAX_CHARS + 1)));
    SplittableRandom random = new SplittableRandom(7);
    char[] garbage = new char[4000];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (char) random.nextInt(0, 0x20);
    }
    assertThrows(TextRejectedException.class, () -> parser.parse(new String(garbage)));
    ParsedPosting german =
        parser.parse("Wir suchen eine Entwicklerin für unser Team. Sie arbeiten mit Python und Kafka und"
            + " haben Erfahrung mit der Cloud. Das ist eine Stelle mit flexiblen Arbeitszeiten für Sie.");
    assertTrue(german.warnings().contains(TextCleaner.WARN_NOT_ENGLISH));
    ParsedPosting nothing = parser.parse("We are a friendly bakery looking for a morning baker.");
    assertTrue(nothing.requirements().isEmpty());
    assertFalse(nothing.warnings().isEmpty());
  }

  @Test
  void pathologicalInputsFinish() {
    // a guard against runaway regular expressions, not a speed target (that is the JMH benchmark)
    String[] inputs = {
      "1999-2000-2001-".repeat(13_000),
      "Python, ".repeat(24_000),
      "a".repeat(199_000),
      "- 5+ years of ".repeat(14_000),
      ("(" + "Go ".repeat(30)).repeat(2_000),
      "Python" + " ".repeat(150_000) + "x Java",
      "Python" + ",".repeat(150_000) + "x Java",
      "<p>hello</p>" + "<a".repeat(90_000),
      "<script".repeat(25_000),
      "<p ".repeat(60_000),
      "Go" + " ,".repeat(90_000),
      "Acme " + "Fintech ".repeat(24_000),
    };
    ProfileParser profiles = ProfileParser.of(TAXONOMY, GoldenTest.TODAY);
    for (String s : inputs) {
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> parser.parse(s));
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> profiles.parse(s));
    }
  }
}
