package io.skillmatch.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokenises text into the tokens skill names are matched on, and turns a surface form into the
 * lookup key the matcher builds from the same tokens: "Node.js", "node-js" and "Node JS" all give
 * "node js"; "CI/CD" and "CI / CD" give "ci / cd"; ".NET" gives ".net"; "C++" stays "c++".
 *
 * <p>Stateless and thread-safe.
 */
public final class SurfaceForms {

  /** Kind of a token. */
  public enum Kind {
    /** Letters and digits, with a trailing run of '+' or '#' ("c++", "f#") or a leading dot. */
    WORD,
    /** '.', '-', '_' or an apostrophe glued between two words: joins them like a space. */
    JOINER,
    /** '/' or '&amp;': kept in the key ("ci / cd", "r &amp; d"). */
    CONNECTOR,
    /** Any other punctuation: ends a skill name. */
    BREAK
  }

  /** A token: its kind and character offsets [start, end) in the tokenised text. */
  public record Token(Kind kind, int start, int end) {}

  private SurfaceForms() {}

  /** Splits text into tokens; whitespace separates tokens and is not itself a token. */
  public static List<Token> tokenize(CharSequence text) {
    List<Token> tokens = new ArrayList<>(Math.max(16, text.length() / 5));
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean leadingDot =
          c == '.'
              && i + 1 < n
              && Character.isLetterOrDigit(text.charAt(i + 1))
              && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
      if (Character.isLetterOrDigit(c) || leadingDot) {
        int start = i;
        i++;
        while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
          i++;
        }
        while (i < n && (text.charAt(i) == '+' || text.charAt(i) == '#')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, start, i));
        continue;
      }
      Kind kind;
      if (c == '/' || c == '&') {
        kind = Kind.CONNECTOR;
      } else if ((c == '.' || c == '-' || c == '_' || c == '\'' || c == '\u2019')
          && i > 0
          && i + 1 < n
          && Character.isLetterOrDigit(text.charAt(i - 1))
          && Character.isLetterOrDigit(text.charAt(i + 1))) {
        kind = Kind.JOINER;
      } else {
        kind = Kind.BREAK;
      }
      tokens.add(new Token(kind, i, i + 1));
      i++;
    }
    return tokens;
  }

  /**
   * The lookup key of a surface form, or "" when the form has no word or contains punctuation
   * that ends a name.
   */
  public static String key(String form) {
    List<Token> tokens = tokenize(form);
    StringBuilder sb = new StringBuilder(form.length());
    for (Token t : tokens) {
      switch (t.kind()) {
        case BREAK -> {
          return "";
        }
        case JOINER -> {}
        case CONNECTOR -> appendPart(sb, form.substring(t.start(), t.end()));
        case WORD -> appendPart(sb, form.substring(t.start(), t.end()).toLowerCase(Locale.ROOT));
      }
    }
    return sb.toString();
  }

  /** The key with its spaces removed ("spring boot" → "springboot"), or "" if it has connectors. */
  public static String squashed(String key) {
    if (key.contains("/") || key.contains("&") || key.indexOf(' ') < 0) {
      return "";
    }
    return key.replace(" ", "");
  }

  static void appendPart(StringBuilder sb, String part) {
    if (!sb.isEmpty()) {
      sb.append(' ');
    }
    sb.append(part);
  }
}
