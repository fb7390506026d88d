package io.skillmatch.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.parsing.Sentences.Span;
import io.skillmatch.taxonomy.Category;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a resume (free text, or structured JSON) for what a person has used, for how long and how
 * recently: a skill named inside a dated experience entry gets that entry's span, overlapping
 * spans count once, "present" is today; explicit statements ("5 years of Python", "Go (3+
 * years)") count too; skills listed without dates have unknown years; a bare "Familiar with: ..."
 * list is weaker evidence. Education is not experience. Thread-safe.
 */
public final class ProfileParser {

  private static final Pattern WEAK_LINE =
      Pattern.compile("(?i)^[\\s\\-*\u2022]*(familiar with|familiarity with|exposure to|basic (knowledge|understanding)"
          + " of|some (exposure|experience) (to|with)|currently learning|learning to|beginner|novice"
          + "|introductory)\\b");
  private static final Pattern IN_PROGRESS =
      Pattern.compile("(?i)\\b(in progress|pursuing|studying for|preparing for|working towards|expected 20\\d\\d)\\b");
  private static final Pattern WEAK_CUE =
      Pattern.compile("(?i)\\b(familiar with|familiarity with|exposure to|basic (knowledge|understanding) of"
          + "|some (exposure|experience) (to|with)|currently learning|learning to|am learning)\\b");
  private static final Pattern EDUCATION_WORDS =
      Pattern.compile("(?i)\\b(university|college|bachelor|master'?s|b\\.?sc|m\\.?sc|b\\.?s\\.|m\\.?s\\.|b\\.?a\\.|"
          + "ph\\.?d|degree|school|diploma|bootcamp|coursework|gpa|graduated|academy)\\b");
  private static final Pattern TITLE_WORDS =
      Pattern.compile("(?i)\\b(engineer|developer|manager|analyst|scientist|designer|accountant|chef|cook"
          + "|teacher|consultant|architect|administrator|admin|intern|lead|director|specialist"
          + "|coordinator|programmer|officer|associate|assistant|technician|tester|sre|devops"
          + "|owner|founder|head|vp|president|bookkeeper|controller|auditor|clerk|nurse|writer"
          + "|editor|researcher|professor|instructor|tutor|cashier|server|representative|agent"
          + "|operator|cto|ceo|cfo|artist|strategist|partner|principal|staff|fellow|trainee|apprentice)\\b");
  private static final Pattern TITLE_SPLIT = Pattern.compile("\\s+[\u2014\u2013|@-]\\s+|\\s*\\|\\s*|,\\s+|\\s+at\\s+|\\s*\\(");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Taxonomy taxonomy;
  private final SkillExtractor extractor;
  private final SkillExtractor titleExtractor;
  private final TextCleaner cleaner;
  private final UnknownSkills unknown;
  private final Clock clock;

  /**
   * A parser.
   *
   * @param extractor finds skills in running text
   * @param titleExtractor finds skills in job titles, where "Data Analyst" means data analysis
   */
  public ProfileParser(
      Taxonomy taxonomy, SkillExtractor extractor, SkillExtractor titleExtractor, TextCleaner cleaner,
      UnknownSkills unknown, Clock clock) {
    this.taxonomy = taxonomy;
    this.extractor = extractor;
    this.titleExtractor = titleExtractor;
    this.cleaner = cleaner;
    this.unknown = unknown;
    this.clock = clock;
  }

  /** A parser over the taxonomy with the default extractor and cleaner, today from the clock. */
  public static ProfileParser of(Taxonomy taxonomy, Clock clock) {
    return new ProfileParser(
        taxonomy, new SkillMatcher(taxonomy), new SkillMatcher(taxonomy, true), new TextCleaner(),
        UnknownSkills.bundled(taxonomy), clock);
  }

  /** A dated experience entry: its text span, its months, its title. */
  private record Entry(int start, int end, DateRanges.Range range, String title, boolean education) {}

  /** Evidence gathered for one skill. */
  private static final class Facts {
    final List<double[]> intervals = new ArrayList<>();
    double explicitYears = -1;
    int lastUsed = -1;
    boolean strong;
    Evidence evidence;
    Evidence weakEvidence;
  }

