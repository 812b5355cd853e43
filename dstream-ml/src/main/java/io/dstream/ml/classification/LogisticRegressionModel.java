package io.dstream.ml.classification;

import io.dstream.ml.Model;
import io.dstream.ml.internal.DenseMath;
import io.dstream.ml.internal.PointChecks;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;

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

  @Override
  public String toString() {
    return "LogisticRegressionModel(weights=" + weights() + ", intercept=" + intercept + ")";
  }
}
