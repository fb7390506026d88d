package io.skillmatch.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * One skill of the taxonomy.
 *
 * @param id stable identifier, a slug of the canonical name ("go", "apache-kafka", "csharp")
 * @param name canonical name as a recruiter writes it ("Go", "Apache Kafka", "C#")
 * @param category what kind of skill it is
 * @param aliases other surface forms that name this skill ("Golang", "Kafka")
 * @param contextual the surface forms (name or aliases) that are ordinary words ("Go", "Spark") and
 *     count only with the exact case and a technical context
 * @param broader ids of more general skills (Flask: python, web-frameworks)
 * @param related ids of sibling or alternative skills (RabbitMQ: apache-kafka)
 * @param sources where the skill came from ("overlay", "onet", "esco", "linguist", "stackoverflow")
 */
public record Skill(
    String id,
    String name,
    Category category,
    List<String> aliases,
    List<String> contextual,
    List<String> broader,
    List<String> related,
    List<String> sources) {

  public Skill {
    Objects.requireNonNull(category, "category");
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("bad skill id: " + id);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("skill " + id + " has no name");
    }
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    contextual = contextual == null ? List.of() : List.copyOf(contextual);
    broader = broader == null ? List.of() : List.copyOf(broader);
    related = related == null ? List.of() : List.copyOf(related);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
