package io.skillmatch.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillmatch.evaluation.JudgedSet.Judgment;
import io.skillmatch.evaluation.JudgedSet.Split;
import io.skillmatch.evaluation.RankingMetrics.Scored;
import io.skillmatch.ranking.RankingModel;
import io.skillmatch.ranking.TreeEnsemble;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The evaluation as a folder a browser opens without a network: {@code index.html} with the
 * metric tables and the model's provenance, and PNG charts beside it (XChart). The chart builders
 * are public so that the notebooks draw the same pictures. Stateless, thread-safe.
 */
public final class EvaluationReport {

  /** The charts a report writes, by file name. */
  public static final List<String> IMAGES = List.of(
      "metrics.png", "calibration.png", "score-by-grade.png", "importance-splits.png", "importance-permutation.png");

  private static final int WIDTH = 880;
  private static final int HEIGHT = 460;
  private static final Color MODEL_COLOUR = new Color(0x1f, 0x5f, 0xa8);
  private static final Color[] BASELINE_COLOURS = {
    new Color(0xe0, 0x8e, 0x3c), new Color(0x6a, 0xa8, 0x4f), new Color(0xb5, 0x5d, 0x9a),
    new Color(0x8c, 0x8c, 0x8c), new Color(0xc9, 0x4c, 0x4c), new Color(0x4c, 0xa9, 0xb5), new Color(0x9a, 0x7b, 0x4f)
  };
  private static final Color[] GRADE_COLOURS = {
    new Color(0xc9, 0x4c, 0x4c), new Color(0xe0, 0x8e, 0x3c), new Color(0x6a, 0xa8, 0x4f), new Color(0x1f, 0x5f, 0xa8)
  };

  /**
   * One judged pair as the model scored it.
   *
   * @param posting posting id
   * @param candidate candidate id
   * @param grade the judged grade, 0-3
   * @param score the model's calibrated score, 0-100
   * @param features the features the model read, in {@link io.skillmatch.ranking.FitFeatures#NAMES}
   *     order, or null when not kept (then no permutation importance is measured)
   */
  public record ScoredPair(String posting, String candidate, int grade, double score, double[] features) {
    public ScoredPair {
      if (grade < 0 || grade > 3) {
        throw new IllegalArgumentException("grade must be 0-3: " + grade);
      }
    }
  }

  /**
   * One band of scores for the calibration curve.
   *
   * @param from lowest score of the band (inclusive)
   * @param to highest score of the band (exclusive, but 100 belongs to the last band)
   * @param pairs pairs in the band
   * @param meanExpectedGrade mean of score * 3 / 100 over the band
   * @param meanJudgedGrade mean judged grade over the band
   */
  public record Band(int from, int to, int pairs, double meanExpectedGrade, double meanJudgedGrade) {}

  /**
   * What a report shows.
   *
   * @param evaluatedOn which postings, in words ("test split (seed 42)")
   * @param judgedPairs judged pairs in the whole set
   * @param model the model evaluated; its trees (split counts), calibration and provenance are shown
   * @param results every scorer's metrics, the model first
   * @param pairs the model's scores on the judged pairs evaluated
   * @param retrieval first-stage recall results, possibly empty
   * @param command the command that regenerates the report
   */
  public record Data(String evaluatedOn, int judgedPairs, RankingModel model, List<RankingEvaluation.Result> results,
      List<ScoredPair> pairs, List<RetrievalEvaluation.Result> retrieval, String command) {
    public Data {
      if (results.isEmpty() || pairs.isEmpty()) {
        throw new IllegalArgumentException("a report needs results and scored pairs");
      }
      results = List.copyOf(results);
      pairs = List.copyOf(pairs);
      retrieval = List.copyOf(retrieval);
    }
  }

  /** What {@link #write} wrote. */
  public record Written(Path index, List<Path> images) {}

  private EvaluationReport() {}

