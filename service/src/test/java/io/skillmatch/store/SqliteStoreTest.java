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
      Store.Item a = store.create("posting", "{\"title\":\"Go engineer\"}", "acme");
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
        store.create("candidate", "{\"n\":" + i + "}", null);
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
        store.create("posting", "{}", null);
      }
      store.create("candidate", "{}", null);
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
        writes.add(pool.submit(() -> store.create("candidate", "{\"n\":" + n + "}", null).id()));
      }
      Set<String> ids = new HashSet<>();
      for (Future<String> w : writes) {
        ids.add(w.get());
      }
      assertEquals(400, ids.size());
      assertEquals(400, store.count("candidate"));
    }
  }

  @Test
  void ownersAreKeptAndListedApart(@TempDir Path dir) {
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, ids("c"))) {
      store.create("candidate", "{}", "alice");
      store.create("candidate", "{}", "bob");
      store.createAll("candidate", bodies("{\"a\":1}", "{\"a\":2}"), "alice");
      assertEquals("alice", store.get("candidate", "c1").orElseThrow().owner());
      assertEquals(List.of("c1", "c3", "c4"),
          store.list("candidate", 10, null, "alice").items().stream().map(Store.Item::id).toList());
      assertEquals(4, store.list("candidate", 10, null).items().size(), "no owner lists everyone's");
      assertEquals("alice", store.update("candidate", "c3", "{}").orElseThrow().owner(), "a replace keeps the owner");
    }
  }

  @Test
  void aFailedBatchWritesNothing(@TempDir Path dir) {
    java.util.Iterator<String> same = List.of("c1", "c2", "c2").iterator();
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, same::next)) {
      assertThrows(SqliteStore.StoreException.class, () -> store.createAll("candidate", bodies("{}", "{}", "{}"), null));
      assertEquals(0, store.count("candidate"), "the two rows before the clash are rolled back");
    }
  }

  @Test
  void aBatchThatFailsOutsideSqlWritesNothingEither(@TempDir Path dir) {
    java.util.Iterator<String> two = List.of("c1", "c2").iterator();
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, two::next)) { // the third id never comes
      assertThrows(java.util.NoSuchElementException.class, () -> store.createAll("candidate", bodies("{}", "{}", "{}"), null));
      assertEquals(0, store.count("candidate"), "rolled back, not committed when autocommit comes back");
    }
  }

  @Test
  void aStoreFromBeforeOwnersOpensWithTheColumnAdded(@TempDir Path dir) throws Exception {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("skillmatch.db"));
        java.sql.Statement s = db.createStatement()) {
      s.execute("CREATE TABLE items (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id TEXT NOT NULL,"
          + " body TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL, UNIQUE (kind, id))");
      s.execute("INSERT INTO items (kind, id, body, created, updated) VALUES ('posting', 'old', '{}',"
          + " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    }
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, ids("p"))) {
      assertNull(store.get("posting", "old").orElseThrow().owner());
      assertNull(store.get("posting", "old").orElseThrow().derived(), "nothing was derived before the column");
      assertEquals("acme", store.create("posting", "{}", "acme").owner());
    }
  }

  @Test
  void whatWasDerivedIsKeptWithTheBodyAndReplacedWithIt(@TempDir Path dir) {
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, ids("p"))) {
      store.create("posting", new Store.Body("{\"v\":1}", bytes("parse 1")), null);
      store.createAll("posting", List.of(new Store.Body("{\"v\":2}", bytes("parse 2")), new Store.Body("{\"v\":3}", null)),
          null);
      assertEquals("parse 1", derived(store.get("posting", "p1")));
      assertNull(store.get("posting", "p3").orElseThrow().derived());

      store.update("posting", "p1", new Store.Body("{\"v\":9}", bytes("parse 9")));
      assertEquals("parse 9", derived(store.get("posting", "p1")));
      store.update("posting", "p2", "{\"v\":8}");
      assertNull(store.get("posting", "p2").orElseThrow().derived(), "a body replaced alone drops what came from the old one");
      assertTrue(store.update("posting", "nobody", new Store.Body("{}", bytes("x"))).isEmpty());

      store.saveDerived("posting", java.util.Map.of("p3", bytes("parse 3"), "gone", bytes("x")));
      assertEquals("parse 3", derived(store.get("posting", "p3")));
      assertEquals(3, store.count("posting"), "an unknown id creates nothing");
      assertTrue(store.delete("posting", "p3"));
      assertEquals(List.of("p1", "p2"), store.list("posting", 10, null).items().stream().map(Store.Item::id).toList());
    }
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("skillmatch.db"));
        java.sql.Statement s = db.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM kept WHERE seq NOT IN (SELECT seq FROM items)")) {
      assertEquals(0, r.getInt(1), "nothing kept of a deleted document stays");
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, ids("q"))) {
      assertEquals(List.of("parse 9"), store.list("posting", 10, null).items().stream()
          .map(Store.Item::derived).filter(java.util.Objects::nonNull).map(String::new).toList(), "durable");
    }
  }

  @Test
  void whatAStoreKeptWithItsBodiesIsMovedApartOnOpen(@TempDir Path dir) throws Exception {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("skillmatch.db"));
        java.sql.Statement s = db.createStatement()) {
      s.execute("CREATE TABLE items (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id TEXT NOT NULL,"
          + " body TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL, owner TEXT, derived TEXT,"
          + " UNIQUE (kind, id))");
      s.execute("BEGIN");
      for (int i = 1; i <= 25_003; i++) { // past two of the move's batches
        s.execute("INSERT INTO items (kind, id, body, created, updated, derived) VALUES ('posting', 'p" + i + "', '{}',"
            + " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', " + (i % 3 == 0 ? "NULL" : "'kept é " + i + "'") + ")");
      }
      s.execute("COMMIT");
    }
    for (int open = 0; open < 2; open++) {
      try (SqliteStore store = SqliteStore.open(dir, CLOCK, ids("x"))) {
        assertEquals("kept é 1", derived(store.get("posting", "p1")), "text read back as its UTF-8 bytes");
        assertNull(store.get("posting", "p3").orElseThrow().derived());
        assertEquals("kept é 25003", derived(store.get("posting", "p25003")));
        List<Store.Item> all = new ArrayList<>();
        String cursor = null;
        do {
          Store.Page page = store.listDerived("posting", 10_000, cursor);
          all.addAll(page.items());
          cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(25_003, all.size());
        assertEquals(25_003 - 25_003 / 3, all.stream().filter(item -> item.derived() != null).count());
        store.saveDerived("posting", java.util.Map.of("p2", bytes("new")));
      }
      try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("skillmatch.db"));
          java.sql.Statement s = db.createStatement();
          java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM items WHERE derived IS NOT NULL")) {
        assertEquals(0, r.getInt(1), "the old column is emptied");
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String derived(java.util.Optional<Store.Item> item) {
    return new String(item.orElseThrow().derived(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aListingOfWhatWasDerivedHasNoBodiesAndPagesAsTheFullOne(@TempDir Path dir) {
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, ids("p"))) {
      for (int i = 0; i < 7; i++) {
        store.create("posting", new Store.Body("{\"n\":" + i + "}", i % 2 == 0 ? bytes("parse " + i) : null), "o" + i % 3);
      }
      store.create("candidate", new Store.Body("{}", bytes("other kind")), null);
      List<Store.Item> full = new ArrayList<>();
      List<Store.Item> lean = new ArrayList<>();
      String a = null;
      String b = null;
      do {
        Store.Page page = store.list("posting", 3, a);
        Store.Page leanPage = store.listDerived("posting", 3, b);
        full.addAll(page.items());
        lean.addAll(leanPage.items());
        a = page.nextCursor();
        b = leanPage.nextCursor();
        assertEquals(a, b, "the same cursors");
      } while (a != null);
      assertEquals(7, lean.size());
      assertTrue(lean.stream().allMatch(item -> item.body() == null && item.created() == null), "no bodies, no times");
      java.util.function.Function<Store.Item, String> shown = item -> item.kind() + " " + item.id() + " " + item.owner()
          + " " + (item.derived() == null ? null : new String(item.derived(), java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(full.stream().map(shown).toList(), lean.stream().map(shown).toList(), "all else as listed in full");
    }
  }

  @Test
  void pagesWalkAnIndexInOrderInsteadOfSortingTheKind(@TempDir Path dir) throws Exception {
    SqliteStore.open(dir, CLOCK, ids("p")).close();
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("skillmatch.db"))) {
      for (boolean byOwner : new boolean[] {false, true}) {
        StringBuilder plan = new StringBuilder();
        try (java.sql.PreparedStatement p = db.prepareStatement("EXPLAIN QUERY PLAN " + SqliteStore.listSql(byOwner))) {
          p.setString(1, "posting");
          p.setString(2, byOwner ? "alice" : "0");
          p.setString(3, "0");
          if (byOwner) {
            p.setString(4, "10");
          }
          try (java.sql.ResultSet r = p.executeQuery()) {
            while (r.next()) {
              plan.append(r.getString("detail")).append('\n');
            }
          }
        }
        assertTrue(plan.toString().contains(byOwner ? "items_owner (kind=? AND owner=? AND seq>?)"
            : "items_list (kind=? AND seq>?)"), plan.toString());
        assertFalse(plan.toString().contains("TEMP B-TREE"), "no sort per page: " + plan);
      }
    }
  }

  @Test
  void theListingWithoutBodiesReadsNoRowOfTheItems(@TempDir Path dir) throws Exception {
    SqliteStore.open(dir, CLOCK, ids("p")).close();
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("skillmatch.db"));
        java.sql.PreparedStatement p = db.prepareStatement("EXPLAIN QUERY PLAN " + SqliteStore.listDerivedSql())) {
      p.setString(1, "posting");
      p.setString(2, "0");
      p.setString(3, "10");
      StringBuilder plan = new StringBuilder();
      try (java.sql.ResultSet r = p.executeQuery()) {
        while (r.next()) {
          plan.append(r.getString("detail")).append('\n');
        }
      }
      assertTrue(plan.toString().contains("USING COVERING INDEX items_list (kind=? AND seq>?)"), plan.toString());
      assertTrue(plan.toString().contains("USING INTEGER PRIMARY KEY"), "what was kept by its seq: " + plan);
      assertFalse(plan.toString().contains("TEMP B-TREE"), "no sort per page: " + plan);
    }
  }

  private static List<Store.Body> bodies(String... json) {
    return java.util.Arrays.stream(json).map(j -> new Store.Body(j, null)).toList();
  }
}
