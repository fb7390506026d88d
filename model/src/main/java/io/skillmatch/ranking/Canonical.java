package io.skillmatch.ranking;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each equal value, for values that recur across many stored documents (title
 * words, years, group names): each document held its own copy. Only the first {@code limit} values
 * seen are kept, so that odd input cannot grow the table without bound; later ones are returned as
 * they come. Values must be immutable. Thread-safe.
 */
public final class Canonical {
  private final int limit;
  private final Map<Object, Object> seen = new ConcurrentHashMap<>();

  public Canonical(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    this.limit = limit;
  }

  /** The instance held for values equal to this one; the value itself when none is (or null). */
  public <T> T of(T value) {
    if (value == null) {
      return null;
    }
    Object known = seen.get(value);
    if (known == null && seen.size() < limit) {
      known = seen.putIfAbsent(value, value);
    }
    @SuppressWarnings("unchecked")
    T same = known != null && known.getClass() == value.getClass() ? (T) known : value;
    return same;
  }

  /** How many values are held. */
  public int size() {
    return seen.size();
  }
}
