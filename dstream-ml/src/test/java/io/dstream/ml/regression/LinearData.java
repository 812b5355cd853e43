package io.dstream.ml.regression;

import io.dstream.DStream;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;

/** Seeded points of known linear and logistic models, and streams of them, for the regression tests. */
public final class LinearData {
  private LinearData() {}

  /**
   * Returns points with standard normal features and label {@code w . x + sigma * noise}.
   *
   * @param weights the true weights
   * @param sigma the noise's standard deviation
   * @param count how many points
   * @param random the source of randomness
   * @return the points
   */
  public static List<LabeledPoint> linear(double[] weights, double sigma, int count, Random random) {
    List<LabeledPoint> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double[] x = features(weights.length, random);
      points.add(new LabeledPoint(dot(weights, x) + sigma * random.nextGaussian(), Vectors.dense(x)));
    }
    return points;
  }

  /**
   * Returns points with standard normal features and a label drawn as 1 with probability
   * {@code sigmoid(w . x)}.
   *
   * @param weights the true weights
   * @param count how many points
   * @param random the source of randomness
   * @return the points
   */
  public static List<LabeledPoint> logistic(double[] weights, int count, Random random) {
    List<LabeledPoint> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double[] x = features(weights.length, random);
      double p = 1 / (1 + Math.exp(-dot(weights, x)));
      points.add(new LabeledPoint(random.nextDouble() < p ? 1.0 : 0.0, Vectors.dense(x)));
    }
    return points;
  }

  /**
   * Returns a stream of the batches, each in 3 partitions whatever the number of worker threads.
   *
   * @param ssc the test context
   * @param batches the batches
   * @param <T> the record type
   * @return the stream
   */
  public static <T> DStream<T> stream(TestStreamingContext ssc, List<List<T>> batches) {
    Queue<RDD<T>> queue = new ArrayDeque<>();
    for (List<T> batch : batches) {
      queue.add(ssc.context().parallelize(batch, 3));
    }
    return ssc.context().queueStream(queue, true);
  }

  /**
   * Returns the plain dot product.
   *
   * @param w one array
   * @param x the other
   * @return the sum of products
   */
  public static double dot(double[] w, double[] x) {
    double sum = 0;
    for (int j = 0; j < w.length; j++) {
      sum += w[j] * x[j];
    }
    return sum;
  }

  /**
   * Returns the features of the points.
   *
   * @param points the points
   * @return their features
   */
  public static List<Vector> features(List<LabeledPoint> points) {
    return points.stream().map(LabeledPoint::features).toList();
  }

  private static double[] features(int n, Random random) {
    double[] x = new double[n];
    for (int j = 0; j < n; j++) {
      x[j] = random.nextGaussian();
    }
    return x;
  }
}
