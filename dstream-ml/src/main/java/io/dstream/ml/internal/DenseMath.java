package io.dstream.ml.internal;

import io.dstream.ml.linalg.DenseVector;
import io.dstream.ml.linalg.SparseVector;
import io.dstream.ml.linalg.Vector;

/**
 * The loops of the algorithms over plain arrays, for a vector of either kind: {@code a*x + y}, dot products and
 * distances, none of which allocates.
 */
public final class DenseMath {
  private DenseMath() {}

  /**
   * Adds {@code a * x} to {@code y[offset ...]}.
   *
   * @param a the factor
   * @param x the vector
   * @param y the target, with at least {@code offset + x.size()} entries
   * @param offset where in {@code y} the vector's first entry goes
   */
  public static void axpy(double a, Vector x, double[] y, int offset) {
    if (x instanceof DenseVector dense) {
      double[] values = dense.values();
      for (int i = 0; i < values.length; i++) {
        y[offset + i] += a * values[i];
      }
    } else {
      SparseVector sparse = (SparseVector) x;
      int[] indices = sparse.indices();
      double[] values = sparse.values();
      for (int k = 0; k < indices.length; k++) {
        y[offset + indices[k]] += a * values[k];
      }
    }
  }

  /**
   * Returns the dot product of a vector with {@code w[0 ... x.size() - 1]}.
   *
   * @param x the vector
   * @param w the weights
   * @return the dot product
   */
  public static double dot(Vector x, double[] w) {
    double sum = 0.0;
    if (x instanceof DenseVector dense) {
      double[] values = dense.values();
      for (int i = 0; i < values.length; i++) {
        sum += values[i] * w[i];
      }
    } else {
      SparseVector sparse = (SparseVector) x;
      int[] indices = sparse.indices();
      double[] values = sparse.values();
      for (int k = 0; k < indices.length; k++) {
        sum += values[k] * w[indices[k]];
      }
    }
    return sum;
  }

  /**
   * Returns the squared Euclidean distance between a vector and a center.
   *
   * @param x the vector
   * @param center the center, of the vector's size
   * @param centerNormSquared the center's squared norm (used for a sparse vector)
   * @return the squared distance, never negative
   */
  public static double squaredDistance(Vector x, double[] center, double centerNormSquared) {
    if (x instanceof DenseVector dense) {
      double[] values = dense.values();
      double sum = 0.0;
      for (int i = 0; i < values.length; i++) {
        double d = values[i] - center[i];
        sum += d * d;
      }
      return sum;
    }
    // Over the stored entries only: |x - c|^2 = |c|^2 + sum over stored i of (x_i^2 - 2 x_i c_i).
    SparseVector sparse = (SparseVector) x;
    int[] indices = sparse.indices();
    double[] values = sparse.values();
    double sum = centerNormSquared;
    for (int k = 0; k < indices.length; k++) {
      double xi = values[k];
      sum += xi * xi - 2 * xi * center[indices[k]];
    }
    return Math.max(sum, 0.0);
  }

  /**
   * Returns the squared Euclidean norm of an array.
   *
   * @param v the array
   * @return the sum of the squares
   */
  public static double normSquared(double[] v) {
    double sum = 0.0;
    for (double x : v) {
      sum += x * x;
    }
    return sum;
  }

  /**
   * Adds {@code b} into {@code a}, entry by entry: the merge of two tasks' sums.
   *
   * @param a the sums to add to; modified
   * @param b the sums to add, of {@code a}'s length
   * @return {@code a}
   */
  public static double[] addInto(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return a;
  }
}
