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
import java.util.Optional;

/**
 * Reads a profile against a posting requirement by requirement, the way a recruiter does: the skill
 * itself or a more specific one meets it ("PostgreSQL" meets "Relational databases"); a sibling or
 * related skill meets it partly ("RabbitMQ" for "Apache Kafka"); fewer years than asked, or only a
 * "familiar with", meets it partly. Thread-safe.
 */
public final class FitAssessor {

  /** Credit for a requirement met through a related or sibling skill. */
  static final double RELATED_CREDIT = 0.5;

  private final Taxonomy taxonomy;

  public FitAssessor(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** The fit of each requirement of the posting, in the posting's order. */
  public List<RequirementFit> assess(ParsedPosting posting, ParsedProfile profile) {
    Map<String, ProfileSkill> has = new HashMap<>();
    for (ProfileSkill s : profile.skills()) {
      has.merge(s.skillId(), s, (a, b) -> a.weak() && !b.weak() ? b : a);
    }
    List<RequirementFit> out = new ArrayList<>(posting.requirements().size());
    for (Requirement r : posting.requirements()) {
      out.add(assess(r, has));
    }
    return out;
  }

  private RequirementFit assess(Requirement r, Map<String, ProfileSkill> has) {
    ProfileSkill exact = has.get(r.skillId());
    if (exact == null) {
      // a more specific skill meets a general requirement: PostgreSQL for "Relational databases"
      for (ProfileSkill s : has.values()) {
        if (!s.skillId().equals(r.skillId()) && taxonomy.isA(s.skillId(), r.skillId())) {
          exact = s;
          break;
        }
      }
    }
    if (exact != null) {
      return withYears(r, exact);
    }
    Optional<ProfileSkill> related = related(r.skillId(), has);
    if (related.isPresent()) {
      ProfileSkill s = related.get();
      return new RequirementFit(r, Status.PARTIAL, RELATED_CREDIT * (s.weak() ? 0.5 : 1), s,
          s.skill() + " is related to " + r.skill());
    }
    return new RequirementFit(r, Status.MISSING, 0, null, "no " + r.skill() + " in the profile");
  }

  private RequirementFit withYears(Requirement r, ProfileSkill s) {
    if (s.weak()) {
      return new RequirementFit(r, Status.PARTIAL, 0.5, s, s.skill() + ", only as \"familiar with\"");
    }
    if (r.minYears() != null && s.years() != null && s.years() < r.minYears()) {
      double credit = Math.max(0.5, s.years() / r.minYears());
      return new RequirementFit(r, Status.PARTIAL, credit, s,
          s.skill() + ", " + fmt(s.years()) + " of " + r.minYears() + " years asked");
    }
    String years = s.years() == null ? "" : ", " + fmt(s.years()) + " years";
    return new RequirementFit(r, Status.MET, 1, s, s.skill() + years);
  }

  /** A sibling under the same parent, or a skill linked as related, either way round. */
  private Optional<ProfileSkill> related(String skillId, Map<String, ProfileSkill> has) {
    Skill wanted = taxonomy.skill(skillId).orElseThrow();
    for (ProfileSkill s : has.values()) {
      Skill other = taxonomy.skill(s.skillId()).orElse(null);
      if (other == null) {
        continue;
      }
      if (wanted.related().contains(other.id()) || other.related().contains(wanted.id())) {
        return Optional.of(s);
      }
      for (String parent : wanted.broader()) {
        if (other.broader().contains(parent) && !isProgrammingLanguages(parent)) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }

  /** Every language shares this parent: being a sibling there says nothing. */
  private static boolean isProgrammingLanguages(String parent) {
    return parent.equals("programming-languages");
  }

  private static String fmt(double years) {
    return years == Math.rint(years) ? String.valueOf((int) years) : String.valueOf(years);
  }

  /** Whether a requirement counts as a must-have. */
  static boolean required(Requirement r) {
    return r.importance() == Importance.REQUIRED;
  }
}
