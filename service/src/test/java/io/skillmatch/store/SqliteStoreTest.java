package io.skillmatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store: documents survive a restart, pages walk everything once, writers don't collide. */
class SqliteStoreTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

  private static Supplier<String> ids(String prefix) {
    AtomicLong n = new AtomicLong();
    return () -> prefix + n.incrementAndGet();
  }

  @Test
  void createReadUpdateDelete(@TempDir Path dir) {
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, ids("p"))) {
      Store.Item a = store.create("posting", "{\"title\":\"Go engineer\"}");
      assertEquals("p1", a.id());
      assertEquals(a, store.get("posting", "p1").orElseThrow());
      assertTrue(store.get("candidate", "p1").isEmpty(), "kinds are separate");
      assertEquals("{\"v\":2}", store.update("posting", "p1", "{\"v\":2}").orElseThrow().body());
      assertTrue(store.update("posting", "nope", "{}").isEmpty());
      assertTrue(store.delete("posting", "p1"));
      assertFalse(store.delete("posting", "p1"));
      assertTrue(store.get("posting", "p1").isEmpty());
      assertEquals(0, store.count("posting"));
    }
  }

  @Test
  void whatWasAcknowledgedSurvivesARestart(@TempDir Path dir) {
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, ids("c"))) {
      for (int i = 0; i < 50; i++) {
        store.create("candidate", "{\"n\":" + i + "}");
      }
      store.delete("candidate", "c7");
    }
    try (SqliteStore reopened = SqliteStore.open(dir, CLOCK, ids("x"))) {
      assertEquals(49, reopened.count("candidate"));
      assertEquals("{\"n\":0}", reopened.get("candidate", "c1").orElseThrow().body());
      assertTrue(reopened.get("candidate", "c7").isEmpty());
    }
  }

  @Test
  void pagesVisitEveryDocumentOnceInOrder(@TempDir Path dir) {
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, ids("p"))) {
      for (int i = 0; i < 23; i++) {
        store.create("posting", "{}");
      }
      store.create("candidate", "{}");
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        Store.Page page = store.list("posting", 10, cursor);
        page.items().forEach(item -> seen.add(item.id()));
        cursor = page.nextCursor();
        pages++;
      } while (cursor != null);
      assertEquals(3, pages);
      assertEquals(23, seen.size());
      assertEquals(23, new HashSet<>(seen).size());
      assertEquals("p1", seen.getFirst());
      assertNull(store.list("posting", 23, null).nextCursor(), "no next page when everything fits");
      assertThrows(SqliteStore.InvalidCursorException.class, () -> store.list("posting", 10, "not-a-cursor"));
      assertThrows(IllegalArgumentException.class, () -> store.list("posting", 0, null));
    }
  }

  @Test
  void concurrentWritersLoseNothing(@TempDir Path dir) throws Exception {
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, ids("c"));
        ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> writes = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        writes.add(pool.submit(() -> store.create("candidate", "{\"n\":" + n + "}").id()));
      }
      Set<String> ids = new HashSet<>();
      for (Future<String> w : writes) {
        ids.add(w.get());
      }
      assertEquals(400, ids.size());
      assertEquals(400, store.count("candidate"));
    }
  }
}
