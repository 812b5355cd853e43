package io.dstream.ml.regression;

import io.dstream.ml.Model;
import io.dstream.ml.internal.DenseMath;
import io.dstream.ml.internal.ModelFile;
import io.dstream.ml.internal.PointChecks;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import java.io.IOException;

/**
 * A linear regression model, as MLlib's {@code LinearRegressionModel}: predicts {@code w . x + intercept}.
 * Immutable.
 *
 * <pre>{@code
 * LinearRegressionModel model = new LinearRegressionModel(Vectors.dense(2.0, -1.0), 0.5);
 * double y = model.predict(Vectors.dense(1.0, 3.0));   // 2 - 3 + 0.5 = -0.5
 * }</pre>
 */
public final class LinearRegressionModel implements Model<Double> {
  private final double[] weights;
  private final double intercept;

  /**
   * Creates a model.
   *
   * @param weights the weights, one per feature; copied
   * @param intercept the intercept
   * @throws IllegalArgumentException if the weights are null, empty or hold NaN
   */
  public LinearRegressionModel(Vector weights, double intercept) {
    if (weights == null || weights.size() == 0) {
      throw new IllegalArgumentException("a linear model needs at least one weight, got " + weights);
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
   * Returns the intercept (0 for a model trained by {@link StreamingLinearRegressionWithSGD}, as in MLlib).
   *
   * @return the intercept
   */
  public double intercept() {
    return intercept;
  }

  /**
   * Predicts {@code w . x + intercept}.
   *
   * @param features the features, one per weight
   * @return the prediction
   * @throws IllegalArgumentException if the features have another size or hold NaN
   */
  @Override
  public Double predict(Vector features) {
    return DenseMath.dot(PointChecks.requireFeatures(features, weights.length, features), weights) + intercept;
  }

  /**
   * Saves the model to a file as JSON: its weights and intercept, exactly (every number as Java writes a
   * {@code double}, so that {@link #load} gives an equal model). A file that is there is replaced, atomically; a missing directory is created.
   *
   * <pre>{@code
   * regression.latestModel().save("/models/regression.json");
   * LinearRegressionModel model = LinearRegressionModel.load("/models/regression.json");
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
   * @throws IllegalArgumentException if there is no such file, or it is not a saved LinearRegressionModel (another model, damaged,
   *     or of another layout version); the message names the path
   * @throws IOException if the file cannot be read
   */
  public static LinearRegressionModel load(String path) throws IOException {
    ModelFile file = ModelFile.load(path, LinearRegressionModel.class.getSimpleName());
    double[] weights = file.row(path, "weights");
    double intercept = file.number(path, "intercept");
    try {
      return new LinearRegressionModel(Vectors.dense(weights), intercept);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot load a LinearRegressionModel from " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "LinearRegressionModel(weights=" + weights() + ", intercept=" + intercept + ")";
  }
}
