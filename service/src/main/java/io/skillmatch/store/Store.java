package io.skillmatch.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable documents by kind ("posting", "candidate") and id. A write returns only once it is
 * committed, so nothing acknowledged is lost. Implementations are thread-safe.
 */
public interface Store extends AutoCloseable {

  /** A stored document: its JSON body as the service wrote it. */
  record Item(String kind, String id, String body, Instant created, Instant updated) {}

  /** A page of a listing, in creation order, and the cursor of the next page (null at the end). */
  record Page(List<Item> items, String nextCursor) {}

  /** Stores a new document under a fresh id. */
  Item create(String kind, String body);

  Optional<Item> get(String kind, String id);

  /** Replaces a document's body; empty when there is no such document. */
  Optional<Item> update(String kind, String id, String body);

  /** Deletes a document; false when there was none. */
  boolean delete(String kind, String id);

  /** Up to {@code limit} documents after the cursor (null for the first page). */
  Page list(String kind, int limit, String cursor);

  /** How many documents of a kind are stored. */
  long count(String kind);

  @Override
  void close();
}
