package io.skillmatch.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runtime side: loading the bundled artefact, its geometry, and the binary format. */
class SkillVectorsTest {

  private static SkillVectors bundled;

  @BeforeAll
  static void load() {
    bundled = SkillVectors.bundled();
  }

  @Test
  void bundledArtefactLoadsQuicklyAndMatchesItsProvenance() throws IOException {
    long start = System.nanoTime();
    SkillVectors again = SkillVectors.bundled();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 1_000, "loading the bundled vectors took " + millis + " ms");
    assertEquals(bundled.size(), again.size());
    assertTrue(bundled.size() > 1_000, "only " + bundled.size() + " vectors");
    assertTrue(bundled.dimension() >= 16, "dimension " + bundled.dimension());
    try (InputStream in = SkillVectors.class.getResourceAsStream("/io/skillmatch/embedding/provenance.json")) {
      assertNotNull(in, "the artefact ships without provenance.json");
      JsonNode prov = new ObjectMapper().readTree(in);
      assertEquals(bundled.version(), prov.path("version").asText());
      assertEquals(bundled.size(), prov.path("vocabulary").path("total").asInt());
      assertEquals(bundled.dimension(), prov.path("options").path("dimension").asInt());
      assertFalse(prov.path("inputs").isEmpty());
      assertFalse(prov.path("evaluation").path("auc").isEmpty());
    }
  }

  @Test
  void everyVectorIsATaxonomySkillOfUnitLength() {
    Taxonomy taxonomy = Taxonomy.bundled();
    for (String id : bundled.skillIds()) {
      assertTrue(taxonomy.skill(id).isPresent(), id + " is not a taxonomy skill");
      float[] v = bundled.vector(id);
      double norm = 0;
      for (float c : v) {
        norm += (double) c * c;
      }
      assertEquals(1.0, Math.sqrt(norm), 1e-5, id);
      assertEquals(1.0, bundled.cosine(id, id), 1e-5, id);
    }
  }

  @Test
  void cosineIsSymmetricAndBounded() {
    List<String> ids = bundled.skillIds();
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      String a = ids.get(random.nextInt(ids.size()));
      String b = ids.get(random.nextInt(ids.size()));
      double ab = bundled.cosine(a, b);
      assertEquals(ab, bundled.cosine(b, a), 1e-12);
      assertTrue(ab >= -1.00001 && ab <= 1.00001, a + " " + b + " " + ab);
    }
  }

  @Test
  void nearestExcludesTheSkillItselfAndMatchesBruteForce() {
    List<String> ids = bundled.skillIds();
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 20; i++) {
      String q = ids.get(random.nextInt(ids.size()));
      List<SkillVectors.Neighbour> got = bundled.nearest(q, 10);
      assertEquals(10, got.size());
      double[] all = ids.stream().filter(id -> !id.equals(q)).mapToDouble(id -> bundled.cosine(q, id)).sorted().toArray();
      for (int k = 0; k < got.size(); k++) {
        assertFalse(got.get(k).skillId().equals(q), "the query is its own neighbour");
        assertEquals(all[all.length - 1 - k], got.get(k).cosine(), 1e-9, "rank " + k + " of " + q);
        assertEquals(bundled.cosine(q, got.get(k).skillId()), got.get(k).cosine(), 1e-9);
      }
    }
    assertEquals(bundled.size() - 1, bundled.nearest(ids.getFirst(), 1_000_000).size());
    assertTrue(bundled.nearest(ids.getFirst(), 0).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> bundled.nearest(ids.getFirst(), -1));
  }

  @Test
  void unknownSkillsHaveNoVectorAndZeroCosine() {
    String known = bundled.skillIds().getFirst();
    assertFalse(bundled.contains("no-such-skill"));
    assertNull(bundled.vector("no-such-skill"));
    assertEquals(0.0, bundled.cosine("no-such-skill", known));
    assertEquals(0.0, bundled.cosine(known, "no-such-skill"));
    assertTrue(bundled.nearest("no-such-skill", 5).isEmpty());
    assertFalse(bundled.isDerived("no-such-skill"));
  }

  @Test
  void vectorReturnsACopy() {
    String id = bundled.skillIds().getFirst();
    float[] v = bundled.vector(id);
    Arrays.fill(v, 0f);
    assertEquals(1.0, bundled.cosine(id, id), 1e-5);
  }

  @Test
  void writeAndReadRoundTrip() throws IOException {
    Map<String, float[]> m = new LinkedHashMap<>();
    m.put("b", new float[] {0, 3, 4});
    m.put("a", new float[] {1, 0, 0});
    m.put("c", new float[] {1, 1, 0});
    SkillVectors v = SkillVectors.of("test-1", m, Set.of("c"));
    assertEquals(List.of("a", "b", "c"), v.skillIds());
    assertArrayEquals(new float[] {0, 0.6f, 0.8f}, v.vector("b"), 1e-7f);
    assertEquals(Math.sqrt(0.5), v.cosine("a", "c"), 1e-6);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    v.write(out);
    SkillVectors back = SkillVectors.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals("test-1", back.version());
    assertEquals(3, back.dimension());
    assertEquals(3, back.size());
    for (String id : List.of("a", "b", "c")) {
      assertArrayEquals(v.vector(id), back.vector(id), id);
    }
    assertTrue(back.isDerived("c"));
    assertFalse(back.isDerived("a"));
    assertEquals(List.of("c", "b"), back.nearest("a", 2).stream().map(SkillVectors.Neighbour::skillId).toList());
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IOException.class, () -> SkillVectors.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
    assertThrows(IllegalArgumentException.class, () -> SkillVectors.of("v", Map.of("a", new float[] {0, 0}), Set.of()));
    assertThrows(IllegalArgumentException.class,
        () -> SkillVectors.of("v", Map.of("a", new float[] {1, 0}, "b", new float[] {1}), Set.of()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      SkillVectors.of("v", Map.of("a", new float[] {1, 0}), Set.of()).write(out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    byte[] truncated = Arrays.copyOf(out.toByteArray(), out.size() - 3);
    assertThrows(IOException.class, () -> SkillVectors.read(new ByteArrayInputStream(truncated)));
  }
}
