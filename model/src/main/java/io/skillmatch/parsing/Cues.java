package io.skillmatch.parsing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cue phrases inside a sentence that say how much a skill is needed, and years phrases. */
final class Cues {

  private static final Pattern PREFERRED =
      Pattern.compile("\\b(is an? (big |huge |major |definite |strong )?plus|are an? (big |huge )?plus"
          + "|(big|huge|major|definite|strong|a) plus\\b|\\bplus:|\\bbonus\\b|nice[- ]to[- ]have|nice to"
          + " have|preferred|preferably|preferable|desirable|desired|ideally|is an advantage|an asset"
          + "|willing(ness)? to learn|eager to learn|keen to learn|would be (great|nice|good|a plus)"
          + "|great to have|good to have|not required|optional"
          + "|don.?t (have|need) to|do not (have|need) to|not necessary|appreciated|is helpful"
          + "|are helpful|helpful but|a bonus|we.?d love|would love|extra points|bonus points)");
  private static final Pattern REQUIRED =
      Pattern.compile("\\b(must|required|requires|require|mandatory|essential|need to have"
          + "|needs to have|you have|you bring|strong (experience|knowledge|background)|proven"
          + "|solid|expert|expertise|deep (experience|knowledge))\\b");

  /** Words, one of which every match of {@link #PREFERRED} contains. */
  private static final java.util.Set<String> PREFERRED_TRIGGERS =
      java.util.Set.of("plus", "bonus", "nice", "preferred", "preferably", "preferable", "desirable",
          "desired", "ideally", "advantage", "asset", "learn", "would", "great", "good", "required",
          "optional", "have", "need", "necessary", "appreciated", "helpful", "love", "extra");
  /** Words, one of which every match of {@link #REQUIRED} contains. */
  private static final java.util.Set<String> REQUIRED_TRIGGERS =
      java.util.Set.of("must", "required", "requires", "require", "mandatory", "essential", "have",
          "bring", "strong", "proven", "solid", "expert", "expertise", "deep");
  // the trigger words as sorted hashes: checking a word allocates nothing
  private static final long[] PREFERRED_HASHES = hashes(PREFERRED_TRIGGERS);
  private static final long[] REQUIRED_HASHES = hashes(REQUIRED_TRIGGERS);

  private static long[] hashes(java.util.Set<String> words) {
    long[] out = words.stream().mapToLong(w -> wordHash(w, 0, w.length())).toArray();
    Arrays.sort(out);
    return out;
  }

  /** FNV-1a of the lower-cased characters [from, to). */
  private static long wordHash(CharSequence s, int from, int to) {
    long h = io.skillmatch.taxonomy.Taxonomy.HASH_SEED;
    for (int i = from; i < to; i++) {
      h = io.skillmatch.taxonomy.Taxonomy.hash(h, Character.toLowerCase(s.charAt(i)));
    }
    return h;
  }

  /**
   * The years phrases of [from, to) as {start, end, years}: the pattern runs only on a short
   * window before each "year"/"yr", so long clauses cost little.
   */
  static List<int[]> yearsPhrases(String text, int from, int to) {
    List<int[]> out = new ArrayList<>();
    int lastEnd = from;
    for (int i = from; i + 1 < to; i++) {
      char c = text.charAt(i);
      if ((c != 'y' && c != 'Y') || !(text.regionMatches(true, i, "year", 0, 4) || text.regionMatches(true, i, "yr", 0, 2))) {
        continue;
      }
      Matcher m = YEARS.matcher(text).region(Math.max(lastEnd, i - 40), Math.min(to, i + 6));
      m.useTransparentBounds(true).useAnchoringBounds(false);
      while (m.find()) {
        if (m.end() > i) {
          int years = years(m);
          if (years <= MAX_YEARS) { // "60 years" is not a requirement anyone means
            out.add(new int[] {m.start(), m.end(), years});
          }
          lastEnd = m.end();
          break;
        }
      }
      i += 2;
    }
    return out;
  }

  /** Years phrases above this are taken as something else ("a 60-year-old company"). */
  static final int MAX_YEARS = 40;

  /** Whether a line may match {@link #RELAXES_SECTION}: each of its phrases contains one of these. */
  static boolean mayRelax(String line) {
    String l = line.toLowerCase(Locale.ROOT);
    return l.contains("have to") || l.contains("need to") || l.contains("expected to") || l.contains("some of")
        || l.contains("any of");
  }

