package io.skillmatch.embedding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sanity checks on the vectors the jar ships: neighbours a recruiter would agree with. */
class ShippedVectorsTest {

  private static SkillVectors v;

  @BeforeAll
  static void load() {
    v = SkillVectors.bundled();
  }

  @ParameterizedTest(name = "{0} is closer to {1} than to {2}")
  @CsvSource({
    "apache-kafka, rabbitmq, adobe-photoshop",
    "apache-kafka, amazon-kinesis, microsoft-excel",
    "react, angular, microsoft-excel",
    "react, redux, adobe-photoshop",
    "postgresql, mysql, adobe-photoshop",
    "python, perl, call-center",
    "kubernetes, docker, microsoft-word",
    "apache-spark, apache-hadoop, adobe-photoshop",
  })
  void relatedBeatsUnrelated(String skill, String related, String unrelated) {
    for (String id : List.of(skill, related, unrelated)) {
      assertTrue(v.contains(id) && !v.isDerived(id), id + " should have a learned vector");
    }
    double near = v.cosine(skill, related);
    double far = v.cosine(skill, unrelated);
    assertTrue(near > far + 0.3, skill + ": " + related + " " + near + " vs " + unrelated + " " + far);
  }

  @Test
  void skillsTheDataPredateAreDerivedFromTheTaxonomy() {
    // LangChain and LangGraph appear in none of the co-occurrence sources (2016-2025 tags)
    assertTrue(v.isDerived("langchain"));
    assertTrue(v.isDerived("langgraph"));
    List<String> near = v.nearest("langchain", 10).stream().map(SkillVectors.Neighbour::skillId).toList();
    assertTrue(near.contains("langgraph") && near.contains("llamaindex"), near.toString());
    assertFalse(v.isDerived("apache-kafka"));
  }
}
