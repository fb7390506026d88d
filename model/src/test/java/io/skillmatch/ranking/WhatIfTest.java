package io.skillmatch.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.parsing.ProfileSkill;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shortcuts explanations take for what-if profiles equal doing the work again. */
class WhatIfTest {
  private static final Clock TODAY =
      Clock.fixed(LocalDate.of(2026, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  private static final Ranking RANKING = Ranking.bundled();
  private final FitAssessor assessor = new FitAssessor(RANKING.taxonomy());
  private final ProfileParser profiles = ProfileParser.of(RANKING.taxonomy(), TODAY);

  private static final String RESUME = """
      EXPERIENCE
      Data Engineer, Streamly, 2019 - present
      - Spark and Scala pipelines on AWS EMR, Airflow, PostgreSQL; some Python
      Analyst, Shop, 2016 - 2019
      - SQL and Tableau dashboards
      """;

  @Test
  void anIndexWithOneMoreSkillEqualsIndexingTheLongerList() {
    ParsedProfile p = profiles.parse(RESUME);
    FitAssessor.ProfileIndex base = assessor.index(p);
    for (String id : List.of("apache-kafka", "kubernetes", "react", "java", "terraform", "go")) {
      String name = RANKING.taxonomy().skill(id).orElseThrow().name();
      ProfileSkill added = new ProfileSkill(name, id, 3.0, 2026, false, null);
      List<ProfileSkill> longer = new ArrayList<>(p.skills());
      longer.add(added);
      ParsedProfile more = new ParsedProfile(longer, p.totalYears(), p.seniority(), p.titles(), p.unknownSkills(),
          p.warnings());
      assertEquals(assessor.index(more), assessor.withSkill(base, added), id);
    }
    ProfileSkill had = p.skills().getFirst();
    assertThrows(IllegalArgumentException.class, () -> assessor.withSkill(base, had), "only for a skill it lacks");
  }

  @Test
  void wordsAddedToAVectorMergeInOrderAtWeightZero() {
    TermVectors terms = RANKING.terms();
    TermVectors.Vector v = terms.vector(RESUME);
    for (String words : List.of("Apache Kafka", "Amazon Web Services", "Spark", "React Native", "zzqx")) {
      TermVectors.Vector w = terms.withWords(v, words);
      Map<Character, Float> expected = new TreeMap<>();
      for (int i = 0; i < v.terms().length; i++) {
        expected.put(v.terms()[i], v.weights()[i]);
      }
      for (String t : TermVectors.tokens(words)) {
        if (terms.vector(t).terms().length > 0) { // a vocabulary word
          expected.putIfAbsent(terms.vector(t).terms()[0], 0f);
        }
      }
      char[] sorted = new char[expected.size()];
      int at = 0;
      for (char c : expected.keySet()) {
        sorted[at++] = c;
      }
      assertArrayEquals(sorted, w.terms(), words);
      for (int i = 0; i < sorted.length; i++) {
        assertEquals(expected.get(sorted[i]), w.weights()[i], words);
      }
    }
    assertSame(v, terms.withWords(v, "Spark"), "nothing new, the same vector");
  }
}
