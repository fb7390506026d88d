package io.skillmatch.ranking;

import io.skillmatch.parsing.ParsedPosting;
import io.skillmatch.parsing.ParsedProfile;

/**
 * Vectors for whole postings and profiles, built from their parsed skills, so that either side can
 * retrieve the other by cosine.
 */
public interface SkillSpace {

  /** No vectors: every cosine is 0. */
  SkillSpace NONE = new SkillSpace() {
    @Override
    public float[] posting(ParsedPosting posting) {
      return new float[0];
    }

    @Override
    public float[] profile(ParsedProfile profile) {
      return new float[0];
    }
  };

  /** The unit-length vector of a posting (empty when it names no known skill). */
  float[] posting(ParsedPosting posting);

  /** The unit-length vector of a profile (empty when it names no known skill). */
  float[] profile(ParsedProfile profile);

  /** Cosine of two unit vectors; 0 when either is empty. */
  static double cosine(float[] a, float[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
