package io.dstream.ml.internal;

/**
 * The settings of one run of {@link GradientDescent}, checked when set.
 *
 * @param stepSize the step size of the first iteration, more than 0
 * @param numIterations the number of iterations per batch, at least 1
 * @param miniBatchFraction the fraction of a batch's points sampled per iteration, more than 0 and at most 1
 * @param regParam the regularization parameter, 0 or more
 * @param convergenceTol the relative change of the weights below which the iterations stop, 0 to 1
 */
public record SgdConfig(double stepSize, int numIterations, double miniBatchFraction, double regParam,
    double convergenceTol) {
  /** MLlib's defaults for its streaming regressions: step 0.1, 50 iterations, all points, no regularization. */
  public static final SgdConfig MLLIB_STREAMING_DEFAULTS = new SgdConfig(0.1, 50, 1.0, 0.0, 0.001);

  /**
   * Checks the settings.
   *
   * @param stepSize the step size
   * @param numIterations the number of iterations
   * @param miniBatchFraction the mini-batch fraction
   * @param regParam the regularization parameter
   * @param convergenceTol the convergence tolerance
   * @throws IllegalArgumentException naming a setting out of its range
   */
  public SgdConfig {
    require(stepSize > 0, "the step size must be more than 0, got " + stepSize);
    require(numIterations >= 1, "the number of iterations must be at least 1, got " + numIterations);
    require(miniBatchFraction > 0 && miniBatchFraction <= 1,
        "the mini-batch fraction must be more than 0 and at most 1, got " + miniBatchFraction);
    require(regParam >= 0, "the regularization parameter must be 0 or more, got " + regParam);
    require(convergenceTol >= 0 && convergenceTol <= 1,
        "the convergence tolerance must be from 0 to 1, got " + convergenceTol);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Returns these settings with another step size.
   *
   * @param value the step size
   * @return the settings
   */
  public SgdConfig withStepSize(double value) {
    return new SgdConfig(value, numIterations, miniBatchFraction, regParam, convergenceTol);
  }

  /**
   * Returns these settings with another number of iterations.
   *
   * @param value the number of iterations
   * @return the settings
   */
  public SgdConfig withNumIterations(int value) {
    return new SgdConfig(stepSize, value, miniBatchFraction, regParam, convergenceTol);
  }

  /**
   * Returns these settings with another mini-batch fraction.
   *
   * @param value the fraction
   * @return the settings
   */
  public SgdConfig withMiniBatchFraction(double value) {
    return new SgdConfig(stepSize, numIterations, value, regParam, convergenceTol);
  }

  /**
   * Returns these settings with another regularization parameter.
   *
   * @param value the parameter
   * @return the settings
   */
  public SgdConfig withRegParam(double value) {
    return new SgdConfig(stepSize, numIterations, miniBatchFraction, value, convergenceTol);
  }

  /**
   * Returns these settings with another convergence tolerance.
   *
   * @param value the tolerance
   * @return the settings
   */
  public SgdConfig withConvergenceTol(double value) {
    return new SgdConfig(stepSize, numIterations, miniBatchFraction, regParam, value);
  }
}
