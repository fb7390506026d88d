package io.skillmatch.synthetic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes generated documents as JSON Lines of API request bodies, one document a line:
 * {@code postings.jsonl} holds {@code {"title": ..., "text": ...}} (the body of {@code POST
 * /v1/postings}) and {@code profiles.jsonl} holds {@code {"text": ...}} (the body of {@code POST
 * /v1/candidates}). Streams: one document is in memory at a time. Stateless; thread-safe.
 */
public final class SyntheticCorpus {

  /** File names inside the output directory. */
  public static final String POSTINGS_FILE = "postings.jsonl";

  public static final String PROFILES_FILE = "profiles.jsonl";

  /** Told every {@code every} documents and at the end of each file. */
  @FunctionalInterface
  public interface Progress {
    void update(String file, long done, long total);
  }

  /**
   * What was written.
   *
   * @param postings the postings file
   * @param profiles the profiles file
   * @param postingCount postings written
   * @param profileCount profiles written
   * @param bytes bytes written in both files
   * @param nanos time taken
   */
  public record Written(Path postings, Path profiles, long postingCount, long profileCount, long bytes, long nanos) {
    /** Documents written per second. */
    public double documentsPerSecond() {
      return nanos == 0 ? 0 : (postingCount + profileCount) / (nanos / 1e9);
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  private SyntheticCorpus() {}

  /**
   * Writes {@code postings} postings and {@code profiles} resumes into {@code dir} (created if
   * missing; existing files are replaced), telling {@code progress} every {@code every}
   * documents.
   */
  public static Written write(SyntheticGenerator generator, Path dir, long postings, long profiles, long every,
      Progress progress) throws IOException {
    if (postings < 0 || profiles < 0 || every < 1) {
      throw new IllegalArgumentException(
          "counts must be >= 0 and every >= 1: " + postings + ", " + profiles + ", " + every);
    }
    long start = System.nanoTime();
    Files.createDirectories(dir);
    Path postingsFile = dir.resolve(POSTINGS_FILE);
    Path profilesFile = dir.resolve(PROFILES_FILE);
    try (JsonGenerator out = open(postingsFile)) {
      for (long i = 0; i < postings; i++) {
        writePosting(out, generator.posting(i));
        if ((i + 1) % every == 0 && i + 1 < postings) {
          progress.update(POSTINGS_FILE, i + 1, postings);
        }
      }
    }
    progress.update(POSTINGS_FILE, postings, postings);
    try (JsonGenerator out = open(profilesFile)) {
      for (long i = 0; i < profiles; i++) {
        writeProfile(out, generator.profile(i));
        if ((i + 1) % every == 0 && i + 1 < profiles) {
          progress.update(PROFILES_FILE, i + 1, profiles);
        }
      }
    }
    progress.update(PROFILES_FILE, profiles, profiles);
    long bytes = Files.size(postingsFile) + Files.size(profilesFile);
    return new Written(postingsFile, profilesFile, postings, profiles, bytes, System.nanoTime() - start);
  }

  /** One posting as its request body, on one line. */
  public static void writePosting(JsonGenerator out, SyntheticPosting p) throws IOException {
    out.writeStartObject();
    out.writeStringField("title", p.title());
    out.writeStringField("text", p.text());
    out.writeEndObject();
    out.writeRaw('\n');
  }

  /** One resume as its request body, on one line. */
  public static void writeProfile(JsonGenerator out, SyntheticProfile p) throws IOException {
    out.writeStartObject();
    out.writeStringField("text", p.text());
    out.writeEndObject();
    out.writeRaw('\n');
  }

  /** A generator writing UTF-8 JSON values one per line (no separator between root values). */
  public static JsonGenerator open(Writer writer) throws IOException {
    JsonGenerator g = JSON.createGenerator(writer);
    g.setRootValueSeparator(null);
    return g;
  }

  private static JsonGenerator open(Path file) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    return open(w);
  }
}
