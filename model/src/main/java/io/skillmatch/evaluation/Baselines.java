package io.skillmatch.evaluation;

import io.skillmatch.parsing.Requirement;
import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.taxonomy.Taxonomy;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keyword baselines the ranking model must beat. */
public final class Baselines {
  private Baselines() {}

  /**
   * TF-IDF cosine over lower-cased word tokens, with inverse document frequencies from the given
   * corpus (all postings and candidates of the set).
   */
  public static PairScorer tfIdfCosine(Collection<String> corpus) {
    Map<String, Integer> df = new HashMap<>();
    for (String doc : corpus) {
      for (String t : new HashSet<>(tokens(doc))) {
        df.merge(t, 1, Integer::sum);
      }
    }
    int n = corpus.size();
    Map<String, Map<String, Double>> cache = new ConcurrentHashMap<>();
    return (posting, candidate) -> {
      Map<String, Double> a = cache.computeIfAbsent(posting, d -> tfIdf(d, df, n));
      Map<String, Double> b = cache.computeIfAbsent(candidate, d -> tfIdf(d, df, n));
      double dot = 0;
      for (Map.Entry<String, Double> e : a.entrySet()) {
        Double w = b.get(e.getKey());
        if (w != null) {
          dot += e.getValue() * w;
        }
      }
      return dot; // both vectors are unit length
    };
  }

  /** Jaccard overlap of the skill ids the parsers read from the posting and the candidate. */
  public static PairScorer skillJaccard(Taxonomy taxonomy, Clock clock) {
    ParsedTexts parsed = new ParsedTexts(taxonomy, clock);
    return (posting, candidate) -> {
      Set<String> a = new HashSet<>(parsed.posting(posting).requirements().stream().map(Requirement::skillId).toList());
      Set<String> b = new HashSet<>(parsed.profile(candidate).skills().stream().map(ProfileSkill::skillId).toList());
      if (a.isEmpty() && b.isEmpty()) {
        return 0;
      }
      Set<String> inter = new HashSet<>(a);
      inter.retainAll(b);
      Set<String> union = new HashSet<>(a);
      union.addAll(b);
      return (double) inter.size() / union.size();
    };
  }

  static List<String> tokens(String text) {
    return List.of(text.toLowerCase(Locale.ROOT).split("[^a-z0-9+#]+")).stream().filter(t -> t.length() > 1).toList();
  }

  private static Map<String, Double> tfIdf(String doc, Map<String, Integer> df, int n) {
    Map<String, Double> tf = new HashMap<>();
    for (String t : tokens(doc)) {
      tf.merge(t, 1.0, Double::sum);
    }
    double norm = 0;
    for (Map.Entry<String, Double> e : tf.entrySet()) {
      double w = (1 + Math.log(e.getValue())) * Math.log((1.0 + n) / (1 + df.getOrDefault(e.getKey(), 0)) + 1);
      e.setValue(w);
      norm += w * w;
    }
    double len = Math.sqrt(norm);
    if (len > 0) {
      tf.replaceAll((k, v) -> v / len);
    }
    return tf;
  }
}
