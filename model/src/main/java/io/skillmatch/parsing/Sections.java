package io.skillmatch.parsing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises section headings of postings and resumes ("Nice to have", "## Requirements",
 * "PREFERRED QUALIFICATIONS:", "Benefits") and what they mean. Stateless, thread-safe.
 */
final class Sections {

  /** What a posting section says about the skills under it. */
  enum Kind {
    REQUIRED,
    PREFERRED,
    /** About the company, benefits, how to apply: skills named here are not requirements. */
    IGNORE,
    /** A heading of unknown meaning. */
    OTHER,
    // resume sections
    EXPERIENCE,
    EDUCATION,
    SKILLS,
    /** Projects, awards, languages, interests, summary: a section, but not work history. */
    OTHER_SECTION
  }

  /** A heading and the content that follows it on the same line ("Requirements: Python"). */
  record Heading(Kind kind, int contentStart) {}

  private static final Pattern PREFERRED =
      Pattern.compile("nice[- ]to[- ]have|preferred|bonus|\\bplus(es)?\\b|great to have|good to have"
          + "|desired|desirable|extra credit|would be (nice|great)|\\bideal(ly)?\\b|optional"
          + "|not required|advantage|stand out|tech(nology)? stack|our stack|tools we use"
          + "|technologies we use|our tech\\b|tech we use|\\bstack\\b|would love");
  private static final Pattern REQUIRED =
      Pattern.compile("requirement|required|qualification|must|what you.?ll bring|what you bring"
          + "|looking for|you have|you bring|you.?ll need|you will need|skills|experience|about you"
          + "|who you are|minimum|basic|essential|expertise|profile|competenc|knowledge"
          + "|responsibilit|what you.?ll do|what you will do|the role|your role|duties|day to day"
          + "|you will|job description|overview|summary|position|the job|what we need|you are|you.?re"
          + "|role|tasks|impact");
  private static final Pattern IGNORE =
      Pattern.compile("^about\\b|who we are|benefits|perks|what we offer|compensation|salary|\\bpay\\b"
          + "|equal opportunity|\\beeo\\b|why (join|you|work)|our culture|how to apply|location"
          + "|our mission|diversity|company|our values|working here|life at");
  private static final Pattern RESUME_EXPERIENCE =
      Pattern.compile("experience|employment|work history|career|professional background|positions");
  private static final Pattern RESUME_EDUCATION =
      Pattern.compile("education|academic|degrees?|certifications?|training|courses|qualifications");
  private static final Pattern RESUME_OTHER =
      Pattern.compile("^(personal |side |selected |academic |key )?(projects?|awards?|honou?rs|languages|interests"
          + "|hobbies|publications|volunteer(ing)?|references|achievements|activities|summary|profile"
          + "|about( me)?|objective|contact|personal|leadership|talks|patents|open source)$");
  private static final Pattern RESUME_SKILLS =
      Pattern.compile("skills|technologies|technical|tools|competencies|expertise|stack|proficienc");

  private Sections() {}

  /** The posting heading this line is, or null if it is content. */
  static Heading postingHeading(String line) {
    return postingHeading(line, false);
  }

