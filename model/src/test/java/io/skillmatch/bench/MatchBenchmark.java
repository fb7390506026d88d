package io.skillmatch.bench;

import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.ranking.Matcher;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.ranking.RankingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring one posting against 1,000 parsed candidates on one thread: the rule reading, the
 * features and the trained model, everything after parsing. The candidates are the golden
 * profiles and the judged set's written profiles (59 people), each parsed once and repeated to
 * 1,000; the posting cycles over six golden postings. Also the
 * cold load of the bundled model and its parts. Run: {@code ./skillmatch bench MatchBenchmark}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class MatchBenchmark {

  private static final int CANDIDATES = 1_000;

  private Matcher matcher;
  private Matcher.PostingDoc[] postings;
  private Matcher.ProfileDoc[] candidates;
  private int next;

  @Setup
  public void setup() throws IOException {
    Ranking ranking = Ranking.bundled();
    matcher = ranking.matcher(RankingModel.bundled(), Clock.systemUTC());
    PostingParser postingParser = PostingParser.of(ranking.taxonomy());
    ProfileParser profileParser = ProfileParser.of(ranking.taxonomy(), Clock.systemUTC());
    List<Matcher.PostingDoc> ps = new ArrayList<>();
    for (String name : POSTINGS) {
      String text = read("/golden/postings/" + name);
      ps.add(matcher.posting(postingParser.parse(text), text));
    }
    postings = ps.toArray(new Matcher.PostingDoc[0]);
    List<Matcher.ProfileDoc> profiles = new ArrayList<>();
    for (String name : PROFILES) {
      String text = read("/golden/profiles/" + name);
      profiles.add(matcher.profile(profileParser.parse(text), text));
    }
    // the 46 written profiles of the judged set too, when the repository is at hand: 59 distinct people
    java.nio.file.Path written = java.nio.file.Path.of(System.getProperty("skillmatch.root", "."),
        "training-data/judgments/profiles");
    if (java.nio.file.Files.isDirectory(written)) {
      try (var files = java.nio.file.Files.list(written)) {
        for (java.nio.file.Path f : files.sorted().toList()) {
          String text = java.nio.file.Files.readString(f);
          profiles.add(matcher.profile(profileParser.parse(text), text));
        }
      }
    }
    candidates = new Matcher.ProfileDoc[CANDIDATES];
    for (int i = 0; i < CANDIDATES; i++) {
      candidates[i] = profiles.get(i % profiles.size());
    }
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = MatchBenchmark.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static final String[] POSTINGS = {
    "01-senior-python-backend-aws.txt", "02-go-python-ai-agent-platform.txt", "03-java-scala-big-data.txt",
    "06-staff-sre-devops.txt", "07-ml-platform-engineer.txt", "08-senior-dotnet-csharp.txt"
  };

  private static final String[] PROFILES = {
    "01-senior-backend-chronological.txt", "02-backend-overlapping-jobs.txt", "04-new-grad-internships.txt", "05-teacher-to-data-analyst.txt", "06-keyword-stuffed.txt", "07-llm-agents-engineer.txt", "08-devops-engineer.txt", "09-frontend-developer.txt", "10-accountant.txt", "11-graphic-designer.txt", "12-restaurant-chef.txt", "13-principal-engineer-markdown.txt", "14-staff-data-scientist-r.txt"
  };

  /** One posting against 1,000 candidates: features and model for each; returns the best score. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public double scoreThousandCandidates() {
    Matcher.PostingDoc posting = postings[next++ % postings.length];
    double best = 0;
    for (Matcher.ProfileDoc c : candidates) {
      best = Math.max(best, matcher.score(posting, c));
    }
    return best;
  }

  /** Explaining ten pairs, as a page of matches does: a score per requirement left out or met. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int explainTen() {
    Matcher.PostingDoc posting = postings[next++ % postings.length];
    int n = 0;
    for (int i = 0; i < 10; i++) {
      n += matcher.explain(posting, candidates[(next + i * 7) % candidates.length]).requirements().size();
    }
    return n;
  }

  /** A candidate's page: ten postings explained for one profile, sharing the what-if profiles. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int explainTenJobsForOneCandidate() {
    Matcher.ProfileDoc profile = candidates[next++ % candidates.length];
    List<Matcher.PostingDoc> page = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      page.add(postings[(next + i) % postings.length]);
    }
    return matcher.explainAll(page, profile).size();
  }

  /** Loading the bundled taxonomy, vectors, term statistics and ranking model, cold. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 5, jvmArgsAppend = {"-Xmx2g"})
  public Matcher loadModel() {
    return Ranking.bundled().matcher(RankingModel.bundled(), Clock.systemUTC());
  }
}
