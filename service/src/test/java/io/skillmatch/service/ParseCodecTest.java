package io.skillmatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.parsing.Evidence;
import io.skillmatch.parsing.Importance;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.parsing.Requirement;
import io.skillmatch.parsing.Seniority;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.synthetic.SyntheticGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParseCodecTest {
  private static List<ParsedPosting> postings;
  private static List<ParsedProfile> profiles;
  private static final InternedStrings NAMES = new InternedStrings();

  @BeforeAll
  static void parse() {
    Ranking ranking = Ranking.bundled();
    Clock clock = Clock.fixed(Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC);
    SyntheticGenerator generator = new SyntheticGenerator(ranking.taxonomy(), SkillVectors.bundled(),
        SyntheticGenerator.Options.defaults());
    PostingParser postingParser = PostingParser.of(ranking.taxonomy());
    ProfileParser profileParser = ProfileParser.of(ranking.taxonomy(), clock);
    postings = generator.postings(300).map(p -> postingParser.parse(p.text())).toList();
    profiles = generator.profiles(300).map(p -> profileParser.parseText(p.text())).toList();
  }

  @Test
  void parsesReadBackEqual() {
    for (ParsedPosting p : postings) {
      byte[] b = ParseCodec.write(p);
      assertEquals(p, ParseCodec.posting(b, 0, b.length, true, NAMES));
    }
    for (ParsedProfile p : profiles) {
      byte[] b = ParseCodec.write(p);
      assertEquals(p, ParseCodec.profile(b, 0, b.length, NAMES));
    }
  }

  @Test
  void everyValueAndItsAbsenceReadsBack() {
    Evidence said = new Evidence("Ünïcode — 5+ years of Go 🚀", 3, 40);
    ParsedPosting posting = new ParsedPosting(null, null, null, List.of(
        new Requirement("Go", "go", Importance.REQUIRED, null, null, null),
        new Requirement("Go", "go", Importance.PREFERRED, 0, "g1", said),
        new Requirement("Rust", "rust", Importance.PREFERRED, 50, "g1", said)), List.of(), List.of());
    ParsedPosting titled = new ParsedPosting("Staff Engineer", Seniority.PRINCIPAL, 12, List.of(), List.of("Zig"),
        List.of("no requirements found", "Zig"));
    ParsedProfile profile = new ParsedProfile(List.of(
        new ProfileSkill("Go", "go", 0.1 + 0.2, 2026, true, said),
        new ProfileSkill("Rust", "rust", null, null, false, null),
        new ProfileSkill("Java", "java", 70.0, -5, false, new Evidence("", 0, 0))), 7.25, Seniority.INTERN,
        List.of("Engineer", "Engineer"), List.of(), List.of("w"));
    ParsedProfile empty = new ParsedProfile(List.of(), null, null, List.of(), List.of(), List.of());
    for (ParsedPosting p : List.of(posting, titled)) {
      byte[] b = ParseCodec.write(p);
      assertEquals(p, ParseCodec.posting(b, 0, b.length, true, NAMES));
    }
    for (ParsedProfile p : List.of(profile, empty)) {
      byte[] b = ParseCodec.write(p);
      assertEquals(p, ParseCodec.profile(b, 0, b.length, NAMES));
    }
  }

  @Test
  void aPostingReadsBackWithoutEvidenceWhenAskedAndFromWithinLargerBytes() {
    ParsedPosting p = postings.get(7);
    assertTrue(p.requirements().stream().anyMatch(r -> r.evidence() != null));
    byte[] b = ParseCodec.write(p);
    byte[] padded = new byte[b.length + 9];
    System.arraycopy(b, 0, padded, 4, b.length);
    ParsedPosting lean = ParseCodec.posting(padded, 4, b.length, false, NAMES);
    assertEquals(p.requirements().stream().map(r -> new Requirement(r.skill(), r.skillId(), r.importance(),
        r.minYears(), r.anyOf(), null)).toList(), lean.requirements());
    assertEquals(p, ParseCodec.posting(padded, 4, b.length, true, NAMES));
  }

  @Test
  void repeatedStringsAreWrittenOnce() {
    Evidence line = new Evidence("Skills: Python, Go, Kafka, Spark, AWS, Docker", 0, 45);
    List<ProfileSkill> skills = List.of("Python", "Go", "Kafka", "Spark", "AWS", "Docker").stream()
        .map(s -> new ProfileSkill(s, s.toLowerCase(java.util.Locale.ROOT), 3.0, 2025, false, line)).toList();
    ParsedProfile p = new ParsedProfile(skills, 3.0, null, List.of(), List.of(), List.of());
    assertTrue(ParseCodec.write(p).length < 45 + 6 * 30, "the line once: " + ParseCodec.write(p).length + " bytes");
  }

  @Test
  void aKeptFormHoldsItsVersionParseAndVectorAndIsReadOnlyUnderItsVersion() {
    byte[] parse = ParseCodec.write(postings.get(3));
    String vector = "stamp:" + "A".repeat(300);
    byte[] kept = ParseCodec.kept("0123456789abcdef", parse, vector);
    ParseCodec.Kept k = ParseCodec.kept(kept, "0123456789abcdef");
    assertEquals(postings.get(3), ParseCodec.posting(kept, k.parse(), k.parseLength(), true, NAMES));
    assertEquals(vector, new String(kept, k.vector(), kept.length - k.vector(), java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(null, ParseCodec.kept(kept, "0123456789abcdee"), "another version");
    assertEquals(null, ParseCodec.kept("0123456789abcdef\n{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "0123456789abcdef"), "the text form before this one");
    for (int cut = 0; cut < kept.length; cut++) {
      assertEquals(null, ParseCodec.kept(java.util.Arrays.copyOf(kept, cut), "0123456789abcdef"), "cut at " + cut);
    }
    byte[] longer = java.util.Arrays.copyOf(kept, kept.length + 1);
    assertEquals(null, ParseCodec.kept(longer, "0123456789abcdef"), "bytes past the vector");
  }

  @Test
  void bytesThatAreNotAParseAreRefusedWithOneKindOfError() {
    Random random = new Random(7);
    int refused = 0;
    for (int i = 0; i < 200; i++) {
      byte[] good = i % 2 == 0 ? ParseCodec.write(postings.get(i)) : ParseCodec.write(profiles.get(i));
      byte[] bad = good.clone();
      switch (i / 2 % 4) { // each kind, each way
        case 0, 1 -> bad = java.util.Arrays.copyOf(good, random.nextInt(good.length)); // cut short
        case 2 -> bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255)); // a byte changed
        default -> random.nextBytes(bad); // noise
      }
      byte[] b = bad;
      try {
        if (i % 2 == 0) {
          ParseCodec.posting(b, 0, b.length, true, NAMES);
        } else {
          ParseCodec.profile(b, 0, b.length, NAMES);
        }
      } catch (IllegalArgumentException e) {
        refused++;
      }
    }
    // a changed byte may still read as a parse (another number, another letter); a cut never does
    assertTrue(refused >= 100, refused + " of 200 refused");
    byte[] one = ParseCodec.write(postings.get(0));
    assertThrows(IllegalArgumentException.class, () -> ParseCodec.posting(one, 0, one.length - 1, true, NAMES));
    assertThrows(IndexOutOfBoundsException.class, () -> ParseCodec.posting(one, 1, one.length, true, NAMES));
  }
}
