package io.skillmatch.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skillmatch.parsing.PostingParser;
import io.skillmatch.parsing.ProfileParser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled ranking model behind the matcher: ordering, explanations, fairness. */
class MatcherTest {
  private static final Clock TODAY =
      Clock.fixed(LocalDate.of(2026, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  private static final Ranking RANKING = Ranking.bundled();
  private static final RankingModel MODEL = RankingModel.bundled();
  private final Matcher matcher = RANKING.matcher(MODEL, TODAY);
  private final PostingParser postings = PostingParser.of(RANKING.taxonomy());
  private final ProfileParser profiles = ProfileParser.of(RANKING.taxonomy(), TODAY);

  private static final String POSTING = """
      Senior Backend Engineer (Python, AWS, Kafka)

      Requirements
      - 5+ years of professional Python
      - Apache Kafka in production
      - AWS (ECS, Lambda, S3)
      - PostgreSQL
      - Django, FastAPI or Flask

      Nice to have
      - Terraform
      """;

  private static final String STRONG = """
      EXPERIENCE
      Senior Backend Engineer, Streamly, 2018 - present
      - Built Python services with FastAPI on AWS ECS and Lambda, storing data in PostgreSQL and S3
      - Ran Apache Kafka pipelines in production; infrastructure in Terraform
      """;

  private static final String NEAR_MISS = """
      EXPERIENCE
      Senior Backend Engineer, Cloudy, 2018 - present
      - Python services with Flask on Google Cloud (GKE, Cloud Run), PostgreSQL
      - Messaging with RabbitMQ
      """;

  private static final String UNRELATED = """
      EXPERIENCE
      Pastry Chef, Le Fournil, 2015 - present
      - Laminated doughs, plated desserts, ran a team of four bakers
      """;

  private double score(String profile) {
    return matcher.score(matcher.posting(postings.parse(POSTING), POSTING),
        matcher.profile(profiles.parse(profile), profile));
  }

  private Match explain(String profile) {
    return matcher.explain(matcher.posting(postings.parse(POSTING), POSTING),
        matcher.profile(profiles.parse(profile), profile));
  }

  @Test
  void ranksAStrongFitAboveANearMissAboveAnotherField() {
    double strong = score(STRONG);
    double near = score(NEAR_MISS);
    double unrelated = score(UNRELATED);
    assertTrue(strong > near && near > unrelated, strong + " > " + near + " > " + unrelated);
    assertTrue(strong >= 60, "a candidate meeting every must-have: " + strong);
    assertTrue(unrelated <= 15, "a pastry chef: " + unrelated);
    for (double s : List.of(strong, near, unrelated)) {
      assertTrue(s >= 0 && s <= 100, "score " + s);
    }
  }

  @Test
  void explainsEachRequirementWithSignedContributionsAndWhatToLearn() {
    Match near = explain(NEAR_MISS);
    Map<String, Match.RequirementMatch> bySkill = near.requirements().stream()
        .collect(Collectors.toMap(Match.RequirementMatch::skillId, Function.identity(), (a, b) -> a));
    assertEquals(Status.MET, bySkill.get("python").status());
    assertEquals(Status.PARTIAL, bySkill.get("apache-kafka").status(), bySkill.get("apache-kafka").why());
    assertEquals(Status.MISSING, bySkill.get("terraform").status());
    assertTrue(bySkill.get("python").evidence().text().contains("Python"));
    for (Match.RequirementMatch r : near.requirements()) {
      assertTrue(r.status() == Status.MET ? r.contribution() >= 0 : r.contribution() <= 0, r.toString());
    }
    assertTrue(!near.learnNext().isEmpty(), "a near miss has something to learn");
    double previous = Double.MAX_VALUE;
    for (Match.LearnNext l : near.learnNext()) {
      assertTrue(l.gain() > 0 && l.gain() <= previous, l.toString());
      assertTrue(bySkill.get(l.skillId()).status() != Status.MET, "only unmet requirements: " + l);
      previous = l.gain();
    }
    assertEquals(near.score(), explain(NEAR_MISS).score(), 0, "deterministic");
    assertEquals(MODEL.version(), near.model());
  }

  /** A posting that names a city and carries an equal-opportunity line: words a resume may share. */
  private static final String POSTING_WITH_BOILERPLATE = POSTING + """

      Location: Austin, Texas (hybrid). We are an equal opportunity employer: women, minorities, veterans
      and people with disabilities are encouraged to apply. Visa sponsorship is not available.
      """;

  @Test
  void namesPronounsBirthYearsAndAddressesAreNeverInputs() {
    List<String> people = List.of(
        "Maria Garcia (she/her), born 1975\n12 Elm Street, Austin, Texas 78701\n",
        "John Smith (he/him), born 1999\nFlat 3, 221B Baker Street, London\n",
        "Wei Zhang, they/them, DOB 1988-02-03\nPhoto: wei.jpg\n",
        "Oluwaseun Adeyemi. Mr. Adeyemi has a wife and two children. Age 52.\n",
        "Member, Women Who Code. US Army veteran. Indian citizen on an H-1B visa. Married, one child.\n",
        "US Military veteran. Nationality: German. Member, National Society of Black Engineers.\n",
        "Citizenship: Japanese\nBlind; uses a screen reader\n12 Park Avenue, New York\n");
    for (String postingText : List.of(POSTING, POSTING_WITH_BOILERPLATE)) {
      Matcher.PostingDoc posting = matcher.posting(postings.parse(postingText), postingText);
      double[] first = null;
      for (String person : people) {
        String text = person + STRONG;
        double[] f = matcher.features(posting, matcher.profile(profiles.parse(text), text));
        if (first == null) {
          first = f;
        }
        assertArrayEquals(first, f, 0, person);
      }
      assertEquals(FitFeatures.NAMES.size(), first.length);
    }
  }

  @Test
  void aPageOfExplanationsEqualsEachExplainedAlone() {
    Matcher.ProfileDoc profile = matcher.profile(profiles.parse(NEAR_MISS), NEAR_MISS);
    String other = "Platform Engineer\n\nRequirements\n- Python\n- 3+ years of Kubernetes\n- Kafka\n- Go is a plus";
    List<Matcher.PostingDoc> page = List.of(
        matcher.posting(postings.parse(POSTING), POSTING),
        matcher.posting(postings.parse(other), other),
        matcher.posting(postings.parse(POSTING), POSTING));
    List<Match> shared = matcher.explainAll(page, profile);
    for (int i = 0; i < page.size(); i++) {
      assertEquals(matcher.explain(page.get(i), profile), shared.get(i), "posting " + i);
    }
    assertEquals(shared, matcher.explainAll(page, profile, true), "on all cores, the same page");
  }

  @Test
  void aProfileHeldWithoutItsIndexScoresAsWithIt() {
    Matcher.PostingDoc posting = matcher.posting(postings.parse(POSTING), POSTING);
    for (String text : List.of(STRONG, NEAR_MISS, UNRELATED)) {
      Matcher.ProfileDoc held = matcher.profile(profiles.parse(text), text);
      Matcher.ProfileDoc indexed = matcher.indexed(held);
      assertEquals(null, held.index(), "a prepared profile holds no index");
      assertTrue(indexed.index() != null);
      assertEquals(matcher.score(posting, held), matcher.score(posting, indexed));
      assertEquals(matcher.explain(posting, held), matcher.explain(posting, indexed));
    }
  }

  @Test
  void oneProfilesSkillsNeverLeakIntoTheNextPair() {
    // the features mark a profile's skills in a scratch array of the thread and clear them after:
    // a profile with nothing close to the requirements scores the same before and after one with
    // skills close to them
    String posting = "Backend Engineer\n\nRequirements\n- Apache Kafka\n- PostgreSQL\n- Kubernetes\n";
    String close = "Engineer\n\nSKILLS\nRabbitMQ, MySQL, Docker, ActiveMQ, Docker Swarm\n";
    String far = "Designer\n\nSKILLS\nAdobe Photoshop, Adobe Illustrator\n";
    Matcher.PostingDoc p = matcher.posting(postings.parse(posting), posting);
    Matcher.ProfileDoc near = matcher.profile(profiles.parse(close), close);
    Matcher.ProfileDoc away = matcher.profile(profiles.parse(far), far);
    int soft = FitFeatures.NAMES.indexOf("requiredSoftCoverage");
    double[] before = matcher.features(p, away);
    double[] nearFeatures = matcher.features(p, near);
    assertTrue(nearFeatures[soft] > before[soft], "close skills count: " + nearFeatures[soft] + " vs " + before[soft]);
    assertArrayEquals(before, matcher.features(p, away));
  }
}
