package io.skillmatch.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw posting or resume text into {@link CleanText}: rejects empty, oversized and binary
 * input; repairs mojibake (UTF-8 read as Latin-1 or Windows-1252, "Weâ€™re"); splits off YAML
 * front matter; turns simple HTML into text with markdown-style headings and bullets; warns when
 * the text does not look like English. Linear in the length of the text. Thread-safe.
 */
public final class TextCleaner {

  /** Longest text accepted, in characters. */
  public static final int MAX_CHARS = 200_000;

  static final String WARN_MOJIBAKE = "repaired mis-decoded UTF-8 characters (mojibake)";
  static final String WARN_NOT_ENGLISH =
      "the text does not look like English; skills may be missed";

  // Windows-1252 characters for the bytes 0x80-0x9F
  private static final String CP1252_HIGH =
      "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
          + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

  private static final Pattern HTML_HINT =
      Pattern.compile("(?i)<(p|div|br|li|ul|ol|h[1-6]|strong|b|em|span|table|body|html)\\b[^<>]{0,500}+>");
  private static final Pattern HTML_TAG = Pattern.compile("(?s)<(/?)([a-zA-Z][a-zA-Z0-9]{0,20}+)[^<>]{0,1000}+>");
  private static final Pattern FRONT_MATTER_LINE = Pattern.compile("[A-Za-z_][\\w -]{0,40}:( .*)?|\\s+.*");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> ENTITIES =
      Map.ofEntries(
          Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
          Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
          Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"), Map.entry("bull", "\u2022"),
          Map.entry("rsquo", "\u2019"), Map.entry("lsquo", "\u2018"), Map.entry("ldquo", "\u201C"),
          Map.entry("rdquo", "\u201D"), Map.entry("hellip", "\u2026"), Map.entry("middot", "\u00B7"));

  private static final Set<String> ENGLISH =
      Set.of("the", "and", "with", "for", "you", "our", "are", "will", "experience", "of", "to",
          "in", "is", "we", "a", "an", "or", "on", "years", "work", "team", "skills");
  private static final Set<String> OTHER =
      Set.of("und", "der", "die", "das", "mit", "für", "wir", "sie", "ist", "ein", "eine",
          "et", "le", "la", "les", "des", "avec", "pour", "nous", "vous", "est", "une", "du",
          "el", "los", "las", "con", "para", "es", "y", "del", "una", "por", "en", "de",
          "het", "een", "van", "voor", "il", "di", "che", "per", "não", "com", "um", "uma");

