package io.dstream.ml;

import io.dstream.ml.linalg.Vector;

/**
 * A trained model that predicts from features: a cluster index ({@code Integer}) for k-means, a value or a
 * class ({@code Double}) for the linear models. A model is immutable and holds no stream, so a model trained
 * offline, loaded from a file or taken from {@code latestModel()} can be applied to any stream:
 *
 * <pre>{@code
 * Model<Double> model = LinearRegressionModel.load(path);
 * DStream<Double> predictions = features.map(model::predict);
 * }</pre>
 *
 * @param <P> the type of a prediction
 */
public interface Model<P> {
  /**
   * Predicts from one point's features.
   *
   * @param features the features, as many as the model has
   * @return the prediction
   * @throws IllegalArgumentException if the features have another size than the model's, or hold NaN
   */
  P predict(Vector features);
}