  /**
   * The posting heading this line is, or null. A line standing alone after a blank line counts
   * as a heading when it is short, unpunctuated and names a known kind of section ("The role",
   * "What you bring").
   */
  static Heading postingHeading(String line, boolean afterBlank) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    if (i < line.length() && Character.isLowerCase(line.charAt(i)) && line.indexOf(':') < 0) {
      return null; // prose: headings start with a capital, '#' or '*', or carry a colon
    }
    String label = headingLabel(line);
    if (label == null && afterBlank) {
      label = standaloneLabel(line);
    }
    if (label == null) {
      return null;
    }
    String l = label.toLowerCase(Locale.ROOT);
    Kind kind;
    if (PREFERRED.matcher(l).find()) {
      kind = Kind.PREFERRED;
    } else if (REQUIRED.matcher(l).find() && !l.startsWith("about us")) {
      kind = Kind.REQUIRED;
    } else if (IGNORE.matcher(l).find()) {
      kind = Kind.IGNORE;
    } else {
      kind = Kind.OTHER;
    }
    return new Heading(kind, contentStart(line, label));
  }

  /** The resume heading this line is, or null if it is content. */
  static Heading resumeHeading(String line) {
    return resumeHeading(line, false);
  }

  /** The resume heading this line is, or null; see {@link #postingHeading(String, boolean)}. */
  static Heading resumeHeading(String line, boolean afterBlank) {
    String label = headingLabel(line);
    if (label == null && afterBlank) {
      label = standaloneLabel(line);
      if (label != null
          && !(RESUME_OTHER.matcher(label.toLowerCase(Locale.ROOT)).find()
              || RESUME_SKILLS.matcher(label.toLowerCase(Locale.ROOT)).find()
              || RESUME_EDUCATION.matcher(label.toLowerCase(Locale.ROOT)).find()
              || RESUME_EXPERIENCE.matcher(label.toLowerCase(Locale.ROOT)).find())) {
        label = null;
      }
    }
    if (label == null) {
      return null;
    }
    String l = label.toLowerCase(Locale.ROOT);
    Kind kind;
    if (RESUME_OTHER.matcher(l).find()) {
      kind = Kind.OTHER_SECTION;
    } else if (RESUME_SKILLS.matcher(l).find() && !l.contains("experience")) {
      kind = Kind.SKILLS;
    } else if (RESUME_EDUCATION.matcher(l).find()) {
      kind = Kind.EDUCATION;
    } else if (RESUME_EXPERIENCE.matcher(l).find()) {
      kind = Kind.EXPERIENCE;
    } else {
      kind = Kind.OTHER;
    }
    return new Heading(kind, contentStart(line, label));
  }

  /**
   * The heading text of a line, or null: a markdown heading, a short bold line, a short line
   * ending with ':', a short all-caps line, or "Label: content" with a known label.
   */
  static String headingLabel(String line) {
    String t = line.strip();
    if (t.isEmpty() || t.length() > 120) {
      return null;
    }
    char first = t.charAt(0);
    if ((first == '-' || first == '\u2022' || first == '+') && t.length() > 1 && t.charAt(1) == ' ') {
      return t.indexOf(':') > 0 ? inlineLabel(t) : null; // a bullet is content, unless "- Label: ..."
    }
    boolean markdown = t.startsWith("#");
    String core = trimMarks(stripHashes(t));
    boolean bold = t.startsWith("**") || t.startsWith("__");
    if (core.endsWith(":")) {
      core = trimMarks(core.substring(0, core.length() - 1));
      if (words(core) <= 8 && !core.isEmpty()) {
        return core;
      }
    }
    int words = words(core);
    if (core.isEmpty() || words > 10) {
      return inlineLabel(t);
    }
    char last = t.charAt(t.length() - 1);
    if (markdown || (bold && (last == '*' || last == '_') && words <= 8)) {
      return core;
    }
    if (words <= 6 && core.length() >= 3 && core.equals(core.toUpperCase(Locale.ROOT))
        && core.chars().filter(Character::isLetter).count() >= 3) {
      return core;
    }
    if (words <= 5 && !core.endsWith(".") && knownLabel(core.toLowerCase(Locale.ROOT))) {
      return core;
    }
    return inlineLabel(t);
  }

  private static String standaloneLabel(String line) {
    String t = line.strip();
    if (t.isEmpty() || "-*\u2022+>".indexOf(t.charAt(0)) >= 0 || Character.isDigit(t.charAt(0))
        || words(t) > 6 || ".,;!?".indexOf(t.charAt(t.length() - 1)) >= 0 || !Character.isUpperCase(t.charAt(0))) {
      return null;
    }
    String l = t.toLowerCase(Locale.ROOT);
    return PREFERRED.matcher(l).find() || REQUIRED.matcher(l).find() || IGNORE.matcher(l).find() ? t : null;
  }

  private static String stripHashes(String t) {
    int i = 0;
    while (i < t.length() && t.charAt(i) == '#') {
      i++;
    }
    return i == 0 ? t : t.substring(i).strip();
  }

  /** The text without leading and trailing '*' and '_' (markdown emphasis) and spaces. */
  private static String trimMarks(String t) {
    int a = 0;
    int b = t.length();
    while (a < b && (t.charAt(a) == '*' || t.charAt(a) == '_' || t.charAt(a) == ' ')) {
      a++;
    }
    while (b > a && (t.charAt(b - 1) == '*' || t.charAt(b - 1) == '_' || t.charAt(b - 1) == ' ')) {
      b--;
    }
    return t.substring(a, b);
  }

  private static String inlineLabel(String t) {
    int colon = t.indexOf(':');
    if (colon <= 0 || colon > 40) {
      return null;
    }
    String label = trimMarks(stripHashes(t.substring(0, colon).strip()));
    while (label.startsWith("-")) {
      label = trimMarks(label.substring(1));
    }
    if (words(label) <= 5 && knownLabel(label.toLowerCase(Locale.ROOT))) {
      return label;
    }
    return null;
  }

  private static boolean knownLabel(String l) {
    return KNOWN_LABEL.matcher(l).matches();
  }

  private static final Pattern KNOWN_LABEL =
      Pattern.compile(
        "(nice[- ]to[- ]have|bonus( points)?|plus(es)?|preferred.*|required.*|requirements|"
            + "qualifications|minimum qualifications|basic qualifications|must[- ]haves?|"
            + "(tech(nical)?|technology|our) stack|tech stack|benefits|perks|responsibilities|"
            + "(technical |core |key )?skills.*|experience|work experience|professional experience|"
            + "employment( history)?|education|certifications?|summary|profile|about (us|you|the role)|"
            + "familiar with|exposure to|languages|tools|technologies|frameworks|databases|cloud|"
            + "what you.?ll do|what you.?ll bring|what we offer|who you are|good to have|great to have)");

  private static int contentStart(String line, String label) {
    int colon = line.indexOf(':', Math.max(0, line.indexOf(label)));
    if (colon < 0) {
      return line.length();
    }
    int i = colon + 1;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '*' || line.charAt(i) == '_')) {
      i++;
    }
    return i;
  }

  private static int words(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = Character.isWhitespace(s.charAt(i));
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n;
  }
}
