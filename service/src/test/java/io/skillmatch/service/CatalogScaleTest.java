package io.skillmatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.ranking.RankingModel;
import io.skillmatch.store.SqliteStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Above the exact-search threshold the HNSW graph shortlists, and the obvious fit still wins. */
class CatalogScaleTest {

  @Test
  void theApproximateShortlistStillFindsTheFit() {
    Clock clock = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    Ranking ranking = Ranking.bundled();
    ObjectMapper json = new ObjectMapper();
    AtomicLong n = new AtomicLong();
    try (SqliteStore store = SqliteStore.inMemory(clock, () -> "id" + n.incrementAndGet())) {
      Catalog catalog = new Catalog(store, new DocumentReader(PostingParser.of(ranking.taxonomy()),
          ProfileParser.of(ranking.taxonomy(), clock), ranking.matcher(RankingModel.bundled(), clock), "test"), json);
      List<String> stacks = List.of("Java", "Spring", "React", "Angular", "SQL", "Excel", "Tableau", "PHP", "C#",
          "Ruby", "Swift", "Kotlin", "Salesforce", "SAP", "Selenium", "Photoshop");
      for (int i = 0; i < Catalog.EXACT_BELOW + 100; i++) {
        ObjectNode c = json.createObjectNode();
        var skills = c.putArray("skills");
        skills.addObject().put("name", stacks.get(i % stacks.size())).put("years", 1 + i % 7);
        skills.addObject().put("name", stacks.get((i / 16) % stacks.size())).put("years", 2);
        catalog.addCandidate(c, null);
      }
      ObjectNode fit = json.createObjectNode();
      var skills = fit.putArray("skills");
      for (String s : List.of("Python", "Apache Kafka", "AWS", "Django")) {
        skills.addObject().put("name", s).put("years", 8);
      }
      String fitId = catalog.addCandidate(fit, null).id();
      ObjectNode posting = json.createObjectNode().put("text",
          "Senior Backend Engineer\n\nRequirements\n- 5+ years of Python\n- Apache Kafka\n- AWS\n- Django");
      Catalog.Posting p = catalog.addPosting(posting, null);
      var best = catalog.candidatesFor(p, 5);
      assertEquals(5, best.size());
      assertEquals(fitId, catalog.idOf(best.get(0).item()), "the Python/Kafka/AWS engineer among 2,100 others");
      assertTrue(best.get(0).match().score() > best.get(1).match().score());
    }
  }
}
