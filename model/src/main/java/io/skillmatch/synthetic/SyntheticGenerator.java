package io.skillmatch.synthetic;

import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A seeded generator of realistic job postings and resumes, for load tests and for checking the
 * parsers at scale.
 *
 * <p>Each document is drawn from a role archetype ({@link Archetypes}): its core skills, a choice
 * among its alternatives, companions weighted by closeness to the core in the learned skill
 * vectors, and skills beyond the archetype's lists that the vectors place near its core (skills
 * that occur together in real postings). Spelling varies with the taxonomy's aliases ("Golang",
 * "k8s", "Postgres"); phrasing, section headings and layouts vary with templates.
 *
 * <p>Document {@code i} of a kind depends only on the seed and {@code i}: it has its own random
 * generator, seeded from both, so a stream of any length holds the same documents in the same
 * order, memory stays constant, and documents can be made in any order or in parallel. The same
 * seed gives byte-identical text. Nothing reads the clock: "Present" means {@link Options#today}.
 *
 * <p>Thread-safe once built.
 */
public final class SyntheticGenerator {

  /**
   * Options.
   *
   * @param seed the seed every document's random generator is derived from
   * @param today the day "Present" in a resume means; fixed by default so that output does not
   *     depend on the day it is made
   */
  public record Options(long seed, LocalDate today) {
    /** The default day "Present" means. */
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 1);

    public Options {
      Objects.requireNonNull(today, "today");
      if (today.getYear() < 2000 || today.getYear() > 2100) {
        throw new IllegalArgumentException("today out of range: " + today);
      }
    }

    /** Seed 42, today {@link #DEFAULT_TODAY}. */
    public static Options defaults() {
      return new Options(42, DEFAULT_TODAY);
    }

    public Options withSeed(long seed) {
      return new Options(seed, today);
    }

    public Options withToday(LocalDate today) {
      return new Options(seed, today);
    }
  }

  private static final long POSTINGS = 0x504F5354L; // "POST"
  private static final long PROFILES = 0x50524F46L; // "PROF"

  private final Options options;
  private final List<Archetype> archetypes;
  private final double[] cumulative;
  private final SkillBank bank;

  /** A generator over the bundled archetypes. */
  public SyntheticGenerator(Taxonomy taxonomy, SkillVectors vectors, Options options) {
    this(taxonomy, vectors, Archetypes.bundled(), options);
  }

  /**
   * A generator over the given archetypes; every skill id they name must be in the taxonomy and
   * have a spelling the taxonomy resolves to it ({@link IllegalArgumentException} otherwise).
   */
  public SyntheticGenerator(Taxonomy taxonomy, SkillVectors vectors, List<Archetype> archetypes, Options options) {
    this.options = Objects.requireNonNull(options, "options");
    if (archetypes.isEmpty()) {
      throw new IllegalArgumentException("no archetypes");
    }
    this.archetypes = List.copyOf(archetypes);
    this.cumulative = new double[archetypes.size()];
    double total = 0;
    for (int i = 0; i < archetypes.size(); i++) {
      total += archetypes.get(i).weight();
      cumulative[i] = total;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
    this.bank = new SkillBank(taxonomy, vectors, this.archetypes);
  }

  public Options options() {
    return options;
  }

  /** The archetypes documents are drawn from. */
  public List<Archetype> archetypes() {
    return archetypes;
  }

  /** Posting number {@code index} (0-based) of this seed. */
  public SyntheticPosting posting(long index) {
    SplittableRandom rng = random(POSTINGS, index);
    return new PostingComposer(bank, rng, archetype(rng)).compose(index);
  }

  /** Resume number {@code index} (0-based) of this seed. */
  public SyntheticProfile profile(long index) {
    SplittableRandom rng = random(PROFILES, index);
    return new ProfileComposer(bank, rng, archetype(rng), options.today()).compose(index);
  }

  /** Postings 0 to count - 1, made one at a time as the stream is read. */
  public Stream<SyntheticPosting> postings(long count) {
    return LongStream.range(0, checkCount(count)).mapToObj(this::posting);
  }

  /** Resumes 0 to count - 1, made one at a time as the stream is read. */
  public Stream<SyntheticProfile> profiles(long count) {
    return LongStream.range(0, checkCount(count)).mapToObj(this::profile);
  }

  private static long checkCount(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0: " + count);
    }
    return count;
  }

  private Archetype archetype(SplittableRandom rng) {
    double u = rng.nextDouble();
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (u < cumulative[i]) {
        return archetypes.get(i);
      }
    }
    return archetypes.getLast();
  }

  /** A document's own generator: SplitMix64's finaliser over the seed, the kind and the index. */
  private SplittableRandom random(long kind, long index) {
    return new SplittableRandom(mix(mix(options.seed() ^ mix(kind)) + index * 0x9E3779B97F4A7C15L));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
