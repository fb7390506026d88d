package io.skillmatch.ranking;

import io.skillmatch.parsing.Evidence;
import io.skillmatch.parsing.Importance;
import java.util.List;

/**
 * How well a candidate fits a posting, and why, requirement by requirement. Immutable.
 *
 * @param score calibrated fit, 0-100: the expected judged grade (0 no fit ... 3 strong fit) on a
 *     0-100 scale, so 67 reads "judged a good partial fit, on average"
 * @param requirements every requirement of the posting, in the posting's order
 * @param learnNext for the candidate: the missing or partial requirements that would raise the
 *     score most, best first
 * @param model the version of the ranking model that scored
 */
public record Match(double score, List<RequirementMatch> requirements, List<LearnNext> learnNext, String model) {

  public Match {
    requirements = List.copyOf(requirements);
    learnNext = List.copyOf(learnNext);
  }

  /**
   * One requirement read against the profile.
   *
   * @param skill the skill asked for
   * @param skillId its taxonomy id
   * @param importance must-have or nice-to-have
   * @param minYears years asked, or null
   * @param anyOf the group of alternatives it belongs to, or null
   * @param status met, partial or missing
   * @param why a short reason ("Golang, 4 years"; "RabbitMQ is related to Apache Kafka")
   * @param evidence where the profile shows it, or null
   * @param contribution points of the score this requirement accounts for: for a met one, what the
   *     score would lose were it missing; for a partial or missing one, minus what meeting it
   *     fully would add
   */
  public record RequirementMatch(
      String skill, String skillId, Importance importance, Integer minYears, String anyOf, Status status,
      String why, Evidence evidence, double contribution) {}

  /**
   * A skill worth learning for this posting.
   *
   * @param skill the skill
   * @param skillId its taxonomy id
   * @param gain points the score would rise were it met
   * @param closest the candidate's skill nearest to it (a head start), or null
   */
  public record LearnNext(String skill, String skillId, double gain, String closest) {}
}
