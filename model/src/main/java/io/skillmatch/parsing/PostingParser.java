package io.skillmatch.parsing;

import io.skillmatch.parsing.Sentences.Span;
import io.skillmatch.taxonomy.Category;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a job posting as a recruiter does: title and seniority; each skill asked for, required or
 * preferred (from section headings and cue phrases, not position), with the years asked for it and
 * the group of alternatives it belongs to ("Django, FastAPI or Flask"); the overall minimum years.
 * Thread-safe; time linear in the length of the text.
 */
public final class PostingParser {

  private static final Pattern ALTERNATIVES_BEFORE =
      Pattern.compile("(?i)(one of|any of|either|such as|e\\.g\\.?|for example|like|similar to)[\\s:,(]*$");
  private static final Pattern OR_AFTER = Pattern.compile("(?i)^\\s*,?\\s*(or|and/or)\\s+[a-z]");
  private static final Pattern GAP =
      Pattern.compile("(?i)^[\\s,/|()]*+((and/or|or|and|nor|&)\\s*+)?[\\s,/|()]*+$");

  /** Most requirements a structured posting may list. */
  public static final int MAX_REQUIREMENTS = 200;

  private final Taxonomy taxonomy;
  private final SkillExtractor extractor;
  private final TextCleaner cleaner;
  private final UnknownSkills unknown;

  public PostingParser(Taxonomy taxonomy, SkillExtractor extractor, TextCleaner cleaner, UnknownSkills unknown) {
    this.taxonomy = taxonomy;
    this.extractor = extractor;
    this.cleaner = cleaner;
    this.unknown = unknown;
  }

  /** A parser over the taxonomy with the default extractor and cleaner. */
  public static PostingParser of(Taxonomy taxonomy) {
    return new PostingParser(taxonomy, new SkillMatcher(taxonomy), new TextCleaner(), UnknownSkills.bundled(taxonomy));
  }

  /** A mention placed in its clause, with what its context says. */
  private record Placed(Mention mention, Span sentence, Span clause, Importance importance) {}

  /** Parses raw posting text; throws {@link TextRejectedException} for unusable input. */
  public ParsedPosting parse(String raw) {
    CleanText clean = cleaner.clean(raw);
    String text = clean.text();
    List<String> warnings = new ArrayList<>(clean.warnings());
    String title = title(clean);

    List<Span> lines = lines(text);
    Sections.Kind[] lineKind = new Sections.Kind[lines.size()];
    int[] contentStart = new int[lines.size()];
    Sections.Kind current = Sections.Kind.REQUIRED;
    for (int i = 0; i < lines.size(); i++) {
      Span line = lines.get(i);
      String s = line.of(text);
      boolean afterBlank = i == 0 || blank(text, lines.get(i - 1));
      Sections.Heading h = Sections.postingHeading(s, afterBlank);
      contentStart[i] = line.start();
      if (h != null) {
        current = h.kind() == Sections.Kind.OTHER ? Sections.Kind.REQUIRED : h.kind();
        contentStart[i] = line.start() + h.contentStart();
      }
      lineKind[i] = current;
      if (current == Sections.Kind.REQUIRED && Cues.mayRelax(s) && Cues.RELAXES_SECTION.matcher(s).find()) {
        current = Sections.Kind.PREFERRED;
        lineKind[i] = current;
      }
    }

    List<Mention> mentions = extractor.extract(text);
    List<Span> sentences = Sentences.split(text);
    List<Placed> placed = new ArrayList<>();
    List<Integer> overallYears = new ArrayList<>();
    Map<Mention, Integer> yearsOf = new HashMap<>();
    Map<Mention, String> groupOf = new HashMap<>();
    int groups = 0;
    int mi = 0;
    for (Span sentence : sentences) {
      int lineIdx = lineIndex(lines, sentence.start());
      Sections.Kind kind = lineKind[lineIdx];
      if (kind == Sections.Kind.IGNORE) {
        while (mi < mentions.size() && mentions.get(mi).start() < sentence.end()) {
          mi++;
        }
        continue;
      }
      for (Span clause : Sentences.clauses(text, sentence)) {
        List<Mention> inClause = new ArrayList<>();
        while (mi < mentions.size() && mentions.get(mi).start() < clause.end()) {
          Mention m = mentions.get(mi++);
          if (m.start() >= clause.start() && m.start() >= contentStart[lineIdx]
              || m.start() >= clause.start() && contentStart[lineIdx] >= lines.get(lineIdx).end()) {
            inClause.add(m);
          }
        }
        Cues.CueIndex cues = new Cues.CueIndex(clause.of(text));
        Importance base = kind == Sections.Kind.PREFERRED ? Importance.PREFERRED : Importance.REQUIRED;
        for (Mention m : inClause) {
          Importance cue = cues.nearest(m.start() - clause.start(), m.end() - clause.start());
          placed.add(new Placed(m, sentence, clause, cue == null ? base : cue));
        }
        bindYears(text, clause, inClause, cues, yearsOf, overallYears, base);
        groups = groupAlternatives(text, clause, inClause, groupOf, groups);
      }
    }
    // mentions inside the title count as required: "Senior Go Engineer" asks for Go
    List<Requirement> requirements = assemble(text, placed, yearsOf, groupOf);
    Integer minYears = overallYears.isEmpty() ? null : overallYears.stream().max(Integer::compare).get();
    Seniority seniority = seniority(title, minYears);
    if (requirements.isEmpty()) {
      warnings.add("no skills from the taxonomy were found in the posting");
    }
    return new ParsedPosting(title, seniority, minYears, requirements, unknown.find(text, mentions), warnings);
  }

