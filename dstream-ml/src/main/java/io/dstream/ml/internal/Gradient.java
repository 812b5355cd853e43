package io.dstream.ml.internal;

import io.dstream.ml.linalg.Vector;

/** The gradient of a loss at one point, as MLlib's {@code Gradient}: added into a running sum. */
public interface Gradient {
  /**
   * Adds the gradient of the loss at one point to {@code cumGradient} and returns the loss.
   *
   * @param features the point's features
   * @param label the point's label
   * @param weights the current weights
   * @param cumGradient the running sum of gradients, of the weights' size; modified
   * @return the loss at the point
   */
  double compute(Vector features, double label, double[] weights, double[] cumGradient);

  /**
   * Checks a label before the point is used: a classifier's labels are 0 or 1.
   *
   * @param label the label
   * @param record the record, named in the message
   * @throws IllegalArgumentException if the label is not one this loss accepts
   */
  void checkLabel(double label, Object record);

  /** MLlib's {@code LeastSquaresGradient}: loss {@code (w.x - y)^2 / 2}, gradient {@code (w.x - y) x}. */
  Gradient LEAST_SQUARES = new Gradient() {
    @Override
    public double compute(Vector features, double label, double[] weights, double[] cumGradient) {
      double diff = DenseMath.dot(features, weights) - label;
      DenseMath.axpy(diff, features, cumGradient, 0);
      return diff * diff / 2.0;
    }

    @Override
    public void checkLabel(double label, Object record) {
      if (Double.isNaN(label)) {
        throw new IllegalArgumentException("the record " + record + " has a NaN label; remove it before training");
      }
    }
  };

  /**
   * MLlib's binary {@code LogisticGradient}: with margin {@code m = -w.x}, gradient
   * {@code (1 / (1 + e^m) - y) x} and loss {@code log(1 + e^m)} for {@code y = 1}, {@code log(1 + e^m) - m}
   * for {@code y = 0}.
   */
  Gradient LOGISTIC = new Gradient() {
    @Override
    public double compute(Vector features, double label, double[] weights, double[] cumGradient) {
      double margin = -DenseMath.dot(features, weights);
      double multiplier = 1.0 / (1.0 + Math.exp(margin)) - label;
      DenseMath.axpy(multiplier, features, cumGradient, 0);
      return label > 0 ? log1pExp(margin) : log1pExp(margin) - margin;
    }

    @Override
    public void checkLabel(double label, Object record) {
      if (label != 0.0 && label != 1.0) {
        throw new IllegalArgumentException("the record " + record + " has the label " + label + "; a binary "
            + "logistic regression needs labels 0.0 or 1.0");
      }
    }

    /** {@code log(1 + e^x)} without overflow for large {@code x}. */
    private static double log1pExp(double x) {
      return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
  };
}
