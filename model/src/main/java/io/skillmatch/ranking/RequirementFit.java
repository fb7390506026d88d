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
 * @param why a short reason ("Golang, 4 years", "RabbitMQ is related to Apache Kafka")
 */
public record RequirementFit(
    Requirement requirement, Status status, double credit, ProfileSkill evidence, String why) {}
