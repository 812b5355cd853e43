package io.dstream.ml.internal;

/**
 * One step of gradient descent with its regularization, as MLlib's {@code Updater}: the step size of
 * iteration {@code i} is {@code stepSize / sqrt(i)}.
 */
public interface Updater {
  /**
   * Moves the weights one step against the gradient, in place, and returns the regularization term of the new
   * weights.
   *
   * @param weights the weights; modified
   * @param gradient the mean gradient of the mini-batch
   * @param stepSize the step size of the first iteration
   * @param iteration the iteration, from 1
   * @param regParam the regularization parameter
   * @return the regularization term of the new weights
   */
  double update(double[] weights, double[] gradient, double stepSize, int iteration, double regParam);

  /** MLlib's {@code SimpleUpdater}: {@code w -= (stepSize / sqrt(i)) g}, no regularization. */
  Updater SIMPLE = (weights, gradient, stepSize, iteration, regParam) -> {
    double step = stepSize / Math.sqrt(iteration);
    for (int j = 0; j < weights.length; j++) {
      weights[j] -= step * gradient[j];
    }
    return 0.0;
  };

  /**
   * MLlib's {@code SquaredL2Updater}: {@code w = (1 - step * regParam) w - step g} with
   * {@code step = stepSize / sqrt(i)}; the term is {@code regParam |w|^2 / 2}.
   */
  Updater SQUARED_L2 = (weights, gradient, stepSize, iteration, regParam) -> {
    double step = stepSize / Math.sqrt(iteration);
    for (int j = 0; j < weights.length; j++) {
      weights[j] = weights[j] * (1.0 - step * regParam) - step * gradient[j];
    }
    return 0.5 * regParam * DenseMath.normSquared(weights);
  };
}
