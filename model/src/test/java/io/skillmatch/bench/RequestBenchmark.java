package io.skillmatch.bench;

import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.ranking.HnswIndex;
import io.skillmatch.ranking.Matcher;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.ranking.RankingModel;
import io.skillmatch.ranking.Recommender;
import io.skillmatch.ranking.VectorIndex;
import io.skillmatch.synthetic.SyntheticGenerator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A candidate's match request without HTTP, beside the retrieval it starts with, over the same
 * {@code n} generated postings (parsed and prepared as the service does): the HNSW search alone,
 * exact search alone, and the whole request (retrieve {@code shortlist}, re-rank them with the
 * model, explain the top ten) on each. The ratios say what the graph saves over brute force and
 * what skillmatch adds over retrieval. Run: {@code ./skillmatch bench RequestBenchmark} (add
 * {@code -p n=1000000} for a million; setup parses every posting, about 3 min a million on 2 cores).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "--add-modules", "jdk.incubator.vector"})
@Threads(1)
public class RequestBenchmark {

  @Param({"100000"})
  public int n;

  @Param({"200", "300"})
  public int shortlist;

  private HnswIndex<Matcher.PostingDoc> hnsw;
  private VectorIndex<Matcher.PostingDoc> exact;
  private Matcher.ProfileDoc[] profiles;
  private Recommender recommender;
  private int next;

  @Setup(Level.Trial)
  public void setup() {
    Clock clock = Clock.fixed(SyntheticGenerator.Options.DEFAULT_TODAY.atStartOfDay().toInstant(ZoneOffset.UTC),
        ZoneOffset.UTC);
    Ranking ranking = Ranking.bundled();
    Matcher matcher = ranking.matcher(RankingModel.bundled(), clock);
    PostingParser postingParser = PostingParser.of(ranking.taxonomy());
    ProfileParser profileParser = ProfileParser.of(ranking.taxonomy(), clock);
    SyntheticGenerator generator = new SyntheticGenerator(ranking.taxonomy(), SkillVectors.bundled(),
        SyntheticGenerator.Options.defaults());
    List<Matcher.PostingDoc> postings = IntStream.range(0, n).parallel().mapToObj(i -> {
      String text = generator.posting(i).text();
      return matcher.posting(postingParser.parse(text), text);
    }).toList();
    List<float[]> vectors = postings.stream().map(Matcher.PostingDoc::skills).toList();
    hnsw = new HnswIndex<>();
    hnsw.putAll(IntStream.range(0, n).mapToObj(i -> "p" + i).toList(), postings, vectors);
    exact = new VectorIndex<>(postings, vectors);
    profiles = IntStream.range(0, 500).parallel().mapToObj(i -> {
      String text = generator.profile(i).text();
      return matcher.profile(profileParser.parseText(text), text);
    }).toArray(Matcher.ProfileDoc[]::new);
    recommender = new Recommender(matcher, shortlist, true); // a lone request: on all cores, as served
  }

  @TearDown(Level.Trial)
  public void close() {
    hnsw.close();
  }

  private Matcher.ProfileDoc profile() {
    return profiles[next++ % profiles.length];
  }

  @Benchmark
  public int annAlone() {
    return hnsw.search(profile().skills(), shortlist).size();
  }

  @Benchmark
  public int exactAlone() {
    return exact.search(profile().skills(), shortlist).size();
  }

  @Benchmark
  public int matchOnAnn() {
    return recommender.jobs(profile(), hnsw, 10).size();
  }

  @Benchmark
  public int matchOnExact() {
    return recommender.jobs(profile(), exact, 10).size();
  }
}
