package io.skillmatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import io.skillmatch.ranking.Ranking;
import io.skillmatch.ranking.RankingModel;
import io.skillmatch.store.SqliteStore;
import io.skillmatch.synthetic.SyntheticGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart prepares documents from their kept parses and reopens the graphs kept on disk: it
 * parses and indexes nothing that did not change, and matches exactly as before it.
 */
class CatalogRestartTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  // above the exact-search threshold, so that the graph shortlists
  private static final int POSTINGS = Catalog.EXACT_BELOW + 200;
  private static final int PROFILES = 40;

  private static Ranking ranking;
  private static List<JsonNode> postings;
  private static List<JsonNode> profiles;

  @BeforeAll
  static void generate() {
    ranking = Ranking.bundled();
    SyntheticGenerator generator = new SyntheticGenerator(ranking.taxonomy(), SkillVectors.bundled(),
        SyntheticGenerator.Options.defaults());
    postings = generator.postings(POSTINGS).map(p -> (JsonNode) JSON.createObjectNode().put("text", p.text())).toList();
    profiles = generator.profiles(PROFILES).map(p -> (JsonNode) JSON.createObjectNode().put("text", p.text())).toList();
  }

  private static final class Opened implements AutoCloseable {
    final SqliteStore store;
    final Catalog catalog;

    Opened(Path dir, String version) {
      this(dir, version, store -> store);
    }

    /** @param seen the store as the catalog sees it */
    Opened(Path dir, String version, java.util.function.UnaryOperator<io.skillmatch.store.Store> seen) {
      AtomicLong n = new AtomicLong();
      store = SqliteStore.open(dir, CLOCK, () -> "id" + n.incrementAndGet() + "-" + System.nanoTime());
      catalog = new Catalog(seen.apply(store), new DocumentReader(PostingParser.of(ranking.taxonomy()),
          ProfileParser.of(ranking.taxonomy(), CLOCK), ranking.matcher(RankingModel.bundled(), CLOCK), version),
          JSON, Catalog.SHORTLIST, dir.resolve("index"));
    }

    /** Stores every posting and profile; returns {@link #matches}. */
    List<String> filled() {
      catalog.addAll(Catalog.POSTING, postings, null, (i, m) -> { });
      catalog.addAll(Catalog.CANDIDATE, profiles, null, (i, m) -> { });
      return matches();
    }

    /** Every candidate's top ten jobs, as "posting id score" lines. */
    List<String> matches() {
      List<String> out = new ArrayList<>();
      for (String id : catalog.page(Catalog.CANDIDATE, 100, null, null).items().stream()
          .map(io.skillmatch.store.Store.Item::id).toList()) {
        for (var r : catalog.jobsFor(catalog.candidate(id).orElseThrow(), 10)) {
          out.add(id + " " + catalog.idOf(r.item()) + " " + r.match().score());
        }
      }
      return out;
    }

    @Override
    public void close() {
      catalog.close();
      store.close();
    }
  }

  @Test
  void aRestartParsesAndIndexesNothingAndMatchesAsBefore(@TempDir Path dir) {
    List<String> before;
    String gone;
    try (Opened o = new Opened(dir, "v1")) {
      assertEquals(new Catalog.Started(0, 0, 0, 0), o.catalog.started(Catalog.POSTING));
      o.catalog.addAll(Catalog.POSTING, postings, null, (i, m) -> { });
      o.catalog.addAll(Catalog.CANDIDATE, profiles, null, (i, m) -> { });
      o.catalog.settle(Catalog.POSTING);
      gone = o.catalog.addPosting(postings.get(0), null).id();
      o.catalog.deletePosting(gone);
      before = o.matches();
    }
    try (Opened o = new Opened(dir, "v1")) {
      assertEquals(new Catalog.Started(POSTINGS, 0, 0, 0), o.catalog.started(Catalog.POSTING));
      assertEquals(new Catalog.Started(PROFILES, 0, 0, 0), o.catalog.started(Catalog.CANDIDATE));
      assertEquals(before, o.matches());
      assertFalse(o.catalog.posting(gone).isPresent());
    }
  }

  @Test
  void newParsersReadEverythingAgainAndKeepTheirParse(@TempDir Path dir) {
    List<String> before;
    try (Opened o = new Opened(dir, "v1")) {
      before = o.filled();
    }
    java.util.concurrent.atomic.AtomicInteger compacted = new java.util.concurrent.atomic.AtomicInteger();
    try (Opened o = new Opened(dir, "v2", counting(compacted))) {
      // the parsers are the same in truth, so every vector is too: parsed again, indexed again never
      assertEquals(new Catalog.Started(POSTINGS, POSTINGS, 0, 0), o.catalog.started(Catalog.POSTING));
      assertEquals(new Catalog.Started(PROFILES, PROFILES, 0, 0), o.catalog.started(Catalog.CANDIDATE));
      assertEquals(before, o.matches());
      assertEquals(1, compacted.get(), "compacted after keeping every parse anew");
    }
    try (Opened o = new Opened(dir, "v2", counting(compacted))) {
      assertEquals(new Catalog.Started(POSTINGS, 0, 0, 0), o.catalog.started(Catalog.POSTING), "v2's parses were kept");
      assertEquals(1, compacted.get(), "not compacted when nothing was kept anew");
    }
  }

  /** The store as it is, counting the times it is compacted. */
  private static java.util.function.UnaryOperator<io.skillmatch.store.Store> counting(
      java.util.concurrent.atomic.AtomicInteger compacted) {
    return store -> (io.skillmatch.store.Store) java.lang.reflect.Proxy.newProxyInstance(
        CatalogRestartTest.class.getClassLoader(), new Class<?>[] {io.skillmatch.store.Store.class}, (proxy, m, args) -> {
          if (m.getName().equals("compact")) {
            compacted.incrementAndGet();
          }
          try {
            return m.invoke(store, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** Runs one SQL update on a closed store. */
  private static void sql(Path dir, String update) throws java.sql.SQLException {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("skillmatch.db"));
        java.sql.Statement s = db.createStatement()) {
      s.executeUpdate(update);
    }
  }

  @Test
  void aRestartReadsNoBodyWhenItsParseAndVectorWereKept(@TempDir Path dir) throws Exception {
    List<String> before;
    try (Opened o = new Opened(dir, "v1")) {
      before = o.filled();
    }
    // bodies that would not even read: a restart that read one would fail
    sql(dir, "UPDATE items SET body = '{not json'");
    try (Opened o = new Opened(dir, "v1")) {
      assertEquals(new Catalog.Started(POSTINGS, 0, 0, 0), o.catalog.started(Catalog.POSTING));
      assertEquals(new Catalog.Started(PROFILES, 0, 0, 0), o.catalog.started(Catalog.CANDIDATE));
      assertEquals(before, o.matches());
    }
  }

  @Test
  void aVectorOfAnotherTableIsMadeAgainFromTheBodyAndAnOlderFormIsKeptAnew(@TempDir Path dir) throws Exception {
    List<String> before;
    try (Opened o = new Opened(dir, "v1")) {
      before = o.filled();
    }
    String stamp = ranking.terms().stamp();
    rewrite(dir, (kind, n, kept) -> {
      ParseCodec.Kept k = ParseCodec.kept(kept, "v1");
      String tail = new String(kept, k.vector(), kept.length - k.vector(), java.nio.charset.StandardCharsets.US_ASCII);
      assertTrue(tail.startsWith(stamp + ":"), tail);
      if (kind.equals(Catalog.POSTING)) { // a vector of another table
        return ParseCodec.kept("v1", java.util.Arrays.copyOfRange(kept, k.parse(), k.parse() + k.parseLength()),
            "feedfacecafe:AAAAAQAAAAA=");
      }
      // the text form before this one: a version line, the parse as JSON, the vector; kept before
      // vectors were, for every other profile
      String json = JSON.writeValueAsString(ParseCodec.profile(kept, k.parse(), k.parseLength(), new InternedStrings()));
      return ("v1\n" + json + (n % 2 == 0 ? "" : "\n" + tail)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    });
    try (Opened o = new Opened(dir, "v1")) {
      assertEquals(new Catalog.Started(POSTINGS, 0, POSTINGS, 0), o.catalog.started(Catalog.POSTING));
      assertEquals(new Catalog.Started(PROFILES, 0, PROFILES, 0), o.catalog.started(Catalog.CANDIDATE));
      assertEquals(before, o.matches());
    }
    try (Opened o = new Opened(dir, "v1")) {
      assertEquals(new Catalog.Started(POSTINGS, 0, 0, 0), o.catalog.started(Catalog.POSTING), "vectors kept anew");
      assertEquals(new Catalog.Started(PROFILES, 0, 0, 0), o.catalog.started(Catalog.CANDIDATE), "kept in this form");
      assertEquals(before, o.matches());
    }
  }

  /** Rewrites what a closed store kept of each document. */
  private static void rewrite(Path dir, ThrowingRewrite change) throws Exception {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("skillmatch.db"));
        java.sql.Statement s = db.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT k.seq, i.kind, k.derived FROM kept k JOIN items i ON i.seq = k.seq");
        java.sql.PreparedStatement p = db.prepareStatement("UPDATE kept SET derived = ? WHERE seq = ?")) {
      int n = 0;
      while (r.next()) {
        byte[] changed = change.apply(r.getString(2), n++, r.getBytes(3));
        p.setBytes(1, changed);
        p.setLong(2, r.getLong(1));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @FunctionalInterface
  private interface ThrowingRewrite {
    /** @param n the row's place in the listing, from 0 */
    byte[] apply(String kind, int n, byte[] kept) throws Exception;
  }

  @Test
  void anEvidenceIsHeldOnceWithinADocument() {
    DocumentReader reader = new DocumentReader(PostingParser.of(ranking.taxonomy()),
        ProfileParser.of(ranking.taxonomy(), CLOCK), ranking.matcher(RankingModel.bundled(), CLOCK), "v1");
    var skills = reader.profile(JSON.createObjectNode().put("text",
        "Backend Engineer\n\nSKILLS\nPython, Django, AWS, Apache Kafka, PostgreSQL\n"), "").parsed().skills();
    assertTrue(skills.size() >= 4, skills.toString());
    for (var k : skills) {
      assertEquals(skills.get(0).evidence().text(), k.evidence().text());
      org.junit.jupiter.api.Assertions.assertSame(skills.get(0).evidence().text(), k.evidence().text(), k.skill());
      if (k.evidence().equals(skills.get(0).evidence())) {
        org.junit.jupiter.api.Assertions.assertSame(skills.get(0).evidence(), k.evidence(), k.skill());
      }
    }
    assertTrue(skills.stream().filter(k -> k.evidence() == skills.get(0).evidence()).count() >= 4,
        "the skills line is the evidence of each skill on it");
  }

  @Test
  void theParsersFingerprintIsStableAndShort() {
    String f = DocumentReader.fingerprint();
    assertTrue(f.matches("[0-9a-f]{16}"), f);
    assertEquals(f, DocumentReader.fingerprint());
  }

  @Test
  void aGraphBehindTheStoreCatchesUpOnStart(@TempDir Path dir) throws Exception {
    List<String> before;
    String replaced;
    String deleted;
    try (Opened o = new Opened(dir, "v1")) {
      o.catalog.addAll(Catalog.POSTING, postings, null, (i, m) -> { });
      o.catalog.addAll(Catalog.CANDIDATE, profiles, null, (i, m) -> { });
      List<String> ids = o.catalog.page(Catalog.POSTING, 2, null, null).items().stream()
          .map(io.skillmatch.store.Store.Item::id).toList();
      replaced = ids.get(0);
      deleted = ids.get(1);
    }
    // the store changes while the graph does not hear of it, as after a crash before a commit
    try (SqliteStore store = SqliteStore.open(dir, CLOCK, () -> "x")) {
      store.update(Catalog.POSTING, replaced, JSON.writeValueAsString(profiles.get(0)));
      assertTrue(store.delete(Catalog.POSTING, deleted));
    }
    try (Opened o = new Opened(dir, "v1")) {
      assertEquals(new Catalog.Started(POSTINGS - 1, 1, 0, 1), o.catalog.started(Catalog.POSTING),
          "the replaced posting is parsed and indexed again; the deleted one is dropped");
      before = o.matches();
      assertFalse(before.stream().anyMatch(line -> line.contains(" " + deleted + " ")), "never matched once deleted");
    }
    try (Opened o = new Opened(dir, "v1")) {
      assertEquals(new Catalog.Started(POSTINGS - 1, 0, 0, 0), o.catalog.started(Catalog.POSTING));
      assertEquals(before, o.matches());
    }
  }

  @Test
  void aPostingIsHeldWithoutItsEvidenceAndShownWithIt(@TempDir Path dir) {
    JsonNode input = JSON.createObjectNode().put("text",
        "Backend Engineer\n\nRequirements\n- 5+ years of Python\n- AWS and Kafka\n- Go is a plus\n");
    String id;
    io.skillmatch.parsing.ParsedPosting read;
    try (Opened o = new Opened(dir, "v1")) {
      read = new DocumentReader(PostingParser.of(ranking.taxonomy()), ProfileParser.of(ranking.taxonomy(), CLOCK),
          ranking.matcher(RankingModel.bundled(), CLOCK), "v1").posting(input, "").parsed();
      assertTrue(read.requirements().size() >= 3 && read.requirements().stream().allMatch(r -> r.evidence() != null),
          read.toString());
      Catalog.Posting p = o.catalog.addPosting(input, null);
      id = p.id();
      assertTrue(p.parsed().requirements().stream().allMatch(r -> r.evidence() == null), "held without evidence");
      assertEquals(read, o.catalog.parsedInFull(p), "shown with it, from the kept parse");
    }
    try (Opened o = new Opened(dir, "v1")) {
      Catalog.Posting p = o.catalog.posting(id).orElseThrow();
      assertTrue(p.parsed().requirements().stream().allMatch(r -> r.evidence() == null), "after a restart too");
      assertEquals(read, o.catalog.parsedInFull(p));
    }
  }

  @Test
  void recurringValuesAreHeldOnceAcrossDocuments() {
    DocumentReader reader = new DocumentReader(PostingParser.of(ranking.taxonomy()),
        ProfileParser.of(ranking.taxonomy(), CLOCK), ranking.matcher(RankingModel.bundled(), CLOCK), "v1");
    String text = "Backend Engineer\n\nEXPERIENCE\nBackend Engineer, Acme (2019 - 2024)\nBuilt services in Python on AWS.\n";
    var a = reader.profile(JSON.createObjectNode().put("text", text), "").parsed();
    var b = reader.profile(JSON.createObjectNode().put("text", text), "").parsed();
    assertTrue(a.totalYears() != null && !a.skills().isEmpty() && a.skills().get(0).lastUsedYear() != null,
        a.toString());
    org.junit.jupiter.api.Assertions.assertSame(a.totalYears(), b.totalYears());
    org.junit.jupiter.api.Assertions.assertSame(a.skills().get(0).lastUsedYear(), b.skills().get(0).lastUsedYear());
    org.junit.jupiter.api.Assertions.assertSame(a.titles(), b.titles());
    assertEquals(a, b);
    var pa = reader.posting(postings.get(1), "");
    var pb = reader.posting(postings.get(1).deepCopy(), "");
    org.junit.jupiter.api.Assertions.assertNotSame(pa.parsed(), pb.parsed());
    org.junit.jupiter.api.Assertions.assertSame(pa.parsed().title(), pb.parsed().title());
    org.junit.jupiter.api.Assertions.assertSame(pa.facts().titleWords(), pb.facts().titleWords());
    org.junit.jupiter.api.Assertions.assertSame(pa.facts().asked(), pb.facts().asked());
    for (int i = 0; i < pa.parsed().requirements().size(); i++) {
      org.junit.jupiter.api.Assertions.assertSame(pa.parsed().requirements().get(i).anyOf(),
          pb.parsed().requirements().get(i).anyOf());
    }
  }
}