  /** Cleans text; throws {@link TextRejectedException} for empty, oversized or binary input. */
  public CleanText clean(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new TextRejectedException(TextRejectedException.Reason.EMPTY, "text is empty");
    }
    if (raw.length() > MAX_CHARS) {
      throw new TextRejectedException(
          TextRejectedException.Reason.TOO_LONG,
          "text has " + raw.length() + " characters; the limit is " + MAX_CHARS);
    }
    rejectBinary(raw);
    List<String> warnings = new ArrayList<>();
    String text = normalizeWhitespace(raw);
    String repaired = repairMojibake(text);
    if (!repaired.equals(text)) {
      warnings.add(WARN_MOJIBAKE);
      text = repaired;
    }
    Map<String, String> front = new HashMap<>();
    text = splitFrontMatter(text, front);
    if (text.indexOf('<') >= 0 && HTML_HINT.matcher(text).find()) {
      text = htmlToText(text);
    }
    text = collapseBlankLines(text).strip();
    if (text.isEmpty()) {
      throw new TextRejectedException(TextRejectedException.Reason.EMPTY, "text has no content");
    }
    if (!looksEnglish(text)) {
      warnings.add(WARN_NOT_ENGLISH);
    }
    return new CleanText(text, front, warnings);
  }

  /** Runs of two or more blank lines become one blank line. */
  static String collapseBlankLines(String text) {
    if (!needsCollapse(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int newlines = 0; // newlines since the last non-blank character
    int pendingFrom = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (newlines == 0) {
          pendingFrom = out.length();
        }
        newlines++;
        if (newlines <= 2) {
          out.append('\n');
        }
      } else if (c == ' ' && newlines > 0) {
        if (newlines < 2) {
          out.append(c);
        }
      } else {
        if (newlines >= 2) {
          // drop spaces kept on the blank line: "\n  \n" becomes "\n\n"
          String kept = out.substring(pendingFrom);
          out.setLength(pendingFrom);
          out.append(kept.replace(" ", ""));
        }
        newlines = 0;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether a blank line holds spaces or three newlines come with only spaces between them. */
  private static boolean needsCollapse(String text) {
    int newlines = 0;
    boolean spaces = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (++newlines >= 3 || newlines == 2 && spaces) {
          return true;
        }
        spaces = false;
      } else if (c == ' ') {
        spaces |= newlines > 0;
      } else {
        newlines = 0;
        spaces = false;
      }
    }
    return false;
  }

  private static void rejectBinary(String raw) {
    int bad = 0;
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
          || c == '\uFFFD'
          || (c >= '\uE000' && c <= '\uF8FF')
          || (Character.isSurrogate(c) && !validSurrogate(raw, i))) {
        bad++;
      }
    }
    if (bad > 0 && bad * 20 > n) {
      throw new TextRejectedException(
          TextRejectedException.Reason.BINARY,
          "text looks like binary data (" + bad + " of " + n + " characters are control or invalid)");
    }
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static String normalizeWhitespace(String raw) {
    int n0 = raw.length();
    int first = 0;
    while (first < n0) {
      char c = raw.charAt(first);
      if (c < 0x20 && c != '\n' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B'
          || c == '\u200C' || c == '\u200D' || c == '\uFEFF') {
        break;
      }
      first++;
    }
    if (first == n0) {
      return raw; // nothing to normalise: no copy
    }
    StringBuilder sb = new StringBuilder(raw.length());
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '\r' -> {
          if (i + 1 >= n || raw.charAt(i + 1) != '\n') {
            sb.append('\n');
          }
        }
        case '\u00A0', '\u2007', '\u202F', '\t', '\f' -> sb.append(' ');
        case '\u200B', '\u200C', '\u200D', '\uFEFF', '\u0000' -> {}
        default -> {
          if (c >= 0x20 || c == '\n') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** The byte a character stands for when UTF-8 was decoded as Windows-1252 or Latin-1, or -1. */
  private static int mojibakeByte(char c) {
    if (c < 0x80) {
      return -1;
    }
    if (c <= 0xFF) {
      return c;
    }
    int i = CP1252_HIGH.indexOf(c);
    return i >= 0 ? 0x80 + i : -1;
  }

  /** Re-decodes each run of characters that together form valid UTF-8 multi-byte sequences. */
  static String repairMojibake(String text) {
    StringBuilder out = null;
    int n = text.length();
    int i = 0;
    int copied = 0;
    while (i < n) {
      int lead = mojibakeByte(text.charAt(i));
      int need = 0;
      if (lead == 0xC2 || lead == 0xC3 || lead == 0xC5 || lead == 0xCB) {
        // the lead bytes real mojibake shows (Â, Ã, Å, Ë); "CAFÉ”" keeps its É
        need = 1;
      } else if (lead == 0xE2 || lead == 0xEF) {
        need = 2; // â€™, â€“, ï»¿
      } else if (lead == 0xF0) {
        need = 3; // ðŸ (emoji)
      }
      if (need == 0) {
        i++;
        continue;
      }
      byte[] bytes = new byte[need + 1];
      bytes[0] = (byte) lead;
      boolean ok = true;
      for (int k = 1; k <= need; k++) {
        if (i + k >= n) {
          ok = false;
          break;
        }
        int b = mojibakeByte(text.charAt(i + k));
        if (b < 0x80 || b > 0xBF) {
          ok = false;
          break;
        }
        bytes[k] = (byte) b;
      }
      String decoded = ok ? decodeStrict(bytes) : null;
      if (decoded == null) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(text, copied, i).append(decoded);
      i += need + 1;
      copied = i;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString().replace('\u00A0', ' ');
  }

  private static String decodeStrict(byte[] bytes) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer cb = d.decode(ByteBuffer.wrap(bytes));
      return cb.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String splitFrontMatter(String text, Map<String, String> front) {
    String t = text.stripLeading();
    if (!t.startsWith("---\n")) {
      return text;
    }
    int end = t.indexOf("\n---", 3);
    if (end < 0 || end > 10_000) {
      return text;
    }
    // front matter only if every line is "key: value" or a list item or continuation under a key:
    // a resume framed by "---" rules keeps its content
    for (String line : t.substring(3, end).split("\n")) {
      if (!line.isBlank() && !FRONT_MATTER_LINE.matcher(line).matches()) {
        return text;
      }
    }
    for (String line : t.substring(3, end).split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith(" ") && !line.startsWith("-")) {
        String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip();
        if (value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        if (!value.isEmpty()) {
          front.put(key, value);
        }
      }
    }
    int bodyStart = t.indexOf('\n', end + 4);
    return bodyStart < 0 ? "" : t.substring(bodyStart + 1);
  }

  static String htmlToText(String html) {
    String s = dropBlocks(html);
    Matcher m = HTML_TAG.matcher(s);
    StringBuilder sb = new StringBuilder(s.length());
    while (m.find()) {
      boolean closing = !m.group(1).isEmpty();
      String tag = m.group(2).toLowerCase(Locale.ROOT);
      String replacement =
          switch (tag) {
            case "br", "p", "div", "ul", "ol", "tr", "table", "section", "article" -> "\n";
            case "li" -> closing ? "\n" : "\n- ";
            case "h1" -> closing ? "\n" : "\n# ";
            case "h2", "h3", "h4", "h5", "h6" -> closing ? "\n" : "\n## ";
            case "td", "th" -> " ";
            default -> "";
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    String text = unescape(sb.toString());
    // trim each line and squeeze runs of spaces, in one pass
    StringBuilder out = new StringBuilder(text.length());
    int lineStart = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        int len = out.length();
        while (len > lineStart && out.charAt(len - 1) == ' ') {
          len--;
        }
        out.setLength(len);
        out.append('\n');
        lineStart = out.length();
        space = false;
      } else if (c == ' ') {
        space = out.length() > lineStart;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.append('\n').toString();
  }

  /**
   * Removes script, style and head elements, comments and declarations, by a linear scan (an
   * unclosed one loses only its opening tag).
   */
  static String dropBlocks(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    int n = html.length();
    while (i < n) {
      int lt = lower.indexOf('<', i);
      if (lt < 0) {
        out.append(html, i, n);
        break;
      }
      out.append(html, i, lt);
      int skipTo = -1;
      if (lower.startsWith("<!--", lt)) {
        int close = lower.indexOf("-->", lt + 4);
        skipTo = close < 0 ? lt + 4 : close + 3;
      } else if (lower.startsWith("<!", lt)) {
        int close = lower.indexOf('>', lt);
        skipTo = close < 0 ? lt + 2 : close + 1;
      } else {
        for (String tag : BLOCKS) {
          if (lower.startsWith("<" + tag, lt) && lt + tag.length() + 1 < n
              && !Character.isLetterOrDigit(lower.charAt(lt + tag.length() + 1))) {
            int close = lower.indexOf("</" + tag, lt);
            int gt = close < 0 ? lower.indexOf('>', lt) : lower.indexOf('>', close);
            skipTo = gt < 0 ? lt + tag.length() + 1 : gt + 1;
            break;
          }
        }
      }
      if (skipTo < 0) {
        out.append('<');
        i = lt + 1;
      } else {
        out.append(' ');
        i = skipTo;
      }
    }
    return out.toString();
  }

  private static final String[] BLOCKS = {"script", "style", "head"};

  static String unescape(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder(s.length());
    while (m.find()) {
      String e = m.group(1);
      String r;
      if (e.startsWith("#x") || e.startsWith("#X")) {
        r = codePoint(Integer.parseInt(e.substring(2), 16));
      } else if (e.startsWith("#")) {
        r = codePoint(Integer.parseInt(e.substring(1)));
      } else {
        r = ENTITIES.getOrDefault(e.toLowerCase(Locale.ROOT), m.group());
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String codePoint(int cp) {
    return Character.isValidCodePoint(cp) && cp >= 0x20 ? new String(Character.toChars(cp)) : " ";
  }

  private static boolean looksEnglish(String text) {
    int letters = 0;
    int latin = 0;
    int english = 0;
    int other = 0;
    int n = Math.min(text.length(), 1_200); // a couple of hundred words tell the language
    int wordStart = -1;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        letters++;
        if (c < 0x250) {
          latin++;
        }
        if (wordStart < 0) {
          wordStart = i;
        }
      } else if (wordStart >= 0 && i - wordStart <= 10) { // stop words are short
        String w = text.substring(wordStart, i).toLowerCase(Locale.ROOT);
        if (ENGLISH.contains(w)) {
          english++;
        } else if (OTHER.contains(w)) {
          other++;
        }
        wordStart = -1;
      } else {
        wordStart = -1;
      }
    }
    if (letters >= 20 && latin * 10 < letters * 7) {
      return false;
    }
    return !(other >= 5 && other > english * 2);
  }
}
