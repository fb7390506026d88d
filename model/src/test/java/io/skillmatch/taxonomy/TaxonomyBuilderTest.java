package io.skillmatch.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skillmatch.data.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed taxonomy is exactly what the builder makes from ../shared/data and the overlay. */
class TaxonomyBuilderTest {

  @Test
  void rebuildIsByteIdenticalToTheCommittedTaxonomy(@TempDir Path out) throws Exception {
    Optional<Path> shared = SharedData.find();
    assumeTrue(shared.isPresent(), "../shared/data not found: skipping the taxonomy rebuild check");
    Path root = Path.of(System.getProperty("skillmatch.root", "..")).toAbsolutePath();
    Path committed = root.resolve("training-data/taxonomy");
    TaxonomyBuilder.build(new TaxonomyBuilder.Options(shared.get(), committed.resolve("overlay.jsonl"), out));
    assertEquals(
        Files.readString(committed.resolve("skills.jsonl")),
        Files.readString(out.resolve("skills.jsonl")),
        "skills.jsonl is stale: run ./skillmatch build-taxonomy and commit the result");
    assertEquals(
        Files.readString(committed.resolve("provenance.json")),
        Files.readString(out.resolve("provenance.json")),
        "provenance.json is stale: run ./skillmatch build-taxonomy and commit the result");
  }
}
