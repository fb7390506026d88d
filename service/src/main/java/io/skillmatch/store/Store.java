package io.skillmatch.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable documents by kind ("posting", "candidate") and id. A write returns only once it is
 * committed, so nothing acknowledged is lost. Implementations are thread-safe.
 */
public interface Store extends AutoCloseable {

  /**
   * A stored document: its JSON body as the service wrote it, and who owns it (the name of the
   * API key that created it; null when the service ran without keys).
   */
  record Item(String kind, String id, String body, String owner, Instant created, Instant updated) {}

  /** A page of a listing, in creation order, and the cursor of the next page (null at the end). */
  record Page(List<Item> items, String nextCursor) {}

  /** Stores a new document under a fresh id. */
  Item create(String kind, String body, String owner);

  /** Stores many new documents in one transaction: all or none. */
  List<Item> createAll(String kind, List<String> bodies, String owner);

  Optional<Item> get(String kind, String id);

  /** Replaces a document's body; empty when there is no such document. */
  Optional<Item> update(String kind, String id, String body);

  /** Deletes a document; false when there was none. */
  boolean delete(String kind, String id);

  /** Up to {@code limit} documents after the cursor (null for the first page). */
  default Page list(String kind, int limit, String cursor) {
    return list(kind, limit, cursor, null);
  }

  /** Up to {@code limit} documents of one owner (all when null) after the cursor. */
  Page list(String kind, int limit, String cursor, String owner);

  /** How many documents of a kind are stored. */
  long count(String kind);

  @Override
  void close();
}
