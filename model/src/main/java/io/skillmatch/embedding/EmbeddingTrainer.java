package io.skillmatch.embedding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.deeplearning4j.models.embeddings.learning.impl.elements.SkipGram;
import org.deeplearning4j.models.sequencevectors.SequenceVectors;
import org.deeplearning4j.models.sequencevectors.enums.ListenerEvent;
import org.deeplearning4j.models.sequencevectors.interfaces.SequenceIterator;
import org.deeplearning4j.models.sequencevectors.interfaces.VectorsListener;
import org.deeplearning4j.models.sequencevectors.sequence.Sequence;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;

/**
 * Learns skill vectors with Deeplearning4j's Word2Vec (skip-gram, negative sampling) over the bags
 * of a {@link CoOccurrenceCorpus}. A bag's skills have no order, so every pass over the corpus
 * shuffles the bags and the skills within each bag with the trainer's own seeded RNG, and the window
 * covers the longest bag: every pair of skills in a bag can be a (centre, context) pair.
 *
 * <p>Deterministic: one worker thread, a fixed seed for DL4J's weight initialisation and sampling,
 * and a fixed shuffle sequence, so two runs with the same options and corpus give identical
 * vectors. This is the only class of the package that touches DL4J/ND4J; the vectors it returns
 * are plain float arrays for {@link SkillVectors}. Not thread-safe (DL4J's global RNG is seeded).
 */
public final class EmbeddingTrainer {

  /**
   * Hyperparameters.
   *
   * @param dimension vector length
   * @param epochs passes over the corpus
   * @param window context window; 0 covers the longest bag
   * @param negative negative samples per pair
   * @param learningRate starting learning rate (decays linearly to {@code minLearningRate})
   * @param minLearningRate final learning rate
   * @param sampling sub-sampling threshold for frequent skills (0: off)
   * @param minFrequency fewest bags a skill must occur in to get a vector
   * @param centre subtract the mean vector from every learned vector: word2vec spaces share a
   *     common direction (random skill pairs have a cosine around 0.35 without it), and removing it
   *     lets cosine separate related from unrelated skills better
   * @param seed seed of every random choice
   */
  public record Options(
      int dimension,
      int epochs,
      int window,
      int negative,
      double learningRate,
      double minLearningRate,
      double sampling,
      int minFrequency,
      boolean centre,
      long seed) {
    public Options {
      if (dimension < 2 || dimension > 1024) {
        throw new IllegalArgumentException("dimension must be in [2, 1024]: " + dimension);
      }
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be >= 1: " + epochs);
      }
      if (window < 0) {
        throw new IllegalArgumentException("window must be >= 0: " + window);
      }
      if (negative < 1) {
        throw new IllegalArgumentException("negative must be >= 1: " + negative);
      }
      if (!(learningRate > 0) || !(minLearningRate > 0) || minLearningRate > learningRate) {
        throw new IllegalArgumentException(
            "need 0 < minLearningRate <= learningRate: " + minLearningRate + ", " + learningRate);
      }
      if (sampling < 0) {
        throw new IllegalArgumentException("sampling must be >= 0: " + sampling);
      }
      if (minFrequency < 1) {
        throw new IllegalArgumentException("minFrequency must be >= 1: " + minFrequency);
      }
    }

    /** The defaults the shipped vectors were trained with. */
    public static Options defaults() {
      return new Options(64, 10, 0, 5, 0.025, 1e-4, 1e-3, 2, true, 42L);
    }

    public Options withSeed(long s) {
      return new Options(dimension, epochs, window, negative, learningRate, minLearningRate, sampling, minFrequency, centre, s);
    }

    public Options withDimension(int d) {
      return new Options(d, epochs, window, negative, learningRate, minLearningRate, sampling, minFrequency, centre, seed);
    }

