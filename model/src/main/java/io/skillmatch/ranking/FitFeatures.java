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
  // skill ids as small integers, for the packed near tables; ids outside the taxonomy get one on first sight
  private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger nextOrdinal = new java.util.concurrent.atomic.AtomicInteger();

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
   * @param near for every skill close to one of its requirements, which requirements and how close
   * @param categories how many of its requirements fall in each skill category
   * @param asked the ids of the skills it asks for
   * @param titleWords the words of its title, levels and fillers left out
   * @param technical per requirement, whether its skill is a technology
   * @param inTitle per requirement, whether the title names its skill
   */
  public record PostingFacts(Set<String> titleSkills, NearTable near, double[] categories,
      Set<String> asked, Set<String> titleWords, boolean[] technical, boolean[] inTitle) {}

  /**
   * The skills close to a posting's requirements, packed flat: a posting asks for ten or so skills,
   * each with dozens of neighbours, and a map of small records per posting was most of the heap.
   *
   * @param skills ordinals of the close skills, ascending
   * @param from where each skill's entries start in {@code requirement} and {@code similarity}
   *     (one more entry than {@code skills}: the end)
   * @param requirement the requirement (by position) each entry is close to
   * @param similarity how close
   */
  public record NearTable(int[] skills, int[] from, int[] requirement, double[] similarity) {

    /** Raises each requirement's closest similarity to that of any of these skills (ordinals). */
    void raise(int[] profileSkills, double[] closest) {
      for (int skill : profileSkills) {
        int at = java.util.Arrays.binarySearch(skills, skill);
        if (at >= 0) {
          for (int k = from[at]; k < from[at + 1]; k++) {
            closest[requirement[k]] = Math.max(closest[requirement[k]], similarity[k]);
          }
        }
      }
    }
  }

  /** The skills close to one skill, by ordinal, and how close. */
  private record Near(int[] skills, double[] similarity) {}

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
    // every (close skill, requirement) entry, keyed by skill ordinal then position, sorted as one long
    List<Requirement> reqs = posting.requirements();
    Near[] close = new Near[reqs.size()];
    int entries = 0;
    for (int i = 0; i < reqs.size(); i++) {
      close[i] = packedNear.computeIfAbsent(reqs.get(i).skillId(), this::packNear);
      entries += close[i].skills().length;
    }
    long[] keys = new long[entries];
    int[] entryRequirement = new int[entries];
    double[] entrySim = new double[entries];
    int n = 0;
    for (int i = 0; i < close.length; i++) {
      for (int j = 0; j < close[i].skills().length; j++) {
        keys[n] = (long) close[i].skills()[j] << 32 | n;
        entryRequirement[n] = i;
        entrySim[n++] = close[i].similarity()[j];
      }
    }
    java.util.Arrays.sort(keys);
    int distinct = 0;
    for (int k = 0; k < entries; k++) {
      distinct += k == 0 || keys[k] >>> 32 != keys[k - 1] >>> 32 ? 1 : 0;
    }
    int[] skills = new int[distinct];
    int[] from = new int[distinct + 1];
    int[] requirement = new int[entries];
    double[] sim = new double[entries];
    int s = 0;
    for (int k = 0; k < entries; k++) {
      int skill = (int) (keys[k] >>> 32);
      if (s == 0 || skills[s - 1] != skill) {
        skills[s] = skill;
        from[s++] = k;
      }
      int at = (int) keys[k];
      requirement[k] = entryRequirement[at];
      sim[k] = entrySim[at];
    }
    from[s] = entries;
    Set<String> asked = new HashSet<>();
    reqs.forEach(r -> asked.add(r.skillId()));
    Set<String> titleSkills = titleSkills(posting.title());
    boolean[] technical = new boolean[reqs.size()];
    boolean[] inTitle = new boolean[reqs.size()];
    for (int i = 0; i < technical.length; i++) {
      String id = reqs.get(i).skillId();
      technical[i] = taxonomy.skill(id).map(skill -> skill.category().isTechnical()).orElse(false);
      inTitle[i] = titleSkills.contains(id);
    }
    return new PostingFacts(titleSkills, new NearTable(skills, from, requirement, sim),
        categories(reqs.stream().map(Requirement::skillId).toList()), Set.copyOf(asked),
        posting.title() == null ? Set.of() : titleWords(posting.title()), technical, inTitle);
  }

  /**
   * What the features need of a profile beyond its parse: category counts, title words, each
   * skill with its ancestors (the skill first), the share of skills with years, and the ordinals of
   * its skills (each once).
   */
  public record ProfileFacts(double[] categories, Set<String> titleWords, String[][] skillLineage, double datedShare,
      int[] skills) {}

  /** Prepares a profile. */
  public ProfileFacts profile(ParsedProfile profile) {
    Set<String> words = new HashSet<>();
    for (String t : profile.titles()) {
      words.addAll(titleWords(t));
    }
    return profile(profile, Set.copyOf(words));
  }

  /** Prepares a profile whose title words are known already (a what-if of a prepared profile). */
  public ProfileFacts profile(ParsedProfile profile, Set<String> titleWords) {
    List<ProfileSkill> skills = profile.skills();
    String[][] lineage = new String[skills.size()][];
    int dated = 0;
    for (int i = 0; i < lineage.length; i++) {
      List<String> ancestors = taxonomy.ancestors(skills.get(i).skillId());
      lineage[i] = new String[ancestors.size() + 1];
      lineage[i][0] = skills.get(i).skillId();
      for (int k = 0; k < ancestors.size(); k++) {
        lineage[i][k + 1] = ancestors.get(k);
      }
      dated += skills.get(i).years() != null ? 1 : 0;
    }
    return new ProfileFacts(categories(skills.stream().map(ProfileSkill::skillId).toList()), titleWords, lineage,
        skills.isEmpty() ? 0 : (double) dated / skills.size(),
        skills.stream().mapToInt(k -> ordinal(k.skillId())).distinct().toArray());
  }

  private int ordinal(String skillId) {
    Integer known = ordinals.get(skillId);
    return known != null ? known : ordinals.computeIfAbsent(skillId, id -> nextOrdinal.getAndIncrement());
  }

  /** How many of these skills fall in each category. */
  public double[] categories(List<String> skillIds) {
    double[] out = new double[Category.values().length];
    for (String id : skillIds) {
      taxonomy.skill(id).ifPresent(k -> out[k.category().ordinal()]++);
    }
    return out;
  }

  /** The feature vector of a pair, given the rule fit and the similarities computed outside. */
  public double[] of(RuleScorer.Fit fit, ParsedPosting posting, ParsedProfile profile, PostingFacts facts,
      ProfileFacts profileFacts, double skillVectorCosine, double textCoverage,
      double titleTermCoverage) {
    double[] closest = new double[fit.fits().size()];
    facts.near().raise(profileFacts.skills(), closest);
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

  private static Set<String> titleWords(String title) {
    Set<String> out = new HashSet<>();
    for (String w : title.toLowerCase(Locale.ROOT).split("[^a-z0-9+#]+")) {
      if (w.length() > 1 && !TITLE_NOISE.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
