package io.skillmatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.skillmatch.taxonomy.Category;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matcher on a small hand-made taxonomy, so each rule is tested on its own. */
class SkillMatcherTest {

  static Skill skill(String id, String name, Category c, List<String> aliases, List<String> contextual) {
    return new Skill(id, name, c, aliases, contextual, List.of(), List.of(), List.of("test"));
  }

  static final Taxonomy TAXONOMY =
      Taxonomy.of(
          List.of(
              skill("go", "Go", Category.LANGUAGE, List.of("Golang"), List.of("Go")),
              skill("python", "Python", Category.LANGUAGE, List.of(), List.of()),
              skill("rust", "Rust", Category.LANGUAGE, List.of(), List.of("Rust")),
              skill("java", "Java", Category.LANGUAGE, List.of(), List.of()),
              skill("javascript", "JavaScript", Category.LANGUAGE, List.of("JS", "Java Script"), List.of()),
              skill("scala", "Scala", Category.LANGUAGE, List.of(), List.of()),
              skill("r", "R", Category.LANGUAGE, List.of(), List.of("R")),
              skill("c", "C", Category.LANGUAGE, List.of(), List.of("C")),
              skill("cpp", "C++", Category.LANGUAGE, List.of(), List.of()),
              skill("csharp", "C#", Category.LANGUAGE, List.of(), List.of()),
              skill("dotnet", ".NET", Category.FRAMEWORK, List.of(), List.of()),
              skill("node-js", "Node.js", Category.PLATFORM, List.of("Node"), List.of()),
              skill("ci-cd", "CI/CD", Category.PRACTICE, List.of(), List.of()),
              skill("apache-spark", "Apache Spark", Category.PLATFORM, List.of("Spark"), List.of("Spark")),
              skill("spark-streaming", "Spark Streaming", Category.PLATFORM, List.of(), List.of()),
              skill("microsoft-excel", "Microsoft Excel", Category.TOOL, List.of("Excel"), List.of("Excel")),
              skill("chef", "Chef", Category.TOOL, List.of(), List.of("Chef")),
              skill("kubernetes", "Kubernetes", Category.PLATFORM, List.of("k8s"), List.of()),
              skill("spring-boot", "Spring Boot", Category.FRAMEWORK, List.of(), List.of())));

  private final SkillMatcher matcher = new SkillMatcher(TAXONOMY);

  private List<String> ids(String text) {
    return matcher.extract(text).stream().map(Mention::skillId).toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Experience with Python, Go and Rust | python go rust",
        "Backend services written in Go. | go",
        "3 years of Go programming | go",
        "Golang or Python | go python",
        "Go the extra mile for customers | ''",
        "We go beyond the obvious | ''",
        "A go-to person for Python questions | python",
        "Excel at communication | ''",
        "Advanced Excel skills with pivot tables | microsoft-excel",
        "Our Executive Chef leads the kitchen | ''",
        "Config management with Puppet or Chef, Python scripts | chef python",
        "R&D team using Python | python",
        "Statistical analysis in R and Python | r python",
        "JavaScript and TypeScript | javascript",
        "Java Script developer | javascript",
        "Java/Scala engineers | java scala",
        "Highly scalable systems | ''",
        "C/C++ and C# on .NET | c cpp csharp dotnet",
        "C-level executives | ''",
        "Node.js, NodeJS, node js and Node JS | node-js node-js node-js node-js",
        "CI/CD and CI / CD | ci-cd ci-cd",
        "Spark Streaming jobs | spark-streaming",
        "Spark joy in every guest | ''",
        "k8s and SpringBoot | kubernetes spring-boot",
        "We thrive at rust-proofing cars | ''",
      })
  void readsAmbiguousWordsByContext(String text, String expected) {
    List<String> want = expected.isBlank() ? List.of() : List.of(expected.split(" "));
    assertEquals(want, ids(text), text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Config management with Puppet and Ansible. The puppet show was fun. | configuration-management puppet ansible",
        "Orchestrate DAGs in Airflow. Good airflow in the office. | apache-airflow",
        "Build iOS apps in Swift. We value a swift response. | ios swift",
        "Automate with Chef. Our sous chef runs the line. | chef",
        "Services in Go. You will go live in May. | go",
        "Spark jobs on EMR. Ideas that spark joy. | apache-spark amazon-emr",
      })
  void readsHomonymsOnTheBundledTaxonomy(String text, String expected) {
    SkillMatcher bundled = new SkillMatcher(Taxonomy.bundled());
    assertEquals(List.of(expected.split(" ")),
        bundled.extract(text).stream().map(Mention::skillId).distinct().toList(), text);
  }

  @Test
  void mentionOffsetsPointAtTheSurfaceForm() {
    String text = "Strong Golang and k8s skills";
    List<Mention> m = matcher.extract(text);
    assertEquals("Golang", text.substring(m.get(0).start(), m.get(0).end()));
    assertEquals("k8s", text.substring(m.get(1).start(), m.get(1).end()));
  }
}
