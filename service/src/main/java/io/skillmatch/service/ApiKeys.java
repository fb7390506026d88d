package io.skillmatch.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call the service: API keys, each held by a named principal with one role. Read from
 * {@code role:name:key} entries, one a line or comma-separated ({@code #} starts a comment). Only
 * SHA-256 digests of the keys are kept. With no keys the service is open (see {@link App}).
 * Immutable.
 */
public final class ApiKeys {

  /** What a key may do. */
  public enum Role {
    /** everything, including other people's documents and /metrics */
    ADMIN,
    /** posts and manages their own postings; scores and searches candidates for them */
    RECRUITER,
    /** keeps their own profile and asks for their own matches */
    CANDIDATE;

    /** The role of that name, or empty; the text is never repeated back (it may be a misplaced key). */
    static java.util.Optional<Role> of(String s) {
      for (Role r : values()) {
        if (r.name().equalsIgnoreCase(s.strip())) {
          return java.util.Optional.of(r);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /**
   * The holder of a key. {@code name} owns what the key creates; it is null only for the open
   * service, whose documents belong to no one.
   */
  public record Principal(String name, Role role) {
    public boolean admin() {
      return role == Role.ADMIN;
    }

    /** Whether this principal may act on a document owned by {@code owner}. */
    public boolean owns(String owner) {
      return admin() || name != null && name.equals(owner);
    }
  }

  /** The principal of an open service: every call acts as an unnamed admin. */
  static final Principal OPEN = new Principal(null, Role.ADMIN);

  private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile("(^|\\s)#");

  /** Shortest key accepted: 16 characters leave no room for guessing. */
  static final int MIN_KEY_LENGTH = 16;

  private final Map<String, Principal> byDigest;

  private ApiKeys(Map<String, Principal> byDigest) {
    this.byDigest = Map.copyOf(byDigest);
  }

  /** No keys: the service is open. */
  public static ApiKeys none() {
    return new ApiKeys(Map.of());
  }

  /**
   * Reads {@code role:name:key} entries; throws {@link IllegalArgumentException} naming the
   * entry at fault (by number, never by its key).
   */
  public static ApiKeys parse(String entries) {
    Map<String, Principal> byDigest = new HashMap<>();
    Map<String, Role> roleOf = new HashMap<>();
    int n = 0;
    for (String line : entries.split("[\\n,]")) {
      // a comment starts a line or follows a space; a '#' inside a key is part of it
      java.util.regex.Matcher comment = COMMENT.matcher(line);
      String entry = (comment.find() ? line.substring(0, comment.start()) : line).strip();
      if (entry.isEmpty()) {
        continue;
      }
      n++;
      String[] parts = entry.split(":", 3);
      if (parts.length != 3 || parts[1].isBlank()) {
        throw new IllegalArgumentException("API key entry " + n + " is not role:name:key");
      }
      int entryNo = n;
      Role role = Role.of(parts[0]).orElseThrow(() -> new IllegalArgumentException("API key entry " + entryNo
          + ": the role is not admin, recruiter or candidate (entries are role:name:key)"));
      String name = parts[1].strip();
      String key = parts[2].strip();
      if (key.length() < MIN_KEY_LENGTH) {
        throw new IllegalArgumentException("API key entry " + n + " (" + name + "): the key is shorter than "
            + MIN_KEY_LENGTH + " characters");
      }
      Role before = roleOf.putIfAbsent(name, role);
      if (before != null && before != role) {
        throw new IllegalArgumentException("API key entry " + n + ": " + name + " has two roles, " + before + " and " + role);
      }
      if (byDigest.put(digest(key), new Principal(name, role)) != null) {
        throw new IllegalArgumentException("API key entry " + n + " (" + name + "): the same key is listed twice");
      }
    }
    return new ApiKeys(byDigest);
  }

  /** True when no keys are configured. */
  public boolean open() {
    return byDigest.isEmpty();
  }

  /** How many keys there are. */
  public int size() {
    return byDigest.size();
  }

  /** Who holds the key, if anyone. */
  public Optional<Principal> holder(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(byDigest.get(digest(key)));
  }

  private static String digest(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
