package io.dstream.ml.regression;

import io.dstream.DStream;
import io.dstream.PairDStream;
import io.dstream.ml.internal.Gradient;
import io.dstream.ml.internal.StreamingSgd;
import io.dstream.ml.internal.Updater;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;

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
public final class StreamingLinearRegressionWithSGD {
  private final StreamingSgd<LinearRegressionModel> sgd = new StreamingSgd<>(Gradient.LEAST_SQUARES,
      Updater.SIMPLE, weights -> new LinearRegressionModel(Vectors.dense(weights), 0.0),
      "StreamingLinearRegressionWithSGD");

  /** Creates the algorithm with MLlib's defaults; set the initial weights before training. */
  public StreamingLinearRegressionWithSGD() {}

  /**
   * Sets the weights to start from; their size is the number of features.
   *
   * @param initialWeights the weights
   * @return this
   * @throws IllegalArgumentException if null, empty or holding NaN
   * @throws IllegalStateException if {@code trainOn} was called already
   */
  public StreamingLinearRegressionWithSGD setInitialWeights(Vector initialWeights) {
    sgd.setInitialWeights(initialWeights);
    return this;
  }

  /**
   * Sets the step size of the first iteration (iteration {@code i} steps {@code stepSize / sqrt(i)}).
   *
   * @param stepSize more than 0
   * @return this
   * @throws IllegalArgumentException if not more than 0
   */
  public StreamingLinearRegressionWithSGD setStepSize(double stepSize) {
    sgd.configure(sgd.config().withStepSize(stepSize));
    return this;
  }

  /**
   * Sets the number of iterations per batch.
   *
   * @param numIterations at least 1
   * @return this
   * @throws IllegalArgumentException if less than 1
   */
  public StreamingLinearRegressionWithSGD setNumIterations(int numIterations) {
    sgd.configure(sgd.config().withNumIterations(numIterations));
    return this;
  }

  /**
   * Sets the fraction of a batch's points that each iteration samples.
   *
   * @param miniBatchFraction more than 0 and at most 1
   * @return this
   * @throws IllegalArgumentException if outside that range
   */
  public StreamingLinearRegressionWithSGD setMiniBatchFraction(double miniBatchFraction) {
    sgd.configure(sgd.config().withMiniBatchFraction(miniBatchFraction));
    return this;
  }

  /**
   * Sets the relative change of the weights below which a batch's iterations stop early.
   *
   * @param tolerance from 0 (never stop early) to 1
   * @return this
   * @throws IllegalArgumentException if outside that range
   */
  public StreamingLinearRegressionWithSGD setConvergenceTol(double tolerance) {
    sgd.configure(sgd.config().withConvergenceTol(tolerance));
    return this;
  }

  /**
   * Returns the model as of the last batch trained on (the initial weights before the first).
   *
   * @return the model
   * @throws IllegalStateException if no initial weights were set
   */
  public LinearRegressionModel latestModel() {
    return sgd.latestModel();
  }

  /**
   * Retrains the model on every non-empty batch of a stream.
   *
   * @param points the training points
   * @throws IllegalStateException if no initial weights were set
   */
  public void trainOn(DStream<LabeledPoint> points) {
    sgd.trainOn(points);
  }

  /**
   * Predicts {@code w . x} for every point of a stream with the latest model.
   *
   * @param points the features
   * @return the predictions
   * @throws IllegalStateException if no initial weights were set
   */
  public DStream<Double> predictOn(DStream<Vector> points) {
    return sgd.predictOn(points);
  }

  /**
   * Predicts {@code w . x} for every value of a stream of pairs with the latest model, keeping the keys (for
   * example the true label, to compare with).
   *
   * @param points the keyed features
   * @param <K> the key type
   * @return the keys and predictions
   * @throws IllegalStateException if no initial weights were set
   */
  public <K> PairDStream<K, Double> predictOnValues(PairDStream<K, Vector> points) {
    return sgd.predictOnValues(points);
  }
}
