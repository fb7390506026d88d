package io.skillmatch.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the public data sets live: {@code ../shared/data} beside the repository, or the folder
 * named by the system property {@code skillmatch.sharedData} or the environment variable
 * {@code SKILLMATCH_SHARED_DATA}. The repository builds, serves and tests without it.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared data folder for a repository root (it may not exist). */
  public static Path locate(Path repoRoot) {
    String prop = System.getProperty("skillmatch.sharedData");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("SKILLMATCH_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return repoRoot.resolve("../shared/data").normalize();
  }

  /** The shared data folder if it exists, for tests that skip without it. */
  public static Optional<Path> find() {
    String root = System.getProperty("skillmatch.root", ".");
    Path p = locate(Path.of(root).toAbsolutePath());
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }
}
