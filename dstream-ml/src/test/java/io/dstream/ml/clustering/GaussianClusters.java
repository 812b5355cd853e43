package io.dstream.ml.clustering;

import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded points around known centers, for the k-means tests. */
final class GaussianClusters {
  private GaussianClusters() {}

  static List<Vector> batch(double[][] centers, double sigma, int points, Random random) {
    List<Vector> batch = new ArrayList<>(points);
    for (int i = 0; i < points; i++) {
      double[] center = centers[i % centers.length];
      double[] x = new double[center.length];
      for (int j = 0; j < x.length; j++) {
        x[j] = center[j] + sigma * random.nextGaussian();
      }
      batch.add(Vectors.dense(x));
    }
    return batch;
  }

  static double distanceToNearest(double[] x, Vector[] centers) {
    double best = Double.POSITIVE_INFINITY;
    for (Vector c : centers) {
      best = Math.min(best, Math.sqrt(Vectors.sqdist(c, Vectors.dense(x))));
    }
    return best;
  }
}
