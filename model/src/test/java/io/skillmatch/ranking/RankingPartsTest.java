package io.skillmatch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibration, the vector index, the recommender and the shipped model file. */
class RankingPartsTest {
  private static final Clock TODAY =
      Clock.fixed(LocalDate.of(2026, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  @Test
  void calibrationIsMonotoneAndPoolsViolators() {
    Calibration c = Calibration.fit(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, new double[] {0, 1, 0, 2, 3, 3});
    double previous = -1;
    for (double x = 0; x <= 0.7; x += 0.01) {
      double g = c.grade(x);
      assertTrue(g >= previous - 1e-12 && g >= 0 && g <= 3, "monotone in [0,3] at " + x);
      previous = g;
    }
    assertEquals(0, c.grade(0.0), 1e-9, "below the first block");
    assertEquals(0.5, c.grade(0.25), 1e-9, "the violating grades 1 then 0 pool into one block of 0.5");
    assertEquals(3, c.grade(0.9), 1e-9);
    assertEquals(100, c.score(0.9), 1e-9);
    Calibration ties = Calibration.fit(new double[] {1, 1, 1, 2}, new double[] {0, 3, 3, 3});
    assertEquals(2, ties.grade(1), 1e-9, "equal raw scores form one block");
    assertThrows(IllegalArgumentException.class, () -> new Calibration(new double[0], new double[0]));
  }

  @Test
  void vectorIndexFindsTheNearestFirst() {
    VectorIndex<String> index = new VectorIndex<>(List.of("x", "y", "xy", "none"),
        List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {0.7071f, 0.7071f}, new float[0]));
    assertEquals(3, index.size(), "a document without a vector cannot be found");
    List<VectorIndex.Hit<String>> hits = index.search(new float[] {1, 0}, 2);
    assertEquals(List.of("x", "xy"), hits.stream().map(VectorIndex.Hit::item).toList());
    assertEquals(1.0, hits.get(0).cosine(), 1e-6);
    assertEquals(3, index.search(new float[] {0.6f, 0.8f}, 10).size());
    assertEquals(List.of(), index.search(new float[0], 3));
    assertThrows(IllegalArgumentException.class, () -> index.search(new float[] {1, 0, 0}, 1));
  }

  @Test
  void recommenderShortlistsThenRanksInBothDirections() {
    Ranking ranking = Ranking.bundled();
    Matcher matcher = ranking.matcher(RankingModel.bundled(), TODAY);
    PostingParser postings = PostingParser.of(ranking.taxonomy());
    ProfileParser profiles = ProfileParser.of(ranking.taxonomy(), TODAY);
    String backend = "Senior Backend Engineer\n\nRequirements\n- 5+ years of Python\n- Apache Kafka\n- AWS";
    String frontend = "Frontend Engineer\n\nRequirements\n- React\n- TypeScript\n- CSS";
    String pythonDev = "EXPERIENCE\nBackend Engineer, Acme, 2017 - present\n- Python services on AWS with Kafka";
    String reactDev = "EXPERIENCE\nFrontend Developer, Shop, 2019 - present\n- React and TypeScript, CSS modules";
    String chef = "EXPERIENCE\nPastry Chef, Bakery, 2012 - present\n- Croissants, plated desserts";
    List<Matcher.ProfileDoc> people = List.of(pythonDev, reactDev, chef).stream()
        .map(t -> matcher.profile(profiles.parse(t), t)).toList();
    VectorIndex<Matcher.ProfileDoc> peopleIndex =
        new VectorIndex<>(people, people.stream().map(Matcher.ProfileDoc::skills).toList());
    Recommender recommender = new Recommender(matcher, 10);
    Matcher.PostingDoc backendDoc = matcher.posting(postings.parse(backend), backend);
    List<Recommender.Result<Matcher.ProfileDoc>> applicants = recommender.applicants(backendDoc, peopleIndex, 2);
    assertEquals(people.get(0), applicants.get(0).item(), "the Python engineer leads for the backend role");
    assertTrue(applicants.get(0).match().score() >= applicants.get(1).match().score());
    assertEquals(2, peopleIndex.size(), "the pastry chef has no skill vector: nothing technical to retrieve by");

    List<Matcher.PostingDoc> jobs = List.of(backend, frontend).stream().map(t -> matcher.posting(postings.parse(t), t))
        .toList();
    VectorIndex<Matcher.PostingDoc> jobIndex = new VectorIndex<>(jobs, jobs.stream().map(Matcher.PostingDoc::skills).toList());
    assertEquals(jobs.get(1), recommender.jobs(people.get(1), jobIndex, 1).get(0).item(), "React developer: frontend");
    Recommender parallel = new Recommender(matcher, 10, true);
    assertEquals(recommender.applicants(backendDoc, peopleIndex, 2), parallel.applicants(backendDoc, peopleIndex, 2),
        "on all cores, the same ranking and explanations");
    assertEquals(recommender.jobs(people.get(0), jobIndex, 2), parallel.jobs(people.get(0), jobIndex, 2));
    assertThrows(IllegalArgumentException.class, () -> new Recommender(matcher, 0));
  }

  @Test
  void theShippedModelCarriesItsProvenanceAndRoundTrips() throws Exception {
    RankingModel m = RankingModel.bundled();
    assertEquals(FitFeatures.NAMES, m.features());
    assertTrue(m.version().startsWith("ranker-"));
    for (String key : List.of("seed", "inputs", "libraries", "validationComparison", "testMetrics", "testCalibration")) {
      assertTrue(m.provenance().has(key), "provenance names " + key);
    }
    ObjectMapper json = new ObjectMapper();
    RankingModel again = json.readValue(json.writeValueAsBytes(m), RankingModel.class);
    double[] x = new double[FitFeatures.NAMES.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.5;
    }
    assertEquals(m.score(x), again.score(x), 0);
    assertThrows(IllegalArgumentException.class,
        () -> new RankingModel("v", "trees", List.of("other"), m.trees(), null, m.calibration(), null));
  }
}
