package io.skillmatch.parsing;

import java.util.List;

/** Finds the skills named in a text. Implementations say whether they are thread-safe. */
public interface SkillExtractor {
  /** The skills named in the text, in order of position, not overlapping. */
  List<Mention> extract(String text);
}