  /** Parses free text, or a JSON object when the text is one. */
  public ParsedProfile parse(String raw) {
    String t = raw == null ? "" : raw.strip();
    if (t.startsWith("{") && t.endsWith("}")) {
      try {
        JsonNode node = JSON.readTree(t);
        if (node != null && node.isObject()) {
          return node.path("text").isTextual() ? parseText(node.path("text").asText()) : parseStructured(node);
        }
      } catch (IOException e) {
        // not JSON: read it as text
      }
    }
    return parseText(raw);
  }

  /** Parses resume text; throws {@link TextRejectedException} for unusable input. */
  public ParsedProfile parseText(String raw) {
    CleanText clean = cleaner.clean(raw);
    String text = clean.text();
    LocalDate today = LocalDate.now(clock);
    List<String> warnings = new ArrayList<>(clean.warnings());
    List<Span> lines = PostingParser.lines(text);
    List<Entry> entries = entries(text, lines, today);

    Map<String, Facts> facts = new LinkedHashMap<>();
    Map<String, List<Entry>> implied = new LinkedHashMap<>();
    List<Mention> mentions = personalDetailsDropped(text, extractor.extract(text));
    List<Span> sentences = Sentences.split(text);
    List<Span> clauses = new ArrayList<>();
    for (Span sentence : sentences) {
      clauses.addAll(Sentences.clauses(text, sentence));
    }
    boolean[] weakLine = weakLines(text, lines);
    int si = 0;
    int ci = 0;
    int weakClauseIndex = -1;
    int weakFrom = Integer.MAX_VALUE;
    for (Mention m : mentions) {
      while (si + 1 < sentences.size() && sentences.get(si).end() <= m.start()) {
        si++;
      }
      Span sentence = sentences.isEmpty() ? new Span(m.start(), m.end()) : sentences.get(si);
      int lineIdx = PostingParser.lineIndex(lines, m.start());
      while (ci + 1 < clauses.size() && clauses.get(ci).end() <= m.start()) {
        ci++;
      }
      if (ci != weakClauseIndex && !clauses.isEmpty()) {
        // where the first weak cue of the clause ends ("Also: exposure to Julia; ..."), found once per clause
        weakClauseIndex = ci;
        Matcher cue = WEAK_CUE.matcher(text).region(clauses.get(ci).start(), clauses.get(ci).end());
        weakFrom = cue.find() ? cue.end() : Integer.MAX_VALUE;
      }
      boolean weak = weakLine[lineIdx] || m.start() >= weakFrom;
      Facts f = facts.computeIfAbsent(m.skillId(), k -> new Facts());
      if (weak) {
        if (f.weakEvidence == null) {
          f.weakEvidence = Evidence.of(text, sentence.start(), sentence.end(), m.start(), m.end());
        }
        continue;
      }
      f.strong = true;
      if (f.evidence == null) {
        f.evidence = Evidence.of(text, sentence.start(), sentence.end(), m.start(), m.end());
      }
      for (Entry e : entries) {
        if (!e.education() && m.start() >= e.start() && m.start() < e.end()) {
          f.intervals.add(new double[] {e.range().start(), e.range().end()});
          f.lastUsed = Math.max(f.lastUsed, e.range().endYear());
          implied.computeIfAbsent(m.skillId(), k -> new ArrayList<>()).add(e);
        }
      }
    }
    creditTitles(text, entries, facts);
    creditLanguages(facts, implied);
    // explicit statements: "5 years of Python", "Go (3+ years)"
    double overallStated = -1;
    int first = 0;
    for (Span clause : clauses) {
      while (first < mentions.size() && mentions.get(first).start() < clause.start()) {
        first++;
      }
      int last = first;
      while (last < mentions.size() && mentions.get(last).end() <= clause.end()) {
        last++;
      }
      overallStated = Math.max(overallStated, explicitYears(text, clause, mentions.subList(first, last), facts));
    }
    List<ProfileSkill> skills = skills(facts);
    List<double[]> work = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.education()) {
        work.add(new double[] {e.range().start(), e.range().end()});
      }
    }
    Double totalYears = null;
    if (!work.isEmpty()) {
      totalYears = round1(DateRanges.unionMonths(work) / 12.0);
    } else if (overallStated >= 0) {
      totalYears = overallStated;
    }
    List<String> titles = titles(entries);
    if (titles.isEmpty()) {
      titles = headline(text);
    }
    Seniority seniority = seniority(titles, totalYears);
    if (skills.isEmpty()) {
      warnings.add("no skills from the taxonomy were found in the profile");
    }
    return new ParsedProfile(skills, totalYears, seniority, titles, unknown.find(text, mentions), warnings);
  }

  /** The skills of the gathered facts: years from dates or statements, whichever is larger. */
  private List<ProfileSkill> skills(Map<String, Facts> facts) {
    List<ProfileSkill> out = new ArrayList<>(facts.size());
    for (Map.Entry<String, Facts> e : facts.entrySet()) {
      Facts f = e.getValue();
      Skill skill = taxonomy.skill(e.getKey()).orElseThrow();
      double fromDates = f.intervals.isEmpty() ? -1 : DateRanges.unionMonths(f.intervals) / 12.0;
      double years = Math.min(Math.max(fromDates, f.explicitYears), DateRanges.MAX_CAREER_YEARS);
      out.add(
          new ProfileSkill(
              skill.name(),
              skill.id(),
              years < 0 ? null : round1(years),
              f.lastUsed < 0 ? null : f.lastUsed,
              !f.strong,
              f.strong ? f.evidence : f.weakEvidence));
    }
    return out;
  }

  /** A job title names what the person did for the entry's span: "Data Analyst", "Backend Engineer". */
  private void creditTitles(String text, List<Entry> entries, Map<String, Facts> facts) {
    for (Entry e : entries) {
      if (e.education() || e.title() == null) {
        continue;
      }
      int at = text.indexOf(e.title(), e.start());
      for (Mention m : titleExtractor.extract(e.title())) {
        Facts f = facts.computeIfAbsent(m.skillId(), k -> new Facts());
        if (f.intervals.stream().noneMatch(iv -> iv[0] == e.range().start() && iv[1] == e.range().end())) {
          f.intervals.add(new double[] {e.range().start(), e.range().end()});
        }
        f.lastUsed = Math.max(f.lastUsed, e.range().endYear());
        f.strong = true;
        if (f.evidence == null) {
          f.evidence = at >= 0
              ? new Evidence(e.title(), at, at + e.title().length())
              : new Evidence(e.title(), 0, e.title().length());
        }
      }
    }
  }

  /**
   * Using FastAPI in a job means writing Python in it: a framework or library credits the language
   * it is built on (its broader language) with the entry's span, when the resume names that
   * language somewhere. Nothing is added for a language the resume never names.
   */
  private void creditLanguages(Map<String, Facts> facts, Map<String, List<Entry>> entriesBySkill) {
    for (Map.Entry<String, List<Entry>> e : entriesBySkill.entrySet()) {
      Skill skill = taxonomy.skill(e.getKey()).orElseThrow();
      if (skill.category() != Category.FRAMEWORK && skill.category() != Category.LIBRARY) {
        continue;
      }
      for (String parent : skill.broader()) {
        Facts f = facts.get(parent);
        boolean language = taxonomy.skill(parent).map(p -> p.category() == Category.LANGUAGE).orElse(false);
        if (f != null && f.strong && language) {
          for (Entry entry : e.getValue()) {
            if (namesOtherLanguage(entriesBySkill, entry, parent)) {
              continue; // React in a TypeScript job says nothing about JavaScript
            }
            f.intervals.add(new double[] {entry.range().start(), entry.range().end()});
            f.lastUsed = Math.max(f.lastUsed, entry.range().endYear());
          }
        }
      }
    }
  }

  private boolean namesOtherLanguage(Map<String, List<Entry>> entriesBySkill, Entry entry, String language) {
    for (Map.Entry<String, List<Entry>> e : entriesBySkill.entrySet()) {
      if (!e.getKey().equals(language) && e.getValue().contains(entry)
          && taxonomy.skill(e.getKey()).map(s -> s.category() == Category.LANGUAGE).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lines whose skills are weak evidence: a line opening with "Familiar with", "Exposure to"...,
   * and the lines under a "Familiar with:" heading until a blank line or another heading.
   */
  private static boolean[] weakLines(String text, List<Span> lines) {
    boolean[] weak = new boolean[lines.size()];
    boolean underWeakHeading = false;
    for (int i = 0; i < lines.size(); i++) {
      Span line = lines.get(i);
      boolean opensWeak = WEAK_LINE.matcher(text).region(line.start(), line.end()).find()
          || IN_PROGRESS.matcher(text).region(line.start(), line.end()).find();
      String s = line.end() - line.start() <= 120 ? line.of(text).strip() : "";
      if (PostingParser.blank(text, line)) {
        underWeakHeading = false;
      } else if (!s.isEmpty() && Sections.headingLabel(s) != null) {
        underWeakHeading = opensWeak && s.endsWith(":");
        weak[i] = opensWeak;
        continue;
      }
      weak[i] = opensWeak || underWeakHeading;
    }
    return weak;
  }

  /** Binds the years phrases of a clause to its mentions; returns the largest unbound "N years of experience". */
  private double explicitYears(String text, Span clause, List<Mention> inClause, Map<String, Facts> facts) {
    Cues.Years years = Cues.bindYears(text, clause.start(), clause.end(), inClause, m -> true);
    years.bound().forEach((m, y) -> bind(facts, m, y));
    double unbound = -1;
    if (clause.of(text).toLowerCase(Locale.ROOT).contains("experience")) {
      for (int[] phrase : years.unbound()) {
        unbound = Math.max(unbound, phrase[2]);
      }
    }
    return unbound;
  }

  private static void bind(Map<String, Facts> facts, Mention mention, int years) {
    Facts f = facts.get(mention.skillId());
    if (f != null && f.strong) {
      f.explicitYears = Math.max(f.explicitYears, years);
    }
  }

  private List<Entry> entries(String text, List<Span> lines, LocalDate today) {
    List<int[]> starts = new ArrayList<>(); // {lineIndex, headerLineIndex}
    List<DateRanges.Range> ranges = new ArrayList<>();
    Sections.Kind[] section = new Sections.Kind[lines.size()];
    Sections.Kind current = Sections.Kind.OTHER;
    boolean anyExperienceHeading = false;
    boolean previousDated = false;
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i).of(text);
      boolean afterBlank = i == 0 || PostingParser.blank(text, lines.get(i - 1));
      List<DateRanges.Range> found = DateRanges.find(s, today); // once per line
      Sections.Heading h = found.isEmpty() ? Sections.resumeHeading(s, afterBlank) : null;
      if (h != null && h.kind() != Sections.Kind.OTHER) {
        current = h.kind();
        anyExperienceHeading |= current == Sections.Kind.EXPERIENCE;
      }
      section[i] = current;
      boolean dated = !found.isEmpty();
      if (dated) {
        int header = i;
        if (i > 0 && !previousDated && isHeaderLine(lines.get(i - 1).of(text))
            && (starts.isEmpty() || starts.getLast()[0] < i - 1)) {
          header = i - 1;
        }
        starts.add(new int[] {i, header});
        ranges.add(found.getFirst());
      }
      previousDated = dated;
    }
    List<Entry> entries = new ArrayList<>();
    for (int k = 0; k < starts.size(); k++) {
      int line = starts.get(k)[0];
      int header = starts.get(k)[1];
      int endLine = k + 1 < starts.size() ? starts.get(k + 1)[1] : lines.size();
      // an entry also ends at the next section heading
      for (int i = line + 1; i < endLine; i++) {
        if (section[i] != section[line]) {
          endLine = i;
          break;
        }
      }
      int start = lines.get(header).start();
      int end = endLine >= lines.size() ? text.length() : lines.get(endLine).start();
      String head = text.substring(start, lines.get(line).end());
      // work history: entries under an experience heading; without one, any dated entry that is
      // not in education, projects and the like, and does not read like a degree
      boolean work =
          section[line] == Sections.Kind.EXPERIENCE
              || !anyExperienceHeading
                  && section[line] != Sections.Kind.EDUCATION
                  && section[line] != Sections.Kind.OTHER_SECTION
                  && !(EDUCATION_WORDS.matcher(head).find() && !TITLE_WORDS.matcher(head).find());
      boolean education = !work;
      entries.add(new Entry(start, end, ranges.get(k), title(head, ranges.get(k)), education));
    }
    return entries;
  }

  /** A short, undated, non-bullet line just above a dated one: a job's title or company line. */
  private static boolean isHeaderLine(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.startsWith("- ") || s.startsWith("* ") || s.startsWith("\u2022") || s.length() > 160
        || s.chars().filter(c -> c == ' ').count() > 11) {
      return false;
    }
    Sections.Heading h = Sections.resumeHeading(s);
    return h == null || h.kind() == Sections.Kind.OTHER;
  }

  private static String title(String head, DateRanges.Range range) {
    for (String line : head.split("\n")) {
      String cleaned = line.replaceAll("(?i)(\\b(19|20)\\d{2}\\b.*$)", " ").strip();
      // drop the date range and everything after the first date
      cleaned = cleaned.replaceAll("(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s*$", "");
      cleaned = cleaned.replaceAll("[\\s,|\u2014\u2013(-]+$", "").replaceAll("^[#*_\\s]+|[*_\\s]+$", "");
      for (String part : TITLE_SPLIT.split(cleaned)) {
        String p = part.replaceAll("[*_)]+", "").strip();
        if (!p.isEmpty() && TITLE_WORDS.matcher(p).find() && p.split("\\s+").length <= 8) {
          return p;
        }
      }
    }
    return null;
  }

  private static List<String> titles(List<Entry> entries) {
    List<Entry> work = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.education() && e.title() != null) {
        work.add(e);
      }
    }
    work.sort(Comparator.comparingDouble((Entry e) -> e.range().end()).thenComparingDouble(e -> e.range().start()).reversed());
    Set<String> titles = new LinkedHashSet<>();
    for (Entry e : work) {
      titles.add(e.title());
    }
    return List.copyOf(titles);
  }

  /**
   * Personal details, which must never become skills: "Nationality: German" is not the German
   * language, "US Military veteran" not aerospace and defense, "Blind; uses a screen reader" not a
   * screen-reader skill. A match covers its stretch of text back to the previous break and on to
   * the end of its line or sentence (80 characters at most each way).
   */
  private static final Pattern PERSONAL = Pattern.compile(
      "\\b(?:nationality|citizenship|citizen of|marital status|date of birth|d\\.o\\.b|birth ?date|gender|sex"
          + "|religion|caste|passport|visa status|father'?s name|mother'?s name|spouse|veteran status"
          + "|(?:army|navy|military|air force|marine corps|armed forces|u\\.?s\\.?) veterans?|military service"
          + "|served in the (?:army|navy|military|air force|marines)|disabilit(?:y|ies)|disabled|blind|deaf"
          + "|wheelchair|visually impaired|hearing impaired)\\b",
      Pattern.CASE_INSENSITIVE);

  static List<Mention> personalDetailsDropped(String text, List<Mention> mentions) {
    Matcher m = PERSONAL.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      int start = m.start();
      while (start > 0 && start > m.start() - 80 && "\n.;|•".indexOf(text.charAt(start - 1)) < 0) {
        start--;
      }
      int end = m.end();
      while (end < text.length() && end < m.end() + 80 && "\n.|•".indexOf(text.charAt(end)) < 0) {
        end++;
      }
      spans.add(new int[] {start, end});
    }
    if (spans.isEmpty()) {
      return mentions;
    }
    List<Mention> kept = new ArrayList<>(mentions.size());
    for (Mention mention : mentions) {
      boolean personal = false;
      for (int[] span : spans) {
        personal |= mention.start() < span[1] && mention.end() > span[0];
      }
      if (!personal) {
        kept.add(mention);
      }
    }
    return kept;
  }

  /** A line that is only a job title: a few words ending in a role ("Java Developer", "QA Automation Lead"). */
  private static final Pattern HEADLINE = Pattern.compile(
      "(?:role\\s+)?((?:[A-Za-z.#+/&-]+\\s+){0,4}(?:developer|engineer|analyst|manager|lead|tester|consultant"
          + "|administrator|architect|designer|scientist|specialist|programmer|officer|executive|coordinator"
          + "|trainer|teacher|lecturer|accountant|technician|advocate|nutritionist|intern))s?",
      Pattern.CASE_INSENSITIVE);

  /**
   * When no dated entry names a job, the resume's headline: the first line near the top that is only
   * a job title, or a "Role" field. Resumes that lost their layout often keep one.
   */
  private static List<String> headline(String text) {
    int end = Math.min(text.length(), 3000);
    for (String line : text.substring(0, end).split("\n")) {
      String l = line.strip();
      int dash = l.indexOf(" - ");
      String candidate = dash > 0 ? l.substring(0, dash).strip() : l; // "Java Developer - Xoriant"
      Matcher m = HEADLINE.matcher(candidate);
      if (candidate.length() <= 60 && m.matches()) {
        return List.of(m.group(1).strip());
      }
    }
    return List.of();
  }

  private static Seniority seniority(List<String> titles, Double totalYears) {
    if (!titles.isEmpty()) {
      Optional<Seniority> s = Seniority.fromTitle(titles.getFirst());
      if (s.isPresent()) {
        return s.get();
      }
    }
    return totalYears == null ? null : Seniority.fromYears(totalYears);
  }

  // ---------------------------------------------------------------- structured JSON

  /**
   * Parses a structured profile: {"skills": [{"name", "years"?, "lastUsedYear"?}], "experience":
   * [{"title", "company"?, "start": "2019-01", "end": "2021-06" or null for present,
   * "description"?}], "titles"?}. Unknown skill names are reported in the warnings.
   */
  public ParsedProfile parseStructured(JsonNode node) {
    LocalDate today = LocalDate.now(clock);
    List<String> warnings = new ArrayList<>();
    Map<String, Facts> facts = new LinkedHashMap<>();
    List<double[]> work = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    JsonNode experience = node.path("experience");
    if (!experience.isMissingNode() && !experience.isArray()) {
      throw new InvalidInputException("experience", "must be an array");
    }
    for (JsonNode e : experience) {
      if (!e.isObject()) {
        throw new InvalidInputException("experience[]", "each entry must be an object, not " + e);
      }
      String title = e.path("title").asText("").strip();
      YearMonth start = yearMonth(e.path("start"), "experience[].start");
      YearMonth end = e.path("end").isNull() || e.path("end").isMissingNode()
          ? null : yearMonth(e.path("end"), "experience[].end");
      if (start == null) {
        warnings.add("experience entry without a start date ignored: " + title);
        continue;
      }
      double s = start.getYear() * 12.0 + start.getMonthValue() - 1;
      double en = end == null
          ? today.getYear() * 12.0 + today.getMonthValue() - 1 + today.getDayOfMonth() / (double) today.lengthOfMonth()
          : end.getYear() * 12.0 + end.getMonthValue();
      if (en < s) {
        throw new InvalidInputException("experience[].end", "is before the start for " + title);
      }
      if (start.getYear() < today.getYear() - DateRanges.MAX_CAREER_YEARS || start.isAfter(YearMonth.from(today))) {
        throw new InvalidInputException("experience[].start", "out of range: " + start);
      }
      int endYear = end == null ? today.getYear() : end.getYear();
      DateRanges.Range range = new DateRanges.Range(s, en, start.getYear(), endYear);
      work.add(new double[] {s, en});
      entries.add(new Entry(0, 0, range, title.isEmpty() ? null : title, false));
      String description = title + "\n" + e.path("description").asText("");
      for (Mention m : extractor.extract(description)) {
        Facts f = facts.computeIfAbsent(m.skillId(), k -> new Facts());
        f.strong = true;
        f.intervals.add(new double[] {s, en});
        f.lastUsed = Math.max(f.lastUsed, endYear);
        if (f.evidence == null) {
          f.evidence = sentenceAround(description, m);
        }
      }
    }
    JsonNode skills = node.path("skills");
    List<String> unknownNames = new ArrayList<>();
    if (!skills.isMissingNode() && !skills.isArray()) {
      throw new InvalidInputException("skills", "must be an array");
    }
    for (JsonNode sk : skills) {
      if (!sk.isTextual() && !(sk.isObject() && (sk.path("name").isTextual() || sk.path("name").isMissingNode()))) {
        throw new InvalidInputException("skills[].name", "each skill must be a name or {\"name\": \"...\"}, not " + sk);
      }
      String name = sk.isTextual() ? sk.asText() : sk.path("name").asText("");
      if (name.isBlank()) {
        throw new InvalidInputException("skills[].name", "required");
      }
      Optional<Skill> skill = taxonomy.resolve(name);
      if (skill.isEmpty()) {
        warnings.add("unknown skill, not in the taxonomy: " + name);
        unknownNames.add(name);
        continue;
      }
      Facts f = facts.computeIfAbsent(skill.get().id(), k -> new Facts());
      f.strong = true;
      JsonNode years = sk.path("years");
      if (!years.isMissingNode() && !years.isNull() && !years.isNumber()) {
        throw new InvalidInputException("skills[].years", "must be a number, not " + years);
      }
      if (years.isNumber()) {
        double y = years.asDouble();
        if (y < 0 || y > Cues.MAX_YEARS) {
          throw new InvalidInputException("skills[].years", "out of range: " + y);
        }
        f.explicitYears = Math.max(f.explicitYears, y);
      }
      JsonNode lastUsed = sk.path("lastUsedYear");
      if (!lastUsed.isMissingNode() && !lastUsed.isNull() && !lastUsed.isInt()) {
        throw new InvalidInputException("skills[].lastUsedYear", "must be a year, not " + lastUsed);
      }
      if (lastUsed.isInt() && (lastUsed.asInt() < today.getYear() - DateRanges.MAX_CAREER_YEARS
          || lastUsed.asInt() > today.getYear())) {
        throw new InvalidInputException("skills[].lastUsedYear", "out of range: " + lastUsed.asInt());
      }
      if (lastUsed.isInt()) {
        f.lastUsed = Math.max(f.lastUsed, sk.path("lastUsedYear").asInt());
      }
      if (f.evidence == null) {
        f.evidence = new Evidence(name, 0, name.length());
      }
    }
    List<ProfileSkill> out = skills(facts);
    Double totalYears = work.isEmpty() ? null : round1(DateRanges.unionMonths(work) / 12.0);
    List<String> titles = new ArrayList<>(titles(entries));
    if (!node.path("titles").isMissingNode() && !node.path("titles").isArray()) {
      throw new InvalidInputException("titles", "must be an array of job titles");
    }
    if (titles.isEmpty() && node.path("titles").isArray()) {
      node.path("titles").forEach(t -> titles.add(t.asText()));
    }
    if (out.isEmpty()) {
      warnings.add("no skills from the taxonomy were found in the profile");
    }
    return new ParsedProfile(out, totalYears, seniority(titles, totalYears), titles, unknownNames, warnings);
  }

  private static Evidence sentenceAround(String text, Mention m) {
    for (Span s : Sentences.split(text)) {
      if (m.start() >= s.start() && m.start() < s.end()) {
        return Evidence.of(text, s.start(), s.end(), m.start(), m.end());
      }
    }
    return new Evidence(text.substring(m.start(), m.end()), m.start(), m.end());
  }

  private static YearMonth yearMonth(JsonNode n, String field) {
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    String s = n.asText("").strip();
    try {
      if (s.matches("\\d{4}")) {
        return YearMonth.of(Integer.parseInt(s), 7);
      }
      if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        s = s.substring(0, 7);
      }
      return YearMonth.parse(s);
    } catch (RuntimeException e) {
      throw new InvalidInputException(field, "must be YYYY-MM: " + s);
    }
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

}
