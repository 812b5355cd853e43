package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dstream.Tuple2;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StreamingLinearRegressionExample} on files moved into its two directories on the manual clock: each
 * batch's printed (label, prediction) pairs are those of a plain-Java run of MLlib's gradient descent (50
 * iterations of step {@code 0.1 / sqrt(i)}, stopping once a step moves the weights by less than 0.001 of their
 * norm), written out here, on the same training files.
 */
class StreamingLinearRegressionExampleTest {
  private static final int N = StreamingLinearRegressionExample.NUM_FEATURES;
  private static final long BATCH = StreamingLinearRegressionExample.BATCH_INTERVAL.milliseconds();
  private static final double[] TRUE_WEIGHTS = {1.5, -2.0, 0.5};

  @TempDir
  Path training;
  @TempDir
  Path test;
  @TempDir
  Path staging;

  /** A labeled point: its label, then its features. */
  private static double[] point(Random random) {
    double[] p = new double[N + 1];
    for (int j = 1; j <= N; j++) {
      p[j] = random.nextGaussian();
      p[0] += TRUE_WEIGHTS[j - 1] * p[j];
    }
    p[0] += 0.1 * random.nextGaussian();
    return p;
  }

  private static double dot(double[] w, double[] p) {
    double sum = 0;
    for (int j = 0; j < N; j++) {
      sum += w[j] * p[j + 1];
    }
    return sum;
  }

  /** One batch of MLlib's mini-batch SGD (fraction 1) from the given weights, in place. */
  private static void train(double[] w, List<double[]> batch) {
    double[] previous = null;
    for (int i = 1; i <= 50; i++) {
      double[] gradient = new double[N];
      for (double[] p : batch) {
        double error = dot(w, p) - p[0];
        for (int j = 0; j < N; j++) {
          gradient[j] += error * p[j + 1] / batch.size();
        }
      }
      for (int j = 0; j < N; j++) {
        w[j] -= 0.1 / Math.sqrt(i) * gradient[j];
      }
      if (previous != null) {
        double moved = 0;
        double norm = 0;
        for (int j = 0; j < N; j++) {
          moved += (previous[j] - w[j]) * (previous[j] - w[j]);
          norm += w[j] * w[j];
        }
        if (Math.sqrt(moved) < 0.001 * Math.max(Math.sqrt(norm), 1.0)) {
          return;
        }
      }
      previous = w.clone();
    }
  }

  private static String text(double[] p) {
    return "(" + p[0] + ",[" + p[1] + "," + p[2] + "," + p[3] + "])";
  }

  @Test
  void eachBatchPrintsThePredictionsOfTheModelTrainedSoFar() throws IOException {
    Random random = new Random(4);
    double[] weights = new double[N];
    DatedFiles files = new DatedFiles(staging);
    List<List<Tuple2<Double, Double>>> expected = new ArrayList<>();
    try (TestStreamingContext t = TestStreamingContext.create(StreamingLinearRegressionExample.BATCH_INTERVAL)) {
      CollectedOutput<Tuple2<Double, Double>> out = t.collect(
          StreamingLinearRegressionExample.predictions(t.context(), training.toString(), test.toString()));
      for (int batch = 1; batch <= 4; batch++) {
        List<double[]> trainingPoints = new ArrayList<>();
        List<double[]> testPoints = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          trainingPoints.add(point(random));
        }
        for (int i = 0; i < 5; i++) {
          testPoints.add(point(random));
        }
        files.moveIn(training, "train-" + batch,
            trainingPoints.stream().map(StreamingLinearRegressionExampleTest::text).toList(), batch * BATCH - 500);
        files.moveIn(test, "test-" + batch,
            testPoints.stream().map(StreamingLinearRegressionExampleTest::text).toList(), batch * BATCH - 500);

        train(weights, trainingPoints);
        expected.add(testPoints.stream().map(p -> new Tuple2<>(p[0], dot(weights, p))).toList());
        t.runBatches(1);
      }

      List<List<Tuple2<Double, Double>>> printed = out.batches();
      assertThat(printed).hasSameSizeAs(expected);
      for (int b = 0; b < expected.size(); b++) {
        assertThat(printed.get(b)).hasSameSizeAs(expected.get(b));
        for (int i = 0; i < expected.get(b).size(); i++) {
          assertThat(printed.get(b).get(i)._1()).isEqualTo(expected.get(b).get(i)._1());
          assertThat(printed.get(b).get(i)._2()).as("batch %d, point %d", b + 1, i)
              .isCloseTo(expected.get(b).get(i)._2(), within(1e-9));
        }
      }
    }
  }

  @Test
  void mainWatchesBothDirectoriesForTheGivenNumberOfBatchesAndReturns() throws Exception {
    String printed = PrintedBatches.captureStdout(() -> StreamingLinearRegressionExample.main(
        new String[] {training.toString(), test.toString(), "1"}));

    assertThat(PrintedBatches.parse(printed)).as("one batch, and any that were due before the graceful stop")
        .isNotEmpty().allSatisfy(batch -> assertThat(batch.records()).isEmpty());
  }
}
