package io.dstream.ml.internal;

import io.dstream.ml.regression.LabeledPoint;
import io.dstream.rdd.RDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MLlib's mini-batch stochastic gradient descent ({@code GradientDescent.runMiniBatchSGD}): each iteration
 * {@code i} samples a fraction of the points (seed {@code 42 + i}), sums their gradients at the current
 * weights on the worker threads (a tree aggregate), and moves the weights by the updater with the mean
 * gradient, on the caller's thread. It stops after the configured iterations, or earlier once an iteration
 * moved the weights by less than {@code convergenceTol * max(|w|, 1)}.
 */
public final class GradientDescent {
  private static final Logger LOG = LoggerFactory.getLogger(GradientDescent.class);

  private final Gradient gradient;
  private final Updater updater;

  /**
   * Creates the optimizer of one loss.
   *
   * @param gradient the loss's gradient
   * @param updater the step and regularization
   */
  public GradientDescent(Gradient gradient, Updater updater) {
    this.gradient = gradient;
    this.updater = updater;
  }

  /**
   * Runs the iterations over one batch of points.
   *
   * @param data the points; read once per iteration (the caller caches them)
   * @param config step size, iterations, fraction, regularization, tolerance
   * @param initialWeights the weights to start from; not modified
   * @return the new weights
   * @throws io.dstream.rdd.JobFailedException if a point has another size than the weights, a NaN feature, or a
   *     label the loss does not accept (with the {@link IllegalArgumentException} naming it as the cause)
   */
  public double[] run(RDD<LabeledPoint> data, SgdConfig config, double[] initialWeights) {
    double[] weights = initialWeights.clone();
    int n = weights.length;
    double[] afterPreviousStep = null;
    for (int i = 1; i <= config.numIterations(); i++) {
      RDD<LabeledPoint> batch = config.miniBatchFraction() < 1.0
          ? data.sample(false, config.miniBatchFraction(), 42 + i) : data;
      double[] current = weights;
      double[] sums = batch.treeAggregate(new double[n + 2], (acc, point) -> {
        PointChecks.requireFeatures(point.features(), n, point);
        gradient.checkLabel(point.label(), point);
        acc[n] += gradient.compute(point.features(), point.label(), current, acc);
        acc[n + 1] += 1;
        return acc;
      }, DenseMath::addInto);
      double count = sums[n + 1];
      if (count == 0) {
        LOG.warn("iteration {}/{}: the sampled mini-batch is empty (fraction {}); the weights stay", i,
            config.numIterations(), config.miniBatchFraction());
        continue;
      }
      double[] meanGradient = new double[n];
      for (int j = 0; j < n; j++) {
        meanGradient[j] = sums[j] / count;
      }
      weights = weights.clone();
      double regularization = updater.update(weights, meanGradient, config.stepSize(), i, config.regParam());
      LOG.debug("iteration {}: mean loss {} over {} points", i, sums[n] / count + regularization, (long) count);
      // As MLlib, the first step is not compared with the initial weights.
      if (afterPreviousStep != null && converged(afterPreviousStep, weights, config.convergenceTol())) {
        break;
      }
      afterPreviousStep = weights;
    }
    return weights;
  }

  private static boolean converged(double[] previous, double[] current, double tolerance) {
    double diff = 0.0;
    for (int j = 0; j < current.length; j++) {
      diff += (previous[j] - current[j]) * (previous[j] - current[j]);
    }
    return Math.sqrt(diff) < tolerance * Math.max(Math.sqrt(DenseMath.normSquared(current)), 1.0);
  }
}
