package io.skillmatch.service;

import io.skillmatch.parsing.Evidence;
import io.skillmatch.parsing.Importance;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.parsing.Requirement;
import io.skillmatch.parsing.Seniority;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses as compact bytes, for keeping them beside their documents: a restart reads every kept parse
 * back, and JSON was most of that work and of the bytes read. Fields go in record order, without
 * names; numbers as varints; each distinct string once per parse, then by reference (the evidence
 * of every skill on a resume's skills line is one sentence). Enums go by ordinal: the parsing
 * package's fingerprint, which marks every kept parse, changes with them. Bytes that do not read
 * as a parse throw {@link IllegalArgumentException}. Any change to what is written here must change
 * {@link #FORMAT}, or parses kept before it would be misread.
 */
final class ParseCodec {
  private ParseCodec() {}

  /**
   * The first byte of a kept form (the text form before it began with a hex digit). Any change to
   * what this class writes must change it, or what was kept before would be misread.
   */
  static final byte FORMAT = 2;

  /** Where a kept form's parse and text vector lie in its bytes (the vector runs to their end). */
  record Kept(byte[] bytes, int parse, int parseLength, int vector) {}

  /**
   * What is kept of a document: the format byte, the version of the readers that parsed it, the
   * parse as {@link #write} wrote it, and its text vector's text (ASCII), each after its length:
   * a form cut anywhere is refused.
   */
  static byte[] kept(String version, byte[] parse, String vector) {
    Out out = new Out();
    out.varint(FORMAT);
    out.bytes(version.getBytes(StandardCharsets.US_ASCII));
    out.bytes(parse);
    out.bytes(vector.getBytes(StandardCharsets.US_ASCII));
    return out.bytes();
  }

  /** The layout of a form kept under this version; null when it is not one (another version or form). */
  static Kept kept(byte[] derived, String version) {
    if (derived == null || derived.length == 0 || derived[0] != FORMAT) {
      return null;
    }
    In in = new In(derived, 1, derived.length - 1, null);
    try {
      int n = in.count();
      if (!InternedStrings.same(version, derived, in.at, n)) {
        return null;
      }
      in.at += n;
      int length = in.count();
      int parse = in.at;
      in.at += length;
      int vector = in.count();
      if (in.at + vector != derived.length) {
        return null;
      }
      return new Kept(derived, parse, length, in.at);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static byte[] write(ParsedPosting p) {
    Out out = new Out();
    out.string(p.title());
    out.ordinal(p.seniority());
    out.integer(p.minYears());
    out.varint(p.requirements().size());
    for (Requirement r : p.requirements()) {
      out.string(r.skill());
      out.string(r.skillId());
      out.ordinal(r.importance());
      out.integer(r.minYears());
      out.string(r.anyOf());
      out.evidence(r.evidence());
    }
    out.strings(p.unknownSkills());
    out.strings(p.warnings());
    return out.bytes();
  }

  static byte[] write(ParsedProfile p) {
    Out out = new Out();
    out.varint(p.skills().size());
    for (ProfileSkill k : p.skills()) {
      out.string(k.skill());
      out.string(k.skillId());
      out.decimal(k.years());
      out.integer(k.lastUsedYear());
      out.varint(k.weak() ? 1 : 0);
      out.evidence(k.evidence());
    }
    out.decimal(p.totalYears());
    out.ordinal(p.seniority());
    out.strings(p.titles());
    out.strings(p.unknownSkills());
    out.strings(p.warnings());
    return out.bytes();
  }

  /**
   * A posting from {@code length} bytes at {@code from}; without evidence when not {@code evidence};
   * skill names and ids as {@code names} holds them.
   */
  static ParsedPosting posting(byte[] bytes, int from, int length, boolean evidence, InternedStrings names) {
    In in = new In(bytes, from, length, names);
    try {
      String title = in.string();
      Seniority seniority = in.ordinal(Seniority.values());
      Integer minYears = in.integer();
      Requirement[] reqs = new Requirement[in.count()];
      for (int i = 0; i < reqs.length; i++) {
        String skill = in.name();
        String skillId = in.name();
        Importance importance = in.ordinal(Importance.values());
        Integer years = in.integer();
        String anyOf = in.string();
        Evidence e = in.evidence();
        reqs[i] = new Requirement(skill, skillId, importance, years, anyOf, evidence ? e : null);
      }
      ParsedPosting p = new ParsedPosting(title, seniority, minYears, List.of(reqs), in.strings(), in.strings());
      in.end();
      return p;
    } catch (IndexOutOfBoundsException | NullPointerException e) {
      throw new IllegalArgumentException("not a kept posting: " + e.getMessage(), e);
    }
  }

  /** A profile from {@code length} bytes at {@code from} (as for a posting). */
  static ParsedProfile profile(byte[] bytes, int from, int length, InternedStrings names) {
    In in = new In(bytes, from, length, names);
    try {
      ProfileSkill[] skills = new ProfileSkill[in.count()];
      for (int i = 0; i < skills.length; i++) {
        skills[i] = new ProfileSkill(in.name(), in.name(), in.decimal(), in.integer(), in.flag(), in.evidence());
      }
      ParsedProfile p = new ParsedProfile(List.of(skills), in.decimal(), in.ordinal(Seniority.values()), in.strings(),
          in.strings(), in.strings());
      in.end();
      return p;
    } catch (IndexOutOfBoundsException | NullPointerException e) {
      throw new IllegalArgumentException("not a kept profile: " + e.getMessage(), e);
    }
  }

  /** Writes varints, strings once each, and the rest on them. */
  private static final class Out {
    private byte[] buf = new byte[512];
    private int size;
    private final Map<String, Integer> strings = new HashMap<>();

    void varint(long v) {
      room(10);
      while ((v & ~0x7FL) != 0) {
        buf[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    /** Null as 0; otherwise zig-zagged, plus one. */
    void integer(Integer v) {
      varint(v == null ? 0 : ((long) v << 1 ^ (long) v >> 63) + 1);
    }

    /** Null as 0; otherwise 1, then the double's eight bytes (no loss). */
    void decimal(Double v) {
      varint(v == null ? 0 : 1);
      if (v != null) {
        room(8);
        long bits = Double.doubleToRawLongBits(v);
        for (int i = 0; i < 8; i++) {
          buf[size++] = (byte) (bits >>> (8 * i));
        }
      }
    }

    private void room(int bytes) {
      if (size + bytes > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + bytes));
      }
    }

    void ordinal(Enum<?> e) {
      varint(e == null ? 0 : e.ordinal() + 1);
    }

    /** Null as 0; a string seen before as 2 × its index + 1; a new one as 2 × its UTF-8 length + 2, then the bytes. */
    void string(String s) {
      if (s == null) {
        varint(0);
        return;
      }
      Integer seen = strings.putIfAbsent(s, strings.size());
      if (seen != null) {
        varint(2L * seen + 1);
        return;
      }
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      varint(2L * utf8.length + 2);
      raw(utf8);
    }

    /** A length, then the bytes. */
    void bytes(byte[] b) {
      varint(b.length);
      raw(b);
    }

    void raw(byte[] b) {
      room(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
    }

    void strings(List<String> list) {
      varint(list.size());
      list.forEach(this::string);
    }

    void evidence(Evidence e) {
      if (e == null) {
        varint(0);
      } else {
        string(e.text());
        varint(e.start() + 1L);
        varint(e.end() - (long) e.start());
      }
    }

    byte[] bytes() {
      return java.util.Arrays.copyOf(buf, size);
    }
  }

  /** Reads what {@link Out} wrote; out-of-range reads throw. */
  private static final class In {
    private static final String[] NO_STRINGS = {};
    private final byte[] buf;
    private int at;
    private final int end;
    // the strings read so far, which later ones may name by position: an array, not a list grown
    // from ten, since a parse holds a few dozen; none until the first (reading a layout reads none)
    private String[] strings = NO_STRINGS;
    private int seen;
    private final InternedStrings names;

    In(byte[] buf, int from, int length, InternedStrings names) {
      java.util.Objects.checkFromIndexSize(from, length, buf.length);
      this.names = names;
      this.buf = buf;
      this.at = from;
      this.end = from + length;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = next();
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("varint too long");
    }

    private byte next() {
      if (at >= end) {
        throw new IllegalArgumentException("ends early");
      }
      return buf[at++];
    }

    int count() {
      long n = varint();
      if (n < 0 || n > end - at) { // every item takes a byte at least
        throw new IllegalArgumentException("count past the end: " + n);
      }
      return (int) n;
    }

    Integer integer() {
      long v = varint();
      if (v == 0) {
        return null;
      }
      long z = v - 1;
      long n = z >>> 1 ^ -(z & 1);
      if (n != (int) n) {
        throw new IllegalArgumentException("not an int: " + n);
      }
      return (int) n;
    }

    Double decimal() {
      long flag = varint();
      if (flag == 0) {
        return null;
      }
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits |= (long) (next() & 0xFF) << (8 * i);
      }
      return Double.longBitsToDouble(bits);
    }

    boolean flag() {
      long v = varint();
      if (v > 1) {
        throw new IllegalArgumentException("not a flag: " + v);
      }
      return v == 1;
    }

    <E extends Enum<E>> E ordinal(E[] values) {
      long v = varint();
      if (v < 0 || v > values.length) {
        throw new IllegalArgumentException("no such value: " + v);
      }
      return v == 0 ? null : values[(int) v - 1];
    }

    String string() {
      return string(false);
    }

    /** A string as {@link #names} holds it. */
    String name() {
      return string(true);
    }

    private String string(boolean name) {
      long v = varint();
      if (v == 0) {
        return null;
      }
      if ((v & 1) == 1) {
        long i = v >>> 1;
        if (i >= seen) {
          throw new IllegalArgumentException("no string " + i + " read before");
        }
        return strings[(int) i];
      }
      long length = (v >>> 1) - 1;
      if (length > end - at) {
        throw new IllegalArgumentException("string past the end: " + length);
      }
      String s = name ? names.of(buf, at, (int) length) : new String(buf, at, (int) length, StandardCharsets.UTF_8);
      at += (int) length;
      if (seen == strings.length) {
        strings = java.util.Arrays.copyOf(strings, Math.max(32, 2 * seen));
      }
      strings[seen++] = s;
      return s;
    }

    List<String> strings() {
      String[] out = new String[count()];
      for (int i = 0; i < out.length; i++) {
        out[i] = string();
      }
      return List.of(out);
    }

    Evidence evidence() {
      String text = string();
      if (text == null) {
        return null;
      }
      long start = varint() - 1;
      long length = varint();
      if (start < 0 || length < 0 || start > Integer.MAX_VALUE || start + length > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("not a span: " + start + "+" + length);
      }
      return new Evidence(text, (int) start, (int) (start + length));
    }

    void end() {
      if (at != end) {
        throw new IllegalArgumentException((end - at) + " bytes past the parse");
      }
    }
  }
}
