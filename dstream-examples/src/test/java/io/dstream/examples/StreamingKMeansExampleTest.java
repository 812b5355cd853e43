package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.Tuple2;
import io.dstream.ml.clustering.StreamingKMeans;
import io.dstream.ml.linalg.Vector;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StreamingKMeansExample} on files moved into its two directories on the manual clock: each batch's
 * printed (label, cluster) pairs are those of a plain-Java k-means (MLlib's rule with decay 1, written out here)
 * trained on the same training files from the same initial centers.
 */
class StreamingKMeansExampleTest {
  private static final int K = 3;
  private static final int DIM = 2;
  private static final long BATCH = 5_000;

  @TempDir
  Path training;
  @TempDir
  Path test;
  @TempDir
  Path staging;

  /** The example's initial centers (random, from its seed): the input of the oracle, not what it checks. */
  private static double[][] initialCenters() {
    Vector[] centers = new StreamingKMeans().setK(K).setRandomCenters(DIM, 0.0, StreamingKMeansExample.SEED)
        .latestModel().clusterCenters();
    return Arrays.stream(centers).map(Vector::toArray).toArray(double[][]::new);
  }

  /**
   * Training points close around each initial center and drifting by {@code drift} along the first axis, so
   * that each cluster keeps its points while its center moves.
   */
  private static List<double[]> trainingPoints(double[][] centers, double drift, Random random) {
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      for (double[] center : centers) {
        points.add(new double[] {center[0] + drift + 0.05 * random.nextGaussian(),
            center[1] + 0.05 * random.nextGaussian()});
      }
    }
    return points;
  }

  /** Test points anywhere around the centers: which cluster each is nearest depends on where the centers are. */
  private static List<double[]> testPoints(Random random) {
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      points.add(new double[] {4 * random.nextDouble() - 2, 4 * random.nextDouble() - 2});
    }
    return points;
  }

  private static int nearest(double[][] centers, double[] x) {
    int best = 0;
    for (int c = 1; c < centers.length; c++) {
      if (squaredDistance(x, centers[c]) < squaredDistance(x, centers[best])) {
        best = c;
      }
    }
    return best;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return sum;
  }

  /** One batch of MLlib's rule with decay 1: each center moves to the mean of its old weight and new points. */
  private static void train(double[][] centers, double[] weights, List<double[]> batch) {
    double[][] sums = new double[K][DIM];
    int[] counts = new int[K];
    for (double[] x : batch) {
      int c = nearest(centers, x);
      counts[c]++;
      for (int j = 0; j < DIM; j++) {
        sums[c][j] += x[j];
      }
    }
    for (int c = 0; c < K; c++) {
      assertThat(weights[c] + counts[c]).as("every cluster has points (no dying cluster to split)").isPositive();
      for (int j = 0; j < DIM; j++) {
        centers[c][j] = (weights[c] * centers[c][j] + sums[c][j]) / (weights[c] + counts[c]);
      }
      weights[c] += counts[c];
    }
  }

  private static String vector(double[] x) {
    return "[" + x[0] + "," + x[1] + "]";
  }

  @Test
  void eachBatchPrintsTheClustersOfTheTestPointsByTheModelTrainedSoFar() throws IOException {
    Random random = new Random(8);
    double[][] centers = initialCenters();
    double[][] oracle = Arrays.stream(centers).map(double[]::clone).toArray(double[][]::new);
    double[] weights = new double[K];
    DatedFiles files = new DatedFiles(staging);
    List<List<Tuple2<Double, Integer>>> expected = new ArrayList<>();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.milliseconds(BATCH))) {
      CollectedOutput<Tuple2<Double, Integer>> out = t.collect(
          StreamingKMeansExample.predictions(t.context(), training.toString(), test.toString(), K, DIM));
      for (int batch = 1; batch <= 3; batch++) {
        List<double[]> trainingPoints = trainingPoints(centers, 0.3 * batch, random);
        List<double[]> testPoints = testPoints(random);
        files.moveIn(training, "train-" + batch, trainingPoints.stream().map(StreamingKMeansExampleTest::vector)
            .toList(), batch * BATCH - 1_000);
        List<String> testLines = new ArrayList<>();
        for (int i = 0; i < testPoints.size(); i++) {
          testLines.add("(" + (double) i + "," + vector(testPoints.get(i)) + ")");
        }
        files.moveIn(test, "test-" + batch, testLines, batch * BATCH - 1_000);

        train(oracle, weights, trainingPoints);
        List<Tuple2<Double, Integer>> predicted = new ArrayList<>();
        for (int i = 0; i < testPoints.size(); i++) {
          predicted.add(new Tuple2<>((double) i, nearest(oracle, testPoints.get(i))));
        }
        expected.add(predicted);
        t.runBatches(1);
      }

      assertThat(out.batches()).isEqualTo(expected);
    }
  }

  @Test
  void mainWatchesBothDirectoriesForTheGivenNumberOfBatchesAndReturns() throws Exception {
    String printed = PrintedBatches.captureStdout(() -> StreamingKMeansExample.main(
        new String[] {training.toString(), test.toString(), "1", "3", "2", "1"}));

    assertThat(PrintedBatches.parse(printed)).as("one batch, and any that were due before the graceful stop")
        .isNotEmpty().allSatisfy(batch -> assertThat(batch.records()).isEmpty());
  }
}
