package io.skillmatch.synthetic;

import java.util.List;

/**
 * A kind of tech job the generator writes postings and resumes for: "Python backend on AWS with
 * Kafka", "Go and Python AI agent platform".
 *
 * @param id short name ("python-backend")
 * @param weight how common it is, relative to the other archetypes
 * @param roles job titles for this kind of work
 * @param core skill ids nearly every document of the kind names
 * @param anyOf groups of alternative skill ids ("django", "fastapi", "flask"), of which a posting
 *     accepts any one
 * @param companions skill ids that often come with the core; the skill vectors weight them
 * @param work what people of this kind build, as noun phrases that name no skill ("the payments
 *     API")
 */
public record Archetype(
    String id,
    double weight,
    List<Role> roles,
    List<String> core,
    List<List<String>> anyOf,
    List<String> companions,
    List<String> work) {

  /**
   * A job title.
   *
   * @param title the title without a level ("Backend Engineer")
   * @param names technologies the title names, which any reader finds in it ("Python Developer":
   *     python)
   * @param disciplines disciplines a resume reader credits for a job held under this title
   *     ("Backend Engineer": back-end development), though running text does not name them
   */
  public record Role(String title, List<String> names, List<String> disciplines) {
    public Role {
      if (title == null || title.isBlank()) {
        throw new IllegalArgumentException("a role needs a title");
      }
      names = List.copyOf(names);
      disciplines = List.copyOf(disciplines);
    }
  }

  public Archetype {
    if (id == null || id.isBlank() || !(weight > 0)) {
      throw new IllegalArgumentException("an archetype needs an id and a positive weight: " + id);
    }
    roles = List.copyOf(roles);
    core = List.copyOf(core);
    anyOf = anyOf.stream().map(List::copyOf).toList();
    companions = List.copyOf(companions);
    work = List.copyOf(work);
    if (roles.isEmpty() || core.size() < 2 || work.isEmpty()) {
      throw new IllegalArgumentException(
          "archetype " + id + " needs a role, two core skills and work phrases");
    }
    for (List<String> g : anyOf) {
      if (g.size() < 2) {
        throw new IllegalArgumentException("archetype " + id + ": an any-of group needs two skills: " + g);
      }
    }
  }
}
