package io.skillmatch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalTest {

  @Test
  void equalValuesComeBackAsTheFirstSeenUpToTheLimit() {
    Canonical held = new Canonical(2);
    String a = new String("python");
    String b = new String("python");
    assertSame(a, held.of(a));
    assertSame(a, held.of(b), "the first one seen");
    assertNull(held.of(null));
    List<String> list = List.of("x");
    assertSame(list, held.of(list));
    assertEquals(2, held.size());
    String c = new String("kafka");
    String d = new String("kafka");
    assertSame(c, held.of(c), "past the limit: as it comes");
    assertSame(d, held.of(d), "and not held");
    assertEquals(2, held.size());
    assertSame(a, held.of(new String("python")), "the first ones stay held");
  }

  @Test
  void equalValuesOfAnotherClassAreNotSwapped() {
    Canonical held = new Canonical(10);
    List<String> one = List.of("a", "b", "c"); // a ListN
    held.of(one);
    List<String> copy = new java.util.ArrayList<>(one);
    assertSame(copy, held.of(copy), "an ArrayList stays an ArrayList");
    assertNotSame(one, held.of(copy));
  }
}
