package io.skillmatch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.synthetic.SyntheticGenerator;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A profile's index files each skill under the keys the taxonomy gives it, the first skill winning. */
class FitAssessorTest {

  /** The index as first written: the taxonomy read afresh for every skill of every profile. */
  private static FitAssessor.ProfileIndex byTaxonomy(Taxonomy taxonomy, ParsedProfile profile) {
    Map<String, ProfileSkill> has = new HashMap<>();
    for (ProfileSkill s : profile.skills()) {
      has.merge(s.skillId(), s, (a, b) -> a.weak() && !b.weak() ? b : a);
    }
    Map<String, ProfileSkill> byAncestor = new HashMap<>();
    Map<String, ProfileSkill> byRelated = new HashMap<>();
    Map<String, ProfileSkill> byParent = new HashMap<>();
    for (ProfileSkill p : profile.skills()) {
      ProfileSkill s = has.get(p.skillId());
      taxonomy.ancestors(s.skillId()).forEach(a -> byAncestor.putIfAbsent(a, s));
      Skill k = taxonomy.skill(s.skillId()).orElse(null);
      if (k != null) {
        k.related().forEach(r -> byRelated.putIfAbsent(r, s));
        k.broader().stream().filter(b -> !b.equals("programming-languages")).forEach(b -> byParent.putIfAbsent(b, s));
      }
    }
    return new FitAssessor.ProfileIndex(has, byAncestor, byRelated, byParent);
  }

  @Test
  void generatedProfilesAreIndexedAsTheTaxonomySays() {
    Ranking ranking = Ranking.bundled();
    Clock clock = Clock.fixed(Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC);
    ProfileParser parser = ProfileParser.of(ranking.taxonomy(), clock);
    FitAssessor assessor = new FitAssessor(ranking.taxonomy());
    SyntheticGenerator generator = new SyntheticGenerator(ranking.taxonomy(), SkillVectors.bundled(),
        SyntheticGenerator.Options.defaults());
    int filed = 0;
    for (ParsedProfile p : generator.profiles(300).map(g -> parser.parseText(g.text())).toList()) {
      FitAssessor.ProfileIndex expected = byTaxonomy(ranking.taxonomy(), p);
      assertEquals(expected, assessor.index(p), p.toString());
      assertEquals(expected, assessor.index(p), "the second time, from what was read once");
      filed += expected.byRelated().size();
    }
    org.junit.jupiter.api.Assertions.assertTrue(filed > 1_000, "profiles with related skills: " + filed);
  }
}
