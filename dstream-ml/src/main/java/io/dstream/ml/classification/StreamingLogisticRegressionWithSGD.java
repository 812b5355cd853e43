package io.dstream.ml.classification;

import io.dstream.ml.regression.StreamingLinearAlgorithm;

/**
 * Binary logistic regression (labels 0 and 1, no intercept, L2 regularization) that learns from a stream while
 * it predicts on streams, as MLlib's {@code StreamingLogisticRegressionWithSGD}. On every non-empty batch of
 * {@link #trainOn} it runs {@code numIterations} iterations of mini-batch gradient descent over the batch's
 * points, starting from the latest weights: iteration {@code i} samples {@code miniBatchFraction} of the points,
 * sums their gradients {@code (sigmoid(w . x) - y) x} on the worker threads, and moves the weights on the job
 * thread, with {@code s_i = stepSize / sqrt(i)}:
 *
 * <pre>
 *   w_i = (1 - s_i * regParam) w_{i-1} - s_i * (1/m) sum over the m sampled points of (sigmoid(w_{i-1} . x) - y) x
 * </pre>
 *
 * <p>stopping early once an iteration changes {@code w} by less than {@code 0.001 * max(|w|, 1)}. MLlib's
 * defaults: step size 0.1, 50 iterations, fraction 1.0, regularization 0.
 *
 * <pre>{@code
 * StreamingLogisticRegressionWithSGD classifier = new StreamingLogisticRegressionWithSGD()
 *     .setInitialWeights(Vectors.zeros(3)).setStepSize(1.0).setRegParam(0.01);
 * classifier.trainOn(trainingPoints);
 * DStream<Double> labels = classifier.predictOn(testFeatures);   // 0.0 or 1.0
 * }</pre>
 *
 * <p>Configure it, then call {@code trainOn} and the {@code predict...} methods before the context starts. A
 * point with another number of features than the weights, a NaN feature or a label other than 0 and 1 fails its
 * batch, with an {@link IllegalArgumentException} naming the point.
 */
public final class StreamingLogisticRegressionWithSGD
    extends StreamingLinearAlgorithm<LogisticRegressionModel, StreamingLogisticRegressionWithSGD> {
  /** Creates the algorithm with MLlib's defaults; set the initial weights before training. */
  public StreamingLogisticRegressionWithSGD() {
    super(Loss.LOGISTIC_L2, LogisticRegressionModel::new);
  }

  /**
   * Sets the regularization parameter of the L2 penalty {@code regParam |w|^2 / 2}.
   *
   * @param regParam 0 or more
   * @return this
   * @throws IllegalArgumentException if negative
   */
  @Override
  public StreamingLogisticRegressionWithSGD setRegParam(double regParam) {
    return super.setRegParam(regParam);
  }
}
