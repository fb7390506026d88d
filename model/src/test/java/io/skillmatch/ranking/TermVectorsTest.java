package io.skillmatch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TermVectorsTest {

  /** The tokenizer as it was written first: a regex split, kept here as the specification. */
  private static List<String> bySplit(String text, Set<String> stop) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9+#]+"))
        .filter(t -> t.length() > 1 && !stop.contains(t) && !t.chars().allMatch(Character::isDigit))
        .toList();
  }

  @Test
  void tokensAreWordRunsWithoutStopWordsOrNumbers() {
    assertEquals(List.of("senior", "c++", "c#", "engineer", "k8s", "5+", "years", "aws"),
        TermVectors.tokens("Senior C++/C# Engineer -- the K8S, 5+ years' AWS; 2024 x"));
  }

  @Test
  void scanningGivesWhatTheRegexSplitGave() {
    SplittableRandom random = new SplittableRandom(7);
    String alphabet = "abcxyzABCXYZ0129+#-_ ./\n\tİıßéÉ€,";
    String[] words = {"the", "and", "he", "Python", "C++", "2019", "k8s", " ", "\n", "Kafka"};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int len = random.nextInt(40);
      for (int i = 0; i < len; i++) {
        if (random.nextInt(4) == 0) {
          text.append(words[random.nextInt(words.length)]);
        } else {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String t = text.toString();
      assertEquals(bySplit(t, TermVectors.STOP), TermVectors.tokens(t), () -> "text: " + t);
    }
  }

  /**
   * A vector as first written: tokens(), a count of the counted words, weights sorted by hash; then
   * each word by its rank in the vocabulary sorted by hash.
   */
  private static TermVectors.Vector byTokens(String text, java.util.Map<String, Integer> df, int documents,
      java.util.Map<Long, Integer> rankOf) {
    java.util.TreeMap<Long, float[]> byHash = new java.util.TreeMap<>();
    java.util.Map<String, Integer> tf = new java.util.HashMap<>();
    TermVectors.tokens(text).stream().filter(df::containsKey).forEach(t -> tf.merge(t, 1, Integer::sum));
    tf.forEach((t, n) -> byHash.put(TermVectors.hash(t),
        new float[] {(float) ((1 + Math.log(n)) * Math.log((1.0 + documents) / (1 + df.get(t)) + 1))}));
    double norm = 0;
    for (float[] w : byHash.values()) {
      norm += w[0] * w[0];
    }
    float len = (float) Math.sqrt(norm);
    return new TermVectors.Vector(chars(byHash.keySet().stream().map(rankOf::get).toList()),
        toFloats(byHash.values().stream().map(w -> w[0] / len).toList()));
  }

  private static char[] chars(List<Integer> ranks) {
    char[] out = new char[ranks.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (char) (int) ranks.get(i);
    }
    return out;
  }

  private static List<Float> toList(float[] values) {
    List<Float> out = new java.util.ArrayList<>();
    for (float v : values) {
      out.add(v);
    }
    return out;
  }

  private static float[] toFloats(List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  @Test
  void vectorsAreWhatCountingTheTokensGives() {
    TermVectors bundled = TermVectors.bundled();
    java.util.Map<String, Integer> df = new java.util.HashMap<>();
    for (String line : bundled.write().split("\n")) {
      String[] f = line.split("\t");
      if (!f[0].startsWith("#")) {
        df.put(f[0], Integer.parseInt(f[1]));
      }
    }
    int documents = Integer.parseInt(bundled.write().lines().findFirst().orElseThrow().split("\t")[1]);
    List<String> vocabulary = df.keySet().stream().sorted().toList();
    java.util.Map<Long, Integer> rankOf = new java.util.HashMap<>();
    List<Long> hashes = vocabulary.stream().filter(w -> !TermVectors.STOP.contains(w)).map(TermVectors::hash)
        .sorted().toList();
    for (int r = 0; r < hashes.size(); r++) {
      rankOf.put(hashes.get(r), r);
    }
    SplittableRandom random = new SplittableRandom(11);
    // words of the vocabulary in any case, stop words, numbers, near-misses and letters that change
    // when lower-cased (the Kelvin sign is a k, a dotted capital I two characters)
    String[] glue = {" ", "\n", ", ", "/", "-", "İ", "K", "é", "ß", "ı", "2019", "the", "x", "+", "#", "\u2022 "};
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int len = random.nextInt(60);
      for (int i = 0; i < len; i++) {
        String w = vocabulary.get(random.nextInt(vocabulary.size()));
        text.append(switch (random.nextInt(5)) {
          case 0 -> w.toUpperCase(Locale.ROOT);
          case 1 -> w + "s";
          case 2 -> glue[random.nextInt(glue.length)];
          default -> w;
        }).append(glue[random.nextInt(3)]);
      }
      String t = text.toString();
      TermVectors.Vector expected = byTokens(t, df, documents, rankOf);
      TermVectors.Vector actual = bundled.vector(t);
      assertEquals(Arrays.toString(expected.terms()), Arrays.toString(actual.terms()), () -> "text: " + t);
      assertEquals(Arrays.toString(expected.weights()), Arrays.toString(actual.weights()), () -> "text: " + t);
      // a title's words weigh their rarity alone, once each
      java.util.TreeMap<Long, Float> rare = new java.util.TreeMap<>();
      TermVectors.tokens(t).stream().filter(df::containsKey).forEach(w -> rare.put(TermVectors.hash(w),
          (float) ((1 + Math.log(1)) * Math.log((1.0 + documents) / (1 + df.get(w)) + 1))));
      TermVectors.Vector title = bundled.rarity(t);
      assertEquals(Arrays.toString(chars(rare.keySet().stream().map(rankOf::get).toList())),
          Arrays.toString(title.terms()));
      assertEquals(List.copyOf(rare.values()), toList(title.weights()));
    }
  }

  @Test
  void aVectorReadsBackAsWrittenUnderItsOwnTableOnly() {
    TermVectors bundled = TermVectors.bundled();
    TermVectors.Vector v = bundled.vector("Senior Python engineer: AWS, Kafka, Kubernetes; Python and Go");
    String line = bundled.encode(v);
    assertTrue(line.startsWith(bundled.stamp() + ":"), line);
    TermVectors.Vector back = bundled.decode(line);
    assertEquals(Arrays.toString(v.terms()), Arrays.toString(back.terms()));
    assertEquals(Arrays.toString(v.weights()), Arrays.toString(back.weights()));
    assertEquals(TermVectors.Vector.EMPTY, bundled.decode(bundled.encode(TermVectors.Vector.EMPTY)));

    TermVectors other = new TermVectors(java.util.Map.of("python", 3, "aws", 1), 10);
    assertNotEquals(bundled.stamp(), other.stamp());
    assertNull(other.decode(line), "another table's ranks and weights mean nothing here");
    String s = bundled.stamp() + ":";
    for (String bad : new String[] {null, "", s, s + "!!", s + "AAAA", bundled.stamp() + line.substring(line.indexOf(':')
        + 1), s + java.util.Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
        0}), s + java.util.Base64.getEncoder().encodeToString(new byte[] {0x7f, 0, 0, 0, 0x7f, (byte) 0xc0, 0, 0})}) {
      if (bad != null && bad.equals(s)) {
        assertEquals(TermVectors.Vector.EMPTY, bundled.decode(bad), "no words");
      } else {
        assertNull(bundled.decode(bad), () -> "not a vector: " + bad);
      }
    }
  }

  @Test
  void aVocabularyTooLargeForSixteenBitRanksIsRefused() {
    java.util.Map<String, Integer> df = new java.util.HashMap<>();
    for (int i = 0; i <= TermVectors.MAX_WORDS; i++) {
      df.put("w" + i, 1);
    }
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new TermVectors(df, 10));
    df.remove("w0");
    assertEquals(TermVectors.MAX_WORDS, new TermVectors(df, 10).write().lines().count() - 1, "as many as fit");
  }
}
