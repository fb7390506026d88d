package io.skillmatch.ranking;

import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.parsing.Requirement;
import io.skillmatch.parsing.Seniority;
import io.skillmatch.taxonomy.Category;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The features of one (posting, candidate) pair for the ranking model. They come only from what
 * the parsers read (skills, years, levels, titles) and from text similarity; never from names,
 * pronouns, ages or addresses. Names are stable: trained models store them. Thread-safe.
 */
public final class FitFeatures {

  /** Feature names, in vector order. */
  public static final List<String> NAMES = List.of(
      "requiredCoverage", "requiredMetShare", "requiredMissingShare", "requiredSoftCoverage",
      "preferredCoverage", "preferredSoftCoverage", "anyOfMet", "skillYearsFit", "yearsFit", "yearsGap",
      "seniorityFit", "seniorityGap", "recency", "weakShare", "focus", "skillVectorCosine", "textCoverage",
      "titleOverlap", "requiredCount", "profileSkills", "ruleScore", "categoryCosine", "requiredTechCoverage",
      "titleSkillsMet", "titleTermCoverage", "requiredDatedShare", "profileDatedShare", "profileYears",
      "postingMinYears");

  private final Taxonomy taxonomy;
  private final SkillSimilarity similarity;
  private final int currentYear;
  // the skills close to each skill asked for, packed once per skill
  private final Map<String, Near> packedNear = new ConcurrentHashMap<>();
  // skill ids as small integers, for the near tables and the scratch bits; ids outside the taxonomy get one on first sight
  private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger nextOrdinal = new java.util.concurrent.atomic.AtomicInteger();
  // each skill with its ancestors, shared by every profile that has it (never written once built)
  private final Map<String, String[]> lineages = new ConcurrentHashMap<>();
  // title words and the sets of them, skill sets: one instance each across the documents prepared
  private final Canonical shared = new Canonical(200_000);
  // what a title names, worked out once per distinct title ("Senior Data Engineer" recurs), the
  // first TITLES of them
  private static final int TITLES = 100_000;
  private final Map<String, Title> titles = new ConcurrentHashMap<>();
  // a bit per skill ordinal, for the profile scored on this thread; all clear between pairs
  private final ThreadLocal<long[]> scratch = ThreadLocal.withInitial(() -> new long[64]);

  public FitFeatures(Taxonomy taxonomy, SkillSimilarity similarity, int currentYear) {
    this.taxonomy = taxonomy;
    this.similarity = similarity;
    this.currentYear = currentYear;
  }

  /** The feature vector of a pair, given the rule fit and the similarities computed outside. */
  /**
   * What the features need of a posting beyond its parse, computed once per posting.
   *
   * @param titleSkills skills its title names
   * @param near per requirement, the skills close to its skill: shared by every posting asking for
   *     that skill (a table per posting was a third of the heap)
   * @param categories how many of its requirements fall in each skill category (see {@link #categories})
   * @param asked the ids of the skills it asks for
   * @param titleWords the words of its title, levels and fillers left out
   * @param technical per requirement, whether its skill is a technology
   * @param inTitle per requirement, whether the title names its skill
   */
  public record PostingFacts(Set<String> titleSkills, Near[] near, short[] categories,
      Set<String> asked, Set<String> titleWords, boolean[] technical, boolean[] inTitle) {}

  /**
   * The skills close to one skill, by ordinal, and how close.
   *
   * @param skills ordinals of the close skills
   * @param similarity how close each is
   */
  public record Near(int[] skills, double[] similarity) {

    /** The highest similarity of any skill in {@code has} (a bit per ordinal) to this one, or 0. */
    double closest(long[] has) {
      double best = 0;
      for (int k = 0; k < skills.length; k++) {
        int s = skills[k];
        if (s >>> 6 < has.length && (has[s >>> 6] & 1L << s) != 0) {
          best = Math.max(best, similarity[k]);
        }
      }
      return best;
    }
  }

