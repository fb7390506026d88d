package io.skillmatch.parsing;

import io.skillmatch.taxonomy.Category;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.SurfaceForms;
import io.skillmatch.taxonomy.SurfaceForms.Kind;
import io.skillmatch.taxonomy.SurfaceForms.Token;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dictionary extractor over the taxonomy's names and aliases: longest match over tokens, so
 * "Apache Spark Streaming" wins over "Spark" and "JavaScript" is never "Java".
 *
 * <p>Surface forms that are ordinary words ("Go", "Spark", "Excel", "R", "Chef") count only
 * with the exact case and a technical context: a neighbour in a list of other skills ("Python, Go
 * and Rust", "Java/Scala"), a technical cue word nearby ("Go developer", "R programming", "Excel
 * pivot tables"), or "in/with/using X" closing a clause ("written in Go."). Glued forms such as
 * "go-to", "R&amp;D" or "C-level" never count. Thread-safe.
 */
public final class SkillMatcher implements SkillExtractor {

  private static final Set<String> CUES =
      Set.of("programming", "program", "programs", "language", "languages", "developer",
          "developers", "development", "engineer", "engineers", "code", "coding", "codebase",
          "script", "scripts", "scripting", "framework", "frameworks", "library", "libraries",
          "stack", "sdk", "api", "apis", "backend", "frontend", "microservices", "services",
          "cluster", "clusters", "pipelines", "jobs", "queries", "proficiency", "proficient",
          "expertise", "advanced", "macros", "vba", "pivot", "formulas", "spreadsheets",
          "spreadsheet", "cookbooks", "manifests", "dags", "notebooks", "streaming", "mllib",
          "workbooks", "vlookup", "golang", "modules", "packages", "runtime", "concurrency",
          "goroutines", "tidyverse", "shiny", "ggplot2", "swiftui", "xcode", "ios", "rdd",
          "dataframes", "playbooks", "compiler", "syntax", "lambdas", "idiomatic");
  private static final Set<String> ROLE_NOUNS =
      Set.of("developer", "developers", "engineer", "engineers", "architect", "architects",
          "administrator", "administrators", "manager", "managers", "lead", "leads", "team", "teams",
          "specialist", "specialists", "analyst", "analysts", "consultant", "consultants", "role",
          "roles", "position", "positions", "director", "intern", "internship", "programmer",
          "designer", "designers", "scientist", "scientists", "technician", "officer", "department",
          "org", "organization", "group", "squad", "guild", "practice", "community");
  private static final Set<String> LIST_WORDS = Set.of("and", "or", "either", "plus");
  private static final Set<String> PREPOSITIONS = Set.of("in", "with", "using", "on");
  private static final int CUE_WINDOW = 3;

  private final Taxonomy taxonomy;

  public SkillMatcher(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  @Override
  public List<Mention> extract(String text) {
    List<Token> tokens = SurfaceForms.tokenize(text);
    List<int[]> spans = new ArrayList<>(); // {firstToken, lastToken}
    List<Taxonomy.Surface> surfaces = new ArrayList<>();
    int n = tokens.size();
    int maxParts = taxonomy.maxKeyWords();
    StringBuilder key = new StringBuilder(32);
    for (int i = 0; i < n; i++) {
      if (tokens.get(i).kind() != Kind.WORD) {
        continue;
      }
      key.setLength(0);
      Taxonomy.Surface best = null;
      int bestEnd = -1;
      int parts = 0;
      for (int j = i; j < n && parts < maxParts; j++) {
        Token t = tokens.get(j);
        if (t.kind() == Kind.BREAK || (j > i && newlineBetween(text, tokens.get(j - 1), t))) {
          break;
        }
        if (t.kind() == Kind.JOINER) {
          continue;
        }
        if (!key.isEmpty()) {
          key.append(' ');
        }
        appendLower(key, text, t.start(), t.end());
        parts++;
        if (t.kind() == Kind.CONNECTOR) {
          continue;
        }
        String k = key.toString();
        Taxonomy.Surface s = taxonomy.surface(k);
        if (s != null) {
          best = s;
          bestEnd = j;
        }
        if (!taxonomy.isPrefix(k)) {
          break;
        }
      }
      if (best != null) {
        int start = tokens.get(i).start();
        int end = tokens.get(bestEnd).end();
        if (!best.contextual() || text.regionMatches(false, start, best.form(), 0, best.form().length())
            && end - start == best.form().length()) {
          spans.add(new int[] {i, bestEnd});
          surfaces.add(best);
        }
        i = bestEnd;
      }
    }
    return resolveContext(text, tokens, spans, surfaces);
  }

  private List<Mention> resolveContext(
      String text, List<Token> tokens, List<int[]> spans, List<Taxonomy.Surface> surfaces) {
    int m = spans.size();
    boolean[] accepted = new boolean[m];
    boolean[] technical = new boolean[m];
    for (int k = 0; k < m; k++) {
      Taxonomy.Surface s = surfaces.get(k);
      technical[k] = taxonomy.skill(s.skillId()).map(Skill::category).map(c -> c.isTechnical()).orElse(false);
      if (!s.contextual()) {
        accepted[k] = true;
      } else if (!glued(text, tokens, spans.get(k))
          && (hasCue(text, tokens, spans.get(k)) || closesPreposition(text, tokens, spans.get(k)))) {
        accepted[k] = true;
      }
    }
    // list neighbours, propagated so that "Go, Rust and Python" accepts both contextual forms
    for (int pass = 0; pass < 3; pass++) {
      for (int k = 0; k < m; k++) {
        if (accepted[k] || glued(text, tokens, spans.get(k))) {
          continue;
        }
        if ((k > 0 && accepted[k - 1] && technical[k - 1] && listed(text, tokens, spans.get(k - 1), spans.get(k)))
            || (k + 1 < m && accepted[k + 1] && technical[k + 1]
                && listed(text, tokens, spans.get(k), spans.get(k + 1)))) {
          accepted[k] = true;
        }
      }
    }
    List<Mention> out = new ArrayList<>(m);
    for (int k = 0; k < m; k++) {
      if (accepted[k] && !roleDescriptor(text, tokens, spans.get(k), surfaces.get(k))) {
        int[] span = spans.get(k);
        out.add(
            new Mention(
                surfaces.get(k).skillId(),
                tokens.get(span[0]).start(),
                tokens.get(span[1]).end(),
                surfaces.get(k).contextual()));
      }
    }
    return out;
  }

  /**
   * "Backend Developer", "DevOps Engineer", "Data Science team": a discipline naming a role or a
   * team, not a skill asked for. Technologies keep counting ("Java Developer").
   */
  private boolean roleDescriptor(String text, List<Token> tokens, int[] span, Taxonomy.Surface surface) {
    Category c = taxonomy.skill(surface.skillId()).map(Skill::category).orElse(Category.TOOL);
    if (c != Category.PRACTICE && c != Category.DOMAIN && c != Category.SOFT_SKILL) {
      return false;
    }
    int next = span[1] + 1;
    if (next >= tokens.size() || tokens.get(next).kind() != Kind.WORD
        || newlineBetween(text, tokens.get(span[1]), tokens.get(next))) {
      return false;
    }
    Token t = tokens.get(next);
    return ROLE_NOUNS.contains(text.substring(t.start(), t.end()).toLowerCase(Locale.ROOT));
  }

  /** Whether only list punctuation and conjunctions, within one line, separate two mentions. */
  private static boolean listed(String text, List<Token> tokens, int[] left, int[] right) {
    int words = 0;
    for (int j = left[1] + 1; j < right[0]; j++) {
      Token t = tokens.get(j);
      String s = text.substring(t.start(), t.end());
      if (t.kind() == Kind.WORD) {
        if (!LIST_WORDS.contains(s.toLowerCase(Locale.ROOT)) || ++words > 2) {
          return false;
        }
      } else if (!(s.equals(",") || s.equals("/") || s.equals("|") || s.equals("(") || s.equals(")")
          || s.equals("&") || s.equals(";") || s.equals("\u00B7") || s.equals("\u2022"))) {
        return false;
      }
    }
    int from = tokens.get(left[1]).end();
    int to = tokens.get(right[0]).start();
    return right[0] - left[1] <= 4 && text.substring(from, to).indexOf('\n') < 0;
  }

  private static boolean glued(String text, List<Token> tokens, int[] span) {
    int start = tokens.get(span[0]).start();
    int end = tokens.get(span[1]).end();
    char before = start > 0 ? text.charAt(start - 1) : ' ';
    char after = end < text.length() ? text.charAt(end) : ' ';
    return before == '-' || before == '&' || after == '-' || after == '&' || after == '\''
        || after == '\u2019';
  }

  private static boolean hasCue(String text, List<Token> tokens, int[] span) {
    for (int j = Math.max(0, span[0] - CUE_WINDOW); j <= Math.min(tokens.size() - 1, span[1] + CUE_WINDOW); j++) {
      if (j >= span[0] && j <= span[1]) {
        continue;
      }
      Token t = tokens.get(j);
      if (t.kind() == Kind.WORD
          && CUES.contains(text.substring(t.start(), t.end()).toLowerCase(Locale.ROOT))
          && text.substring(Math.min(t.start(), tokens.get(span[0]).start()),
              Math.max(t.end(), tokens.get(span[1]).end())).indexOf('\n') < 0) {
        return true;
      }
    }
    return false;
  }

  /** "written in Go." / "experience with Spark and Kafka": a preposition, the form, then a clause end. */
  private static boolean closesPreposition(String text, List<Token> tokens, int[] span) {
    if (span[0] == 0) {
      return false;
    }
    Token before = tokens.get(span[0] - 1);
    if (before.kind() != Kind.WORD
        || !PREPOSITIONS.contains(text.substring(before.start(), before.end()).toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (span[1] + 1 >= tokens.size()) {
      return true;
    }
    Token after = tokens.get(span[1] + 1);
    String s = text.substring(after.start(), after.end());
    if (newlineBetween(text, tokens.get(span[1]), after)) {
      return true;
    }
    return after.kind() == Kind.BREAK && !s.equals("'") && !s.equals("\u2019")
        || after.kind() == Kind.WORD && LIST_WORDS.contains(s.toLowerCase(Locale.ROOT));
  }

  private static boolean newlineBetween(String text, Token a, Token b) {
    for (int i = a.end(); i < b.start(); i++) {
      if (text.charAt(i) == '\n') {
        return true;
      }
    }
    return false;
  }

  private static void appendLower(StringBuilder sb, String text, int start, int end) {
    for (int i = start; i < end; i++) {
      sb.append(Character.toLowerCase(text.charAt(i)));
    }
  }
}
