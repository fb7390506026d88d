package io.skillmatch.ranking;

import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.parsing.Requirement;

/**
 * How a candidate meets one requirement of a posting.
 *
 * @param requirement what the posting asks
 * @param status met, partial or missing
 * @param credit the share of the requirement met, 0 to 1
 * @param evidence the profile skill that meets it, or null
 * @param reason which reading decided the status
 */
public record RequirementFit(
    Requirement requirement, Status status, double credit, ProfileSkill evidence, Reason reason) {

  /** Which reading decided a requirement's status. */
  public enum Reason {
    /** The skill itself, or a more specific one, with enough years. */
    HAS_IT,
    /** Only a "familiar with" or similar mention. */
    WEAK,
    /** Fewer years of it than asked. */
    FEWER_YEARS,
    /** A related or sibling skill instead. */
    RELATED,
    /** Nothing in the profile. */
    NONE
  }

  /** A short reason for people ("Golang, 4 years"; "RabbitMQ is related to Apache Kafka"). */
  public String why() {
    Requirement r = requirement;
    ProfileSkill s = evidence;
    return switch (reason) {
      case HAS_IT -> s == null ? r.skill() : s.skill() + (s.years() == null ? "" : ", " + fmt(s.years()) + " years");
      case WEAK -> s.skill() + ", only as \"familiar with\"";
      case FEWER_YEARS -> s.skill() + ", " + fmt(s.years()) + " of " + r.minYears() + " years asked";
      case RELATED -> s.skill() + " is related to " + r.skill();
      case NONE -> "no " + r.skill() + " in the profile";
    };
  }

  private static String fmt(double years) {
    return years == Math.rint(years) ? String.valueOf((int) years) : String.valueOf(years);
  }
}