  private Near packNear(String skillId) {
    Map<String, Double> near = similarity.near(skillId);
    int[] skills = new int[near.size()];
    double[] sim = new double[near.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : near.entrySet()) {
      skills[i] = ordinal(e.getKey());
      sim[i++] = e.getValue();
    }
    return new Near(skills, sim);
  }

  /** Prepares a posting. */
  public PostingFacts posting(ParsedPosting posting) {
    List<Requirement> reqs = posting.requirements();
    Near[] close = new Near[reqs.size()];
    for (int i = 0; i < reqs.size(); i++) {
      close[i] = packedNear.computeIfAbsent(reqs.get(i).skillId(), this::packNear);
    }
    Set<String> asked = new HashSet<>();
    reqs.forEach(r -> asked.add(r.skillId()));
    Title title = title(posting.title());
    Set<String> titleSkills = title.skills();
    boolean[] technical = new boolean[reqs.size()];
    boolean[] inTitle = new boolean[reqs.size()];
    for (int i = 0; i < technical.length; i++) {
      String id = reqs.get(i).skillId();
      technical[i] = taxonomy.skill(id).map(skill -> skill.category().isTechnical()).orElse(false);
      inTitle[i] = titleSkills.contains(id);
    }
    return new PostingFacts(titleSkills, close, categories(reqs.stream().map(Requirement::skillId).toList()),
        shared.of(Set.copyOf(asked)), title.words(), technical, inTitle);
  }

  /**
   * What the features need of a profile beyond its parse: category counts, title words, each
   * skill with its ancestors (the skill first), the share of skills with years, and the ordinals of
   * its skills (each once).
   */
  public record ProfileFacts(short[] categories, Set<String> titleWords, String[][] skillLineage, double datedShare,
      int[] skills) {}

  /** Prepares a profile. */
  public ProfileFacts profile(ParsedProfile profile) {
    Set<String> words = new HashSet<>();
    for (String t : profile.titles()) {
      words.addAll(title(t).words());
    }
    return profile(profile, shared.of(Set.copyOf(words)));
  }

  /** Prepares a profile whose title words are known already (a what-if of a prepared profile). */
  public ProfileFacts profile(ParsedProfile profile, Set<String> titleWords) {
    List<ProfileSkill> skills = profile.skills();
    String[][] lineage = new String[skills.size()][];
    int dated = 0;
    for (int i = 0; i < lineage.length; i++) {
      lineage[i] = lineages.computeIfAbsent(skills.get(i).skillId(), this::lineage);
      dated += skills.get(i).years() != null ? 1 : 0;
    }
    return new ProfileFacts(categories(skills.stream().map(ProfileSkill::skillId).toList()), titleWords, lineage,
        skills.isEmpty() ? 0 : (double) dated / skills.size(),
        skills.stream().mapToInt(k -> ordinal(k.skillId())).distinct().toArray());
  }

  /** A skill and its ancestors, the skill first. */
  private String[] lineage(String skillId) {
    List<String> ancestors = taxonomy.ancestors(skillId);
    String[] out = new String[ancestors.size() + 1];
    out[0] = skillId;
    for (int k = 0; k < ancestors.size(); k++) {
      out[k + 1] = ancestors.get(k);
    }
    return out;
  }

  private int ordinal(String skillId) {
    Integer known = ordinals.get(skillId);
    return known != null ? known : ordinals.computeIfAbsent(skillId, id -> nextOrdinal.getAndIncrement());
  }

  /**
   * How many of the skills fall in each category. Counts, held as shorts (a quarter of doubles,
   * for every stored document): a count stops at 32,767, more skills than the taxonomy has.
   */
  public short[] categories(List<String> skillIds) {
    short[] out = new short[Category.values().length];
    for (String id : skillIds) {
      taxonomy.skill(id).ifPresent(k -> {
        int c = k.category().ordinal();
        out[c] = (short) Math.min(Short.MAX_VALUE, out[c] + 1);
      });
    }
    return out;
  }

