package io.skillmatch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
