package io.skillmatch.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.skillmatch.taxonomy.Category;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Derived vectors: the mean of taxonomy neighbours, solved jointly where neighbours are unknown too. */
class TaxonomyFallbackTest {

  private static Skill skill(String id, List<String> broader, List<String> related) {
    return new Skill(id, id.toUpperCase(), Category.TOOL, List.of(), List.of(), broader, related, List.of("test"));
  }

  @Test
  void missingSkillsGetTheMeanOfTheirNeighbours() {
    Taxonomy t = Taxonomy.of(List.of(
        skill("a", List.of(), List.of()),
        skill("b", List.of(), List.of()),
        skill("c", List.of("a"), List.of("b")), // both neighbours learned: exactly their mean
        skill("d", List.of("c"), List.of()), // only c, itself derived: c's direction
        skill("e", List.of(), List.of()))); // no path to a learned vector: none
    Map<String, float[]> learned = Map.of("a", new float[] {1, 0}, "b", new float[] {0, 2});
    Map<String, float[]> derived = TaxonomyFallback.derive(t, learned);
    assertEquals(List.of("c", "d"), List.copyOf(derived.keySet()));
    float h = (float) Math.sqrt(0.5);
    assertArrayEquals(new float[] {h, h}, derived.get("c"), 1e-5f);
    assertArrayEquals(new float[] {h, h}, derived.get("d"), 1e-5f);
    assertFalse(derived.containsKey("a"));
  }

  @Test
  void chainsAreSolvedJointly() {
    // a - x - y - b: the harmonic solution puts x at 2/3 a + 1/3 b and y at 1/3 a + 2/3 b
    Taxonomy t = Taxonomy.of(List.of(
        skill("a", List.of(), List.of()),
        skill("b", List.of(), List.of()),
        skill("x", List.of("a"), List.of("y")),
        skill("y", List.of("b"), List.of())));
    Map<String, float[]> derived =
        TaxonomyFallback.derive(t, Map.of("a", new float[] {1, 0}, "b", new float[] {0, 1}));
    double n = Math.sqrt(5);
    assertArrayEquals(new float[] {(float) (2 / n), (float) (1 / n)}, derived.get("x"), 1e-5f);
    assertArrayEquals(new float[] {(float) (1 / n), (float) (2 / n)}, derived.get("y"), 1e-5f);
  }
}
