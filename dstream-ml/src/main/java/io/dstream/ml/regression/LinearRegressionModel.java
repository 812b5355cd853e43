package io.dstream.ml.regression;

import io.dstream.ml.internal.ModelFile;
import io.dstream.ml.linalg.Vector;
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
public final class LinearRegressionModel extends GeneralizedLinearModel {
  /**
   * Creates a model.
   *
   * @param weights the weights, one per feature; copied
   * @param intercept the intercept
   * @throws IllegalArgumentException if the weights are null, empty or hold NaN
   */
  public LinearRegressionModel(Vector weights, double intercept) {
    super(weights, intercept);
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
    return margin(features);
  }

  /**
   * Loads a model that {@link #save} wrote.
   *
   * @param path a path or URI
   * @return the model
   * @throws IllegalArgumentException if there is no such file, or it is not a saved LinearRegressionModel (another
   *     model, damaged, or of another layout version); the message names the path
   * @throws IOException if the file cannot be read
   */
  public static LinearRegressionModel load(String path) throws IOException {
    return ModelFile.loadLinearModel(path, LinearRegressionModel.class.getSimpleName(), LinearRegressionModel::new);
  }
}
