package io.skillmatch.parsing;

import java.util.List;
import java.util.Map;

/**
 * Text ready for parsing: markup removed, encoding repaired, front matter split off.
 *
 * @param text the cleaned text; evidence offsets refer to it
 * @param frontMatter "key: value" pairs of a YAML front matter block, lower-case keys
 * @param warnings what was repaired or looks wrong
 */
public record CleanText(String text, Map<String, String> frontMatter, List<String> warnings) {
  public CleanText {
    frontMatter = Map.copyOf(frontMatter);
    warnings = List.copyOf(warnings);
  }
}
