package io.dstream.ml.classification;

import io.dstream.ml.Model;
import io.dstream.ml.internal.DenseMath;
import io.dstream.ml.internal.ModelFile;
import io.dstream.ml.internal.PointChecks;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import java.io.IOException;

/**
 * A binary logistic regression model, as MLlib's {@code LogisticRegressionModel} with its default threshold:
 * {@link #predict} is 1.0 when the probability {@code 1 / (1 + exp(-(w . x + intercept)))} is above 0.5, else
 * 0.0. Immutable.
 *
 * <pre>{@code
 * LogisticRegressionModel model = new LogisticRegressionModel(Vectors.dense(2.0, -1.0), 0.0);
 * double label = model.predict(Vectors.dense(1.0, 0.5));               // 1.0
 * double p = model.predictProbability(Vectors.dense(1.0, 0.5));        // about 0.82
 * }</pre>
 */
public final class LogisticRegressionModel implements Model<Double> {
  private static final double THRESHOLD = 0.5;

  private final double[] weights;
  private final double intercept;

  /**
   * Creates a model.
   *
   * @param weights the weights, one per feature; copied
   * @param intercept the intercept
   * @throws IllegalArgumentException if the weights are null, empty or hold NaN
   */
  public LogisticRegressionModel(Vector weights, double intercept) {
    if (weights == null || weights.size() == 0) {
      throw new IllegalArgumentException("a logistic model needs at least one weight, got " + weights);
    }
    this.weights = PointChecks.requireFeatures(weights, weights.size(), "weights " + weights).toArray();
    this.intercept = intercept;
  }

  /**
   * Returns the weights.
   *
   * @return a dense vector, one weight per feature
   */
  public Vector weights() {
    return Vectors.dense(weights);
  }

  /**
   * Returns the intercept (0 for a model trained by {@link StreamingLogisticRegressionWithSGD}, as in MLlib).
   *
   * @return the intercept
   */
  public double intercept() {
    return intercept;
  }

  /**
   * Returns the probability that the label is 1: {@code 1 / (1 + exp(-(w . x + intercept)))}.
   *
   * @param features the features, one per weight
   * @return the probability, from 0 to 1
   * @throws IllegalArgumentException if the features have another size or hold NaN
   */
  public double predictProbability(Vector features) {
    double margin = DenseMath.dot(PointChecks.requireFeatures(features, weights.length, features), weights)
        + intercept;
    return 1.0 / (1.0 + Math.exp(-margin));
  }

  /**
   * Predicts the class: 1.0 if {@link #predictProbability} is above 0.5, else 0.0.
   *
   * @param features the features, one per weight
   * @return 0.0 or 1.0
   * @throws IllegalArgumentException if the features have another size or hold NaN
   */
  @Override
  public Double predict(Vector features) {
    return predictProbability(features) > THRESHOLD ? 1.0 : 0.0;
  }

  /**
   * Saves the model to a file as JSON: its weights and intercept, exactly (every number as Java writes a
   * {@code double}, so that {@link #load} gives an equal model). A file that is there is replaced, atomically; a missing directory is created.
   *
   * <pre>{@code
   * classifier.latestModel().save("/models/classifier.json");
   * LogisticRegressionModel model = LogisticRegressionModel.load("/models/classifier.json");
   * }</pre>
   *
   * @param path a path or URI, such as {@code /models/model.json} or {@code file:///models/model.json}
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if the path is malformed or no file system serves its scheme, or the
   *     intercept is infinite
   */
  public void save(String path) throws IOException {
    ModelFile.of(getClass().getSimpleName()).with("weights", weights).with("intercept", intercept).save(path);
  }

  /**
   * Loads a model that {@link #save} wrote.
   *
   * @param path a path or URI
   * @return the model
   * @throws IllegalArgumentException if there is no such file, or it is not a saved LogisticRegressionModel (another model, damaged,
   *     or of another layout version); the message names the path
   * @throws IOException if the file cannot be read
   */
  public static LogisticRegressionModel load(String path) throws IOException {
    ModelFile file = ModelFile.load(path, LogisticRegressionModel.class.getSimpleName());
    double[] weights = file.row(path, "weights");
    double intercept = file.number(path, "intercept");
    try {
      return new LogisticRegressionModel(Vectors.dense(weights), intercept);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot load a LogisticRegressionModel from " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "LogisticRegressionModel(weights=" + weights() + ", intercept=" + intercept + ")";
  }
}
