package io.skillmatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillmatch.taxonomy.Taxonomy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Technology names the taxonomy does not know are flagged, and ordinary words are not. */
class UnknownSkillsTest {
  private static final Taxonomy TAXONOMY = Taxonomy.bundled();
  private final SkillMatcher matcher = new SkillMatcher(TAXONOMY);
  private final UnknownSkills unknown = new UnknownSkills(TAXONOMY, Set.of("latency", "mobility", "boston"));

  private List<String> find(String text) {
    return unknown.find(text, matcher.extract(text));
  }

  @Test
  void flagsUnknownItemsOfASkillList() {
    assertEquals(List.of("Zorblax"), find("Requirements:\n- Python, Apache Kafka, Zorblax and PostgreSQL\n"));
    assertEquals(List.of("FrobDB"), find("Stack: Java, FrobDB, Spring Boot"));
    assertEquals(List.of("Quuxify3"), find("Tools: Docker, Kubernetes, Quuxify3, Terraform."));
  }

  @Test
  void leavesOrdinaryWordsPlacesAndProseAlone() {
    assertEquals(List.of(), find("Skills: Python, Java, Latency and Kubernetes"), "a common word");
    assertEquals(List.of(), find("Offices in Boston, MA. We use Python and Java."), "a place, not in a skill list");
    assertEquals(List.of(), find("You will work with Python. Great Team, Great Culture, Great Pay."));
    assertEquals(List.of(), find("Python, Java, and strong communication skills"), "lower-case prose");
    assertEquals(List.of(), find("Requirements: Python, Kafka, U.S. citizenship"));
  }

  @Test
  void namesKnownToTheTaxonomyAreNeverFlagged() {
    assertEquals(List.of(), find("Python, Golang, k8s, Postgres, Kafka"));
  }
}
