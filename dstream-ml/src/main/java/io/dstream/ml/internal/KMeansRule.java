package io.dstream.ml.internal;

import io.dstream.ml.linalg.Vector;
import io.dstream.rdd.RDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MLlib's mini-batch k-means update with forgetfulness, in two halves: {@link #sumsByCluster} assigns a batch's
 * points to their nearest centers and sums them per cluster on the worker threads; {@link #update} then moves
 * the centers on the caller's thread. With {@code n} points assigned to cluster {@code c} of old center
 * {@code c_t} and weight {@code w_t}, their mean {@code m}, and the discount {@code a} (the decay factor, or
 * the decay factor to the power of the batch's point count):
 *
 * <pre>
 *   w_{t+1} = a * w_t + n
 *   c_{t+1} = (a * w_t * c_t + n * m) / w_{t+1}
 * </pre>
 *
 * <p>Every cluster's weight is discounted, including those that got no points. Then, if the smallest weight is
 * below {@code 1e-8} times the largest, that dying cluster is split from the largest: both get the mean of the
 * two weights, and centers a relative {@code 1e-14} on either side of the largest's.
 */
public final class KMeansRule {
  private static final Logger LOG = LoggerFactory.getLogger(KMeansRule.class);

  private KMeansRule() {}

  /**
   * Sums a batch's points per nearest center, on the worker threads (a tree aggregate of one array per task).
   *
   * @param points the batch; each checked with {@link PointChecks#requireFeatures}
   * @param centers the current centers
   * @return for each cluster {@code c}, the sum of its points at {@code c * (dim + 1)} and their count after it
   * @throws io.dstream.rdd.JobFailedException if a point has another size than the centers or holds NaN (with
   *     the {@link IllegalArgumentException} naming the point as its cause)
   */
  public static double[] sumsByCluster(RDD<Vector> points, double[][] centers) {
    int dim = centers[0].length;
    int stride = dim + 1;
    NearestCenter nearest = new NearestCenter(centers);
    return points.treeAggregate(new double[centers.length * stride], (sums, x) -> {
      PointChecks.requireFeatures(x, dim, x);
      int offset = nearest.indexOf(x) * stride;
      DenseMath.axpy(1.0, x, sums, offset);
      sums[offset + dim] += 1;
      return sums;
    }, DenseMath::addInto);
  }

  /**
   * Moves the centers by a batch's sums: the rule above, in place.
   *
   * @param centers the centers, updated in place
   * @param weights their weights, updated in place
   * @param sums what {@link #sumsByCluster} returned for the batch
   * @param decayFactor the decay factor, from 0 (forget the past) to 1 (remember all of it)
   * @param perPoint whether the decay applies per point (the factor to the power of the batch's point count)
   *     rather than per batch
   */
  public static void update(double[][] centers, double[] weights, double[] sums, double decayFactor,
      boolean perPoint) {
    int dim = centers[0].length;
    int stride = dim + 1;
    double points = 0;
    for (int c = 0; c < centers.length; c++) {
      points += sums[c * stride + dim];
    }
    double discount = perPoint ? Math.pow(decayFactor, points) : decayFactor;
    for (int c = 0; c < centers.length; c++) {
      weights[c] *= discount;
      double count = sums[c * stride + dim];
      if (count == 0) {
        continue;
      }
      double updatedWeight = weights[c] + count;
      double lambda = count / Math.max(updatedWeight, 1e-16);
      weights[c] = updatedWeight;
      double[] center = centers[c];
      for (int j = 0; j < dim; j++) {
        center[j] = (1.0 - lambda) * center[j] + (lambda / count) * sums[c * stride + j];
      }
    }
    splitDyingCluster(centers, weights);
  }

  private static void splitDyingCluster(double[][] centers, double[] weights) {
    int largest = 0;
    int smallest = 0;
    for (int c = 1; c < weights.length; c++) {
      if (weights[c] > weights[largest]) {
        largest = c;
      }
      if (weights[c] < weights[smallest]) {
        smallest = c;
      }
    }
    if (weights[smallest] >= 1e-8 * weights[largest]) {
      return;
    }
    LOG.info("cluster {} is dying (weight {}); splitting the largest cluster {} (weight {}) into two", smallest,
        weights[smallest], largest, weights[largest]);
    double weight = (weights[largest] + weights[smallest]) / 2.0;
    weights[largest] = weight;
    weights[smallest] = weight;
    double[] big = centers[largest];
    double[] small = centers[smallest];
    for (int j = 0; j < big.length; j++) {
      double x = big[j];
      double p = 1e-14 * Math.max(Math.abs(x), 1.0);
      big[j] = x + p;
      small[j] = x - p;
    }
  }
}
