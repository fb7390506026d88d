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
   * A stored document: its JSON body as the service wrote it, what the service derived from it (its
   * parse, so that a restart need not parse it again; opaque bytes, null when none was kept), and who
   * owns it (the name of the API key that created it; null when the service ran without keys).
   * Times are null in a listing without bodies.
   */
  record Item(String kind, String id, String body, byte[] derived, String owner, Instant created, Instant updated) {}

  /** What to store of a document: its JSON body and what was derived from it (null when nothing). */
  record Body(String json, byte[] derived) {
    public Body {
      java.util.Objects.requireNonNull(json, "json");
    }
  }

  /** A page of a listing, in creation order, and the cursor of the next page (null at the end). */
  record Page(List<Item> items, String nextCursor) {}

  /** Stores a new document under a fresh id. */
  Item create(String kind, Body body, String owner);

  /** Stores a new document with nothing derived from it. */
  default Item create(String kind, String json, String owner) {
    return create(kind, new Body(json, null), owner);
  }

  /** Stores many new documents in one transaction: all or none. */
  List<Item> createAll(String kind, List<Body> bodies, String owner);

  Optional<Item> get(String kind, String id);

  /** Replaces a document's body and what was derived from it; empty when there is no such document. */
  Optional<Item> update(String kind, String id, Body body);

  /** Replaces a document's body, with nothing derived from it. */
  default Optional<Item> update(String kind, String id, String json) {
    return update(kind, id, new Body(json, null));
  }

  /**
   * Keeps what was derived anew from stored documents (after the parsers changed), by id, in one
   * transaction; ids no longer stored are skipped.
   */
  void saveDerived(String kind, java.util.Map<String, byte[]> derivedById);

  /** Deletes a document; false when there was none. */
  boolean delete(String kind, String id);

  /** Up to {@code limit} documents after the cursor (null for the first page). */
  default Page list(String kind, int limit, String cursor) {
    return list(kind, limit, cursor, null);
  }

  /** Up to {@code limit} documents of one owner (all when null) after the cursor. */
  Page list(String kind, int limit, String cursor, String owner);

  /**
   * Up to {@code limit} documents after the cursor without their bodies or times (null in each
   * item): what was derived from them, for preparing them again without reading what they were
   * derived from.
   */
  Page listDerived(String kind, int limit, String cursor);

  /**
   * Rewrites the store's storage in order and without the space freed within it, after much of it
   * was rewritten (what was kept of most documents replaced at once): a restart then reads it in
   * order. Takes a while, and room for a second copy.
   */
  void compact();

  /** How many documents of a kind are stored. */
  long count(String kind);

  @Override
  void close();
}
