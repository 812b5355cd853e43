package io.dstream.ml.regression;

import io.dstream.ml.Model;
import io.dstream.ml.internal.DenseMath;
import io.dstream.ml.internal.ModelFile;
import io.dstream.ml.internal.PointChecks;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import java.io.IOException;

/**
 * A model of weights and an intercept that predicts from the margin {@code w . x + intercept}, as MLlib's
 * {@code GeneralizedLinearModel}: the base of {@link LinearRegressionModel} and
 * {@code io.dstream.ml.classification.LogisticRegressionModel}, which differ only in what they make of the margin.
 * Immutable.
 *
 * <pre>{@code
 * GeneralizedLinearModel model = regression.latestModel();
 * Vector weights = model.weights();
 * model.save("/models/model.json");
 * }</pre>
 */
public abstract class GeneralizedLinearModel implements Model<Double> {
  private final double[] weights;
  private final double intercept;

  /**
   * Creates a model.
   *
   * @param weights the weights, one per feature; copied
   * @param intercept the intercept
   * @throws IllegalArgumentException if the weights are null, empty or hold NaN
   */
  protected GeneralizedLinearModel(Vector weights, double intercept) {
    if (weights == null || weights.size() == 0) {
      throw new IllegalArgumentException("a " + getClass().getSimpleName() + " needs at least one weight, got "
          + weights);
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
   * Returns the intercept (0 for a model trained by a streaming algorithm, as in MLlib).
   *
   * @return the intercept
   */
  public double intercept() {
    return intercept;
  }

  /**
   * Returns the margin {@code w . x + intercept} of a point, from which a subclass predicts.
   *
   * @param features the features, one per weight
   * @return the margin
   * @throws IllegalArgumentException if the features have another size or hold NaN
   */
  protected final double margin(Vector features) {
    return DenseMath.dot(PointChecks.requireFeatures(features, weights.length, features), weights) + intercept;
  }

  /**
   * Saves the model to a file as JSON: its class, weights and intercept, exactly (every number as Java writes a
   * {@code double}, so that the class's {@code load} gives an equal model). A file that is there is replaced,
   * atomically; a missing directory is created.
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

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(weights=" + weights() + ", intercept=" + intercept + ")";
  }
}
