package io.skillmatch.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Skill mentions of an already tokenised sentence (as annotated corpora give them), mapped to the
 * tokens they cover. The tokens are joined with single spaces, matched, and each mention is
 * mapped back by one walk over the tokens.
 */
public final class TokenMentions {

  /**
   * A mention and the tokens [first, last] it covers.
   *
   * @param mention the mention, with offsets in the space-joined tokens
   * @param first index of its first token
   * @param last index of its last token
   */
  public record Covered(Mention mention, int first, int last) {}

  private TokenMentions() {}

  /** The mentions the extractor finds in the tokens, in order, each with the tokens it covers. */
  public static List<Covered> find(SkillExtractor extractor, List<String> tokens) {
    int n = tokens.size();
    StringBuilder sb = new StringBuilder();
    int[] start = new int[n];
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      start[i] = sb.length();
      sb.append(tokens.get(i));
    }
    List<Covered> out = new ArrayList<>();
    int i = 0; // mentions come in order and do not overlap: one walk over the tokens serves all
    for (Mention m : extractor.extract(sb.toString())) {
      while (i < n && start[i] + tokens.get(i).length() <= m.start()) {
        i++;
      }
      int last = i;
      while (last + 1 < n && start[last + 1] < m.end()) {
        last++;
      }
      if (i < n && start[i] < m.end()) {
        out.add(new Covered(m, i, last));
      }
    }
    return out;
  }
}
