package io.skillmatch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The approximate index finds what exact search finds, and follows writes. */
class HnswIndexTest {


  @Test
  void recallAtTenAgainstExactSearchIsAtLeastNinetyFivePercent() {
    int n = 5_000;
    List<float[]> docs = ProfileLikeVectors.of(n, 1);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("d" + i);
    }
    VectorIndex<String> exact = new VectorIndex<>(ids, docs);
    try (HnswIndex<String> hnsw = new HnswIndex<>()) {
      hnsw.putAll(ids, ids, docs);
      assertEquals(n, hnsw.size());
      assertEquals(1, hnsw.segments(), "a bulk load is one graph, not several searched one by one");
      double found = 0;
      List<float[]> queries = ProfileLikeVectors.of(200, 2);
      for (float[] q : queries) {
        Set<String> truth = new HashSet<>();
        exact.search(q, 10).forEach(h -> truth.add(h.item()));
        // a few hundred candidates, as the service retrieves before re-ranking
        for (VectorIndex.Hit<String> h : hnsw.search(q, 100).subList(0, 10)) {
          found += truth.contains(h.item()) ? 1 : 0;
        }
      }
      double recall = found / (10.0 * queries.size());
      assertTrue(recall >= 0.95, "recall@10 " + recall);
    }
  }

  @Test
  void itemsPastTheFirstChunkOfOrdinalsAreFoundAndForgotten() {
    int n = 17_000; // ordinals past 16,384, the first chunk
    List<float[]> docs = ProfileLikeVectors.of(n, 3);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("d" + i);
    }
    try (HnswIndex<String> index = new HnswIndex<>()) {
      index.putAll(ids, ids, docs);
      String last = ids.get(n - 1);
      assertEquals(last, index.search(docs.get(n - 1), 1).get(0).item());
      index.remove(last);
      assertTrue(index.search(docs.get(n - 1), 20).stream().noneMatch(h -> h.item().equals(last)), "forgotten");
      index.put("again", "again", docs.get(n - 1));
      assertEquals("again", index.search(docs.get(n - 1), 1).get(0).item());
      assertEquals(n, index.size());
    }
  }

  @Test
  void followsWritesAndDeletes() {
    try (HnswIndex<String> index = new HnswIndex<>()) {
      index.put("a", "A", new float[] {1, 0});
      index.put("b", "B", new float[] {0, 1});
      assertEquals("A", index.search(new float[] {1, 0}, 1).get(0).item());
      assertEquals(1.0, index.search(new float[] {1, 0}, 1).get(0).cosine(), 1e-6);
      index.put("a", "A2", new float[] {0, 1});
      index.remove("b");
      List<VectorIndex.Hit<String>> hits = index.search(new float[] {0, 1}, 5);
      assertEquals(List.of("A2"), hits.stream().map(VectorIndex.Hit::item).toList());
      index.put("c", "C", new float[0]);
      assertEquals(1, index.size(), "no vector, nothing to find it by");
    }
  }

  @Test
  void aBulkLoadInBatchesIsSearchableFromItsSettlingAsOneGraph(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    int n = 3_000;
    List<float[]> docs = ProfileLikeVectors.of(n, 4);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("d" + i);
    }
    try (HnswIndex<String> index = HnswIndex.open(dir)) {
      for (int from = 0; from < n; from += 500) {
        index.putAllLater(ids.subList(from, from + 500), ids.subList(from, from + 500), docs.subList(from, from + 500));
      }
      assertTrue(index.search(docs.get(7), 5).isEmpty(), "not searchable before settling");
      index.mergeToOne();
      assertEquals(1, index.segments(), "batches are not segments of their own");
      assertEquals("d7", index.search(docs.get(7), 1).get(0).item());
    }
    try (HnswIndex<String> again = HnswIndex.open(dir)) {
      assertEquals(0, again.sync(ids, ids, docs), "settled is durable: nothing to index again");
    }
  }

  @Test
  void aGraphOnDiskIsOpenedByOneProcessAtATime(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    try (HnswIndex<String> first = HnswIndex.open(dir)) {
      first.put("a", "a", new float[] {1, 0});
      HnswIndex.InUseException e = org.junit.jupiter.api.Assertions.assertThrows(HnswIndex.InUseException.class,
          () -> HnswIndex.open(dir));
      assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("stop it first"), e.getMessage());
    }
    try (HnswIndex<String> again = HnswIndex.<String>open(dir)) {
      assertEquals(1, again.sync(List.of("b"), List.of("b"), List.of(new float[] {0, 1})), "b is new");
      assertEquals(List.of("b"), again.search(new float[] {1, 0}, 5).stream().map(VectorIndex.Hit::item).toList(),
          "a, gone from the items given, was dropped");
    }
  }
}
