package io.skillmatch.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.data.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The judged (posting, candidate) pairs of {@code training-data/judgments} with the texts they
 * refer to: real postings and resumes from {@code ../shared/data} by id, written ones from the
 * judgments folder. Immutable.
 *
 * @param judgments every graded pair
 * @param texts the text of every posting and candidate id
 */
public record JudgedSet(List<Judgment> judgments, Map<String, String> texts) {

  /** One graded pair. */
  public record Judgment(String posting, String candidate, int grade, String reason, String judge) {
    public Judgment {
      if (grade < 0 || grade > 3) {
        throw new IllegalArgumentException("grade must be 0-3: " + grade);
      }
    }
  }

  /** Which split a posting belongs to. */
  public enum Split {
    TRAIN,
    VALIDATION,
    TEST
  }

  public JudgedSet {
    judgments = List.copyOf(judgments);
    texts = Map.copyOf(texts);
  }

  /** Loads the judged pairs and their texts; every id must resolve. */
  public static JudgedSet load(Path judgmentsDir, Path sharedData) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Judgment> judgments = new ArrayList<>();
    try (Stream<Path> files = Files.list(judgmentsDir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("pairs-.*\\.jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = json.readTree(line);
          judgments.add(new Judgment(n.path("posting").asText(), n.path("candidate").asText(),
              n.path("grade").asInt(), n.path("reason").asText(), n.path("judge").asText()));
        }
      }
    }
    Map<String, String> texts = new HashMap<>();
    for (Map<String, String> row : Csv.read(sharedData.resolve("dice_us_tech_jobs/dice_postings_with_skills.csv"), ',')) {
      texts.put("dice:" + row.get("job_id"), row.getOrDefault("jobtitle", "") + "\n" + row.getOrDefault("jobdescription", ""));
    }
    for (Map<String, String> row : Csv.read(sharedData.resolve("resumes_categorized/resumes_unique.csv"), ',')) {
      texts.put("resume:" + row.get("id"), row.getOrDefault("resume", ""));
    }
    Map<String, String> used = new HashMap<>();
    for (Judgment j : judgments) {
      for (String id : List.of(j.posting(), j.candidate())) {
        if (used.containsKey(id)) {
          continue;
        }
        String text = texts.get(id);
        if (text == null && id.startsWith("written:")) {
          Path p = judgmentsDir.resolve(id.equals(j.posting())
              ? "postings/" + id.substring(8) + ".md" : "profiles/" + id.substring(8) + ".txt");
          text = Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
        }
        if (text == null) {
          throw new IllegalArgumentException("no text for " + id);
        }
        used.put(id, text);
      }
    }
    return new JudgedSet(judgments, used);
  }

  /**
   * Splits by posting, so no posting is in two splits: the postings in id order, shuffled with the
   * seed, 70% train, 15% validation, 15% test.
   */
  public Map<String, Split> splitByPosting(long seed) {
    List<String> postings = new ArrayList<>(new TreeSet<>(judgments.stream().map(Judgment::posting).toList()));
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = postings.size() - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      String t = postings.get(i);
      postings.set(i, postings.get(k));
      postings.set(k, t);
    }
    Map<String, Split> split = new LinkedHashMap<>();
    int n = postings.size();
    for (int i = 0; i < n; i++) {
      Split s = i < Math.round(n * 0.70) ? Split.TRAIN : i < Math.round(n * 0.85) ? Split.VALIDATION : Split.TEST;
      split.put(postings.get(i), s);
    }
    return split;
  }

  /** The judgments grouped by posting, in posting order. */
  public Map<String, List<Judgment>> byPosting() {
    Map<String, List<Judgment>> out = new LinkedHashMap<>();
    judgments.stream()
        .sorted((a, b) -> a.posting().compareTo(b.posting()))
        .forEach(j -> out.computeIfAbsent(j.posting(), k -> new ArrayList<>()).add(j));
    return out;
  }
}
