package io.skillmatch.parsing;

import io.skillmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds technology names the taxonomy does not know, so they are flagged instead of silently
 * dropped: an item of a list whose other items are known skills ("Kafka, Redpanda or Pulsar"),
 * shaped like a product name (capitalised, CamelCase, or with digits, dots, + or #). Conservative
 * by design: a flag must be worth a reader's look. Thread-safe.
 */
public final class UnknownSkills {

  /** At most this many are reported per text. */
  static final int MAX = 20;

  /** Ends of lines and sentences; a colon ends a label ("Skills: Java, Kafka"). */
  private static final Pattern BOUNDARY = Pattern.compile("\\n|[.!?:](?=\\s|$)");
  private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:[,;/|()\\[\\]]|\\s(?:or|and|&)\\s)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern LEAD = Pattern.compile("^(?:e\\.g\\.?|i\\.e\\.?|etc\\.?|including|such as|like|with|"
      + "and|or|plus|preferably|ideally)\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME_WORD = Pattern.compile("[A-Z][A-Za-z0-9.+#-]*|[a-z]+[A-Z][A-Za-z0-9]*|[A-Za-z]*[0-9][A-Za-z0-9.+#-]*");
  private static final Set<String> ORDINARY = Set.of("experience", "knowledge", "strong", "excellent", "ability",
      "familiarity", "understanding", "bachelor", "bachelors", "master", "masters", "degree", "years", "year", "plus",
      "other", "similar", "required", "preferred", "must", "nice", "senior", "junior", "skills", "skill", "tools",
      "tool", "technologies", "technology", "frameworks", "framework", "languages", "language", "platforms", "etc",
      "good", "proven", "solid", "hands", "working", "expert", "expertise", "proficiency", "proficient", "development",
      "developer", "engineer", "engineering", "design", "services", "service", "systems", "system", "team", "teams",
      "the", "a", "an", "our", "we", "you", "your", "us", "usa", "inc", "llc", "ltd", "corp", "company", "client",
      "clients", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "present", "current", "remote", "onsite", "contract", "full", "time", "equivalent",
      "certification", "certifications", "certified", "api", "apis", "tests", "testing", "data", "cloud", "web",
      "mobile", "backend", "frontend", "front", "end", "back", "server", "servers", "database", "databases", "ms",
      "bs", "ba", "phd", "mba", "sr", "jr", "it", "ui", "ux", "qa", "hr", "eeo", "gpa", "na", "n/a", "new", "york", "city");

  /** Lower-case words common in public postings and resumes, bundled (derived by ./skillmatch train). */
  public static final String COMMON_WORDS = "/io/skillmatch/parsing/common-words.txt";

  private final Taxonomy taxonomy;
  private final Set<String> commonWords;

  /**
   * @param commonWords words seen in lower case across many texts: a capitalised one ("Latency",
   *     "Mobility") starts a sentence or a heading, it does not name a product
   */
  public UnknownSkills(Taxonomy taxonomy, Set<String> commonWords) {
    this.taxonomy = taxonomy;
    this.commonWords = Set.copyOf(commonWords);
  }

  /** With the bundled common words (none when the artefact is absent, which only lowers precision). */
  public static UnknownSkills bundled(Taxonomy taxonomy) {
    try (java.io.InputStream in = UnknownSkills.class.getResourceAsStream(COMMON_WORDS)) {
      if (in == null) {
        return new UnknownSkills(taxonomy, Set.of());
      }
      String all = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return new UnknownSkills(taxonomy, Set.of(all.lines().filter(l -> !l.isBlank()).map(String::strip)
          .distinct().toArray(String[]::new)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + COMMON_WORDS, e);
    }
  }

  /** Unknown technology names in a text, given the known skills found in it; in text order. */
  public List<String> find(String text, List<Mention> mentions) {
    Set<String> out = new LinkedHashSet<>();
    Matcher boundary = BOUNDARY.matcher(text);
    int start = 0;
    int m = 0;
    while (start < text.length() && out.size() < MAX) {
      int end = boundary.find(start) ? boundary.start() : text.length();
      List<Mention> inside = new ArrayList<>();
      while (m < mentions.size() && mentions.get(m).start() < end) {
        if (mentions.get(m).start() >= start) {
          inside.add(mentions.get(m));
        }
        m++;
      }
      if (!inside.isEmpty() && end - start <= 400) {
        scan(text, start, end, inside, out);
      }
      start = end < text.length() ? boundary.end() : end;
    }
    return List.copyOf(out).subList(0, Math.min(MAX, out.size()));
  }

  private void scan(String text, int from, int to, List<Mention> known, Set<String> out) {
    List<int[]> items = new ArrayList<>();
    Matcher sep = SEPARATORS.matcher(text).region(from, to);
    int start = from;
    while (sep.find()) {
      items.add(new int[] {start, sep.start()});
      start = sep.end();
    }
    items.add(new int[] {start, to});
    if (items.size() < 3) {
      return; // not a list
    }
    boolean[] isKnown = new boolean[items.size()];
    for (int i = 0; i < items.size(); i++) {
      for (Mention k : known) {
        if (k.start() < items.get(i)[1] && k.end() > items.get(i)[0]) {
          isKnown[i] = true;
        }
      }
    }
    int knownItems = 0;
    for (boolean k : isKnown) {
      knownItems += k ? 1 : 0;
    }
    if (knownItems < 2) {
      return; // a list of skills names at least two the taxonomy knows
    }
    for (int i = 0; i < items.size(); i++) {
      boolean besideKnown = i > 0 && isKnown[i - 1] || i + 1 < items.size() && isKnown[i + 1];
      if (isKnown[i] || !besideKnown) {
        continue;
      }
      // a plain capitalised word ("Redpanda", but also "Boston") needs a list of skills on both sides
      boolean between = i > 0 && isKnown[i - 1] && (i + 1 == items.size() || isKnown[i + 1]);
      String item = LEAD.matcher(text.substring(items.get(i)[0], items.get(i)[1]).strip()).replaceFirst("").strip();
      item = item.replaceAll("^[-*•:\\s]+|[.:!\\s]+$", "");
      boolean plainWord = item.indexOf(' ') < 0 && !commonWords.contains(item.toLowerCase(Locale.ROOT));
      if (looksLikeAName(item) && !glued(item) && (productShaped(item) || plainWord && between && knownItems >= 3)
          && taxonomy.resolve(item).isEmpty()) {
        out.add(item);
      }
    }
  }

  private static final Pattern PRODUCT = Pattern.compile(".*(?:[a-z][A-Z]|[A-Za-z][0-9]|[0-9][A-Za-z]|[A-Za-z][.+#]).*");

  /** CamelCase inside a word, letters with digits, or a dot, + or # inside: CitusDB, Neo4j, Vue.js. */
  private static boolean productShaped(String item) {
    return PRODUCT.matcher(item).matches();
  }

  private static final Pattern GLUED = Pattern.compile("^[a-z]{2,}[A-Z].*|.*[a-z](?:Responsibilities|Qualifications"
      + "|Requirements|Title|Skills|Experience|Education|Summary|Description|Duties|Benefits|Design|Location).*");

  /** Words run together by a lost line break ("experienceNetApp", "PythonTitle"), not a name. */
  private static boolean glued(String item) {
    return GLUED.matcher(item).matches();
  }

  private static boolean looksLikeAName(String item) {
    String[] words = item.split("\\s+");
    if (item.isEmpty() || words.length > 3 || item.length() > 40) {
      return false;
    }
    for (String w : words) {
      if (!NAME_WORD.matcher(w).matches() || ORDINARY.contains(w.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    if (item.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '+') || item.matches("(?:[A-Z]\\.)+[A-Z]?")) {
      return false;
    }
    // two or three capital letters alone are states, units and departments far more often than tools
    return !(words.length == 1 && item.length() <= 3 && item.chars().allMatch(Character::isUpperCase));
  }
}
