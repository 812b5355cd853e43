package io.dstream.benchmarks;

import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.ml.clustering.StreamingKMeans;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import io.dstream.ml.regression.LabeledPoint;
import io.dstream.ml.regression.StreamingLinearRegressionWithSGD;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Measures how fast dstream-ml's streaming algorithms train, through the public API: {@code trainOn} over a
 * queue stream of pre-generated batches in a {@code local[2]} {@code TestStreamingContext}, each batch run and
 * timed on its own ({@code runBatches(1)}: the batch's jobs, from the queue's RDD to the new model). After a few
 * warm-up batches it prints the median, min and max of the training points per second of batch time.
 *
 * <ul>
 *   <li>k-means: {@code StreamingKMeans}, k = 10, dim = 10, decay 1, 100,000 points per batch from ten Gaussian
 *       clusters: one pass over the batch per batch (assign and sum on the workers, move the centers);
 *   <li>linear regression: {@code StreamingLinearRegressionWithSGD}, dim = 100, 20,000 points per batch, MLlib's
 *       50 iterations of step 0.1 with the convergence test off, so that every batch makes 50 passes over its
 *       points (a batch that converges early would make fewer).
 * </ul>
 *
 * <p>Run it from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@ml -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>which starts it in a JVM of its own with {@code -Xmx4g -Xms4g} (the {@code ml} execution in this module's
 * pom). Add {@code -Dml.args="warmup measured"} for other numbers of batches (3 and 10 by default).
 */
public final class MlTrainingBenchmark {
  private static final int KMEANS_POINTS = 100_000;
  private static final int KMEANS_K = 10;
  private static final int KMEANS_DIM = 10;
  private static final int REGRESSION_POINTS = 20_000;
  private static final int REGRESSION_DIM = 100;

  private MlTrainingBenchmark() {}

  /**
   * Runs both measurements and prints one line each.
   *
   * @param args optionally the numbers of warm-up and measured batches
   */
  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    if (warmup < 0 || measured < 1) {
      throw new IllegalArgumentException("the warm-up batches must be 0 or more and the measured ones at least 1, "
          + "got " + warmup + " and " + measured);
    }
    System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, max heap %d MiB; %d warm-up and %d measured "
            + "batches, local[2]%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, warmup, measured);
    Random random = new Random(1);
    double[][] means = new double[KMEANS_K][KMEANS_DIM];
    for (double[] mean : means) {
      for (int j = 0; j < KMEANS_DIM; j++) {
        mean[j] = 10 * random.nextGaussian();
      }
    }
    report("k-means (k=10, dim=10)", KMEANS_POINTS, measure(warmup, measured, () -> clusterPoint(means, random),
        KMEANS_POINTS, points -> new StreamingKMeans().setK(KMEANS_K).setRandomCenters(KMEANS_DIM, 0.0, 7L)
            .trainOn(points)));
    double[] weights = new double[REGRESSION_DIM];
    for (int j = 0; j < REGRESSION_DIM; j++) {
      weights[j] = random.nextGaussian();
    }
    report("linear regression (dim=100, 50 iterations)", REGRESSION_POINTS, measure(warmup, measured,
        () -> labeledPoint(weights, random), REGRESSION_POINTS, points -> new StreamingLinearRegressionWithSGD()
            .setInitialWeights(Vectors.zeros(REGRESSION_DIM)).setConvergenceTol(0.0).trainOn(points)));
  }

  private interface Training<T> {
    void trainOn(DStream<T> points);
  }

  /** Runs the batches one at a time; returns the seconds of each measured batch. */
  private static <T> List<Double> measure(int warmup, int measured, Supplier<T> point, int perBatch,
      Training<T> training) {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().setMaster("local[2]").setAppName("ml-benchmark"))) {
      Queue<RDD<T>> queue = new ArrayDeque<>();
      for (int b = 0; b < warmup + measured; b++) {
        List<T> batch = new ArrayList<>(perBatch);
        for (int i = 0; i < perBatch; i++) {
          batch.add(point.get());
        }
        queue.add(t.context().parallelize(batch, 2));
      }
      training.trainOn(t.context().queueStream(queue, true));
      List<Double> seconds = new ArrayList<>();
      for (int b = 0; b < warmup + measured; b++) {
        System.gc();
        long start = System.nanoTime();
        t.runBatches(1);
        if (b >= warmup) {
          seconds.add((System.nanoTime() - start) / 1e9);
        }
      }
      return seconds;
    }
  }

  private static Vector clusterPoint(double[][] means, Random random) {
    double[] mean = means[random.nextInt(means.length)];
    double[] x = new double[mean.length];
    for (int j = 0; j < x.length; j++) {
      x[j] = mean[j] + random.nextGaussian();
    }
    return Vectors.dense(x);
  }

  private static LabeledPoint labeledPoint(double[] weights, Random random) {
    double[] x = new double[weights.length];
    double y = 0;
    for (int j = 0; j < x.length; j++) {
      x[j] = random.nextGaussian();
      y += weights[j] * x[j];
    }
    return new LabeledPoint(y + 0.1 * random.nextGaussian(), Vectors.dense(x));
  }

  private static void report(String workload, int perBatch, List<Double> seconds) {
    List<Double> rates = new ArrayList<>(seconds.stream().map(s -> perBatch / s).toList());
    rates.sort(null);
    System.out.printf(Locale.ROOT, "%s, %,d points per batch: median %,.0f points/s, min %,.0f, max %,.0f%n",
        workload, perBatch, rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1));
  }
}
