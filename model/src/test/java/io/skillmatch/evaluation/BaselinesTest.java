package io.skillmatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillmatch.taxonomy.Taxonomy;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {

  @Test
  void tfIdfCosineIsOneForTheSameTextAndZeroForDisjointOnes() {
    List<String> corpus = List.of("java spring kafka", "python django aws", "accounting payroll excel");
    PairScorer s = Baselines.tfIdfCosine(corpus);
    assertEquals(1.0, s.score("java spring kafka", "java spring kafka"), 1e-9);
    assertEquals(0.0, s.score("java spring kafka", "accounting payroll excel"), 1e-9);
    double partial = s.score("java spring kafka", "java python");
    assertTrue(partial > 0 && partial < 1, "partial overlap: " + partial);
  }

  @Test
  void bm25RanksTheCandidateThatSharesRareTermsFirst() {
    List<String> candidates = List.of("Kafka Spark Scala engineer", "Java developer with Spring", "pastry chef and baker");
    PairScorer s = new Bm25Scorer(candidates);
    String posting = "We need Kafka and Spark experience";
    assertTrue(s.score(posting, candidates.get(0)) > s.score(posting, candidates.get(1)));
    assertTrue(s.score(posting, candidates.get(0)) > s.score(posting, candidates.get(2)), "shares only 'and'");
    assertEquals(0.0, s.score(posting, candidates.get(1)), 1e-9);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.score(posting, "not indexed"));
  }

  @Test
  void skillJaccardReadsSkillsNotWords() {
    PairScorer s = Baselines.skillJaccard(Taxonomy.bundled(), Clock.systemUTC());
    // "Golang" and "Go", "k8s" and "Kubernetes" are the same skills
    assertEquals(1.0, s.score("Requirements: Golang, k8s", "Skills: Go, Kubernetes"), 1e-9);
    assertEquals(0.0, s.score("Requirements: Golang, k8s", "Skills: QuickBooks, GAAP"), 1e-9);
    assertEquals(0.5, s.score("Requirements: Python, Kafka", "Skills: Python, Kafka, AWS, Docker"), 1e-9);
  }
}