  /**
   * Reads a structured posting: {@code {title?, minYears?, requirements: ["Python" | {skill,
   * importance?, years?, anyOf?}]}}. Skills resolve through the taxonomy's names and aliases;
   * unknown ones are flagged, not dropped silently. Requirements marked with the same {@code anyOf}
   * label are alternatives. Throws {@link InvalidInputException} naming the field at fault.
   */
  public ParsedPosting parseStructured(com.fasterxml.jackson.databind.JsonNode node) {
    com.fasterxml.jackson.databind.JsonNode list = node.path("requirements");
    if (!list.isArray() || list.isEmpty()) {
      throw new InvalidInputException("requirements", "required: a non-empty array of skills");
    }
    if (list.size() > MAX_REQUIREMENTS) {
      throw new InvalidInputException("requirements", "at most " + MAX_REQUIREMENTS + ", not " + list.size());
    }
    String title = node.path("title").isTextual() && !node.path("title").asText().isBlank()
        ? node.path("title").asText().strip() : null;
    Integer minYears = yearsField(node.path("minYears"), "minYears");
    List<String> warnings = new ArrayList<>();
    List<String> unknownNames = new ArrayList<>();
    Map<String, Requirement> bySkill = new LinkedHashMap<>();
    Map<String, String> groups = new LinkedHashMap<>();
    java.util.Set<String> standalone = new java.util.HashSet<>(); // listed at least once outside a group
    for (int i = 0; i < list.size(); i++) {
      com.fasterxml.jackson.databind.JsonNode r = list.get(i);
      String field = "requirements[" + i + "]";
      String name;
      Importance importance = Importance.REQUIRED;
      Integer years = null;
      String group = null;
      if (r.isTextual()) {
        name = r.asText();
      } else if (r.isObject()) {
        com.fasterxml.jackson.databind.JsonNode skill = r.has("skill") ? r.get("skill") : r.path("name");
        if (!skill.isTextual()) {
          throw new InvalidInputException(field + ".skill", "required: the skill's name");
        }
        name = skill.asText();
        com.fasterxml.jackson.databind.JsonNode imp = r.path("importance");
        if (!imp.isMissingNode() && !imp.isNull()) {
          try {
            importance = Importance.of(imp.isTextual() ? imp.asText() : imp.toString());
          } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ".importance", "must be required or preferred, not " + imp);
          }
        }
        years = yearsField(r.path("years"), field + ".years");
        com.fasterxml.jackson.databind.JsonNode any = r.path("anyOf");
        if (!any.isMissingNode() && !any.isNull() && !any.isTextual()) {
          throw new InvalidInputException(field + ".anyOf", "must be a group label string, not " + any);
        }
        group = any.isTextual() && !any.asText().isBlank() ? any.asText().strip() : null;
      } else {
        throw new InvalidInputException(field, "must be a skill name or {\"skill\": ...}, not " + r);
      }
      if (name.isBlank()) {
        throw new InvalidInputException(field + ".skill", "must not be blank");
      }
      java.util.Optional<Skill> skill = taxonomy.resolve(name);
      if (skill.isEmpty()) {
        warnings.add("unknown skill, not in the taxonomy: " + name);
        unknownNames.add(name.strip());
        continue;
      }
      String label = group == null ? null : groups.computeIfAbsent(group, g -> "g" + (groups.size() + 1));
      if (label == null) {
        standalone.add(skill.get().id()); // a skill asked for on its own is no alternative, as in text
      }
      Requirement before = bySkill.get(skill.get().id());
      Importance merged = before != null && before.importance() == Importance.REQUIRED ? Importance.REQUIRED : importance;
      Integer mergedYears = before == null || before.minYears() == null ? years
          : years == null ? before.minYears() : Integer.valueOf(Math.max(years, before.minYears()));
      bySkill.put(skill.get().id(), new Requirement(skill.get().name(), skill.get().id(), merged, mergedYears,
          before != null && before.anyOf() != null ? before.anyOf() : label, new Evidence(name, 0, name.length())));
    }
    // a skill asked for on its own anywhere is no alternative
    List<Requirement> requirements = grouped(bySkill.values().stream()
        .map(r -> standalone.contains(r.skillId())
            ? new Requirement(r.skill(), r.skillId(), r.importance(), r.minYears(), null, r.evidence()) : r)
        .toList());
    if (requirements.isEmpty()) {
      warnings.add("no skills from the taxonomy were found in the posting");
    }
    Seniority seniority = seniority(title, minYears);
    return new ParsedPosting(title, seniority, minYears, requirements, unknownNames, warnings);
  }

  /** The level the title names, or else the one the overall years imply; null when neither says. */
  private static Seniority seniority(String title, Integer minYears) {
    return Seniority.fromTitle(title)
        .or(() -> minYears == null ? java.util.Optional.empty() : java.util.Optional.of(Seniority.fromYears(minYears)))
        .orElse(null);
  }

  private static Integer yearsField(com.fasterxml.jackson.databind.JsonNode n, String field) {
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber()) {
      throw new InvalidInputException(field, "must be a whole number of years, not " + n);
    }
    if (!n.canConvertToInt() || n.asInt() < 0 || n.asInt() > Cues.MAX_YEARS) {
      throw new InvalidInputException(field, "out of range 0-" + Cues.MAX_YEARS + ": " + n);
    }
    return n.asInt();
  }

  private void bindYears(
      String text,
      Span clause,
      List<Mention> inClause,
      Cues.CueIndex cues,
      Map<Mention, Integer> yearsOf,
      List<Integer> overall,
      Importance base) {
    Cues.Years years = Cues.bindYears(text, clause.start(), clause.end(), inClause, this::concrete);
    years.bound().forEach((m, y) -> yearsOf.merge(m, y, Math::max));
    for (int[] phrase : years.unbound()) {
      if (base == Importance.REQUIRED
          && cues.nearest(phrase[0] - clause.start(), phrase[1] - clause.start()) != Importance.PREFERRED) {
        overall.add(phrase[2]);
      }
    }
  }

  /** Whether a mention names a concrete technology rather than a discipline or a soft skill. */
  private boolean concrete(Mention m) {
    return taxonomy.skill(m.skillId())
        .map(s -> s.category() != Category.PRACTICE && s.category().isTechnical())
        .orElse(false);
  }

  /** Groups runs of mentions joined by "or" / "/" (or introduced by "one of", "such as"). */
  private int groupAlternatives(
      String text, Span clause, List<Mention> inClause, Map<Mention, String> groupOf, int groups) {
    int i = 0;
    while (i < inClause.size()) {
      int j = i;
      while (j + 1 < inClause.size()
          && inClause.get(j + 1).start() - inClause.get(j).end() <= 24
          && GAP.matcher(text.substring(inClause.get(j).end(), inClause.get(j + 1).start())).matches()) {
        j++;
      }
      if (j > i) {
        List<Mention> run = inClause.subList(i, j + 1);
        if (OR_AFTER.matcher(text.substring(run.getLast().end(), Math.min(clause.end(), run.getLast().end() + 12))).find()
            && onlyCommas(text, run)) {
          // "DevOps, SRE or infrastructure engineering": the list ends in an alternative the
          // taxonomy does not know, so its named members are alternatives too
          groups = assign(run, groupOf, groups);
        } else {
          groups = groupRun(text, clause, run, groupOf, groups);
        }
      }
      i = j + 1;
    }
    return groups;
  }

  private static boolean onlyCommas(String text, List<Mention> run) {
    for (int k = 1; k < run.size(); k++) {
      if (!text.substring(run.get(k - 1).end(), run.get(k).start()).strip().equals(",")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Within a run of listed mentions, an "or" (or "/") joins alternatives; the group grows from
   * the pair it joins over neighbours of the same category: "Python, Django, FastAPI or Flask"
   * groups the three frameworks, not Python. A run introduced by "one of" or "such as" is one
   * group whatever the conjunctions.
   */
  private int groupRun(
      String text, Span clause, List<Mention> run, Map<Mention, String> groupOf, int groups) {
    String before = text.substring(Math.max(clause.start(), run.getFirst().start() - 40), run.getFirst().start());
    if (ALTERNATIVES_BEFORE.matcher(before).find()) {
      return assign(run, groupOf, groups);
    }
    int n = run.size();
    boolean[] orGap = new boolean[n]; // orGap[k]: the gap before run[k] joins alternatives
    boolean[] andGap = new boolean[n];
    for (int k = 1; k < n; k++) {
      String gap = text.substring(run.get(k - 1).end(), run.get(k).start()).toLowerCase(Locale.ROOT).strip();
      orGap[k] = gap.contains("or") || gap.equals("/") && sameCategory(run.get(k - 1), run.get(k));
      andGap[k] = gap.contains("and") && !gap.contains("and/or") || gap.equals("&");
    }
    int k = 1;
    while (k < n) {
      if (!orGap[k]) {
        k++;
        continue;
      }
      int lo = k - 1;
      while (lo > 0 && !andGap[lo] && sameCategory(run.get(lo - 1), run.get(k))) {
        lo--;
      }
      int hi = k;
      while (hi + 1 < n && !andGap[hi + 1] && (orGap[hi + 1] || sameCategory(run.get(hi + 1), run.get(k)))) {
        hi++;
      }
      groups = assign(run.subList(lo, hi + 1), groupOf, groups);
      k = hi + 1;
    }
    return groups;
  }

  private static int assign(List<Mention> members, Map<Mention, String> groupOf, int groups) {
    if (members.stream().map(Mention::skillId).distinct().count() < 2) {
      return groups;
    }
    String id = "g" + (groups + 1);
    for (Mention m : members) {
      groupOf.put(m, id);
    }
    return groups + 1;
  }

  private boolean sameCategory(Mention a, Mention b) {
    return taxonomy.skill(a.skillId()).map(Skill::category)
        .equals(taxonomy.skill(b.skillId()).map(Skill::category));
  }

  private List<Requirement> assemble(
      String text, List<Placed> placed, Map<Mention, Integer> yearsOf, Map<Mention, String> groupOf) {
    Map<String, List<Placed>> bySkill = new LinkedHashMap<>();
    for (Placed p : placed) {
      bySkill.computeIfAbsent(p.mention().skillId(), k -> new ArrayList<>()).add(p);
    }
    Map<String, Requirement> chosen = new LinkedHashMap<>();
    for (Map.Entry<String, List<Placed>> e : bySkill.entrySet()) {
      List<Placed> ps = e.getValue();
      Importance importance =
          ps.stream().anyMatch(p -> p.importance() == Importance.REQUIRED) ? Importance.REQUIRED : Importance.PREFERRED;
      Integer years = null;
      String group = null;
      boolean standalone = false;
      Placed first = null;
      for (Placed p : ps) {
        if (p.importance() != importance) {
          continue;
        }
        Integer y = yearsOf.get(p.mention());
        if (first == null || y != null && yearsOf.get(first.mention()) == null) {
          first = p; // the evidence is the first sentence, or the first that states years
        }
        if (y != null && (years == null || y > years)) {
          years = y;
        }
        String g = groupOf.get(p.mention());
        if (g == null) {
          standalone = true;
        } else if (group == null) {
          group = g;
        }
      }
      Skill skill = taxonomy.skill(e.getKey()).orElseThrow();
      Span s = first.sentence();
      chosen.put(
          e.getKey(),
          new Requirement(
              skill.name(), skill.id(), importance, years, standalone ? null : group,
              Evidence.of(text, s.start(), s.end(), first.mention().start(), first.mention().end())));
    }
    return grouped(chosen.values());
  }

  /**
   * Requirements in order, required first. A group of alternatives keeps its label only while two
   * or more members are left, and groups are renumbered g1, g2, ... in order of appearance.
   */
  private static List<Requirement> grouped(java.util.Collection<Requirement> chosen) {
    Map<String, Integer> sizes = new HashMap<>();
    chosen.forEach(r -> {
      if (r.anyOf() != null) {
        sizes.merge(r.anyOf(), 1, Integer::sum);
      }
    });
    Map<String, String> renumber = new LinkedHashMap<>();
    List<Requirement> required = new ArrayList<>();
    List<Requirement> preferred = new ArrayList<>();
    for (Requirement r : chosen) {
      String g = r.anyOf() != null && sizes.get(r.anyOf()) >= 2
          ? renumber.computeIfAbsent(r.anyOf(), k -> "g" + (renumber.size() + 1)) : null;
      Requirement out = new Requirement(r.skill(), r.skillId(), r.importance(), r.minYears(), g, r.evidence());
      (r.importance() == Importance.REQUIRED ? required : preferred).add(out);
    }
    required.addAll(preferred);
    return required;
  }

  private static String title(CleanText clean) {
    for (String key : List.of("title", "job_title", "jobtitle", "position", "role")) {
      String t = clean.frontMatter().get(key);
      if (t != null && !t.isBlank()) {
        return t.strip();
      }
    }
    String text = clean.text();
    for (String line : text.split("\n", 12)) {
      String l = line.strip();
      if (l.startsWith("# ")) {
        return tidyTitle(l.substring(2));
      }
    }
    for (String line : text.split("\n", 6)) {
      String l = tidyTitle(line);
      if (l.isEmpty()) {
        continue;
      }
      boolean bullet = line.strip().matches("^([-*\u2022\u00B7>]|\\d+[.)])\\s.*");
      if (!bullet && l.split("\\s+").length <= 12 && !l.endsWith(".") && l.length() <= 100) {
        Sections.Heading h = Sections.postingHeading(line);
        if (h == null || h.kind() == Sections.Kind.OTHER) {
          return l;
        }
      }
      break;
    }
    return null;
  }

  private static String tidyTitle(String s) {
    String t = s.strip().replaceAll("^#+\\s*", "").replaceAll("^[*_]+|[*_]+$", "").strip();
    t = t.replaceFirst("(?i)^(job title|title|position|role)\\s*:\\s*", "");
    return t.strip();
  }

  static boolean blank(String text, Span line) {
    for (int i = line.start(); i < line.end(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static List<Span> lines(String text) {
    List<Span> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        lines.add(new Span(start, i));
        start = i + 1;
      }
    }
    return lines;
  }

  static int lineIndex(List<Span> lines, int offset) {
    int lo = 0;
    int hi = lines.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lines.get(mid).start() <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
