package io.dstream.ml.classification;

import io.dstream.ml.internal.ModelFile;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.regression.GeneralizedLinearModel;
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
public final class LogisticRegressionModel extends GeneralizedLinearModel {
  private static final double THRESHOLD = 0.5;

  /**
   * Creates a model.
   *
   * @param weights the weights, one per feature; copied
   * @param intercept the intercept
   * @throws IllegalArgumentException if the weights are null, empty or hold NaN
   */
  public LogisticRegressionModel(Vector weights, double intercept) {
    super(weights, intercept);
  }

  /**
   * Returns the probability that the label is 1: {@code 1 / (1 + exp(-(w . x + intercept)))}.
   *
   * @param features the features, one per weight
   * @return the probability, from 0 to 1
   * @throws IllegalArgumentException if the features have another size or hold NaN
   */
  public double predictProbability(Vector features) {
    return 1.0 / (1.0 + Math.exp(-margin(features)));
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
   * Loads a model that {@link #save} wrote.
   *
   * @param path a path or URI
   * @return the model
   * @throws IllegalArgumentException if there is no such file, or it is not a saved LogisticRegressionModel
   *     (another model, damaged, or of another layout version); the message names the path
   * @throws IOException if the file cannot be read
   */
  public static LogisticRegressionModel load(String path) throws IOException {
    return ModelFile.loadLinearModel(path, LogisticRegressionModel.class.getSimpleName(),
        LogisticRegressionModel::new);
  }
}
