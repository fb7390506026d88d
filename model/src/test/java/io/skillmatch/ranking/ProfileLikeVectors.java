package io.skillmatch.ranking;

import io.skillmatch.embedding.SkillVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test vectors for nearest-neighbour search, shaped like the profiles the service indexes. */
public final class ProfileLikeVectors {
  private ProfileLikeVectors() {}

  /** Profile-like vectors: weighted means of a few real skill vectors, as EmbeddingSpace makes them. */
  public static List<float[]> of(int n, long seed) {
    SkillVectors skills = SkillVectors.bundled();
    List<String> ids = skills.skillIds();
    SplittableRandom r = new SplittableRandom(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] sum = new double[skills.dimension()];
      int count = 3 + r.nextInt(12);
      for (int k = 0; k < count; k++) {
        float[] v = skills.vector(ids.get(r.nextInt(ids.size())));
        double w = 0.5 + r.nextDouble();
        for (int d = 0; d < sum.length; d++) {
          sum[d] += w * v[d];
        }
      }
      double norm = 0;
      for (double v : sum) {
        norm += v * v;
      }
      float[] unit = new float[sum.length];
      for (int d = 0; d < sum.length; d++) {
        unit[d] = (float) (sum[d] / Math.sqrt(norm));
      }
      out.add(unit);
    }
    return out;
  }
}