  /**
   * The model's scores of the judged pairs of the given splits (all when {@code splits} is empty),
   * with their features; postings with fewer than two judged candidates are left out, as
   * {@link RankingEvaluation} leaves them out.
   */
  public static List<ScoredPair> scorePairs(JudgedSet set, MatchedTexts matched, RankingModel model,
      Map<String, Split> splitOf, List<Split> splits) {
    List<ScoredPair> out = new ArrayList<>();
    for (Map.Entry<String, List<Judgment>> e : set.byPosting().entrySet()) {
      if (!splits.isEmpty() && !splits.contains(splitOf.get(e.getKey())) || e.getValue().size() < 2) {
        continue;
      }
      String postingText = set.texts().get(e.getKey());
      for (Judgment j : e.getValue()) {
        double[] x = matched.features(postingText, set.texts().get(j.candidate()));
        out.add(new ScoredPair(j.posting(), j.candidate(), j.grade(), model.score(x), x));
      }
    }
    return out;
  }

  /** Writes index.html and the charts into {@code dir} (created if missing), replacing older ones. */
  public static Written write(Data data, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> names = data.model().features();
    Map<String, Integer> splits = splitCounts(data.model());
    Map<String, Double> permutation = data.pairs().stream().allMatch(p -> p.features() != null)
        ? permutationImportance(data.model(), data.pairs(), 5, 42) : Map.of();
    List<Band> bands = calibrationBands(data.pairs(), 20);
    List<Path> images = new ArrayList<>();
    images.add(png(metricsChart(data.results()), dir.resolve(IMAGES.get(0))));
    images.add(png(calibrationChart(bands), dir.resolve(IMAGES.get(1))));
    images.add(png(scoreByGradeChart(data.pairs()), dir.resolve(IMAGES.get(2))));
    images.add(png(importanceChart(splits, "splits in the trees", "Feature importance: how often the trees split on each feature"),
        dir.resolve(IMAGES.get(3))));
    if (!permutation.isEmpty()) {
      images.add(png(importanceChart(permutation, "NDCG@10 lost when shuffled",
          "Feature importance: NDCG@10 lost when the feature is shuffled across pairs"), dir.resolve(IMAGES.get(4))));
    } else {
      Files.deleteIfExists(dir.resolve(IMAGES.get(4)));
    }
    Path index = dir.resolve("index.html");
    Files.writeString(index, html(data, bands, splits, permutation, names), StandardCharsets.UTF_8);
    return new Written(index, List.copyOf(images));
  }

  // ---- numbers ----

  /** How many split nodes of the model's trees test each feature, in feature order (0 for an MLP). */
  public static Map<String, Integer> splitCounts(RankingModel model) {
    int[] counts = new int[model.features().size()];
    TreeEnsemble trees = model.trees();
    if (trees != null) {
      for (TreeEnsemble.Tree t : trees.trees()) {
        for (int f : t.feature()) {
          if (f >= 0 && f < counts.length) {
            counts[f]++;
          }
        }
      }
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      out.put(model.features().get(i), counts[i]);
    }
    return out;
  }

