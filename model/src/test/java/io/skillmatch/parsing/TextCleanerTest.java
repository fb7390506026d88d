package io.skillmatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextCleanerTest {
  private final TextCleaner cleaner = new TextCleaner();

  @Test
  void rejectsEmptyAndWhitespace() {
    for (String s : new String[] {"", "   ", "\n\t\r\n", null}) {
      TextRejectedException e = assertThrows(TextRejectedException.class, () -> cleaner.clean(s));
      assertEquals(TextRejectedException.Reason.EMPTY, e.reason());
    }
  }

  @Test
  void rejectsMarkupWithNoText() {
    TextRejectedException e =
        assertThrows(TextRejectedException.class, () -> cleaner.clean("<div><p> </p><br/></div>"));
    assertEquals(TextRejectedException.Reason.EMPTY, e.reason());
  }

  @Test
  void rejectsOversizedText() {
    String big = "Python developer. ".repeat(TextCleaner.MAX_CHARS / 18 + 10);
    TextRejectedException e = assertThrows(TextRejectedException.class, () -> cleaner.clean(big));
    assertEquals(TextRejectedException.Reason.TOO_LONG, e.reason());
    assertTrue(e.getMessage().contains("200000"), e.getMessage());
  }

  @Test
  void rejectsBinaryGarbage() {
    SplittableRandom random = new SplittableRandom(42);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      sb.append((char) random.nextInt(0, 256));
    }
    TextRejectedException e = assertThrows(TextRejectedException.class, () -> cleaner.clean(sb.toString()));
    assertEquals(TextRejectedException.Reason.BINARY, e.reason());
  }

  @Test
  void repairsMojibake() {
    CleanText c = cleaner.clean("Weâ€™re hiring â€“ Pythonâ€¢Kafka â€œfastâ€\u009d cafÃ© rÃ©sumÃ©");
    assertEquals("We\u2019re hiring \u2013 Python\u2022Kafka \u201Cfast\u201D caf\u00E9 r\u00E9sum\u00E9", c.text());
    assertTrue(c.warnings().contains(TextCleaner.WARN_MOJIBAKE));
  }

  @Test
  void leavesCorrectAccentsAlone() {
    CleanText c = cleaner.clean("Café résumé naïve Zürich — 5 years");
    assertEquals("Café résumé naïve Zürich — 5 years", c.text());
    assertTrue(c.warnings().isEmpty());
  }

  @Test
  void splitsYamlFrontMatter() {
    CleanText c =
        cleaner.clean("---\ntitle: \"Senior Go Engineer\"\ncompany: Acme\ntags:\n  - go\n---\n\n## About\nWe build.");
    assertEquals("Senior Go Engineer", c.frontMatter().get("title"));
    assertEquals("Acme", c.frontMatter().get("company"));
    assertEquals("## About\nWe build.", c.text());
  }

  @Test
  void turnsHtmlIntoHeadingsAndBullets() {
    CleanText c =
        cleaner.clean("<h1>Data Engineer</h1><h2>Requirements</h2><ul><li>Python &amp; SQL</li><li>dbt</li></ul>"
            + "<script>var x = '<li>Go</li>';</script>");
    assertEquals("# Data Engineer\n\n## Requirements\n\n- Python & SQL\n\n- dbt", c.text());
  }

  @Test
  void warnsOnNonEnglishText() {
    CleanText de =
        cleaner.clean("Wir suchen eine erfahrene Entwicklerin für unser Team. Sie arbeiten mit Python und"
            + " Kafka, und Sie haben Erfahrung mit der Cloud. Das ist eine Vollzeitstelle mit flexiblen"
            + " Arbeitszeiten und ein Team, die sich auf Sie freut.");
    assertTrue(de.warnings().contains(TextCleaner.WARN_NOT_ENGLISH), de.warnings().toString());
    CleanText ja = cleaner.clean("私たちはPythonとKafkaの経験があるバックエンドエンジニアを探しています。リモート勤務可能です。");
    assertTrue(ja.warnings().contains(TextCleaner.WARN_NOT_ENGLISH));
    CleanText en = cleaner.clean("We are looking for a backend engineer with experience in Python and Kafka.");
    assertFalse(en.warnings().contains(TextCleaner.WARN_NOT_ENGLISH));
  }

  @Test
  void plainTextIsKeptAsIsSoOffsetsMatchTheInput() {
    String text = "Senior Engineer\n\n- 5+ years of Python\n- Kafka is a plus";
    assertEquals(text, cleaner.clean(text).text());
  }
}
