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
          "dataframes", "playbooks", "compiler", "syntax", "lambdas", "idiomatic", "tests", "testing",
          "test", "e2e", "tooling", "tools");
  /** "knowledge of X", "experience with X", "including X": an object of a skill phrase. */
  private static final Set<String> SKILL_NOUNS =
      Set.of("knowledge", "expertise", "proficiency", "experience", "fluency", "skills", "background",
          "expert", "proficient", "skilled", "familiarity", "familiar", "exposure", "experienced",
          "fluent", "competence", "mastery", "years", "yrs");
  private static final Set<String> SKILL_LINKS = Set.of("of", "in", "with", "using", "to");
  private static final Set<String> EXAMPLE_WORDS = Set.of("including", "like", "especially");
  private static final Set<String> POSSESSIVES = Set.of("our", "their", "his", "her", "its", "my");
  /** People: "Backend Developer", "our Android lead". */
  private static final Set<String> PERSON_NOUNS =
      Set.of("developer", "developers", "engineer", "engineers", "architect", "architects",
          "administrator", "administrators", "manager", "managers", "lead", "leads", "specialist",
          "specialists", "analyst", "analysts", "consultant", "consultants", "director", "intern",
          "interns", "internship", "programmer", "programmers", "designer", "designers", "scientist",
          "scientists", "technician", "technicians", "officer", "officers", "role", "roles",
          "position", "positions");
  /** Groups: "our data science team". */
  private static final Set<String> GROUP_NOUNS =
      Set.of("team", "teams", "department", "org", "organization", "group", "squad", "guild", "community");
  /** Things a practice word only describes: "backend services", "web apps". */
  private static final Set<String> DESCRIBED_NOUNS =
      Set.of("services", "apps", "app", "applications", "application", "systems", "readings",
          "products", "product", "platform", "platforms");
  /** Things a domain word only describes: "a payments company", "the energy sector". */
  private static final Set<String> DESCRIBED_BY_DOMAIN =
      Set.of("company", "companies", "industry", "industries", "sector", "clients", "customers",
          "business", "businesses", "market", "markets", "firm", "firms", "startup", "startups",
          "world", "space", "provider", "providers", "vendors", "vendor");
  /** Words that, near a soft skill, show it is asked for: "strong communication", "clear writing". */
  private static final Set<String> SOFT_CUES =
      Set.of("strong", "excellent", "clear", "effective", "written", "verbal", "good", "great",
          "outstanding", "skills", "ability", "exceptional", "solid");
  /** Capitalised words that open ordinary phrases, not names: "Strong Data Modeling". */
  private static final Set<String> NOT_NAMES =
      Set.of("strong", "senior", "junior", "solid", "deep", "good", "excellent", "experience",
          "knowledge", "expert", "advanced", "basic", "proven", "hands", "the", "our", "your", "a", "an",
          "in", "with", "and", "or", "of", "for", "lead", "principal", "staff", "modern", "applied",
          "cloud", "data", "big", "real", "digital", "enterprise", "mobile", "web", "software", "full",
          "front", "back", "machine", "agile", "lean", "strategic", "technical", "business",
          "product", "project", "it", "ai", "ml", "ux", "ui", "qa", "devops", "global", "public",
          "private", "financial", "health", "clinical", "head", "chief", "director", "manager", "vp",
          "information", "computer", "industry", "sector", "domain", "bachelor", "master", "degree",
          "bs", "ba", "ms", "msc", "bsc", "phd", "certified", "professional", "meng", "beng", "mba",
          "ma", "mphil", "mres", "bachelors", "masters", "associate", "diploma", "doctor", "dr", "b",
          "m", "intro", "introduction", "fundamentals", "principles");
  private static final Set<String> COMPANY_SUFFIXES =
      Set.of("Inc", "LLC", "Ltd", "GmbH", "Corp", "Corporation", "Company", "Co", "Group", "AG", "SA", "BV", "PLC");
  private static final java.util.regex.Pattern WEB_ADDRESS =
      java.util.regex.Pattern.compile("[a-z0-9-]\\.(com|io|dev|org|net|ai|co|me|app)/");
  private static final Set<String> LIST_WORDS = Set.of("and", "or", "either", "plus");
  private static final Set<String> PREPOSITIONS = Set.of("in", "with", "using", "on");
  private static final int CUE_WINDOW = 3;

  private final Taxonomy taxonomy;
  private final boolean rolesAreSkills;

  /** A matcher for running text: role and company descriptors are not skills. */
  public SkillMatcher(Taxonomy taxonomy) {
    this(taxonomy, false);
  }

  /**
   * A matcher; with {@code rolesAreSkills} a discipline naming a role counts ("Data Analyst"
   * gives data analysis), for reading job titles of resume entries.
   */
  public SkillMatcher(Taxonomy taxonomy, boolean rolesAreSkills) {
    this.taxonomy = taxonomy;
    this.rolesAreSkills = rolesAreSkills;
  }

  @Override
  public List<Mention> extract(String text) {
    List<Token> tokens = SurfaceForms.tokenize(text);
    List<int[]> spans = new ArrayList<>(); // {firstToken, lastToken}
    List<Taxonomy.Surface> surfaces = new ArrayList<>();
    int n = tokens.size();
    int maxParts = taxonomy.maxKeyWords();
    for (int i = 0; i < n; i++) {
      if (tokens.get(i).kind() != Kind.WORD) {
        continue;
      }
      long hash = Taxonomy.HASH_SEED;
      int length = 0;
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
        if (length > 0) {
          hash = Taxonomy.hash(hash, ' ');
          length++;
        }
        for (int c = t.start(); c < t.end(); c++) {
          char ch = text.charAt(c);
          hash = Taxonomy.hash(hash, ch < 0x80 ? (ch >= 'A' && ch <= 'Z' ? (char) (ch | 0x20) : ch) : Character.toLowerCase(ch));
        }
        length += t.end() - t.start();
        parts++;
        if (t.kind() == Kind.CONNECTOR) {
          continue;
        }
        Taxonomy.Node node = taxonomy.node(hash, length);
        if (node == null) {
          break;
        }
        if (node.surface() != null) {
          best = node.surface();
          bestEnd = j;
        }
        if (!node.prefix()) {
          break;
        }
      }
      if (best != null) {
        int start = tokens.get(i).start();
        int end = tokens.get(bestEnd).end();
        if (!best.contextual() || best.matchesExactly(text, start, end)) {
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
    Category[] category = new Category[m];
    for (int k = 0; k < m; k++) {
      Taxonomy.Surface s = surfaces.get(k);
      category[k] = taxonomy.skill(s.skillId()).map(Skill::category).orElse(Category.TOOL);
      technical[k] = category[k].isTechnical();
      if (!s.contextual()) {
        accepted[k] = true;
      } else if (!glued(text, tokens, spans.get(k))
          && (hasCue(text, tokens, spans.get(k)) || closesPreposition(text, tokens, spans.get(k))
              || category[k] == Category.SOFT_SKILL && near(text, tokens, spans.get(k), SOFT_CUES)
              || objectOfSkillPhrase(text, tokens, spans.get(k)) || afterSkillLabel(text, tokens, spans.get(k))
              || aloneOnItsLine(text, tokens, spans.get(k)))) {
        accepted[k] = true;
      }
    }
    // list neighbours, propagated so that "Go, Rust and Python" accepts both contextual forms
    for (int pass = 0; pass < 3; pass++) {
      for (int k = 0; k < m; k++) {
        if (accepted[k] || glued(text, tokens, spans.get(k))) {
          continue;
        }
        // a neighbour vouches when it is a technology, or a skill of the same kind ("accounts
        // payable and payroll")
        // (the nearest accepted neighbour: a rejected candidate between, such as "fluent" in
        // "English (fluent), Hindi", does not break the list)
        int left = k - 1;
        while (left >= 0 && !accepted[left] && k - left <= 3) {
          left--;
        }
        int right = k + 1;
        while (right < m && !accepted[right] && right - k <= 3) {
          right++;
        }
        // two tools side by side ("JavaScript TypeScript") are a list; a tool and a practice word
        // ("Datadog dashboards") are a phrase
        boolean tool = technical[k] && category[k] != Category.PRACTICE;
        if ((left >= 0 && accepted[left] && (technical[left] || category[left] == category[k])
                && listed(text, tokens, spans.get(left), spans.get(k), tool))
            || (right < m && accepted[right] && (technical[right] || category[right] == category[k])
                && listed(text, tokens, spans.get(k), spans.get(right), tool))) {
          accepted[k] = true;
        }
      }
    }
    // one sense per text: a form accepted once, spelled the same way, is accepted elsewhere,
    // unless it opens a sentence
    java.util.Set<String> acceptedForms = new java.util.HashSet<>();
    for (int k = 0; k < m; k++) {
      if (accepted[k] && surfaces.get(k).contextual()) {
        acceptedForms.add(surfaces.get(k).skillId() + "\u0000" + spanText(text, tokens, spans.get(k)));
      }
    }
    for (int k = 0; k < m; k++) {
      if (!accepted[k] && acceptedForms.contains(surfaces.get(k).skillId() + "\u0000" + spanText(text, tokens, spans.get(k)))
          && !glued(text, tokens, spans.get(k)) && !opensSentence(text, tokens.get(spans.get(k)[0]).start())) {
        accepted[k] = true;
      }
    }
    List<Mention> out = new ArrayList<>(m);
    for (int k = 0; k < m; k++) {
      if (accepted[k] && (rolesAreSkills || !roleDescriptor(text, tokens, spans.get(k), surfaces.get(k)))
          && !companyName(text, tokens, spans.get(k), category[k])
          && !insideAddress(text, tokens.get(spans.get(k)[0]).start(), tokens.get(spans.get(k)[1]).end())) {
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
    String next = word(text, tokens, span[1] + 1, tokens.get(span[1]));
    if (next == null) {
      return false;
    }
    String before = span[0] > 0 ? word(text, tokens, span[0] - 1, null) : null;
    if (before != null && POSSESSIVES.contains(before)
        && (PERSON_NOUNS.contains(next) || GROUP_NOUNS.contains(next))) {
      return true; // "our Android lead", "their data science team": people, not requirements
    }
    Category c = taxonomy.skill(surface.skillId()).map(Skill::category).orElse(Category.TOOL);
    boolean discipline = c == Category.PRACTICE || c == Category.DOMAIN || c == Category.SOFT_SKILL;
    return discipline && (PERSON_NOUNS.contains(next) || DESCRIBED_NOUNS.contains(next))
        || c == Category.DOMAIN && DESCRIBED_BY_DOMAIN.contains(next);
  }

  /** The lower-cased word at a token index on the same line as {@code near}, or null. */
  private static String word(String text, List<Token> tokens, int index, Token near) {
    if (index < 0 || index >= tokens.size() || tokens.get(index).kind() != Kind.WORD) {
      return null;
    }
    Token t = tokens.get(index);
    if (near != null && newlineBetween(text, near, t)) {
      return null;
    }
    return text.substring(t.start(), t.end()).toLowerCase(Locale.ROOT);
  }

  /** A bullet or line that is nothing but the form: "- Go", "* Spark". */
  private static boolean aloneOnItsLine(String text, List<Token> tokens, int[] span) {
    int start = tokens.get(span[0]).start();
    int end = tokens.get(span[1]).end();
    // scan at most a few characters either side: long lines must not make this quadratic
    for (int i = start - 1, seen = 0; i >= 0 && text.charAt(i) != '\n'; i--) {
      char c = text.charAt(i);
      if (!(c == ' ' || c == '-' || c == '*' || c == '\u2022' || c == '\u00B7' || c == '>') || ++seen > 6) {
        return false;
      }
    }
    for (int i = end; i < text.length() && text.charAt(i) != '\n'; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != ';') {
        return false;
      }
    }
    return true;
  }

  /** "Nice to have: dbt", "Languages: Go": first item after a known label's colon. */
  private static boolean afterSkillLabel(String text, List<Token> tokens, int[] span) {
    if (span[0] == 0) {
      return false;
    }
    Token colon = tokens.get(span[0] - 1);
    if (!text.startsWith(":", colon.start()) || newlineBetween(text, colon, tokens.get(span[0]))) {
      return false;
    }
    // a label is short: look back at most 60 characters for the line start
    int lineStart = colon.start();
    while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
      if (colon.start() - --lineStart > 60) {
        return false;
      }
    }
    return Sections.headingLabel(text.substring(lineStart, colon.start() + 1) + " x") != null;
  }

  /** "knowledge of Swift", "experience with Chef", "including Sass", "such as Spark". */
  private static boolean objectOfSkillPhrase(String text, List<Token> tokens, int[] span) {
    String w1 = word(text, tokens, span[0] - 1, tokens.get(span[0]));
    if (w1 == null) {
      return false;
    }
    if (EXAMPLE_WORDS.contains(w1)) {
      return true;
    }
    String w2 = word(text, tokens, span[0] - 2, tokens.get(span[0]));
    if (w2 == null) {
      return false;
    }
    if (w2.equals("such") && w1.equals("as")) {
      return true;
    }
    if (SKILL_LINKS.contains(w1) && SKILL_NOUNS.contains(w2)) {
      return true;
    }
    String w3 = word(text, tokens, span[0] - 3, tokens.get(span[0]));
    // "experience working with Chef", "knowledge and use of R"
    return w3 != null && SKILL_LINKS.contains(w1) && SKILL_NOUNS.contains(w3);
  }

  /** Inside a URL or an e-mail address: "linkedin.com/in/jane", "github.com/jane", "jane@acme.io". */
  private static boolean insideAddress(String text, int start, int end) {
    int s = start;
    while (s > 0 && !Character.isWhitespace(text.charAt(s - 1)) && start - s < 200) {
      s--;
    }
    int e = end;
    while (e < text.length() && !Character.isWhitespace(text.charAt(e)) && e - end < 200) {
      e++;
    }
    if (e - s == end - start) {
      return false; // the mention is the whole chunk
    }
    String chunk = text.substring(s, e).toLowerCase(Locale.ROOT);
    return chunk.contains("://") || chunk.contains("www.") || chunk.indexOf('@') > 0
        || chunk.indexOf('/') > 0 && WEB_ADDRESS.matcher(chunk).find();
  }

  /**
   * "Greenlight Energy |", "Helix Telecom Analytics ·", "Lumenfold AI": an industry or discipline
   * word at the end of a capitalised name that ends like a company name does (line end, "|", "—",
   * ",", "(", "·", "Inc"). A run opening with an ordinary word ("Strong Data Modeling") is no name.
   */
  private static boolean companyName(String text, List<Token> tokens, int[] span, Category category) {
    if ((category != Category.DOMAIN && category != Category.PRACTICE)
        || !Character.isUpperCase(text.charAt(tokens.get(span[0]).start()))) {
      return false;
    }
    String first = null;
    for (int j = span[0] - 1; j >= 0 && span[0] - j <= 5; j--) { // names are short: look back 5 words
      Token t = tokens.get(j);
      if (t.kind() != Kind.WORD || newlineBetween(text, t, tokens.get(j + 1))
          || !Character.isUpperCase(text.charAt(t.start()))) {
        break;
      }
      first = text.substring(t.start(), t.end()).toLowerCase(Locale.ROOT);
    }
    if (first == null || NOT_NAMES.contains(first)) {
      return false;
    }
    int k = span[1] + 1;
    while (k < tokens.size() && k - span[1] <= 5 && tokens.get(k).kind() == Kind.WORD
        && !newlineBetween(text, tokens.get(k - 1), tokens.get(k))
        && Character.isUpperCase(text.charAt(tokens.get(k).start()))) {
      if (COMPANY_SUFFIXES.contains(text.substring(tokens.get(k).start(), tokens.get(k).end()))) {
        return true;
      }
      k++;
    }
    if (k >= tokens.size() || newlineBetween(text, tokens.get(k - 1), tokens.get(k))) {
      return true;
    }
    String next = text.substring(tokens.get(k).start(), tokens.get(k).end());
    return "|\u2014\u2013,(\u00B7*".contains(next);
  }

  /** Whether only list punctuation and conjunctions, within one line, separate two mentions. */
  private static boolean listed(String text, List<Token> tokens, int[] left, int[] right, boolean adjacentOk) {
    int words = 0;
    int skipped = 0;
    for (int j = left[1] + 1; j < right[0]; j++) {
      Token t = tokens.get(j);
      String s = text.substring(t.start(), t.end());
      if (s.equals("(")) {
        // "R (10 years), Python": a short parenthetical does not break a list
        int close = j + 1;
        while (close < right[0] && close - j <= 6 && !text.substring(tokens.get(close).start(), tokens.get(close).end()).equals(")")) {
          close++;
        }
        if (close < right[0] && close - j <= 6) {
          skipped += close - j + 1;
          j = close;
          continue;
        }
      }
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
    return (adjacentOk || right[0] > left[1] + 1) && right[0] - left[1] - skipped <= 4 && text.substring(from, to).indexOf('\n') < 0;
  }

  private static String spanText(String text, List<Token> tokens, int[] span) {
    return text.substring(tokens.get(span[0]).start(), tokens.get(span[1]).end());
  }

  private static boolean opensSentence(String text, int start) {
    int i = start - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '*' || text.charAt(i) == '"')) {
      i--;
    }
    return i < 0 || ".!?:\n-\u2022#>".indexOf(text.charAt(i)) >= 0;
  }

  private static boolean glued(String text, List<Token> tokens, int[] span) {
    int start = tokens.get(span[0]).start();
    int end = tokens.get(span[1]).end();
    char before = start > 0 ? text.charAt(start - 1) : ' ';
    char after = end < text.length() ? text.charAt(end) : ' ';
    boolean joinedBefore = span[0] > 0 && tokens.get(span[0] - 1).kind() == Kind.JOINER;
    boolean joinedAfter = span[1] + 1 < tokens.size() && tokens.get(span[1] + 1).kind() == Kind.JOINER;
    return joinedBefore || joinedAfter || before == '-' || before == '&' || after == '-' || after == '&'
        || after == '\'' || after == '\u2019';
  }

  /** A technical cue word within {@link #CUE_WINDOW} words either side, on the same line. */
  private static boolean hasCue(String text, List<Token> tokens, int[] span) {
    return near(text, tokens, span, CUES);
  }

  /** One of the words within {@link #CUE_WINDOW} words either side, on the same line. */
  private static boolean near(String text, List<Token> tokens, int[] span, Set<String> cues) {
    for (int dir = -1; dir <= 1; dir += 2) {
      int words = 0;
      Token previous = tokens.get(dir < 0 ? span[0] : span[1]);
      int from = dir < 0 ? span[0] - 1 : span[1] + 1;
      for (int j = from; j >= 0 && j < tokens.size() && words < CUE_WINDOW && Math.abs(j - from) < 12; j += dir) {
        Token t = tokens.get(j);
        if (newlineBetween(text, dir < 0 ? t : previous, dir < 0 ? previous : t)) {
          break;
        }
        previous = t;
        if (t.kind() != Kind.WORD) {
          continue;
        }
        boolean joined = j > 0 && tokens.get(j - 1).kind() == Kind.JOINER; // "end-to-end" is one word
        words += joined ? 0 : 1;
        if (cues.contains(text.substring(t.start(), t.end()).toLowerCase(Locale.ROOT))) {
          return true;
        }
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
}
