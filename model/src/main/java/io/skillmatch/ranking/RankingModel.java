package io.skillmatch.ranking;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The trained ranking model as shipped: the feature names it expects, one of a tree ensemble or a
 * network, the calibration to a 0-100 score, and the provenance and metrics of its training run.
 * Written and read as JSON. Immutable.
 *
 * @param version a name for this training run
 * @param kind "trees" or "mlp"
 * @param features the feature names, which must equal {@link FitFeatures#NAMES}
 * @param trees the ensemble when kind is "trees"
 * @param mlp the network when kind is "mlp"
 * @param calibration raw score to expected grade
 * @param provenance data hashes, options, seed, library versions, metrics
 */
public record RankingModel(
    String version, String kind, List<String> features, TreeEnsemble trees, Mlp mlp, Calibration calibration,
    JsonNode provenance) {

  /** Where the bundled model lives on the classpath. */
  public static final String BUNDLED = "/io/skillmatch/ranking/ranking-model.json";

  public RankingModel {
    features = List.copyOf(features);
    if (!features.equals(FitFeatures.NAMES)) {
      throw new IllegalArgumentException("the model was trained on other features: " + features);
    }
    if ("trees".equals(kind) ? trees == null : !"mlp".equals(kind) || mlp == null) {
      throw new IllegalArgumentException("kind must be trees or mlp, with its parameters: " + kind);
    }
  }

  /** The model that scores pairs. */
  @JsonIgnore
  public Ranker ranker() {
    return "trees".equals(kind) ? trees : mlp;
  }

  /** The calibrated 0-100 score of a feature vector. */
  public double score(double[] features) {
    return calibration.score(ranker().raw(features));
  }

  /** The model bundled with skillmatch. */
  public static RankingModel bundled() {
    try (InputStream in = RankingModel.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("no bundled ranking model at " + BUNDLED + "; run ./skillmatch train");
      }
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled ranking model", e);
    }
  }

  public static RankingModel read(InputStream in) throws IOException {
    return new ObjectMapper().readValue(in, RankingModel.class);
  }
}
