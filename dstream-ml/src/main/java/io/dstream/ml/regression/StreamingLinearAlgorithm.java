package io.dstream.ml.regression;

import io.dstream.DStream;
import io.dstream.PairDStream;
import io.dstream.ml.internal.Gradient;
import io.dstream.ml.internal.StreamingSgd;
import io.dstream.ml.internal.Updater;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import java.util.function.BiFunction;

/**
 * A linear model (weights, no intercept) that learns from a stream while it predicts on streams, as MLlib's
 * {@code StreamingLinearAlgorithm}: the base of {@link StreamingLinearRegressionWithSGD} and
 * {@code io.dstream.ml.classification.StreamingLogisticRegressionWithSGD}, which differ only in their loss and
 * model. On every non-empty batch of {@link #trainOn} it runs {@code numIterations} iterations of mini-batch
 * gradient descent over the batch's points, starting from the latest weights: iteration {@code i} samples
 * {@code miniBatchFraction} of the points, sums their gradients on the worker threads, and steps the weights by
 * {@code stepSize / sqrt(i)} times their mean on the job thread, stopping early once a step changes them by less
 * than {@code convergenceTol * max(|w|, 1)}.
 *
 * <pre>{@code
 * StreamingLinearAlgorithm<?, ?> algorithm = new StreamingLinearRegressionWithSGD()
 *     .setInitialWeights(Vectors.zeros(3)).setStepSize(0.5);
 * algorithm.trainOn(trainingPoints);
 * DStream<Double> predictions = algorithm.predictOn(testFeatures);
 * }</pre>
 *
 * <p>Configure it, then call {@code trainOn} and the {@code predict...} methods before the context starts. A
 * point with another number of features than the weights, a NaN feature or a label the loss does not accept
 * fails its batch, with an {@link IllegalArgumentException} naming the point.
 *
 * @param <M> the model type
 * @param <A> the algorithm's own class, which the setters return
 */
public abstract class StreamingLinearAlgorithm<M extends GeneralizedLinearModel,
    A extends StreamingLinearAlgorithm<M, A>> {
  /** What a subclass minimizes over a batch's points: the loss of a point and the penalty on the weights. */
  protected enum Loss {
    /** {@code (w . x - y)^2 / 2}, no penalty: least-squares regression. */
    LEAST_SQUARES(Gradient.LEAST_SQUARES, Updater.SIMPLE),
    /** {@code log(1 + exp(w . x)) - y w . x} for labels 0 and 1, plus {@code regParam |w|^2 / 2}. */
    LOGISTIC_L2(Gradient.LOGISTIC, Updater.SQUARED_L2);

    private final Gradient gradient;
    private final Updater updater;

    Loss(Gradient gradient, Updater updater) {
      this.gradient = gradient;
      this.updater = updater;
    }
  }

  private final StreamingSgd<M> sgd;

  /**
   * Creates the algorithm with MLlib's defaults: step size 0.1, 50 iterations, fraction 1.0, regularization 0,
   * tolerance 0.001.
   *
   * @param loss what it minimizes
   * @param createModel the model of weights and an intercept
   * @throws IllegalArgumentException if an argument is null
   */
  protected StreamingLinearAlgorithm(Loss loss, BiFunction<Vector, Double, M> createModel) {
    if (loss == null) {
      throw new IllegalArgumentException("loss is null; pass the loss the algorithm minimizes");
    }
    if (createModel == null) {
      throw new IllegalArgumentException("createModel is null; pass the constructor of the algorithm's model");
    }
    this.sgd = new StreamingSgd<>(loss.gradient, loss.updater,
        weights -> createModel.apply(Vectors.dense(weights), 0.0), getClass().getSimpleName());
  }

  /**
   * Sets the weights to start from; their size is the number of features.
   *
   * @param initialWeights the weights
   * @return this
   * @throws IllegalArgumentException if null, empty or holding NaN
   * @throws IllegalStateException if {@code trainOn} was called already
   */
  public A setInitialWeights(Vector initialWeights) {
    sgd.setInitialWeights(initialWeights);
    return self();
  }

  /**
   * Sets the step size of the first iteration (iteration {@code i} steps {@code stepSize / sqrt(i)}).
   *
   * @param stepSize more than 0
   * @return this
   * @throws IllegalArgumentException if not more than 0
   */
  public A setStepSize(double stepSize) {
    sgd.configure(sgd.config().withStepSize(stepSize));
    return self();
  }

  /**
   * Sets the number of iterations per batch.
   *
   * @param numIterations at least 1
   * @return this
   * @throws IllegalArgumentException if less than 1
   */
  public A setNumIterations(int numIterations) {
    sgd.configure(sgd.config().withNumIterations(numIterations));
    return self();
  }

  /**
   * Sets the fraction of a batch's points that each iteration samples.
   *
   * @param miniBatchFraction more than 0 and at most 1
   * @return this
   * @throws IllegalArgumentException if outside that range
   */
  public A setMiniBatchFraction(double miniBatchFraction) {
    sgd.configure(sgd.config().withMiniBatchFraction(miniBatchFraction));
    return self();
  }

  /**
   * Sets the regularization parameter of the L2 penalty {@code regParam |w|^2 / 2}; only a loss with a penalty
   * ({@link Loss#LOGISTIC_L2}) uses it, so a subclass of such a loss makes it public.
   *
   * @param regParam 0 or more
   * @return this
   * @throws IllegalArgumentException if negative
   */
  protected A setRegParam(double regParam) {
    sgd.configure(sgd.config().withRegParam(regParam));
    return self();
  }

  /**
   * Sets the relative change of the weights below which a batch's iterations stop early; a subclass that lets
   * users choose it makes it public.
   *
   * @param tolerance from 0 (never stop early) to 1
   * @return this
   * @throws IllegalArgumentException if outside that range
   */
  protected A setConvergenceTol(double tolerance) {
    sgd.configure(sgd.config().withConvergenceTol(tolerance));
    return self();
  }

  /**
   * Returns the model as of the last batch trained on (the initial weights before the first).
   *
   * @return the model
   * @throws IllegalStateException if no initial weights were set
   */
  public M latestModel() {
    return sgd.latestModel();
  }

  /**
   * Retrains the model on every non-empty batch of a stream.
   *
   * @param points the training points
   * @throws IllegalStateException if no initial weights were set, or {@code trainOn} was called already
   */
  public void trainOn(DStream<LabeledPoint> points) {
    sgd.trainOn(points);
  }

  /**
   * Predicts on every point of a stream with the model that is latest when the point is predicted.
   *
   * @param points the features
   * @return the predictions, as the model's {@code predict} makes them
   * @throws IllegalStateException if no initial weights were set
   */
  public DStream<Double> predictOn(DStream<Vector> points) {
    return sgd.predictOn(points);
  }

  /**
   * Predicts on every value of a stream of pairs with the model that is latest when the value is predicted,
   * keeping the keys (for example the true label, to compare with).
   *
   * @param points the keyed features
   * @param <K> the key type
   * @return the keys and predictions
   * @throws IllegalStateException if no initial weights were set
   */
  public <K> PairDStream<K, Double> predictOnValues(PairDStream<K, Vector> points) {
    return sgd.predictOnValues(points);
  }

  @SuppressWarnings("unchecked") // A is the subclass by the class's contract; each dstream subclass is final
  private A self() {
    return (A) this;
  }
}
