package io.skillmatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./skillmatch generate}: files of request bodies, the same bytes for the same seed. */
class GenerateCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Path.of("."));
    return main.run(args);
  }

  @Test
  void writesOneRequestBodyPerLineAndTheSameBytesForTheSameSeed(@TempDir Path dir) throws IOException {
    assertEquals(0, run("generate", "--postings", "20", "--profiles", "15", "--seed", "42", "--out", dir.resolve("a").toString()));
    assertEquals(0, run("generate", "--postings", "20", "--profiles", "15", "--seed", "42", "--out", dir.resolve("b").toString()));
    assertEquals(20, Files.readAllLines(dir.resolve("a/postings.jsonl")).size());
    assertEquals(15, Files.readAllLines(dir.resolve("a/profiles.jsonl")).size());
    assertEquals(-1L, Files.mismatch(dir.resolve("a/postings.jsonl"), dir.resolve("b/postings.jsonl")));
    assertEquals(-1L, Files.mismatch(dir.resolve("a/profiles.jsonl"), dir.resolve("b/profiles.jsonl")));
    assertTrue(Files.readString(dir.resolve("a/postings.jsonl")).startsWith("{\"title\":"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("wrote 20 postings"), out.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("documents/s"), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void badFlagsAreUsageErrors(@TempDir Path dir) {
    assertEquals(2, run("generate", "--postings", "ten", "--out", dir.toString()));
    assertEquals(2, run("generate", "--postings", "10"));
    assertEquals(2, run("generate", "--postings", "10", "--out", dir.toString(), "--colour", "red"));
    assertEquals(2, run("generate", "--out", dir.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--postings must be a count"), err.toString(StandardCharsets.UTF_8));
  }
}
