package io.skillmatch.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences (and sentences into clauses) by character offsets. A sentence ends
 * at a line break, an inline bullet, or '.', '!', '?' followed by a space, unless the period ends
 * an abbreviation ("e.g.", "Sr.") or sits inside a name ("Node.js"). Stateless, thread-safe.
 */
final class Sentences {

  /** A span [start, end) of the text. */
  record Span(int start, int end) {
    String of(String text) {
      return text.substring(start, end);
    }
  }

  private static final Set<String> ABBREVIATIONS =
      Set.of("e.g", "i.e", "etc", "vs", "incl", "approx", "sr", "jr", "mr", "ms", "dr", "st", "no",
          "inc", "ltd", "co", "corp", "u.s", "ph.d", "b.s", "m.s", "b.a", "m.a", "ex");

  private Sentences() {}

  /** Sentences of the text, trimmed, non-empty. */
  static List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean end = false;
      int cut = i;
      if (c == '\n' || c == '\u2022' || c == '\u25CF' || c == '\u25AA') {
        end = true;
      } else if ((c == '.' || c == '!' || c == '?') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))) {
        end = c != '.' || !abbreviation(text, i);
        cut = i + 1;
      }
      if (end) {
        add(text, start, cut, out);
        start = cut == i ? i + 1 : cut;
      }
    }
    add(text, start, n, out);
    return out;
  }

  /** Clauses of a sentence: split at ';' and at ", and" / ", but" / " but " / ", while". */
  static List<Span> clauses(String text, Span sentence) {
    List<Span> out = new ArrayList<>();
    int from = sentence.start();
    int i = from;
    int end = sentence.end();
    while (i < end) {
      int skip = 0;
      char c = text.charAt(i);
      if (c == ';') {
        skip = 1;
      } else if (c == ',' && (startsAt(text, i, ", and ") || startsAt(text, i, ", but ") || startsAt(text, i, ", while ")
          || startsAt(text, i, ", although ") || startsAt(text, i, ", whereas "))) {
        skip = 2;
      } else if (c == ' ' && startsAt(text, i, " but ")) {
        skip = 1;
      }
      if (skip > 0) {
        add(text, from, i, out);
        from = i + skip;
        i = from;
      } else {
        i++;
      }
    }
    add(text, from, end, out);
    return out;
  }

  private static boolean startsAt(String text, int i, String s) {
    return text.regionMatches(true, i, s, 0, s.length());
  }

  private static boolean abbreviation(String text, int dot) {
    int j = dot - 1;
    while (j >= 0 && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '.')) {
      j--;
    }
    String word = text.substring(j + 1, dot).toLowerCase(Locale.ROOT);
    if (word.length() == 1) {
      // an initial ("J. Smith", "U.S.") when a capitalised name or another initial follows on
      // the same line; "with C. Kafka is a plus" ends the sentence
      int k = dot + 1;
      while (k < text.length() && text.charAt(k) == ' ') {
        k++;
      }
      return k + 1 < text.length() && Character.isUpperCase(text.charAt(k)) && text.charAt(k + 1) == '.';
    }
    return ABBREVIATIONS.contains(word);
  }

  private static void add(String text, int start, int end, List<Span> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Span(start, end));
    }
  }
}