  /** A sentence that turns the rest of its section into nice-to-haves. */
  static final Pattern RELAXES_SECTION =
      Pattern.compile("(?i)(don.?t|do not|doesn.?t|won.?t) (have|need) to (excel|be an expert|know|master"
          + "|tick|check|meet|have)|not expected to (know|have|master)|no need to (know|have|master)"
          + "|if you have some of|(any|some) of the following (is|are|would be) (a plus|great|nice|helpful)");

  private static final Pattern BEFORE_GAP = Pattern.compile("\\s*[(:\\-\u2013\u2014]?\\s*");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9+#-]+");
  private static final Pattern EMPLOYER =
      Pattern.compile("\\s+(firm|firms|company|companies|agency|agencies|consultancy)\\b");
  private static final String NUMBER =
      "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
          + "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";
  /** "5+ years", "3-5 yrs", "at least two years", "minimum of 4 years". */
  static final Pattern YEARS =
      Pattern.compile("(?i)(?<!(last|past|next|first|within|the) )(?<![0-9])" + NUMBER
          + "\\s*(\\+|plus)?\\s*(?:(?:-|\u2013|to)\\s*" + NUMBER + "\\s*\\+?\\s*)?(?:years?|yrs?)\\b");

  private Cues() {}

  /**
   * The cue phrases of one clause, found once: asking for the cue nearest a span costs a scan of
   * the (few) cues, not of the clause, so long clauses stay linear.
   */
  static final class CueIndex {
    private final int[] preferred;
    private final int[] required;

    CueIndex(String clause) {
      // most clauses hold no cue at all: a word scan against two small sets spares the patterns
      boolean maybePreferred = false;
      boolean maybeRequired = false;
      int n = clause.length();
      for (int i = 0; i < n; ) {
        if (!Character.isLetter(clause.charAt(i))) {
          i++;
          continue;
        }
        int start = i;
        while (i < n && Character.isLetter(clause.charAt(i))) {
          i++;
        }
        if (i - start >= 3 && i - start <= 11) { // every trigger word has 3 to 11 letters
          long h = wordHash(clause, start, i);
          maybePreferred |= Arrays.binarySearch(PREFERRED_HASHES, h) >= 0;
          maybeRequired |= Arrays.binarySearch(REQUIRED_HASHES, h) >= 0;
        }
      }
      String lower = maybePreferred || maybeRequired ? clause.toLowerCase(Locale.ROOT) : "";
      preferred = maybePreferred ? spans(PREFERRED.matcher(lower)) : NONE;
      required = maybeRequired ? spans(REQUIRED.matcher(lower)) : NONE;
    }

    private static final int[] NONE = new int[0];

