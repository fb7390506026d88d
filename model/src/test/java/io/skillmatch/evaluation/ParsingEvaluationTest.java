package io.skillmatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skillmatch.data.SharedData;
import io.skillmatch.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's extraction figures, held as targets on the real data. */
class ParsingEvaluationTest {

  @Test
  void meetsTheExtractionTargetsOnRealData() throws Exception {
    Optional<Path> shared = SharedData.find();
    assumeTrue(shared.isPresent(), "../shared/data not found: skipping the Dice and SkillSpan evaluation");
    ParsingEvaluation.Report r = new ParsingEvaluation(Taxonomy.bundled()).run(shared.get());
    System.out.println(r.toText());
    assertTrue(r.dice().postings() >= 500, "Dice postings read: " + r.dice().postings());
    assertTrue(r.dice().recall() >= 0.85, "Dice recall " + r.dice().recall());
    assertTrue(r.skillSpanPartial().get("test").f1() >= 0.70,
        "SkillSpan tech test partial F1 " + r.skillSpanPartial().get("test").f1());
  }
}
