package io.skillmatch.bench;

import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Posting parsing throughput on one thread, for texts of a given length made from the golden
 * postings (so the skill density is that of real postings). Run: {@code ./skillmatch bench
 * ParsingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class ParsingBenchmark {

  @Param({"1000", "3000", "10000", "30000"})
  public int chars;

  private PostingParser parser;
  private String[] texts;
  private int next;

  @Setup
  public void setup() throws IOException {
    parser = PostingParser.of(Taxonomy.bundled());
    List<String> postings = new ArrayList<>();
    for (String name : GOLDEN) {
      try (InputStream in = ParsingBenchmark.class.getResourceAsStream("/golden/postings/" + name)) {
        postings.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    StringBuilder all = new StringBuilder();
    while (all.length() < chars * 16L) {
      for (String p : postings) {
        all.append(p).append("\n\n");
      }
    }
    texts = new String[16];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = all.substring(i * chars, (i + 1) * chars);
    }
  }

  private static final String[] GOLDEN = {
    "01-senior-python-backend-aws.txt", "02-go-python-ai-agent-platform.txt", "03-java-scala-big-data.txt",
    "04-junior-frontend-yaml.txt", "05-data-engineer-mojibake.txt", "06-staff-sre-devops.txt",
    "07-ml-platform-engineer.txt", "08-senior-dotnet-csharp.txt", "09-javascript-frontend-vue.txt",
    "10-senior-ios-swift.txt", "11-biostatistician-r.txt", "12-accountant.txt",
    "13-sous-chef-restaurant.txt", "14-fullstack-tech-stack-yaml.txt", "15-software-engineering-intern.txt"
  };

  @Benchmark
  public ParsedPosting parse() {
    String text = texts[next++ & 15];
    return parser.parse(text);
  }
}