  /** The feature vector of a pair, given the rule fit and the similarities computed outside. */
  public double[] of(RuleScorer.Fit fit, ParsedPosting posting, ParsedProfile profile, PostingFacts facts,
      ProfileFacts profileFacts, double skillVectorCosine, double textCoverage,
      double titleTermCoverage) {
    double[] closest = new double[fit.fits().size()];
    // the profile's skills as bits, set and cleared again in a scratch array of this thread
    int[] own = profileFacts.skills();
    long[] has = scratch.get();
    int words = 0;
    for (int s : own) {
      words = Math.max(words, (s >>> 6) + 1);
    }
    if (has.length < words) {
      has = new long[Math.max(words, 2 * has.length)];
      scratch.set(has);
    }
    for (int s : own) {
      has[s >>> 6] |= 1L << s;
    }
    try {
      for (int i = 0; i < closest.length; i++) {
        closest[i] = facts.near()[i].closest(has);
      }
    } finally {
      for (int s : own) {
        has[s >>> 6] = 0;
      }
    }
    Units required = units(fit.fits(), true, closest);
    Units preferred = units(fit.fits(), false, closest);
    double skillYears = 0;
    int withYears = 0;
    int matched = 0;
    int dated = 0;
    int weak = 0;
    double recent = 0;
    for (RequirementFit f : fit.fits()) {
      Requirement r = f.requirement();
      ProfileSkill e = f.evidence();
      if (r.minYears() != null && FitAssessor.required(r)) {
        withYears++;
        skillYears += e == null || f.status() == Status.MISSING ? 0
            : e.years() == null ? 0.5 : Math.min(1, e.years() / Math.max(1, r.minYears()));
      }
      if (e != null && FitAssessor.required(r)) {
        matched++;
        dated += e.years() != null ? 1 : 0;
        weak += e.weak() ? 1 : 0;
        recent += e.lastUsedYear() == null ? 0.5 : e.lastUsedYear() >= currentYear - 2 ? 1
            : e.lastUsedYear() >= currentYear - 6 ? 0.5 : 0;
      }
    }
    Set<String> askedIds = facts.asked();
    int asked = 0;
    for (String[] lineage : profileFacts.skillLineage()) {
      for (String id : lineage) {
        if (askedIds.contains(id)) {
          asked++;
          break;
        }
      }
    }
    double tech = 0;
    int techUnits = 0;
    double inTitle = 0;
    int titleUnits = 0;
    List<RequirementFit> fits = fit.fits();
    for (int i = 0; i < fits.size(); i++) {
      RequirementFit f = fits.get(i);
      if (FitAssessor.required(f.requirement()) && facts.technical()[i]) {
        techUnits++;
        tech += f.credit();
      }
      if (facts.inTitle()[i]) {
        titleUnits++;
        inTitle += f.credit();
      }
    }
    Double minYears = posting.minYears() == null ? null : posting.minYears().doubleValue();
    return new double[] {
      fit.requiredCoverage(),
      required.metShare(),
      required.missingShare(),
      required.soft(),
      fit.preferredCoverage(),
      preferred.soft(),
      required.groupsMet(),
      withYears == 0 ? 1 : skillYears / withYears,
      fit.yearsFit(),
      minYears == null || profile.totalYears() == null ? 0 : clamp(profile.totalYears() - minYears, -10, 10),
      fit.seniorityFit(),
      gap(posting.seniority(), profile.seniority()),
      matched == 0 ? 0 : recent / matched,
      matched == 0 ? 0 : (double) weak / matched,
      profile.skills().isEmpty() ? 0 : (double) asked / profile.skills().size(),
      skillVectorCosine,
      textCoverage,
      titleOverlap(facts.titleWords(), profileFacts.titleWords()),
      Math.log1p(required.count()),
      Math.log1p(profile.skills().size()),
      fit.score() / 100,
      cosine(facts.categories(), profileFacts.categories()),
      techUnits == 0 ? fit.requiredCoverage() : tech / techUnits,
      titleUnits == 0 ? -1 : inTitle / titleUnits,
      titleTermCoverage,
      required.count() == 0 ? 0 : (double) dated / required.count(),
      profileFacts.datedShare(),
      profile.totalYears() == null ? -1 : Math.min(40, profile.totalYears()),
      minYears == null ? -1 : minYears
    };
  }

