package io.skillmatch.service;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Strings that recur across many documents (skill names and ids) held once each ({@link
 * String#intern}), found again from their UTF-8 bytes without decoding them: a restart reads tens
 * of millions of them, each one of a few thousand. A table of the last string seen in each slot of
 * a hash of its bytes; a string not in its slot is decoded and interned, so every string returned
 * is the interned one, whatever the table holds. Thread-safe.
 */
final class InternedStrings {
  private static final int SLOTS = 1 << 15;
  private final AtomicReferenceArray<String> slots = new AtomicReferenceArray<>(SLOTS);

  /** The interned string of {@code length} UTF-8 bytes at {@code from}. */
  String of(byte[] bytes, int from, int length) {
    int h = 0;
    boolean ascii = true;
    for (int i = from; i < from + length; i++) {
      h = 31 * h + (bytes[i] & 0xFF);
      ascii &= bytes[i] >= 0;
    }
    int slot = spread(h);
    String known = slots.getPlain(slot);
    if (ascii && known != null && same(known, bytes, from, length)) {
      return known;
    }
    String made = new String(bytes, from, length, StandardCharsets.UTF_8).intern();
    if (ascii) { // only ASCII strings hash alike as bytes and as chars
      slots.setPlain(slot, made);
    }
    return made;
  }

  /** The interned string equal to this one. */
  String of(String s) {
    int slot = spread(s.hashCode());
    String known = slots.getPlain(slot);
    if (known == s || known != null && known.equals(s)) {
      return known;
    }
    String made = s.intern();
    slots.setPlain(slot, made);
    return made;
  }

  private static int spread(int h) {
    return (h ^ h >>> 15) & (SLOTS - 1);
  }

  /** Whether {@code length} bytes at {@code from} are this string, each char one byte (ASCII). */
  static boolean same(String s, byte[] bytes, int from, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != bytes[from + i]) {
        return false;
      }
    }
    return true;
  }
}
