package io.skillmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxonomyTest {
  static final Taxonomy BUNDLED = Taxonomy.bundled();

  @Test
  void bundledTaxonomyIsLargeAndCoversEveryCategory() {
    assertTrue(BUNDLED.size() >= 2000, "skills: " + BUNDLED.size());
    Set<Category> seen = new HashSet<>();
    BUNDLED.skills().forEach(s -> seen.add(s.category()));
    assertEquals(Set.of(Category.values()), seen);
  }

  @ParameterizedTest
  @CsvSource({
    "Golang, Go",
    "k8s, Kubernetes",
    "Postgres, PostgreSQL",
    "Amazon Web Services, Amazon Web Services",
    "AWS, Amazon Web Services",
    "GH Actions, GitHub Actions",
    "Node, Node.js",
    "nodejs, Node.js",
    "ReactJS, React",
    "Kafka, Apache Kafka",
    "LangGraph, LangGraph",
    "MCP, Model Context Protocol",
    "Tecton, Tecton",
    "Feast, Feast",
    "Fiddler, Fiddler AI",
    "Databricks, Databricks",
    "Snowflake, Snowflake",
    "dbt, dbt",
    "RESTful APIs, REST APIs",
    "CI/CD, CI/CD",
  })
  void resolvesAliasesToCanonicalNames(String alias, String canonical) {
    assertEquals(canonical, BUNDLED.resolve(alias).map(Skill::name).orElse("<none>"), alias);
  }

  @ParameterizedTest
  @CsvSource({
    "Flask, Python",
    "LangGraph, LLM agent frameworks",
    "Apache Kafka, Message brokers",
    "Spring Boot, Java",
    "PostgreSQL, Relational databases",
  })
  void broaderLinksReachTheParent(String child, String parent) {
    String c = BUNDLED.resolve(child).orElseThrow().id();
    String p = BUNDLED.resolve(parent).orElseThrow().id();
    assertTrue(BUNDLED.isA(c, p), child + " is a " + parent);
    assertFalse(BUNDLED.isA(p, c), parent + " is not a " + child);
  }

  @Test
  void ordinaryWordsAreContextual() {
    for (String word : List.of("Go", "R", "C", "Spark", "Swift", "Rust", "Excel", "Chef")) {
      Skill s = BUNDLED.resolve(word).orElseThrow(() -> new AssertionError(word));
      assertTrue(s.contextual().contains(word), word + " must need context in " + s.id());
    }
  }

  @Test
  void surfaceKeysIgnoreJoinersButKeepConnectors() {
    assertEquals("node js", SurfaceForms.key("Node.js"));
    assertEquals("node js", SurfaceForms.key("node-js"));
    assertEquals("ci / cd", SurfaceForms.key("CI / CD"));
    assertEquals(".net", SurfaceForms.key(".NET"));
    assertEquals("c++", SurfaceForms.key("C++"));
    assertEquals("", SurfaceForms.key("Absorb (LMS)"));
    assertEquals("springboot", SurfaceForms.squashed(SurfaceForms.key("Spring Boot")));
  }

  @Test
  void slugsAreStable() {
    assertEquals("csharp", Slugs.of("C#"));
    assertEquals("cpp", Slugs.of("C++"));
    assertEquals("dotnet", Slugs.of(".NET"));
    assertEquals("node-js", Slugs.of("Node.js"));
    assertEquals("ci-cd", Slugs.of("CI/CD"));
  }

  @Test
  void rejectsBrokenTaxonomies() {
    Skill a = new Skill("a", "A", Category.TOOL, List.of(), List.of(), List.of("missing"), List.of(), List.of());
    assertThrows(IllegalArgumentException.class, () -> Taxonomy.of(List.of(a)));
    Skill b = new Skill("b", "B", Category.TOOL, List.of(), List.of(), List.of(), List.of(), List.of());
    assertThrows(IllegalArgumentException.class, () -> Taxonomy.of(List.of(b, b)));
    assertThrows(IllegalArgumentException.class, () -> new Skill("Bad Id", "x", Category.TOOL, null, null, null, null, null));
  }
}
