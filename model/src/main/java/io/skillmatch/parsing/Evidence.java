package io.skillmatch.parsing;

/**
 * Where a fact was read: the sentence and its character offsets [start, end) in the cleaned text
 * (the input itself for plain UTF-8 text; see {@link TextCleaner}).
 */
public record Evidence(String text, int start, int end) {
  public Evidence {
    if (text == null || start < 0 || end < start) {
      throw new IllegalArgumentException("bad evidence span [" + start + ", " + end + ")");
    }
  }
}
