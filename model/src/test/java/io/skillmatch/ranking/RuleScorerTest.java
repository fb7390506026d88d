package io.skillmatch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reading a profile against a posting requirement by requirement, on the bundled taxonomy. */
class RuleScorerTest {
  private static final Taxonomy TAXONOMY = Taxonomy.bundled();
  private static final Clock TODAY =
      Clock.fixed(LocalDate.of(2026, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  private final PostingParser postings = PostingParser.of(TAXONOMY);
  private final ProfileParser profiles = ProfileParser.of(TAXONOMY, TODAY);
  private final RuleScorer scorer = new RuleScorer(new FitAssessor(TAXONOMY), RuleScorer.Weights.defaults());

  private static final String POSTING =
      "Senior Backend Engineer\n\nRequirements\n- 5+ years of Python\n- Apache Kafka\n- Relational databases\n"
          + "- Django, FastAPI or Flask\n\nNice to have\n- Terraform";

  private Map<String, RequirementFit> fits(String profile) {
    return scorer.fit(postings.parse(POSTING), profiles.parse(profile)).fits().stream()
        .collect(Collectors.toMap(f -> f.requirement().skillId(), Function.identity()));
  }

  @Test
  void readsEachRequirementLikeARecruiter() {
    Map<String, RequirementFit> f =
        fits("EXPERIENCE\nBackend Engineer, Acme, 2019 - present\n- Python services on PostgreSQL with RabbitMQ\n"
            + "- APIs in Flask\n\nSkills: Python, PostgreSQL, RabbitMQ, Flask");
    assertEquals(Status.MET, f.get("python").status(), f.get("python").why());
    assertEquals(Status.PARTIAL, f.get("apache-kafka").status(), "RabbitMQ is a related message broker");
    assertEquals(Status.MET, f.get("relational-databases").status(), "PostgreSQL is a relational database");
    assertEquals(Status.MET, f.get("flask").status());
    assertEquals(Status.PARTIAL, f.get("django").status(), "Flask is a sibling web framework");
    assertEquals(Status.MISSING, f.get("terraform").status());
  }

  @Test
  void fewerYearsOrWeakEvidenceArePartial() {
    Map<String, RequirementFit> f =
        fits("EXPERIENCE\nEngineer, Acme, 2023 - present\n- Python and Kafka\n\nFamiliar with: Terraform");
    assertEquals(Status.PARTIAL, f.get("python").status(), f.get("python").why());
    assertTrue(f.get("python").credit() > 0.5 && f.get("python").credit() < 1);
    assertEquals(Status.MET, f.get("apache-kafka").status());
    assertEquals(Status.PARTIAL, f.get("terraform").status(), "familiar with");
  }

  @Test
  void aStrongerCandidateScoresHigherAndAnyOfCountsOnce() {
    ParsedPosting p = postings.parse(POSTING);
    ParsedProfile strong = profiles.parse("EXPERIENCE\nSenior Engineer, Acme, 2017 - present\n"
        + "- Python, Kafka, PostgreSQL, Django, Terraform");
    ParsedProfile weak = profiles.parse("EXPERIENCE\nJunior Developer, Acme, 2025 - present\n- JavaScript and React");
    RuleScorer.Fit s = scorer.fit(p, strong);
    RuleScorer.Fit w = scorer.fit(p, weak);
    assertTrue(s.score() > 90 && s.score() <= 100, "strong: " + s.score());
    assertTrue(w.score() < 30, "weak: " + w.score());
    assertEquals(1.0, s.requiredCoverage(), 1e-9, "Django alone meets the web-framework group");
  }

  @Test
  void namesPronounsAndBirthYearsChangeNothing() {
    String body = "\nEXPERIENCE\nBackend Engineer, Acme, 2019 - present\n- Python, Kafka and PostgreSQL\n";
    ParsedPosting p = postings.parse(POSTING);
    double a = scorer.fit(p, profiles.parse("Maria Garcia (she/her), born 1975" + body)).score();
    double b = scorer.fit(p, profiles.parse("John Smith (he/him), born 1999" + body)).score();
    double c = scorer.fit(p, profiles.parse("Wei Zhang, they/them, DOB 1988-02-03" + body)).score();
    assertEquals(a, b, 1e-9);
    assertEquals(a, c, 1e-9);
  }

  @Test
  void weightsMustSumToOne() {
    assertThrows(IllegalArgumentException.class, () -> new RuleScorer.Weights(0.5, 0.5, 0.5, 0));
  }
}
