package io.skillmatch.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic regression from a raw model score to the expected judged grade (0-3), fitted by pool
 * adjacent violators on held-out predictions and read by linear interpolation between the pooled
 * blocks. Monotone, so it never reorders a ranking. Immutable.
 *
 * @param raw block centres, increasing
 * @param grade expected grade of each block, non-decreasing
 */
public record Calibration(double[] raw, double[] grade) {

  public Calibration {
    if (raw.length == 0 || raw.length != grade.length) {
      throw new IllegalArgumentException("calibration needs matching, non-empty arrays");
    }
  }

  /** Fits pool-adjacent-violators to (raw score, grade) pairs. */
  public static Calibration fit(double[] scores, double[] grades) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    List<double[]> blocks = new ArrayList<>(); // sum raw, sum grade, count
    for (int k = 0; k < order.length; ) {
      // equal scores are one point: their mean grade, weighted by how many there are
      double score = scores[order[k]];
      double[] point = {0, 0, 0};
      while (k < order.length && scores[order[k]] == score) {
        point[0] += score;
        point[1] += grades[order[k]];
        point[2]++;
        k++;
      }
      blocks.add(point);
      while (blocks.size() > 1) {
        double[] b = blocks.get(blocks.size() - 1);
        double[] a = blocks.get(blocks.size() - 2);
        if (a[1] / a[2] < b[1] / b[2]) {
          break;
        }
        a[0] += b[0];
        a[1] += b[1];
        a[2] += b[2];
        blocks.remove(blocks.size() - 1);
      }
    }
    double[] raw = new double[blocks.size()];
    double[] grade = new double[blocks.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = blocks.get(i)[0] / blocks.get(i)[2];
      grade[i] = blocks.get(i)[1] / blocks.get(i)[2];
    }
    return new Calibration(raw, grade);
  }

  /** The expected grade, 0-3, of a raw score. */
  public double grade(double score) {
    if (score <= raw[0]) {
      return grade[0];
    }
    int n = raw.length;
    if (score >= raw[n - 1]) {
      return grade[n - 1];
    }
    int i = Arrays.binarySearch(raw, score);
    if (i >= 0) {
      return grade[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double t = (score - raw[lo]) / (raw[hi] - raw[lo]);
    return grade[lo] + t * (grade[hi] - grade[lo]);
  }

  /** The score shown to people: the expected grade on 0-100 (100 is a sure strong fit). */
  public double score(double raw) {
    return 100 * grade(raw) / 3;
  }
}
