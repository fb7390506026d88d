package io.skillmatch.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The embedded store: one SQLite file in WAL mode with synchronous commits, so a document is on
 * disk before the call returns. One connection, used under a lock: SQLite serialises writers
 * anyway, and the service's reads are served from memory (issue 4). Thread-safe.
 */
public final class SqliteStore implements Store {

  private final Connection db;
  private final Clock clock;
  private final Supplier<String> ids;

  private SqliteStore(Connection db, Clock clock, Supplier<String> ids) {
    this.db = db;
    this.clock = clock;
    this.ids = ids;
  }

  /** Opens (creating if needed) the store in a directory. */
  public static SqliteStore open(Path dir, Clock clock, Supplier<String> ids) {
    try {
      Files.createDirectories(dir);
      return connect("jdbc:sqlite:" + dir.resolve("skillmatch.db"), clock, ids);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot open the store in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A store that lives only as long as the process: for tests and the stateless endpoints. */
  public static SqliteStore inMemory(Clock clock, Supplier<String> ids) {
    return connect("jdbc:sqlite::memory:", clock, ids);
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqliteStore.class);

  private static SqliteStore connect(String url, Clock clock, Supplier<String> ids) {
    Connection db = null;
    try {
      db = DriverManager.getConnection(url);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("CREATE TABLE IF NOT EXISTS items (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
            + " id TEXT NOT NULL, body TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL, UNIQUE (kind, id))");
        addColumn(db, "owner"); // stores written before API keys existed
        addColumn(db, "derived"); // stores written before parses were kept apart: moved out below
        // what was derived from each document, apart from it: a start-up reads all of it and none of
        // the bodies, and read through each row's body to reach it while it sat in items
        s.execute("CREATE TABLE IF NOT EXISTS kept (seq INTEGER PRIMARY KEY, derived BLOB NOT NULL)");
        // a candidate lists their own profiles: by owner, in order
        s.execute("CREATE INDEX IF NOT EXISTS items_owner ON items (kind, owner, seq)");
        // every listing of a kind (and the start-up read of all of them) walks this in order; without
        // it a page sorted every document of the kind, and reading a million took hours. It covers
        // the listing without bodies, which then reads no row of items
        s.execute("CREATE INDEX IF NOT EXISTS items_list ON items (kind, seq, id, owner)");
        s.execute("DROP INDEX IF EXISTS items_kind");
      }
      SqliteStore store = new SqliteStore(db, clock, ids);
      store.moveDerived();
      return store;
    } catch (SQLException | StoreException e) {
      if (db != null) {
        try {
          db.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
      }
      throw e instanceof StoreException known ? known
          : new StoreException("cannot open the store at " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves what a store kept in items.derived (before the kept table) into the kept table, a range
   * of rows at a time, each in its own transaction: a move cut short goes on at the next open. The
   * store's user_version marks it done, so that later opens read nothing.
   */
  private void moveDerived() throws SQLException {
    try (Statement s = db.createStatement()) {
      try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
        if (r.next() && r.getInt(1) >= KEPT_APART) {
          return;
        }
      }
      long last;
      try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM items")) {
        last = r.next() ? r.getLong(1) : 0;
      }
      long began = System.nanoTime();
      long moved = 0;
      try (PreparedStatement copy = db.prepareStatement("INSERT OR REPLACE INTO kept (seq, derived)"
              + " SELECT seq, CAST(derived AS BLOB) FROM items WHERE seq > ? AND seq <= ? AND derived IS NOT NULL");
          PreparedStatement clear = db.prepareStatement(
              "UPDATE items SET derived = NULL WHERE seq > ? AND seq <= ? AND derived IS NOT NULL")) {
        for (long from = 0; from < last; from += 10_000) {
          long after = from;
          moved += inTransaction("cannot move what was kept apart from the bodies", () -> {
            copy.setLong(1, after);
            copy.setLong(2, after + 10_000);
            int n = copy.executeUpdate();
            clear.setLong(1, after);
            clear.setLong(2, after + 10_000);
            clear.executeUpdate();
            return n;
          });
        }
      }
      s.execute("PRAGMA user_version = " + KEPT_APART);
      if (moved > 0) {
        LOG.info("moved what was kept of {} documents apart from their bodies in {} ms", moved,
            (System.nanoTime() - began) / 1_000_000);
      }
    }
  }

  // the store's user_version once what was derived is kept apart from the bodies
  private static final int KEPT_APART = 1;

  private static void addColumn(Connection db, String column) throws SQLException {
    if (!hasColumn(db, "items", column)) {
      try (Statement s = db.createStatement()) {
        s.execute("ALTER TABLE items ADD COLUMN " + column + " TEXT");
      } catch (SQLException e) {
        if (!hasColumn(db, "items", column)) { // another process may have added it meanwhile
          throw e;
        }
      }
    }
  }

  /** Random ids with a kind prefix ("p_3f9k2m8q1x"): not guessable, not sequential. */
  public static Supplier<String> randomIds() {
    java.security.SecureRandom random = new java.security.SecureRandom();
    return () -> {
      String alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
      StringBuilder sb = new StringBuilder(12);
      for (int i = 0; i < 12; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return sb.toString();
    };
  }

  @Override
  public synchronized Item create(String kind, Body body, String owner) {
    return createAll(kind, List.of(body), owner).get(0);
  }

  @Override
  public synchronized List<Item> createAll(String kind, List<Body> bodies, String owner) {
    Instant now = clock.instant();
    return inTransaction("cannot store a " + kind, () -> {
      List<Item> out = new ArrayList<>(bodies.size());
      try (PreparedStatement p = db.prepareStatement(
              "INSERT INTO items (kind, id, body, owner, created, updated) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement k = db.prepareStatement("INSERT INTO kept (seq, derived) VALUES (last_insert_rowid(), ?)")) {
        for (Body body : bodies) {
          String id = ids.get();
          p.setString(1, kind);
          p.setString(2, id);
          p.setString(3, body.json());
          p.setString(4, owner);
          p.setString(5, now.toString());
          p.setString(6, now.toString());
          p.executeUpdate();
          if (body.derived() != null) {
            k.setBytes(1, body.derived());
            k.executeUpdate();
          }
          out.add(new Item(kind, id, body.json(), body.derived(), owner, now, now));
        }
      }
      return out;
    });
  }

  /** Work that may fail midway, run in one transaction: all of it is committed, or none. */
  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  private <T> T inTransaction(String what, Work<T> work) {
    boolean committed = false;
    try {
      db.setAutoCommit(false);
      T result = work.run();
      db.commit();
      committed = true;
      return result;
    } catch (SQLException e) {
      throw new StoreException(what + ": " + e.getMessage(), e);
    } finally {
      // whatever failed (SQL, the id supplier, memory), nothing of the batch stays: turning
      // autocommit back on would commit what the transaction holds
      if (!committed) {
        rollback();
      }
      autoCommit(committed);
    }
  }

  private void rollback() {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // the first failure is the one worth reporting
    }
  }

  private void autoCommit(boolean raise) {
    try {
      db.setAutoCommit(true);
    } catch (SQLException e) {
      if (raise) { // otherwise the error on its way out is the one worth reporting
        throw new StoreException("cannot end a transaction: " + e.getMessage(), e);
      }
    }
  }

  private static boolean hasColumn(Connection db, String table, String column) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (r.next()) {
        if (column.equals(r.getString("name"))) {
          return true;
        }
      }
      return false;
    }
  }

  @Override
  public synchronized Optional<Item> get(String kind, String id) {
    try (PreparedStatement p = db.prepareStatement("SELECT i.seq, i.kind, i.id, i.body, k.derived, i.owner, i.created,"
        + " i.updated FROM items i LEFT JOIN kept k ON k.seq = i.seq WHERE i.kind = ? AND i.id = ?")) {
      p.setString(1, kind);
      p.setString(2, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(item(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read " + kind + " " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Optional<Item> update(String kind, String id, Body body) {
    Instant now = clock.instant();
    boolean found = inTransaction("cannot update " + kind + " " + id, () -> {
      try (PreparedStatement p = db.prepareStatement("UPDATE items SET body = ?, updated = ? WHERE kind = ? AND id = ?")) {
        p.setString(1, body.json());
        p.setString(2, now.toString());
        p.setString(3, kind);
        p.setString(4, id);
        if (p.executeUpdate() == 0) {
          return false;
        }
      }
      if (body.derived() == null) {
        forgetKept(kind, id);
      } else {
        keep(kind, java.util.Map.of(id, body.derived()));
      }
      return true;
    });
    return found ? get(kind, id) : Optional.empty();
  }

  @Override
  public synchronized void saveDerived(String kind, java.util.Map<String, byte[]> derivedById) {
    inTransaction("cannot keep what was derived from " + kind + "s", () -> {
      keep(kind, derivedById);
      return null;
    });
  }

  /** Drops what was kept of a document, in the transaction under way. */
  private void forgetKept(String kind, String id) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(
        "DELETE FROM kept WHERE seq = (SELECT seq FROM items WHERE kind = ? AND id = ?)")) {
      p.setString(1, kind);
      p.setString(2, id);
      p.executeUpdate();
    }
  }

  /** Keeps what was derived from documents by id, in the transaction under way; ids not stored are skipped. */
  private void keep(String kind, java.util.Map<String, byte[]> derivedById) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(
        "INSERT OR REPLACE INTO kept (seq, derived) SELECT seq, ? FROM items WHERE kind = ? AND id = ?")) {
      for (java.util.Map.Entry<String, byte[]> e : derivedById.entrySet()) {
        p.setBytes(1, e.getValue());
        p.setString(2, kind);
        p.setString(3, e.getKey());
        p.executeUpdate();
      }
    }
  }

  @Override
  public synchronized boolean delete(String kind, String id) {
    return inTransaction("cannot delete " + kind + " " + id, () -> {
      forgetKept(kind, id);
      try (PreparedStatement p = db.prepareStatement("DELETE FROM items WHERE kind = ? AND id = ?")) {
        p.setString(1, kind);
        p.setString(2, id);
        return p.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Page list(String kind, int limit, String cursor, String owner) {
    return list(kind, limit, cursor, owner, true);
  }

  @Override
  public Page listDerived(String kind, int limit, String cursor) {
    return list(kind, limit, cursor, null, false);
  }

  private synchronized Page list(String kind, int limit, String cursor, String owner, boolean bodies) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    long after = cursor == null ? 0 : decode(cursor);
    try (PreparedStatement p = db.prepareStatement(listSql(owner != null, bodies))) {
      int i = 1;
      p.setString(i++, kind);
      if (owner != null) {
        p.setString(i++, owner);
      }
      p.setLong(i++, after);
      p.setInt(i, limit + 1);
      List<Item> items = new ArrayList<>();
      long last = after;
      boolean more = false;
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          if (items.size() == limit) {
            more = true;
            break;
          }
          last = r.getLong(1);
          items.add(bodies ? item(r) : new Item(kind, r.getString(2), null, r.getBytes(3), r.getString(4), null, null));
        }
      }
      return new Page(List.copyOf(items), more ? encode(last) : null);
    } catch (SQLException e) {
      throw new StoreException("cannot list " + kind + ": " + e.getMessage(), e);
    }
  }

  /**
   * A page of a kind, or of one owner's documents of a kind. Two statements, not "(? IS NULL OR
   * owner = ?)": each must walk its own index in order rather than sort the whole kind per page.
   */
  static String listSql(boolean byOwner) {
    return listSql(byOwner, true);
  }

  private static String listSql(boolean byOwner, boolean bodies) {
    return (bodies ? "SELECT i.seq, i.kind, i.id, i.body, k.derived, i.owner, i.created, i.updated"
        : "SELECT i.seq, i.id, k.derived, i.owner")
        + " FROM items i LEFT JOIN kept k ON k.seq = i.seq WHERE i.kind = ?"
        + (byOwner ? " AND i.owner = ?" : "") + " AND i.seq > ? ORDER BY i.seq LIMIT ?";
  }

  /** The plan of the listing without bodies, for tests to read. */
  static String listDerivedSql() {
    return listSql(false, false);
  }

  @Override
  public synchronized void compact() {
    try (Statement s = db.createStatement()) {
      s.execute("VACUUM");
      // in WAL mode the new file was written through the log, which would stay as large on disk
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw new StoreException("cannot compact the store: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized long count(String kind) {
    try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM items WHERE kind = ?")) {
      p.setString(1, kind);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count " + kind + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the store: " + e.getMessage(), e);
    }
  }

  /** An item from a row of seq, kind, id, body, derived, owner, created, updated. */
  private static Item item(ResultSet r) throws SQLException {
    return new Item(r.getString(2), r.getString(3), r.getString(4), r.getBytes(5), r.getString(6),
        Instant.parse(r.getString(7)), Instant.parse(r.getString(8)));
  }

  /** Cursors are opaque to callers: the last position, base64url. */
  private static String encode(long seq) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("s" + seq).getBytes(StandardCharsets.UTF_8));
  }

  private static long decode(String cursor) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!s.startsWith("s")) {
        throw new IllegalArgumentException("not a cursor");
      }
      return Long.parseLong(s.substring(1));
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException(cursor);
    }
  }

  /** A cursor this store did not hand out. */
  public static final class InvalidCursorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidCursorException(String cursor) {
      super("not a cursor from this listing: " + cursor);
    }
  }

  /** The store failed (disk, file, database): a server-side error, never the caller's. */
  public static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
