package io.skillmatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tagger learns a span scheme from examples, deterministically from its seed. */
class SpanTaggerTest {

  /** Sentences "we use TOOL daily" where TOOL (one or two tokens) is the span, and distractors. */
  private static List<SpanTagger.Sentence> corpus(long seed, int n) {
    String[] tools = {"Kafka", "Spark", "Apache Flink", "dbt", "Snowflake", "Terraform", "Go", "Redis"};
    String[] verbs = {"use", "love", "deploy", "run"};
    SplittableRandom r = new SplittableRandom(seed);
    List<SpanTagger.Sentence> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> tokens = new ArrayList<>(List.of("we", verbs[r.nextInt(verbs.length)]));
      List<String> tags = new ArrayList<>(List.of("O", "O"));
      String[] tool = tools[r.nextInt(tools.length)].split(" ");
      for (int k = 0; k < tool.length; k++) {
        tokens.add(tool[k]);
        tags.add(k == 0 ? "B" : "I");
      }
      tokens.add("daily");
      tags.add("O");
      out.add(new SpanTagger.Sentence(tokens, tags));
      out.add(new SpanTagger.Sentence(List.of("we", "go", "home"), List.of("O", "O", "O")));
    }
    return out;
  }

  @Test
  void learnsTheSchemeAndIsDeterministic() {
    SpanTagger a = SpanTagger.train(GoldenTest.TAXONOMY, corpus(1, 200), new SpanTagger.Options(5, 7));
    SpanTagger b = SpanTagger.train(GoldenTest.TAXONOMY, corpus(1, 200), new SpanTagger.Options(5, 7));
    int right = 0;
    int all = 0;
    for (SpanTagger.Sentence s : corpus(99, 50)) {
      List<String> tags = a.tag(s.tokens());
      assertEquals(tags, b.tag(s.tokens()), "same seed, same model");
      right += tags.equals(s.tags()) ? 1 : 0;
      all++;
    }
    assertEquals(all, right, "every held-out sentence tagged exactly");
    assertEquals(List.of("O", "O", "B", "I", "O"), a.tag(List.of("we", "love", "Apache", "Flink", "daily")));
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> new SpanTagger.Options(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new SpanTagger.Sentence(List.of("a"), List.of()));
  }

  @Test
  void shapes() {
    assertEquals("Xx", SpanTagger.shape("Python"));
    assertEquals("X", SpanTagger.shape("AWS"));
    assertEquals("x.x", SpanTagger.shape("node.js"));
    assertEquals("Xd", SpanTagger.shape("S3"));
  }
}
