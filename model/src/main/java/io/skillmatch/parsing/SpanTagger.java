package io.skillmatch.parsing;

import io.skillmatch.taxonomy.Category;
import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A BIO span tagger (averaged perceptron, greedy left-to-right decoding) over tokenised sentences,
 * trained on annotated spans such as SkillSpan's. Its features are the words around a token, their
 * shapes and affixes, and the skill dictionary: whether the {@link SkillMatcher} found a skill at
 * the token and of what category. It learns an annotation scheme the dictionary alone cannot: which
 * mentions annotators count, and free-text phrases the taxonomy does not hold.
 *
 * <p>Immutable once trained; {@link #tag} is thread-safe.
 */
public final class SpanTagger {

  /** Training options; the seed makes training deterministic. */
  public record Options(int epochs, long seed) {
    public Options {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be >= 1: " + epochs);
      }
    }

    public static Options defaults() {
      return new Options(8, 42L);
    }
  }

  /** One training sentence: tokens and their BIO tags ("B", "I", "O"). */
  public record Sentence(List<String> tokens, List<String> tags) {
    public Sentence {
      tokens = List.copyOf(tokens);
      tags = List.copyOf(tags);
      if (tokens.size() != tags.size()) {
        throw new IllegalArgumentException("tokens and tags differ in length");
      }
    }
  }

  private static final String[] TAGS = {"O", "B", "I"};

  private final SkillMatcher matcher;
  private final Taxonomy taxonomy;
  private final Map<String, float[]> weights;

  private SpanTagger(Taxonomy taxonomy, Map<String, float[]> weights) {
    this.taxonomy = taxonomy;
    this.matcher = new SkillMatcher(taxonomy);
    this.weights = weights;
  }

  /** Trains a tagger on annotated sentences. */
  public static SpanTagger train(Taxonomy taxonomy, List<Sentence> sentences, Options options) {
    SpanTagger shell = new SpanTagger(taxonomy, new HashMap<>());
    Map<String, float[]> w = new HashMap<>();
    Map<String, float[]> totals = new HashMap<>(); // for averaging: sum of weights over steps
    Map<String, int[]> stamps = new HashMap<>();
    List<List<List<String>>> features = new ArrayList<>();
    for (Sentence s : sentences) {
      features.add(shell.tokenFeatures(s.tokens()));
    }
    int[] order = new int[sentences.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(options.seed());
    int step = 0;
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int idx : order) {
        Sentence s = sentences.get(idx);
        List<List<String>> feats = features.get(idx);
        String prev = "O";
        for (int k = 0; k < s.tokens().size(); k++) {
          step++;
          List<String> f = withPrevious(feats.get(k), prev);
          int guess = best(w, f, prev);
          int gold = tagIndex(s.tags().get(k));
          if (guess != gold) {
            for (String name : f) {
              update(w, totals, stamps, name, gold, 1f, step);
              update(w, totals, stamps, name, guess, -1f, step);
            }
          }
          prev = TAGS[gold]; // teacher forcing: the previous gold tag
        }
      }
    }
    // average: each weight's running total up to the last step, divided by the steps
    Map<String, float[]> averaged = new HashMap<>();
    int last = step;
    w.forEach((name, vec) -> {
      float[] total = totals.get(name);
      int[] stamp = stamps.get(name);
      float[] avg = new float[3];
      for (int c = 0; c < 3; c++) {
        float sum = total[c] + vec[c] * (last - stamp[c]);
        avg[c] = sum / last;
      }
      averaged.put(name, avg);
    });
    return new SpanTagger(taxonomy, averaged);
  }

  /** The BIO tags of a tokenised sentence. */
  public List<String> tag(List<String> tokens) {
    List<List<String>> feats = tokenFeatures(tokens);
    List<String> out = new ArrayList<>(tokens.size());
    String prev = "O";
    for (List<String> f : feats) {
      int t = best(weights, withPrevious(f, prev), prev);
      prev = TAGS[t];
      out.add(prev);
    }
    return out;
  }

  private static int best(Map<String, float[]> w, List<String> feats, String prev) {
    float[] score = new float[3];
    for (String f : feats) {
      float[] v = w.get(f);
      if (v != null) {
        for (int c = 0; c < 3; c++) {
          score[c] += v[c];
        }
      }
    }
    if ("O".equals(prev)) {
      score[2] = Float.NEGATIVE_INFINITY; // I never follows O
    }
    int bestTag = 0;
    for (int c = 1; c < 3; c++) {
      if (score[c] > score[bestTag]) {
        bestTag = c;
      }
    }
    return bestTag;
  }

  private static void update(
      Map<String, float[]> w, Map<String, float[]> totals, Map<String, int[]> stamps,
      String name, int tag, float delta, int step) {
    float[] vec = w.computeIfAbsent(name, k -> new float[3]);
    float[] total = totals.computeIfAbsent(name, k -> new float[3]);
    int[] stamp = stamps.computeIfAbsent(name, k -> new int[3]);
    total[tag] += vec[tag] * (step - stamp[tag]);
    stamp[tag] = step;
    vec[tag] += delta;
  }

  private static int tagIndex(String tag) {
    return switch (tag) {
      case "B" -> 1;
      case "I" -> 2;
      default -> 0;
    };
  }

  private static List<String> withPrevious(List<String> feats, String prev) {
    List<String> f = new ArrayList<>(feats.size() + 2);
    f.addAll(feats);
    f.add("prev=" + prev);
    f.add("prev+w=" + prev + "|" + feats.get(1));
    return f;
  }

  /** Features of each token; the first is the bias, the second the lower-cased word. */
  List<List<String>> tokenFeatures(List<String> tokens) {
    int n = tokens.size();
    String[] dict = new String[n]; // "B-category" / "I-category" where the dictionary found a skill
    for (TokenMentions.Covered c : TokenMentions.find(matcher, tokens)) {
      Mention m = c.mention();
      String category = taxonomy.skill(m.skillId()).map(Skill::category).map(Category::wireName).orElse("?");
      for (int i = c.first(); i <= c.last(); i++) {
        dict[i] = (i == c.first() ? "B-" : "I-") + category + (m.contextual() ? "-ctx" : "");
      }
    }
    List<List<String>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String w = tokens.get(i);
      String lw = w.toLowerCase(Locale.ROOT);
      List<String> f = new ArrayList<>(24);
      f.add("bias");
      f.add("w=" + lw);
      f.add("shape=" + shape(w));
      f.add("pre3=" + prefix(lw, 3));
      f.add("suf3=" + suffix(lw, 3));
      f.add("suf2=" + suffix(lw, 2));
      f.add("dict=" + (dict[i] == null ? "-" : dict[i]));
      f.add("dict+w=" + (dict[i] == null ? "-" : dict[i].substring(0, 1)) + "|" + lw);
      for (int d = -2; d <= 2; d++) {
        if (d == 0) {
          continue;
        }
        int j = i + d;
        String lj = j < 0 ? "<s>" : j >= n ? "</s>" : tokens.get(j).toLowerCase(Locale.ROOT);
        f.add("w" + d + "=" + lj);
        if (Math.abs(d) == 1) {
          f.add("dict" + d + "=" + (j < 0 || j >= n || dict[j] == null ? "-" : dict[j].substring(0, 1)));
          f.add("shape" + d + "=" + (j < 0 || j >= n ? "-" : shape(tokens.get(j))));
        }
      }
      f.add("w-1|w=" + (i > 0 ? tokens.get(i - 1).toLowerCase(Locale.ROOT) : "<s>") + "|" + lw);
      f.add("w|w+1=" + lw + "|" + (i + 1 < n ? tokens.get(i + 1).toLowerCase(Locale.ROOT) : "</s>"));
      out.add(f);
    }
    return out;
  }

  private static String prefix(String s, int k) {
    return s.length() <= k ? s : s.substring(0, k);
  }

  private static String suffix(String s, int k) {
    return s.length() <= k ? s : s.substring(s.length() - k);
  }

  /** "Xx", "XX", "x", "d", "X.x" ...: character classes with runs collapsed. */
  static String shape(String w) {
    StringBuilder sb = new StringBuilder();
    char last = 0;
    for (int i = 0; i < w.length() && sb.length() < 6; i++) {
      char c = w.charAt(i);
      char k = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
      if (k != last) {
        sb.append(k);
        last = k;
      }
    }
    return sb.toString();
  }
}
