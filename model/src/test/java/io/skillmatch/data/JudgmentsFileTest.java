package io.skillmatch.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The judged pairs in training-data/judgments are well formed and point at texts that exist. */
class JudgmentsFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path dir() {
    return Path.of(System.getProperty("skillmatch.root", "..")).toAbsolutePath().resolve("training-data/judgments");
  }

  private static List<JsonNode> judgments() throws IOException {
    List<JsonNode> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir())) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("pairs-.*\\.jsonl")).sorted().toList()) {
        int n = 0;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          try {
            all.add(JSON.readTree(line));
          } catch (IOException e) {
            fail(f.getFileName() + ":" + n + " is not JSON: " + e.getMessage());
          }
        }
      }
    }
    return all;
  }

  @Test
  void everyJudgmentIsWellFormedAndUnique() throws IOException {
    List<JsonNode> all = judgments();
    assertTrue(!all.isEmpty(), "no judgments found in " + dir());
    Set<String> pairs = new HashSet<>();
    for (JsonNode j : all) {
      String posting = j.path("posting").asText("");
      String candidate = j.path("candidate").asText("");
      assertTrue(posting.matches("(dice:\\d+|written:[a-z0-9-]+)"), "posting id: " + j);
      assertTrue(candidate.matches("(resume:R\\d+|written:[a-z0-9-]+)"), "candidate id: " + j);
      assertTrue(j.path("grade").isInt() && j.path("grade").asInt() >= 0 && j.path("grade").asInt() <= 3, "grade: " + j);
      assertTrue(j.path("reason").asText("").strip().length() >= 5, "reason: " + j);
      assertTrue(!j.path("judge").asText("").isBlank(), "judge: " + j);
      assertTrue(pairs.add(posting + " " + candidate), "pair graded twice: " + posting + " " + candidate);
      if (posting.startsWith("written:")) {
        assertTrue(Files.exists(dir().resolve("postings/" + posting.substring(8) + ".md")), "missing posting text: " + posting);
      }
      if (candidate.startsWith("written:")) {
        assertTrue(Files.exists(dir().resolve("profiles/" + candidate.substring(8) + ".txt")), "missing profile text: " + candidate);
      }
    }
  }

  /** The blind second judge agrees with the first: quadratic-weighted kappa as in the DATA_CARD. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"second-reader.jsonl", "second-reader-2.jsonl"})
  void secondJudgeAgrees(String file) throws IOException {
    Map<String, Integer> first = new java.util.HashMap<>();
    for (JsonNode j : judgments()) {
      first.put(j.path("posting").asText() + " " + j.path("candidate").asText(), j.path("grade").asInt());
    }
    int[][] confusion = new int[4][4];
    int n = 0;
    for (String line : Files.readAllLines(dir().resolve("agreement/" + file), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode j = JSON.readTree(line);
      Integer a = first.get(j.path("posting").asText() + " " + j.path("candidate").asText());
      assertTrue(a != null, "second judge graded a pair the first did not: " + j);
      confusion[a][j.path("grade").asInt()]++;
      n++;
    }
    assertTrue(n >= 90, "agreement sample: " + n);
    double observed = 0;
    double expected = 0;
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 4; k++) {
        double w = (i - k) * (i - k) / 9.0;
        int rowI = java.util.Arrays.stream(confusion[i]).sum();
        int colK = 0;
        for (int[] row : confusion) {
          colK += row[k];
        }
        observed += w * confusion[i][k];
        expected += w * rowI * (double) colK / n;
      }
    }
    double kappa = 1 - observed / expected;
    assertTrue(kappa >= 0.85, "quadratic-weighted kappa " + kappa);
  }

  @Test
  void realIdsExistInTheSharedData() throws IOException {
    Optional<Path> shared = SharedData.find();
    org.junit.jupiter.api.Assumptions.assumeTrue(shared.isPresent(), "../shared/data not found: skipping the id check");
    Set<String> dice = new HashSet<>();
    for (Map<String, String> row : Csv.read(shared.get().resolve("dice_us_tech_jobs/dice_postings_with_skills.csv"), ',')) {
      dice.add("dice:" + row.get("job_id"));
    }
    Set<String> resumes = new HashSet<>();
    for (Map<String, String> row : Csv.read(shared.get().resolve("resumes_categorized/resumes_unique.csv"), ',')) {
      resumes.add("resume:" + row.get("id"));
    }
    for (JsonNode j : judgments()) {
      String posting = j.path("posting").asText();
      String candidate = j.path("candidate").asText();
      if (posting.startsWith("dice:")) {
        assertTrue(dice.contains(posting), "unknown posting " + posting);
      }
      if (candidate.startsWith("resume:")) {
        assertTrue(resumes.contains(candidate), "unknown resume " + candidate);
      }
    }
  }
}
