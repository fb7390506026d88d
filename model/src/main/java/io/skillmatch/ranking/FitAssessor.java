package io.skillmatch.ranking;

import io.skillmatch.parsing.Importance;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.parsing.Requirement;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a profile against a posting requirement by requirement, the way a recruiter does: the skill
 * itself or a more specific one meets it ("PostgreSQL" meets "Relational databases"); a sibling or
 * related skill meets it partly ("RabbitMQ" for "Apache Kafka"); fewer years than asked, or only a
 * "familiar with", meets it partly. A profile is indexed once ({@link #index}) and then read against
 * any number of postings with hash lookups only. Thread-safe.
 */
public final class FitAssessor {

  /** Credit for a requirement met through a related or sibling skill. */
  static final double RELATED_CREDIT = 0.5;

  /**
   * A profile's skills keyed every way a requirement can reach them. The first skill in profile
   * order wins each key, so the reading is deterministic.
   *
   * @param has by the skill's own id (strong evidence preferred over weak)
   * @param byAncestor by every broader skill ("PostgreSQL" under "Relational databases")
   * @param byRelated by every skill it is linked to as related
   * @param byParent by each direct parent (siblings share one), except programming languages
   */
  public record ProfileIndex(Map<String, ProfileSkill> has, Map<String, ProfileSkill> byAncestor,
      Map<String, ProfileSkill> byRelated, Map<String, ProfileSkill> byParent) {}

  private final Taxonomy taxonomy;
  // what each skill can stand for, read from the taxonomy once a skill: indexing a profile was most
  // of scoring a stored profile, which holds no index
  private final Map<String, Reach> reaches = new java.util.concurrent.ConcurrentHashMap<>();

  /** The keys a skill is filed under: its ancestors, the skills it is related to, its parents. */
  private record Reach(String[] ancestors, String[] related, String[] parents) {}

  public FitAssessor(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  private Reach reach(String skillId) {
    return reaches.computeIfAbsent(skillId, id -> {
      Skill k = taxonomy.skill(id).orElse(null);
      return new Reach(taxonomy.ancestors(id).toArray(String[]::new),
          k == null ? new String[0] : k.related().toArray(String[]::new),
          k == null ? new String[0] : k.broader().stream().filter(p -> !isProgrammingLanguages(p)).toArray(String[]::new));
    });
  }

  /** The taxonomy it reads with. */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** Indexes a profile for {@link #assess(ParsedPosting, ProfileIndex)}. */
  public ProfileIndex index(ParsedProfile profile) {
    List<ProfileSkill> skills = profile.skills();
    Map<String, ProfileSkill> has = HashMap.newHashMap(skills.size());
    int ancestors = 0;
    int related = 0;
    int parents = 0;
    for (ProfileSkill s : skills) {
      has.merge(s.skillId(), s, (a, b) -> a.weak() && !b.weak() ? b : a);
      Reach r = reach(s.skillId());
      ancestors += r.ancestors().length;
      related += r.related().length;
      parents += r.parents().length;
    }
    // sized for every key, so that none of the maps grows while it is filled
    Map<String, ProfileSkill> byAncestor = HashMap.newHashMap(ancestors);
    Map<String, ProfileSkill> byRelated = HashMap.newHashMap(related);
    Map<String, ProfileSkill> byParent = HashMap.newHashMap(parents);
    for (ProfileSkill s : skills) {
      reach(has.get(s.skillId()), byAncestor, byRelated, byParent);
    }
    return new ProfileIndex(has, byAncestor, byRelated, byParent);
  }

  /**
   * The index of the profile with one more skill, listed last, that it did not have: equal to
   * indexing the longer list again, for a fraction of the work (what-if explanations add a skill
   * per unmet requirement).
   */
  public ProfileIndex withSkill(ProfileIndex base, ProfileSkill added) {
    if (base.has().containsKey(added.skillId())) {
      throw new IllegalArgumentException("the profile has " + added.skillId() + " already");
    }
    Map<String, ProfileSkill> has = new HashMap<>(base.has());
    Map<String, ProfileSkill> byAncestor = new HashMap<>(base.byAncestor());
    Map<String, ProfileSkill> byRelated = new HashMap<>(base.byRelated());
    Map<String, ProfileSkill> byParent = new HashMap<>(base.byParent());
    has.put(added.skillId(), added);
    reach(added, byAncestor, byRelated, byParent);
    return new ProfileIndex(has, byAncestor, byRelated, byParent);
  }

  /** Files a skill under what it can stand for (ancestors, related skills, parents), unless filed before. */
  private void reach(ProfileSkill skill, Map<String, ProfileSkill> byAncestor, Map<String, ProfileSkill> byRelated,
      Map<String, ProfileSkill> byParent) {
    Reach r = reach(skill.skillId());
    for (String a : r.ancestors()) {
      byAncestor.putIfAbsent(a, skill);
    }
    for (String related : r.related()) {
      byRelated.putIfAbsent(related, skill);
    }
    for (String parent : r.parents()) {
      byParent.putIfAbsent(parent, skill);
    }
  }

  /** The fit of each requirement of the posting, in the posting's order. */
  public List<RequirementFit> assess(ParsedPosting posting, ParsedProfile profile) {
    return assess(posting, index(profile));
  }

  /** The fit of each requirement of the posting against an indexed profile. */
  public List<RequirementFit> assess(ParsedPosting posting, ProfileIndex profile) {
    List<RequirementFit> out = new ArrayList<>(posting.requirements().size());
    for (Requirement r : posting.requirements()) {
      out.add(assess(r, profile));
    }
    return out;
  }

  private RequirementFit assess(Requirement r, ProfileIndex p) {
    ProfileSkill exact = p.has().get(r.skillId());
    if (exact == null) {
      // a more specific skill meets a general requirement: PostgreSQL for "Relational databases"
      exact = p.byAncestor().get(r.skillId());
    }
    if (exact != null) {
      return withYears(r, exact);
    }
    ProfileSkill s = related(r.skillId(), p);
    if (s != null) {
      return new RequirementFit(r, Status.PARTIAL, RELATED_CREDIT * (s.weak() ? 0.5 : 1), s,
          RequirementFit.Reason.RELATED);
    }
    return new RequirementFit(r, Status.MISSING, 0, null, RequirementFit.Reason.NONE);
  }

  private RequirementFit withYears(Requirement r, ProfileSkill s) {
    if (s.weak()) {
      return new RequirementFit(r, Status.PARTIAL, 0.5, s, RequirementFit.Reason.WEAK);
    }
    if (r.minYears() != null && s.years() != null && s.years() < r.minYears()) {
      double credit = Math.max(0.5, s.years() / r.minYears());
      return new RequirementFit(r, Status.PARTIAL, credit, s, RequirementFit.Reason.FEWER_YEARS);
    }
    return new RequirementFit(r, Status.MET, 1, s, RequirementFit.Reason.HAS_IT);
  }

  /** A skill linked as related either way round, or a sibling under the same parent; null if none. */
  private ProfileSkill related(String skillId, ProfileIndex p) {
    Skill wanted = taxonomy.skill(skillId).orElseThrow();
    for (String r : wanted.related()) {
      ProfileSkill s = p.has().get(r);
      if (s != null) {
        return s;
      }
    }
    ProfileSkill s = p.byRelated().get(skillId);
    if (s != null) {
      return s;
    }
    for (String parent : wanted.broader()) {
      s = p.byParent().get(parent);
      if (s != null && !s.skillId().equals(skillId)) {
        return s;
      }
    }
    return null;
  }

  /** Every language shares this parent: being a sibling there says nothing. */
  private static boolean isProgrammingLanguages(String parent) {
    return parent.equals("programming-languages");
  }

  /** Whether a requirement counts as a must-have. */
  static boolean required(Requirement r) {
    return r.importance() == Importance.REQUIRED;
  }
}