    private static int[] spans(Matcher m) {
      List<Integer> out = new ArrayList<>();
      while (m.find() && out.size() < 512) {
        out.add(m.start());
        out.add(m.end());
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The importance the nearest cue gives a span [start, end) of the clause, or null. */
    Importance nearest(int start, int end) {
      int pref = distance(preferred, start, end);
      int req = distance(required, start, end);
      if (pref == Integer.MAX_VALUE && req == Integer.MAX_VALUE) {
        return null;
      }
      return pref <= req ? Importance.PREFERRED : Importance.REQUIRED;
    }

    private static int distance(int[] cues, int start, int end) {
      int best = Integer.MAX_VALUE;
      for (int i = 0; i < cues.length; i += 2) {
        int d = cues[i + 1] <= start ? start - cues[i + 1] : cues[i] >= end ? cues[i] - end : 0;
        best = Math.min(best, d);
      }
      return best;
    }
  }

  /**
   * Years phrases of a clause and the mentions they bind to.
   *
   * @param bound years per mention ("4+ years of Python": Python 4)
   * @param unbound years phrases with no skill ("5+ years of software engineering"), with their
   *     offsets
   */
  record Years(Map<Mention, Integer> bound, List<int[]> unbound) {}

  /**
   * Binds each years phrase of a clause: to the mention just before it ("Go (3+ years)", "Python:
   * 5 years"), else to the mentions after it up to the next phrase ("at least 2 years working with
   * Golang", "5+ years of Java or Scala"); a phrase with neither is unbound, and so is one bound
   * only to mentions that are not {@code concrete} ("6+ years in data engineering": a discipline,
   * so also an overall requirement).
   */
  static Years bindYears(
      String text, int clauseStart, int clauseEnd, List<Mention> inClause, Predicate<Mention> concrete) {
    List<int[]> phrases = yearsPhrases(text, clauseStart, clauseEnd);
    Map<Mention, Integer> bound = new HashMap<>();
    List<int[]> unbound = new ArrayList<>();
    for (int p = 0; p < phrases.size(); p++) {
      int[] phrase = phrases.get(p);
      Mention before = null;
      for (Mention mention : inClause) {
        if (mention.end() <= phrase[0] && phrase[0] - mention.end() <= 4
            && BEFORE_GAP.matcher(text).region(mention.end(), phrase[0]).matches()) {
          before = mention; // "Go (3+ years)", "Python: 5 years", not "Dagster, 3+ years of Spark"
        }
      }
      if (before != null) {
        bound.merge(before, phrase[2], Math::max);
        if (!concrete.test(before)) {
          unbound.add(phrase);
        }
        continue;
      }
      if (phrase[0] > 0 && text.charAt(phrase[0] - 1) == '(') {
        unbound.add(phrase); // "(10 years)" with no skill just before it
        continue;
      }
      int limit = p + 1 < phrases.size() ? phrases.get(p + 1)[0] : clauseEnd;
      boolean anyConcrete = false;
      for (Mention mention : inClause) {
        if (mention.start() >= phrase[1] && mention.start() < limit
            && (p + 1 >= phrases.size() || phrases.get(p + 1)[0] - mention.end() > 4)
            && aboutExperience(text, phrase[1], mention.start(), inClause)
            && !describesAnEmployer(text, mention.end())) {
          bound.merge(mention, phrase[2], Math::max);
          anyConcrete |= concrete.test(mention);
        }
      }
      if (!anyConcrete) {
        unbound.add(phrase);
      }
    }
    return new Years(bound, unbound);
  }

  private static final java.util.Set<String> GAP_WORDS =
      java.util.Set.of(
          "teaching", "high-school", "school", "university", "research", "academic",
          "of", "experience", "professional", "hands", "on", "hands-on", "working", "work", "with",
          "in", "using", "programming", "development", "developing", "commercial", "production",
          "building", "writing", "including", "industry", "relevant", "practical", "solid",
          "strong", "the", "a", "an", "at", "least", "or", "and", "as", "engineering", "coding",
          "software", "proven", "demonstrated", "recent", "modern", "enterprise", "deep",
          "extensive", "plus", "minimum", "years", "year", "experienced", "expertise", "exp",
          "backend", "frontend", "native", "large-scale", "scalable", "distributed", "web",
          "mobile", "cloud", "server", "side", "server-side", "client", "client-side", "full",
          "stack", "full-stack", "designing", "maintaining", "operating", "running",
          "administering", "administration", "applications", "systems", "services", "for",
          "within", "developer", "engineer", "programmer", "architecting", "implementing",
          "testing", "deploying", "data", "big", "heavy", "daily", "advanced", "senior-level",
          "total", "combined", "related", "direct", "technical", "it");

  /**
   * Whether the words between a years phrase and a skill read as experience with it ("of
   * professional experience using", "building native"), not as something else ("of donation
   * records in").
   */
  private static boolean aboutExperience(String text, int from, int to, List<Mention> mentions) {
    if (to - from > 120) {
      return false;
    }
    StringBuilder gap = new StringBuilder(text.substring(from, to));
    for (Mention m : mentions) { // other skills in between ("5 years of Java or Scala") are fine
      for (int i = Math.max(m.start(), from); i < Math.min(m.end(), to); i++) {
        gap.setCharAt(i - from, ' ');
      }
    }
    for (String w : NON_WORD.split(gap.toString().toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty() && !GAP_WORDS.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /** "ten years at a CPA firm": the skill names the employer, the years are not years of it. */
  private static boolean describesAnEmployer(String text, int end) {
    String after = text.substring(end, Math.min(text.length(), end + 12)).toLowerCase(Locale.ROOT);
    return EMPLOYER.matcher(after).lookingAt();
  }

  /** The number a years phrase's first number names. */
  static int years(Matcher m) {
    return number(m.group(2));
  }

  static int number(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "one" -> 1;
      case "two" -> 2;
      case "three" -> 3;
      case "four" -> 4;
      case "five" -> 5;
      case "six" -> 6;
      case "seven" -> 7;
      case "eight" -> 8;
      case "nine" -> 9;
      case "ten" -> 10;
      case "eleven" -> 11;
      case "twelve" -> 12;
      case "thirteen" -> 13;
      case "fourteen" -> 14;
      case "sixteen" -> 16;
      case "seventeen" -> 17;
      case "eighteen" -> 18;
      case "nineteen" -> 19;
      case "fifteen" -> 15;
      case "twenty" -> 20;
      default -> Integer.parseInt(s);
    };
  }
}