    public Options withEpochs(int e) {
      return new Options(dimension, e, window, negative, learningRate, minLearningRate, sampling, minFrequency, centre, seed);
    }
  }

  /**
   * What training produced: the learned vectors (by skill id, sorted; centred if the options say
   * so, not normalised), the window used and how long DL4J took.
   */
  public record Result(Map<String, float[]> vectors, int window, long trainMillis) {}

  private final Options options;

  public EmbeddingTrainer(Options options) {
    this.options = options;
  }

  /** Trains on the corpus; progress lines (one per epoch) go to {@code progress}. */
  public Result train(CoOccurrenceCorpus corpus, Consumer<String> progress) {
    List<List<String>> bags = new ArrayList<>();
    int longest = 0;
    for (CoOccurrenceCorpus.Sentence s : corpus.sentences()) {
      bags.add(s.skillIds());
      longest = Math.max(longest, s.skillIds().size());
    }
    if (bags.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no bags of two or more skills");
    }
    int window = options.window() > 0 ? options.window() : longest;
    long start = System.nanoTime();
    Word2Vec w2v =
        new Word2Vec.Builder()
            .iterate(new ShuffledBags(bags, options.seed()))
            .elementsLearningAlgorithm(new SkipGram<>())
            .layerSize(options.dimension())
            .windowSize(window)
            .epochs(options.epochs())
            .iterations(1)
            .negativeSample(options.negative())
            .useHierarchicSoftmax(false)
            .learningRate(options.learningRate())
            .minLearningRate(options.minLearningRate())
            .sampling(options.sampling())
            .minWordFrequency(options.minFrequency())
            .stopWords(List.<String>of())
            .seed(options.seed())
            .workers(1)
            .allowParallelTokenization(false)
            .enableScavenger(false)
            .useUnknown(false)
            .setVectorsListeners(List.of(new EpochListener(options.epochs(), progress)))
            .build();
    w2v.fit();
    long millis = (System.nanoTime() - start) / 1_000_000;
    Map<String, float[]> vectors = new TreeMap<>();
    Collection<String> words = w2v.vocab().words();
    for (String id : words) {
      double[] v = w2v.getWordVector(id);
      float[] f = new float[v.length];
      for (int i = 0; i < v.length; i++) {
        f[i] = (float) v[i];
      }
      vectors.put(id, f);
    }
    if (options.centre()) {
      centre(vectors);
    }
    return new Result(vectors, window, millis);
  }

  /** Subtracts the mean vector from every vector, in place. */
  static void centre(Map<String, float[]> vectors) {
    if (vectors.isEmpty()) {
      return;
    }
    int d = vectors.values().iterator().next().length;
    double[] mean = new double[d];
    for (float[] v : vectors.values()) {
      for (int k = 0; k < d; k++) {
        mean[k] += v[k];
      }
    }
    for (float[] v : vectors.values()) {
      for (int k = 0; k < d; k++) {
        v[k] -= (float) (mean[k] / vectors.size());
      }
    }
  }

  /**
   * The bags as DL4J sequences; each {@link #reset} (one per pass, vocabulary building included)
   * reshuffles the bag order and the order within each bag from one seeded RNG.
   */
  private static final class ShuffledBags implements SequenceIterator<VocabWord> {
    private final List<List<String>> bags;
    private final SplittableRandom random;
    private final int[] order;
    private final String[] buffer;
    private int next;

    ShuffledBags(List<List<String>> bags, long seed) {
      this.bags = bags;
      this.random = new SplittableRandom(seed);
      this.order = new int[bags.size()];
      int longest = 0;
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
        longest = Math.max(longest, bags.get(i).size());
      }
      this.buffer = new String[longest];
      shuffle();
    }

    @Override
    public boolean hasMoreSequences() {
      return next < order.length;
    }

    @Override
    public Sequence<VocabWord> nextSequence() {
      List<String> bag = bags.get(order[next++]);
      int n = bag.size();
      bag.toArray(buffer);
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        String t = buffer[i];
        buffer[i] = buffer[j];
        buffer[j] = t;
      }
      Sequence<VocabWord> seq = new Sequence<>();
      for (int i = 0; i < n; i++) {
        seq.addElement(new VocabWord(1.0, buffer[i]));
      }
      return seq;
    }

    @Override
    public void reset() {
      shuffle();
    }

    private void shuffle() {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      next = 0;
    }
  }

  /** Reports the end of each epoch. */
  private static final class EpochListener implements VectorsListener<VocabWord> {
    private final int epochs;
    private final Consumer<String> progress;
    private final long start = System.nanoTime();

    EpochListener(int epochs, Consumer<String> progress) {
      this.epochs = epochs;
      this.progress = progress;
    }

    @Override
    public boolean validateEvent(ListenerEvent event, long argument) {
      return event == ListenerEvent.EPOCH;
    }

    @Override
    public void processEvent(ListenerEvent event, SequenceVectors<VocabWord> vectors, long argument) {
      progress.accept(String.format("word2vec: epoch %d/%d done (%.1f s)", argument, epochs,
          (System.nanoTime() - start) / 1e9));
    }
  }
}
