package io.dstream.ml.internal;

import io.dstream.ml.linalg.Vector;

/**
 * Finds the center nearest to a point (squared Euclidean distance; the lowest index among equally near ones),
 * for k-means' assignment and cost. Built once per batch from the model's centers; used by every task.
 */
public final class NearestCenter {
  private final double[][] centers;
  private final double[] normsSquared;

  /**
   * Prepares the search.
   *
   * @param centers the centers, all of one size; not copied, and not modified
   */
  public NearestCenter(double[][] centers) {
    this.centers = centers;
    this.normsSquared = new double[centers.length];
    for (int c = 0; c < centers.length; c++) {
      normsSquared[c] = DenseMath.normSquared(centers[c]);
    }
  }

  /**
   * Returns the index of the nearest center.
   *
   * @param x the point, of the centers' size
   * @return the index
   */
  public int indexOf(Vector x) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centers.length; c++) {
      double d = DenseMath.squaredDistance(x, centers[c], normsSquared[c]);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  /**
   * Returns the squared distance to the nearest center.
   *
   * @param x the point, of the centers' size
   * @return the squared distance
   */
  public double distanceSquared(Vector x) {
    double best = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centers.length; c++) {
      best = Math.min(best, DenseMath.squaredDistance(x, centers[c], normsSquared[c]));
    }
    return best;
  }
}