  /**
   * Permutation importance: the mean NDCG@10 over postings lost when one feature's values are
   * shuffled across all pairs (seeded), averaged over {@code repeats} shuffles; in feature order.
   * A feature the model never reads loses exactly 0.
   */
  public static Map<String, Double> permutationImportance(RankingModel model, List<ScoredPair> pairs, int repeats,
      long seed) {
    int n = pairs.size();
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = pairs.get(i).features();
      if (x[i] == null) {
        throw new IllegalArgumentException("pair " + i + " has no features");
      }
    }
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = model.score(x[i]);
    }
    double base = meanNdcg10(pairs, scores);
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Double> out = new LinkedHashMap<>();
    double[] row = new double[model.features().size()];
    int[] order = new int[n];
    for (int f = 0; f < model.features().size(); f++) {
      double lost = 0;
      for (int r = 0; r < repeats; r++) {
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
          int k = random.nextInt(i + 1);
          int t = order[i];
          order[i] = order[k];
          order[k] = t;
        }
        for (int i = 0; i < n; i++) {
          System.arraycopy(x[i], 0, row, 0, row.length);
          row[f] = x[order[i]][f];
          scores[i] = model.score(row);
        }
        lost += base - meanNdcg10(pairs, scores);
      }
      out.put(model.features().get(f), lost / repeats);
    }
    return out;
  }

  private static double meanNdcg10(List<ScoredPair> pairs, double[] scores) {
    Map<String, List<Scored>> byPosting = new LinkedHashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      byPosting.computeIfAbsent(pairs.get(i).posting(), k -> new ArrayList<>())
          .add(new Scored(scores[i], pairs.get(i).grade()));
    }
    List<Double> ndcg = new ArrayList<>();
    byPosting.values().forEach(s -> ndcg.add(RankingMetrics.ndcg(s, 10)));
    return RankingMetrics.mean(ndcg);
  }

  /**
   * The calibration curve: pairs in bands of {@code width} score points (the last band includes
   * 100), each with its mean expected and mean judged grade; empty bands are left out.
   */
  public static List<Band> calibrationBands(List<ScoredPair> pairs, int width) {
    if (width <= 0 || 100 % width != 0) {
      throw new IllegalArgumentException("band width must divide 100: " + width);
    }
    int bands = 100 / width;
    int[] count = new int[bands];
    double[] expected = new double[bands];
    double[] judged = new double[bands];
    for (ScoredPair p : pairs) {
      int b = Math.min(bands - 1, Math.max(0, (int) Math.floor(p.score() / width)));
      count[b]++;
      expected[b] += p.score() * 3 / 100;
      judged[b] += p.grade();
    }
    List<Band> out = new ArrayList<>();
    for (int b = 0; b < bands; b++) {
      if (count[b] > 0) {
        out.add(new Band(b * width, (b + 1) * width, count[b], expected[b] / count[b], judged[b] / count[b]));
      }
    }
    return out;
  }

  /** Mean absolute difference between expected (score * 3 / 100) and judged grade. */
  public static double meanAbsoluteGradeError(List<ScoredPair> pairs) {
    return pairs.stream().mapToDouble(p -> Math.abs(p.score() * 3 / 100 - p.grade())).average().orElse(Double.NaN);
  }

  // ---- charts ----

  /** NDCG@10, NDCG@5, MAP and AUC per scorer, grouped by metric; the first scorer (the model) in blue. */
  public static CategoryChart metricsChart(List<RankingEvaluation.Result> results) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 20 * results.size())
        .title("Ranking quality per scorer (mean over postings)").yAxisTitle("metric").build();
    style(chart.getStyler());
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern("0.0");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Vertical);
    chart.getStyler().setAvailableSpaceFill(0.85);
    List<String> metrics = List.of("NDCG@10", "NDCG@5", "MAP", "AUC");
    Color[] colours = new Color[results.size()];
    for (int i = 0; i < results.size(); i++) {
      RankingEvaluation.Result r = results.get(i);
      chart.addSeries(r.scorer(), metrics, List.of(r.ndcg10(), r.ndcg5(), r.map(), r.auc()));
      colours[i] = i == 0 ? MODEL_COLOUR : BASELINE_COLOURS[(i - 1) % BASELINE_COLOURS.length];
    }
    chart.getStyler().setSeriesColors(colours);
    return chart;
  }

  /** Mean judged grade against mean expected grade per score band, with the diagonal of perfect calibration. */
  public static XYChart calibrationChart(List<Band> bands) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Calibration: judged grade against the grade the score promises")
        .xAxisTitle("mean expected grade (score x 3 / 100)").yAxisTitle("mean judged grade").build();
    style(chart.getStyler());
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(3.0).setYAxisMin(0.0).setYAxisMax(3.0)
        .setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    XYSeries diagonal = chart.addSeries("perfectly calibrated", new double[] {0, 3}, new double[] {0, 3});
    diagonal.setMarker(SeriesMarkers.NONE).setLineColor(new Color(0x9a, 0x9a, 0x9a));
    double[] x = bands.stream().mapToDouble(Band::meanExpectedGrade).toArray();
    double[] y = bands.stream().mapToDouble(Band::meanJudgedGrade).toArray();
    XYSeries s = chart.addSeries("score bands of 20 points", x, y);
    s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(MODEL_COLOUR).setLineColor(MODEL_COLOUR);
    return chart;
  }

  /** The isotonic calibration table of a model: raw tree output to expected grade. */
  public static XYChart calibrationTableChart(RankingModel model) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("The model's calibration: raw tree output to expected grade (isotonic)")
        .xAxisTitle("raw output of the trees").yAxisTitle("expected grade").build();
    style(chart.getStyler());
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(3.0).setYAxisDecimalPattern("0.0").setXAxisDecimalPattern("0.0");
    chart.getStyler().setLegendVisible(false);
    XYSeries s = chart.addSeries("calibration", model.calibration().raw(), model.calibration().grade());
    s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(MODEL_COLOUR).setLineColor(MODEL_COLOUR);
    return chart;
  }

  /** The spread of the model's scores for each judged grade, as box plots. */
  public static BoxChart scoreByGradeChart(List<ScoredPair> pairs) {
    BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Score distribution by judged grade").yAxisTitle("score (0-100)").build();
    style(chart.getStyler());
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0).setYAxisDecimalPattern("0");
    chart.getStyler().setLegendVisible(false);
    List<Color> colours = new ArrayList<>();
    String[] names = {"0 no fit", "1 weak", "2 good partial", "3 strong"};
    for (int g = 0; g <= 3; g++) {
      int grade = g;
      double[] scores = pairs.stream().filter(p -> p.grade() == grade).mapToDouble(ScoredPair::score).toArray();
      if (scores.length > 0) {
        chart.addSeries("grade " + names[g] + " (" + scores.length + ")", scores);
        colours.add(GRADE_COLOURS[g]);
      }
    }
    chart.getStyler().setSeriesColors(colours.toArray(Color[]::new));
    return chart;
  }

  /** A bar per feature, largest first. */
  public static CategoryChart importanceChart(Map<String, ? extends Number> importance, String yTitle, String title) {
    List<Map.Entry<String, ? extends Number>> sorted = new ArrayList<>(importance.entrySet());
    sorted.sort(Comparator.comparingDouble((Map.Entry<String, ? extends Number> e) -> e.getValue().doubleValue())
        .reversed());
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 120).title(title)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(60);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setAvailableSpaceFill(0.7);
    chart.getStyler().setSeriesColors(new Color[] {MODEL_COLOUR});
    boolean whole = importance.values().stream().allMatch(v -> v instanceof Integer || v instanceof Long);
    chart.getStyler().setYAxisDecimalPattern(whole ? "0" : "0.000");
    chart.addSeries(yTitle, sorted.stream().map(Map.Entry::getKey).toList(),
        sorted.stream().map(e -> (Number) e.getValue().doubleValue()).toList());
    return chart;
  }

  /** The report's look (white, light grid, sans-serif), for other charts to match. */
  public static void style(org.knowm.xchart.style.AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setLegendBorderColor(Color.WHITE);
    s.setChartTitleBoxVisible(false);
    s.setPlotGridVerticalLinesVisible(false);
    s.setChartFontColor(new Color(0x22, 0x22, 0x22));
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setAntiAlias(true);
  }

  /** Writes a chart as PNG. */
  public static Path png(Chart<?, ?> chart, Path file) throws IOException {
    try (var out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
    return file;
  }

  // ---- HTML ----

  private static String html(Data d, List<Band> bands, Map<String, Integer> splits, Map<String, Double> permutation,
      List<String> names) {
    RankingModel m = d.model();
    StringBuilder h = new StringBuilder();
    h.append("""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>skillmatch evaluation report</title>
        <style>
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 960px;
               margin: 2em auto; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
        table { border-collapse: collapse; margin: 1em 0; font-variant-numeric: tabular-nums; }
        th, td { padding: 0.3em 0.7em; border-bottom: 1px solid #e4e4e4; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        th { background: #f4f6f8; }
        tr.model td { font-weight: 600; }
        img { max-width: 100%; height: auto; display: block; margin: 1em 0; }
        code { background: #f4f6f8; padding: 0.1em 0.3em; border-radius: 3px; }
        .note { color: #555; }
        details { margin: 0.5em 0; } td.hash { font-family: monospace; font-size: 12px; text-align: left; }
        </style>
        </head>
        <body>
        """);
    h.append("<h1>skillmatch evaluation report</h1>\n");
    h.append("<p class=\"note\">Model <code>").append(esc(m.version())).append("</code> (").append(esc(m.kind()))
        .append("), evaluated on the ").append(esc(d.evaluatedOn())).append(": ")
        .append(d.results().get(0).postings()).append(" postings, ").append(d.pairs().size())
        .append(" judged pairs (of ").append(d.judgedPairs()).append(" in the judged set). Regenerate with <code>")
        .append(esc(d.command())).append("</code>.</p>\n");

    h.append("<h2>Ranking metrics</h2>\n<p class=\"note\">Each posting's judged candidates are ranked against each"
        + " other and the metrics are averaged over postings. MAP and AUC count grade 2 or more as relevant;"
        + " ties count against the scorer. Unjudged pairs are left out.</p>\n");
    h.append("<table>\n<tr><th>scorer</th><th>NDCG@10</th><th>NDCG@5</th><th>MAP</th><th>AUC</th>"
        + "<th>pairwise accuracy</th><th>postings</th><th>pairs</th></tr>\n");
    for (int i = 0; i < d.results().size(); i++) {
      RankingEvaluation.Result r = d.results().get(i);
      h.append(i == 0 ? "<tr class=\"model\">" : "<tr>").append("<td>").append(esc(r.scorer())).append("</td>")
          .append(td(r.ndcg10())).append(td(r.ndcg5())).append(td(r.map())).append(td(r.auc()))
          .append(td(r.pairwiseAccuracy())).append("<td>").append(r.postings()).append("</td><td>")
          .append(r.pairs()).append("</td></tr>\n");
    }
    h.append("</table>\n").append(img(IMAGES.get(0), "NDCG@10, NDCG@5, MAP and AUC per scorer"));

    h.append("<h2>Calibration</h2>\n<p class=\"note\">The score is the expected judged grade on a 0-100 scale"
        + " (isotonic regression fitted on held-out training predictions). On the evaluated pairs:</p>\n");
    h.append("<table>\n<tr><th>score band</th><th>pairs</th><th>mean expected grade</th>"
        + "<th>mean judged grade</th></tr>\n");
    for (Band b : bands) {
      h.append("<tr><td>").append(b.from()).append("&ndash;").append(b.to()).append("</td><td>").append(b.pairs())
          .append("</td>").append(td(b.meanExpectedGrade(), 2)).append(td(b.meanJudgedGrade(), 2)).append("</tr>\n");
    }
    h.append("</table>\n<p>Mean absolute grade error: <b>")
        .append(fmt(meanAbsoluteGradeError(d.pairs()), 3)).append("</b>.</p>\n")
        .append(img(IMAGES.get(1), "calibration curve: mean judged grade against mean expected grade per band"));

    h.append("<h2>Score distribution by judged grade</h2>\n<table>\n<tr><th>judged grade</th><th>pairs</th>"
        + "<th>min</th><th>median</th><th>mean</th><th>max</th></tr>\n");
    for (int g = 0; g <= 3; g++) {
      int grade = g;
      double[] s = d.pairs().stream().filter(p -> p.grade() == grade).mapToDouble(ScoredPair::score).sorted().toArray();
      if (s.length == 0) {
        continue;
      }
      double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      h.append("<tr><td>").append(g).append("</td><td>").append(s.length).append("</td>").append(td(s[0], 1))
          .append(td(median, 1)).append(td(Arrays.stream(s).average().orElse(0), 1)).append(td(s[s.length - 1], 1))
          .append("</tr>\n");
    }
    h.append("</table>\n").append(img(IMAGES.get(2), "box plots of the model's scores for each judged grade"));

    h.append("<h2>Feature importance</h2>\n<p class=\"note\">Split counts: how many of the trees' split nodes test"
        + " each feature. Permutation: how much mean NDCG@10 the evaluated pairs lose when that feature's values"
        + " are shuffled across pairs (5 seeded shuffles); near 0 or below means the ranking does not rely on it"
        + " here.</p>\n");
    h.append("<table>\n<tr><th>feature</th><th>splits</th>")
        .append(permutation.isEmpty() ? "" : "<th>NDCG@10 lost when shuffled</th>").append("</tr>\n");
    List<String> order = new ArrayList<>(names);
    order.sort(Comparator.comparingInt((String f) -> splits.getOrDefault(f, 0)).reversed());
    for (String f : order) {
      h.append("<tr><td>").append(esc(f)).append("</td><td>").append(splits.getOrDefault(f, 0)).append("</td>");
      if (!permutation.isEmpty()) {
        h.append(td(permutation.getOrDefault(f, 0.0), 4));
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n").append(img(IMAGES.get(3), "split counts per feature"));
    if (!permutation.isEmpty()) {
      h.append(img(IMAGES.get(4), "NDCG@10 lost per shuffled feature"));
    }

    if (!d.retrieval().isEmpty()) {
      h.append("<h2>Retrieval</h2>\n<p class=\"note\">Every candidate is ranked for each posting (and every posting"
          + " for each candidate); recall of the judged good fits (grade 2 or more) in the top k.</p>\n<table>\n"
          + "<tr><th>first stage</th><th>direction</th><th>queries</th><th>recall</th></tr>\n");
      for (RetrievalEvaluation.Result r : d.retrieval()) {
        StringBuilder rec = new StringBuilder();
        r.recallAt().forEach((k, v) -> rec.append(rec.isEmpty() ? "" : " &middot; ").append("R@").append(k)
            .append(' ').append(fmt(v, 3)));
        h.append("<tr><td>").append(esc(r.scorer())).append("</td><td>").append(esc(r.direction())).append("</td><td>")
            .append(r.queries()).append("</td><td>").append(rec).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h2>Provenance of the model</h2>\n");
    provenance(h, m.provenance());
    h.append("<p class=\"note\">").append(m.trees() == null ? "" : m.trees().trees().size() + " trees, shrinkage "
        + fmt(m.trees().shrinkage(), 3) + "; ").append(m.features().size()).append(" features; calibration table of ")
        .append(m.calibration().raw().length).append(" points.</p>\n");
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void provenance(StringBuilder h, JsonNode p) {
    if (p == null || p.isMissingNode() || p.isNull()) {
      h.append("<p>The model carries no provenance.</p>\n");
      return;
    }
    h.append("<table>\n");
    for (var it = p.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (k.equals("inputs") || k.equals("testMetrics") || k.equals("testCalibration")) {
        continue; // below, or shown above as measured now
      }
      h.append("<tr><td>").append(esc(k)).append("</td><td style=\"text-align:left\">");
      if (v.isArray()) {
        h.append("<ul style=\"margin:0;padding-left:1.2em\">");
        v.forEach(x -> h.append("<li>").append(esc(x.isValueNode() ? x.asText() : x.toString())).append("</li>"));
        h.append("</ul>");
      } else if (v.isObject()) {
        List<String> parts = new ArrayList<>();
        v.properties().forEach(x -> parts.add(x.getKey() + " " + x.getValue().asText()));
        h.append(esc(String.join(", ", parts)));
      } else {
        h.append(esc(v.asText()));
      }
      h.append("</td></tr>\n");
    }
    h.append("</table>\n");
    JsonNode recorded = p.path("testMetrics");
    if (recorded.isArray() && !recorded.isEmpty()) {
      h.append("<p>Test metrics recorded when the model was trained:</p>\n<table>\n<tr><th>scorer</th><th>NDCG@10</th>"
          + "<th>NDCG@5</th><th>MAP</th><th>AUC</th></tr>\n");
      recorded.forEach(r -> h.append("<tr><td>").append(esc(r.path("scorer").asText())).append("</td>")
          .append(td(r.path("ndcg10").asDouble())).append(td(r.path("ndcg5").asDouble()))
          .append(td(r.path("map").asDouble())).append(td(r.path("auc").asDouble())).append("</tr>\n"));
      h.append("</table>\n");
    }
    JsonNode inputs = p.path("inputs");
    if (inputs.isObject()) {
      h.append("<details><summary>").append(inputs.size()).append(" input files and their SHA-256</summary>\n<table>\n");
      inputs.properties().forEach(e -> h.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"hash\">")
          .append(esc(e.getValue().asText())).append("</td></tr>\n"));
      h.append("</table>\n</details>\n");
    }
  }

  private static String img(String file, String alt) {
    return "<img src=\"" + file + "\" alt=\"" + esc(alt) + "\" width=\"" + WIDTH + "\">\n";
  }

  private static String td(double v) {
    return td(v, 3);
  }

  private static String td(double v, int decimals) {
    return "<td>" + fmt(v, decimals) + "</td>";
  }

  private static String fmt(double v, int decimals) {
    return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
