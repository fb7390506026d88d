package io.skillmatch.parsing;

/**
 * Where a fact was read: the sentence and its character offsets [start, end) in the cleaned text
 * (the input itself for plain UTF-8 text; see {@link TextCleaner}).
 */
public record Evidence(String text, int start, int end) {

  /** Longest evidence kept: a window of the sentence around the mention beyond this. */
  static final int MAX_CHARS = 400;

  /** The sentence [start, end) of the text, cut to a window around [mentionStart, mentionEnd). */
  static Evidence of(String text, int start, int end, int mentionStart, int mentionEnd) {
    if (end - start > MAX_CHARS) {
      int half = (MAX_CHARS - (mentionEnd - mentionStart)) / 2;
      int s = Math.max(start, mentionStart - Math.max(0, half));
      int e = Math.min(end, s + MAX_CHARS);
      s = Math.max(start, Math.min(s, e - MAX_CHARS));
      start = s;
      end = e;
    }
    return new Evidence(text.substring(start, end), start, end);
  }

  public Evidence {
    if (text == null || start < 0 || end < start) {
      throw new IllegalArgumentException("bad evidence span [" + start + ", " + end + ")");
    }
  }
}
