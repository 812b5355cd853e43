package io.dstream.ml.regression;

/**
 * Linear regression (least squares, no intercept) that learns from a stream while it predicts on streams, as
 * MLlib's {@code StreamingLinearRegressionWithSGD}. On every non-empty batch of {@link #trainOn} it runs
 * {@code numIterations} iterations of mini-batch gradient descent over the batch's points, starting from the
 * latest weights: iteration {@code i} samples {@code miniBatchFraction} of the points, sums their gradients
 * {@code (w . x - y) x} on the worker threads, and moves the weights on the job thread:
 *
 * <pre>
 *   w_i = w_{i-1} - (stepSize / sqrt(i)) * (1/m) sum over the m sampled points of (w_{i-1} . x - y) x
 * </pre>
 *
 * <p>stopping early once an iteration changes {@code w} by less than {@code convergenceTol * max(|w|, 1)}.
 * MLlib's defaults: step size 0.1, 50 iterations, fraction 1.0, tolerance 0.001.
 *
 * <pre>{@code
 * StreamingLinearRegressionWithSGD regression = new StreamingLinearRegressionWithSGD()
 *     .setInitialWeights(Vectors.zeros(3)).setStepSize(0.5).setNumIterations(20);
 * regression.trainOn(trainingPoints);
 * DStream<Double> predictions = regression.predictOn(testFeatures);
 * }</pre>
 *
 * <p>Configure it, then call {@code trainOn} and the {@code predict...} methods before the context starts. A
 * point with another number of features than the weights, a NaN feature or a NaN label fails its batch, with an
 * {@link IllegalArgumentException} naming the point.
 */
public final class StreamingLinearRegressionWithSGD
    extends StreamingLinearAlgorithm<LinearRegressionModel, StreamingLinearRegressionWithSGD> {
  /** Creates the algorithm with MLlib's defaults; set the initial weights before training. */
  public StreamingLinearRegressionWithSGD() {
    super(Loss.LEAST_SQUARES, LinearRegressionModel::new);
  }

  /**
   * Sets the relative change of the weights below which a batch's iterations stop early.
   *
   * @param tolerance from 0 (never stop early) to 1
   * @return this
   * @throws IllegalArgumentException if outside that range
   */
  @Override
  public StreamingLinearRegressionWithSGD setConvergenceTol(double tolerance) {
    return super.setConvergenceTol(tolerance);
  }
}
