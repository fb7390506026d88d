package io.skillmatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InternedStringsTest {
  @Test
  void everyStringReturnedIsTheInternedOneWhateverTheTableHolds() {
    InternedStrings names = new InternedStrings();
    // far more strings than slots: most meet another in their slot
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 100_000; i++) {
        String s = (i % 7 == 0 ? "Ünï-" : "skill-") + i;
        byte[] utf8 = ("~~" + s + "~").getBytes(StandardCharsets.UTF_8);
        String fromBytes = names.of(utf8, 2, utf8.length - 3);
        assertEquals(s, fromBytes);
        assertSame(s.intern(), fromBytes);
        assertSame(s.intern(), names.of(new String(s)));
      }
    }
  }

  @Test
  void aStringFoundAgainIsTheSameInstance() {
    InternedStrings names = new InternedStrings();
    byte[] a = "kubernetes".getBytes(StandardCharsets.US_ASCII);
    byte[] b = "xkubernetesx".getBytes(StandardCharsets.US_ASCII);
    String first = names.of(a, 0, a.length);
    assertSame(first, names.of(b, 1, a.length));
    assertSame(first, names.of(new String(a, StandardCharsets.US_ASCII)));
    assertEquals("", names.of(a, 3, 0));
  }
}
