package io.skillmatch.embedding;

import io.skillmatch.taxonomy.Skill;
import io.skillmatch.taxonomy.Taxonomy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Vectors for skills the co-occurrence data never names (LangGraph, LlamaIndex: the data predate
 * them), derived from the taxonomy instead of placed by hand. A skill without a learned vector
 * gets the mean of its neighbours' vectors, where neighbours are its broader and related skills
 * and the skills that name it as broader or related. Where neighbours have no learned vector
 * either, the means are solved jointly (the harmonic extension of the learned vectors over the
 * taxonomy graph, by Gauss-Seidel sweeps in id order): for a skill whose neighbours are all
 * learned this is exactly their mean. Skills with no path to a learned vector get none.
 *
 * <p>Stateless and deterministic.
 */
public final class TaxonomyFallback {

  private static final int MAX_SWEEPS = 500;
  private static final double TOLERANCE = 1e-7;

  private TaxonomyFallback() {}

  /** The derived vectors (unit length, sorted by id) of the taxonomy skills missing from {@code learned}. */
  public static Map<String, float[]> derive(Taxonomy taxonomy, Map<String, float[]> learned) {
    if (learned.isEmpty()) {
      return Map.of();
    }
    int d = learned.values().iterator().next().length;
    Map<String, TreeSet<String>> adj = new HashMap<>();
    for (Skill s : taxonomy.skills()) {
      adj.computeIfAbsent(s.id(), k -> new TreeSet<>());
      for (List<String> links : List.of(s.broader(), s.related())) {
        for (String o : links) {
          if (!o.equals(s.id())) {
            adj.get(s.id()).add(o);
            adj.computeIfAbsent(o, k -> new TreeSet<>()).add(s.id());
          }
        }
      }
    }
    // unknown skills that reach a learned vector through unknown skills
    TreeSet<String> reachable = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String id : new TreeSet<>(adj.keySet())) {
      if (learned.containsKey(id)) {
        for (String n : adj.get(id)) {
          if (!learned.containsKey(n) && reachable.add(n)) {
            todo.add(n);
          }
        }
      }
    }
    while (!todo.isEmpty()) {
      for (String n : adj.get(todo.poll())) {
        if (!learned.containsKey(n) && reachable.add(n)) {
          todo.add(n);
        }
      }
    }
    List<String> unknown = new ArrayList<>(reachable);
    Map<String, Integer> row = new HashMap<>();
    for (int i = 0; i < unknown.size(); i++) {
      row.put(unknown.get(i), i);
    }
    Map<String, double[]> unit = new HashMap<>();
    learned.forEach((id, v) -> unit.put(id, normalised(v)));
    double[][] x = new double[unknown.size()][d];
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double change = 0;
      for (int i = 0; i < unknown.size(); i++) {
        double[] mean = new double[d];
        int count = 0;
        for (String n : adj.get(unknown.get(i))) {
          double[] v = unit.get(n);
          if (v == null) {
            Integer r = row.get(n);
            if (r == null) {
              continue;
            }
            v = x[r];
          }
          for (int k = 0; k < d; k++) {
            mean[k] += v[k];
          }
          count++;
        }
        for (int k = 0; k < d; k++) {
          mean[k] /= count;
          change = Math.max(change, Math.abs(mean[k] - x[i][k]));
        }
        x[i] = mean;
      }
      if (change < TOLERANCE) {
        break;
      }
    }
    Map<String, float[]> out = new TreeMap<>();
    for (int i = 0; i < unknown.size(); i++) {
      double norm = 0;
      for (double c : x[i]) {
        norm += c * c;
      }
      if (norm < 1e-12) {
        continue; // neighbours that cancel out: no direction to give
      }
      float[] f = new float[d];
      double inv = 1 / Math.sqrt(norm);
      for (int k = 0; k < d; k++) {
        f[k] = (float) (x[i][k] * inv);
      }
      out.put(unknown.get(i), f);
    }
    return out;
  }

  private static double[] normalised(float[] v) {
    double n = 0;
    for (float c : v) {
      n += (double) c * c;
    }
    double inv = n > 0 ? 1 / Math.sqrt(n) : 0;
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k] * inv;
    }
    return out;
  }
}
