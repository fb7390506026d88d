package io.skillmatch.ranking;

import io.skillmatch.embedding.SkillVectors;
import io.skillmatch.parsing.Importance;
import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;
import io.skillmatch.parsing.ProfileSkill;
import io.skillmatch.parsing.Requirement;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Skill similarity and whole-text vectors from the learned skill embeddings. Similarity is read
 * only between learned vectors: a derived vector (a skill the data never name, placed at the mean of
 * its taxonomy neighbours) would be near-identical to those neighbours and give them full credit. A posting's vector
 * is the weighted mean of its requirements' vectors (must-haves over nice-to-haves, more for years
 * asked); a profile's, of its skills' (more for years of use, less for old or "familiar with"
 * use). Soft skills and domains weigh less than technologies in both, being common everywhere.
 * Thread-safe; the neighbour cache is bounded by the number of skills.
 */
public final class EmbeddingSpace implements SkillSpace, SkillSimilarity {

  /** Skills this close or closer count as similar. */
  static final double MIN_SIMILARITY = 0.5;
  static final int NEIGHBOURS = 40;

  private final SkillVectors vectors;
  private final int currentYear;
  private final Map<String, Map<String, Double>> near = new ConcurrentHashMap<>();
  // each skill's vector with its category's weight, found with one lookup: a document's vector is
  // made for every document on start
  private final Map<String, Weighted> weighted;

  private record Weighted(float[] vector, double category) {}

  public EmbeddingSpace(SkillVectors vectors, Taxonomy taxonomy, int currentYear) {
    this.vectors = vectors;
    this.currentYear = currentYear;
    Map<String, Weighted> byId = new java.util.HashMap<>();
    for (String id : vectors.skillIds()) {
      byId.put(id, new Weighted(vectors.vector(id), categoryWeight(taxonomy, id)));
    }
    this.weighted = Map.copyOf(byId);
  }

  @Override
  public Map<String, Double> near(String skillId) {
    return near.computeIfAbsent(skillId, id -> {
      Map<String, Double> out = new LinkedHashMap<>();
      if (vectors.isDerived(id)) {
        return Map.of(); // placed by the taxonomy, not by data: its links already say what is related
      }
      for (SkillVectors.Neighbour n : vectors.nearest(id, NEIGHBOURS)) {
        if (n.cosine() >= MIN_SIMILARITY && !vectors.isDerived(n.skillId())) {
          out.put(n.skillId(), n.cosine());
        }
      }
      return Map.copyOf(out);
    });
  }

  @Override
  public float[] posting(ParsedPosting posting) {
    double[] sum = new double[vectors.dimension()];
    boolean any = false;
    for (Requirement r : posting.requirements()) {
      Weighted k = r.skillId() == null ? null : weighted.get(r.skillId());
      if (k != null) {
        double w = (r.importance() == Importance.REQUIRED ? 1 : 0.5)
            * (r.minYears() == null ? 1 : 1 + 0.1 * Math.min(10, r.minYears())) * k.category();
        add(sum, k.vector(), w);
        any = true;
      }
    }
    return any ? unit(sum) : new float[0];
  }

  @Override
  public float[] profile(ParsedProfile profile) {
    double[] sum = new double[vectors.dimension()];
    boolean any = false;
    for (ProfileSkill s : profile.skills()) {
      Weighted k = s.skillId() == null ? null : weighted.get(s.skillId());
      if (k == null) {
        continue;
      }
      double years = s.years() == null ? 1 : 1 + Math.log1p(s.years()) / 2;
      double recency = s.lastUsedYear() == null ? 0.8
          : Math.max(0.3, Math.pow(0.9, Math.max(0, currentYear - 2 - s.lastUsedYear())));
      double w = (s.weak() ? 0.5 : 1) * years * recency * k.category();
      add(sum, k.vector(), w);
      any = true;
    }
    return any ? unit(sum) : new float[0];
  }

  private static double categoryWeight(Taxonomy taxonomy, String skillId) {
    return taxonomy.skill(skillId).map(k -> k.category().isTechnical() ? 1.0 : 0.3).orElse(0.3);
  }

  private static void add(double[] sum, float[] v, double weight) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += weight * v[i];
    }
  }

  private static float[] unit(double[] sum) {
    double norm = 0;
    for (double v : sum) {
      norm += v * v;
    }
    float[] out = new float[sum.length];
    if (norm == 0) {
      return new float[0];
    }
    double len = Math.sqrt(norm);
    for (int i = 0; i < sum.length; i++) {
      out[i] = (float) (sum[i] / len);
    }
    return out;
  }
}