  /** Required or preferred units: an any-of group counts once, by its best member. */
  private record Units(int count, double metShare, double missingShare, double soft, double groupsMet) {}

  private static Units units(List<RequirementFit> fits, boolean requiredSide, double[] closest) {
    Map<String, double[]> groups = new HashMap<>(); // met, missing, soft as best over members
    int units = 0;
    double met = 0;
    double missing = 0;
    double soft = 0;
    for (int i = 0; i < fits.size(); i++) {
      RequirementFit f = fits.get(i);
      if (FitAssessor.required(f.requirement()) != requiredSide) {
        continue;
      }
      double isMet = f.status() == Status.MET ? 1 : 0;
      double isMissing = f.status() == Status.MISSING ? 1 : 0;
      double s = Math.max(f.credit(), closest[i]);
      String group = f.requirement().anyOf();
      if (group == null) {
        units++;
        met += isMet;
        missing += isMissing;
        soft += s;
      } else {
        groups.merge(group, new double[] {isMet, isMissing, s},
            (a, b) -> new double[] {Math.max(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2])});
      }
    }
    double groupsMet = 0;
    for (double[] g : groups.values()) {
      units++;
      met += g[0];
      missing += g[1];
      soft += g[2];
      groupsMet += g[0];
    }
    if (units == 0) {
      return new Units(0, requiredSide ? 1 : 0, 0, requiredSide ? 1 : 0, 1);
    }
    return new Units(units, met / units, missing / units, soft / units,
        groups.isEmpty() ? 1 : groupsMet / groups.size());
  }

  /** The skills a job title names ("Senior Java Developer" names Java), read with the taxonomy's forms. */
  public Set<String> titleSkills(String title) {
    if (title == null || title.isBlank()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    String[] words = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#.]+", " ").strip().split(" ");
    for (int n = 1; n <= 3; n++) {
      for (int i = 0; i + n <= words.length; i++) {
        taxonomy.resolve(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n))).ifPresent(k -> out.add(k.id()));
      }
    }
    return Set.copyOf(out);
  }

  private static double gap(Seniority asked, Seniority has) {
    return asked == null || has == null ? 0 : has.ordinal() - asked.ordinal();
  }

  private static final Set<String> TITLE_NOISE = Set.of("senior", "sr", "junior", "jr", "lead", "staff", "principal",
      "ii", "iii", "iv", "level", "mid", "remote", "contract", "full", "time", "the", "and", "of", "for", "with", "to");

  /** The share of the posting title's words found in the candidate's titles. */
  static double titleOverlap(Set<String> postingTitle, Set<String> candidateTitles) {
    if (postingTitle.isEmpty() || candidateTitles.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String w : postingTitle) {
      shared += candidateTitles.contains(w) ? 1 : 0;
    }
    return (double) shared / postingTitle.size();
  }

  /** The skills a title names and its words, levels and fillers left out: each set held once. */
  private record Title(Set<String> skills, Set<String> words) {}

  private Title title(String title) {
    if (title == null) {
      return new Title(Set.of(), Set.of());
    }
    Title known = titles.get(title);
    if (known != null) {
      return known;
    }
    Title made = new Title(shared.of(titleSkills(title)), shared.of(Set.copyOf(titleWords(title))));
    if (titles.size() < TITLES) {
      titles.putIfAbsent(title, made);
    }
    return made;
  }

  private Set<String> titleWords(String title) {
    Set<String> out = new HashSet<>();
    for (String w : title.toLowerCase(Locale.ROOT).split("[^a-z0-9+#]+")) {
      if (w.length() > 1 && !TITLE_NOISE.contains(w)) {
        out.add(shared.of(w));
      }
    }
    return out;
  }

  private static double cosine(short[] a, short[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      double x = a[i];
      double y = b[i];
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
