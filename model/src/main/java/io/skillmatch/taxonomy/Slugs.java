package io.skillmatch.taxonomy;

import java.text.Normalizer;
import java.util.Locale;

/** Makes stable skill ids from canonical names: "C#" → "csharp", ".NET" → "dotnet". */
public final class Slugs {
  private Slugs() {}

  /** The id for a canonical name. */
  public static String of(String name) {
    String s = Normalizer.normalize(name.trim(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT);
    if (s.startsWith(".")) {
      s = "dot" + s.substring(1);
    }
    s = s.replace("++", "pp").replace("+", "plus").replace("#", "sharp").replace("&", " and ");
    s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.isEmpty()) {
      throw new IllegalArgumentException("cannot make an id from: " + name);
    }
    return s;
  }
}
