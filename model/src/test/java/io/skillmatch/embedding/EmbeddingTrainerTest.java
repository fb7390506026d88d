package io.skillmatch.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Word2Vec on a small planted corpus: three groups of skills that co-occur within their group and
 * rarely across. Training twice with one seed must give identical vectors, and the groups must be
 * visible in the geometry.
 */
class EmbeddingTrainerTest {

  private static final int GROUPS = 3;
  private static final int PER_GROUP = 8;
  private static final EmbeddingTrainer.Options OPTIONS =
      new EmbeddingTrainer.Options(16, 5, 0, 5, 0.025, 1e-4, 0, 2, true, 42L);

  private static CoOccurrenceCorpus corpus;
  private static EmbeddingTrainer.Result first;

  @BeforeAll
  static void trainOnce() {
    corpus = planted(new SplittableRandom(3), 1_500);
    first = new EmbeddingTrainer(OPTIONS).train(corpus, line -> {});
  }

  /** Bags of 2-6 skills from one group, with one skill from another group in every tenth bag. */
  static CoOccurrenceCorpus planted(SplittableRandom random, int bags) {
    List<CoOccurrenceCorpus.Sentence> out = new ArrayList<>();
    for (int i = 0; i < bags; i++) {
      int g = random.nextInt(GROUPS);
      int n = 2 + random.nextInt(5);
      List<String> bag = new ArrayList<>();
      while (bag.size() < n) {
        String s = "g" + g + "-s" + random.nextInt(PER_GROUP);
        if (!bag.contains(s)) {
          bag.add(s);
        }
      }
      if (i % 10 == 0) {
        bag.add("g" + ((g + 1) % GROUPS) + "-s" + random.nextInt(PER_GROUP));
      }
      out.add(new CoOccurrenceCorpus.Sentence(CoOccurrenceCorpus.Source.SKILL2VEC, bag));
    }
    return CoOccurrenceCorpus.of(out);
  }

  @Test
  void sameSeedGivesIdenticalVectors() {
    EmbeddingTrainer.Result second = new EmbeddingTrainer(OPTIONS).train(corpus, line -> {});
    assertEquals(first.vectors().keySet(), second.vectors().keySet());
    for (Map.Entry<String, float[]> e : first.vectors().entrySet()) {
      assertArrayEquals(e.getValue(), second.vectors().get(e.getKey()), "vector of " + e.getKey());
    }
  }

  @Test
  void anotherSeedGivesOtherVectors() {
    EmbeddingTrainer.Result other = new EmbeddingTrainer(OPTIONS.withSeed(7)).train(corpus, line -> {});
    String id = "g0-s0";
    assertFalse(Arrays.equals(first.vectors().get(id), other.vectors().get(id)));
  }

  @Test
  void learnsThePlantedGroups() {
    assertEquals(GROUPS * PER_GROUP, first.vectors().size());
    assertEquals(16, first.vectors().get("g0-s0").length);
    assertEquals(7, first.window(), "the window covers the longest bag (6 + 1 skills)");
    SkillVectors v = SkillVectors.of("t", first.vectors(), Set.of());
    double within = 0;
    double across = 0;
    int nw = 0;
    int na = 0;
    for (String a : v.skillIds()) {
      for (String b : v.skillIds()) {
        if (a.compareTo(b) < 0) {
          if (a.charAt(1) == b.charAt(1)) {
            within += v.cosine(a, b);
            nw++;
          } else {
            across += v.cosine(a, b);
            na++;
          }
        }
      }
      // the nearest skill is in the same group
      assertEquals(a.charAt(1), v.nearest(a, 1).getFirst().skillId().charAt(1), "nearest to " + a);
    }
    assertTrue(within / nw > across / na + 0.3, "within " + within / nw + " across " + across / na);
  }

  @Test
  void rareSkillsGetNoVector() {
    List<CoOccurrenceCorpus.Sentence> bags = new ArrayList<>(corpus.sentences());
    bags.add(new CoOccurrenceCorpus.Sentence(CoOccurrenceCorpus.Source.DICE, List.of("g0-s0", "once-only")));
    EmbeddingTrainer.Result r =
        new EmbeddingTrainer(OPTIONS.withEpochs(1)).train(CoOccurrenceCorpus.of(bags), line -> {});
    assertFalse(r.vectors().containsKey("once-only"), "minFrequency 2 keeps a skill seen once out");
  }

  @Test
  void rejectsBadOptions() {
    assertThrows(IllegalArgumentException.class, () -> OPTIONS.withDimension(1));
    assertThrows(IllegalArgumentException.class, () -> OPTIONS.withEpochs(0));
    assertThrows(IllegalArgumentException.class,
        () -> new EmbeddingTrainer(OPTIONS).train(CoOccurrenceCorpus.of(List.of()), line -> {}));
  }
}
