package io.skillmatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MiniLmScorerTest {

  private static final String POSTING = """
      Senior Backend Engineer (Python)
      We build event-driven microservices for payments. You will design REST APIs in Python
      (FastAPI or Django), own Kafka consumers and producers, and model data in PostgreSQL.
      Requirements: 5+ years of Python backend development, Kafka or another message broker,
      SQL, Docker and AWS. Nice to have: Kubernetes and Terraform.
      """;

  private static final String PYTHON_ENGINEER = """
      Backend Engineer, Fintech Co, 2019 - present
      - Built Python microservices with FastAPI and Django REST Framework serving 2M requests a day.
      - Wrote Kafka consumers for the payment event stream; tuned PostgreSQL queries and schemas.
      - Deployed with Docker on AWS (ECS, RDS, SQS).
      Skills: Python, Kafka, PostgreSQL, Docker, AWS, Redis
      """;

  private static final String PASTRY_CHEF = """
      Pastry Chef, Le Petit Four, 2016 - present
      - Created seasonal dessert menus, laminated doughs, croissants and plated desserts.
      - Ran the pastry section of a 120-cover restaurant and trained three commis.
      Skills: viennoiserie, chocolate tempering, sugar work, food safety, costing
      """;

  private static final String CHEF_POSTING = """
      Pastry Chef wanted for a busy French bakery. You will bake croissants and other viennoiserie
      daily, design plated desserts and seasonal cakes, and lead a small pastry team.
      Requirements: 3+ years as a pastry chef, lamination and chocolate work, food hygiene.
      """;

  @Test
  void theModelComesFromTheMavenArtefact() {
    // the ONNX model and its tokenizer are resources of the langchain4j jar: nothing is downloaded
    // (surefire runs with -Dai.djl.offline=true, so DJL would fail rather than fetch its natives)
    assertNotNull(AllMiniLmL6V2EmbeddingModel.class.getResource("/all-minilm-l6-v2.onnx"));
    assertNotNull(AllMiniLmL6V2EmbeddingModel.class.getResource("/all-minilm-l6-v2-tokenizer.json"));
    float[] v = new MiniLmScorer().embed("Python backend engineer");
    assertEquals(MiniLmScorer.DIMENSIONS, v.length);
    assertEquals(1.0, norm(v), 1e-5);
  }

  @Test
  void aPythonBackendPostingIsCloserToThePythonEngineerThanToThePastryChef() {
    MiniLmScorer s = new MiniLmScorer();
    double engineer = s.score(POSTING, PYTHON_ENGINEER);
    double chef = s.score(POSTING, PASTRY_CHEF);
    assertTrue(engineer > chef + 0.3, "engineer " + engineer + ", chef " + chef);
    // and the other way round: the pastry posting prefers the chef
    assertTrue(s.score(CHEF_POSTING, PASTRY_CHEF) > s.score(CHEF_POSTING, PYTHON_ENGINEER) + 0.3);
    // related phrases beat unrelated ones
    assertTrue(s.score("Apache Kafka event streaming", "RabbitMQ message broker")
        > s.score("Apache Kafka event streaming", "croissant lamination"));
  }

  @Test
  void identicalTextsScoreOneAndTheScoreIsSymmetric() {
    MiniLmScorer s = new MiniLmScorer();
    assertEquals(1.0, s.score(POSTING, POSTING), 1e-6);
    String longOne = longText(700);
    assertTrue(s.chunks(longOne).size() > 1, "several chunks");
    assertEquals(1.0, s.score(longOne, longOne), 1e-6);
    assertEquals(s.score(POSTING, PASTRY_CHEF), s.score(PASTRY_CHEF, POSTING), 1e-12);
  }

  @Test
  void textsWithoutWordsHaveTheZeroVectorAndScoreZero() {
    MiniLmScorer s = new MiniLmScorer();
    for (String empty : List.of("", "   \n\t ", "--- *** ---\n\n• • •")) {
      float[] v = s.embed(empty);
      assertEquals(MiniLmScorer.DIMENSIONS, v.length);
      assertEquals(0.0, norm(v), 0.0, "'" + empty + "'");
      assertEquals(0.0, s.score(empty, POSTING), 0.0);
      assertEquals(0.0, s.score(POSTING, empty), 0.0);
      assertEquals(0.0, s.score(empty, empty), 0.0);
    }
    // punctuation around real words does not empty a text
    assertTrue(norm(s.embed("--- Python ---")) > 0.99);
  }

  @Test
  void deterministicAcrossScorersOrderBatchingAndThreads() throws Exception {
    List<String> texts = List.of(POSTING, PYTHON_ENGINEER, PASTRY_CHEF, CHEF_POSTING, longText(500));
    MiniLmScorer a = new MiniLmScorer();
    MiniLmScorer b = new MiniLmScorer();
    List<float[]> batched = a.embedAll(texts);
    for (int i = texts.size() - 1; i >= 0; i--) {
      assertArrayEquals(batched.get(i), b.embed(texts.get(i)), "text " + i);
    }
    for (String p : texts) {
      for (String c : texts) {
        assertEquals(a.score(p, c), b.score(p, c), 0.0);
      }
    }
    // a third scorer filled from four threads at once
    MiniLmScorer c = new MiniLmScorer();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> futures = texts.stream().map(t -> pool.submit(() -> c.embed(t))).toList();
      for (int i = 0; i < texts.size(); i++) {
        assertArrayEquals(batched.get(i), futures.get(i).get(), "text " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void embedReturnsACopy() {
    MiniLmScorer s = new MiniLmScorer();
    float[] v = s.embed(POSTING);
    java.util.Arrays.fill(v, 0f);
    assertEquals(1.0, s.score(POSTING, POSTING), 1e-6);
    assertEquals(1.0, norm(s.embedAll(List.of(POSTING)).get(0)), 1e-5);
  }

  @Test
  void chunksKeepSentencesWholeWithinTheWordPieceBudget() {
    MiniLmScorer s = new MiniLmScorer(new MiniLmScorer.Options(14)); // 12 pieces besides [CLS] and [SEP]
    // each sentence is 6 pieces (the full stop is one): two fit in a chunk, the third starts the next
    List<MiniLmScorer.Chunk> chunks = s.chunks("the cat sat on mats. the dog ran to us. a bird flew up high.");
    assertEquals(List.of("the cat sat on mats. the dog ran to us.", "a bird flew up high."),
        chunks.stream().map(MiniLmScorer.Chunk::text).toList());
    assertEquals(List.of(12, 6), chunks.stream().map(MiniLmScorer.Chunk::wordPieces).toList());
    // lines split too, and a sentence over the budget is cut between words
    chunks = s.chunks("one two three\nalpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron");
    assertEquals("one two three", chunks.get(0).text());
    assertTrue(chunks.size() >= 3, chunks.toString());
    for (MiniLmScorer.Chunk c : chunks) {
      assertTrue(c.wordPieces() <= 12, c.toString());
    }
    assertEquals(List.of(), s.chunks(" \n . \n"));
    // the default budget keeps every chunk of a long text within the model's 256 word pieces
    for (MiniLmScorer.Chunk c : new MiniLmScorer().chunks(longText(2_000))) {
      assertTrue(c.wordPieces() <= 254 && c.wordPieces() > 100, c.wordPieces() + " pieces");
    }
  }

  @Test
  void rejectsABudgetWithNoRoomForText() {
    assertThrows(IllegalArgumentException.class, () -> new MiniLmScorer.Options(2));
    assertThrows(IllegalArgumentException.class, () -> MiniLmScorer.cosine(new float[2], new float[3]));
  }

  /** About {@code words} words of resume-like prose, in sentences of eight words. */
  private static String longText(int words) {
    String[] vocab = {"designed", "Python", "services", "with", "Kafka", "and", "PostgreSQL", "on", "AWS",
        "mentored", "engineers", "reviewed", "code", "for", "payments", "latency"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(vocab[(i * 7 + i / 16) % vocab.length]).append(i % 8 == 7 ? ". " : " ");
    }
    return sb.toString();
  }

  private static double norm(float[] v) {
    double n = 0;
    for (float x : v) {
      n += (double) x * x;
    }
    return Math.sqrt(n);
  }
}
