package io.dstream.ml.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import io.dstream.rdd.RDD;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingKMeansTest {
  private static final double[][] TRUE_CENTERS = {{0, 0}, {10, 10}, {-10, 10}};

  private static TestStreamingContext context(String master) {
    return TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster(master));
  }

  /** A stream of the batches, each in 3 partitions whatever the number of worker threads. */
  private static DStream<Vector> stream(TestStreamingContext ssc, List<List<Vector>> batches) {
    Queue<RDD<Vector>> queue = new ArrayDeque<>();
    for (List<Vector> batch : batches) {
      queue.add(ssc.context().parallelize(batch, 3));
    }
    return ssc.context().queueStream(queue, true);
  }

  /** MLlib's rule, written out plainly: assign by distance, then (a w c + sum) / (a w + n) per cluster. */
  private static double[][] oracleCenters(double[][] centers, double[] weights, List<Vector> batch, double decay,
      boolean perPoint) {
    int k = centers.length;
    int dim = centers[0].length;
    double[][] sums = new double[k][dim];
    int[] counts = new int[k];
    for (Vector v : batch) {
      double[] x = v.toArray();
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (squaredDistance(x, centers[c]) < squaredDistance(x, centers[best])) {
          best = c;
        }
      }
      counts[best]++;
      for (int j = 0; j < dim; j++) {
        sums[best][j] += x[j];
      }
    }
    double a = perPoint ? Math.pow(decay, batch.size()) : decay;
    double[][] updated = new double[k][dim];
    for (int c = 0; c < k; c++) {
      double oldWeight = a * weights[c];
      weights[c] = oldWeight + counts[c];
      for (int j = 0; j < dim; j++) {
        updated[c][j] = counts[c] == 0 ? centers[c][j] : (oldWeight * centers[c][j] + sums[c][j]) / weights[c];
      }
    }
    return updated;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return sum;
  }

  private static Vector[] vectors(double[][] rows) {
    return Arrays.stream(rows).map(Vectors::dense).toArray(Vector[]::new);
  }

  @Test
  void oneBatchMovesTheCentersByMllibsRuleStepByStep() {
    double[][] initial = {{1, 1}, {8, 9}, {-7, 12}};
    double[] initialWeights = {3, 0.5, 10};
    List<Vector> batch = GaussianClusters.batch(TRUE_CENTERS, 2.0, 50, new Random(1));
    for (boolean perPoint : new boolean[] {false, true}) {
      double[] expectedWeights = initialWeights.clone();
      double[][] expected = oracleCenters(initial, expectedWeights, batch, 0.7, perPoint);
      try (TestStreamingContext ssc = context("local[2]")) {
        StreamingKMeans kmeans = new StreamingKMeans().setInitialCenters(vectors(initial), initialWeights)
            .setDecayFactor(0.7);
        if (perPoint) {
          kmeans.setHalfLife(Math.log(0.5) / Math.log(0.7), StreamingKMeans.POINTS);
        }
        kmeans.trainOn(stream(ssc, List.of(batch)));
        ssc.runBatches(1);

        StreamingKMeansModel model = kmeans.latestModel();
        assertThat(model.clusterWeights()).containsExactly(expectedWeights, within(1e-9));
        for (int c = 0; c < 3; c++) {
          assertThat(model.clusterCenters()[c].toArray()).containsExactly(expected[c], within(1e-9));
        }
      }
    }
  }

  @Test
  void theCentersConvergeToTheTrueOnesFromRandomCenters() {
    Random random = new Random(7);
    List<List<Vector>> batches = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batches.add(GaussianClusters.batch(TRUE_CENTERS, 0.5, 300, random));
    }
    try (TestStreamingContext ssc = context("local[2]")) {
      // Random centers near the origin take all points at first; the dying-cluster splits then separate them,
      // and a half-life of 2 batches forgets the early mixed assignments.
      StreamingKMeans kmeans = new StreamingKMeans().setK(3).setHalfLife(2, StreamingKMeans.BATCHES)
          .setRandomCenters(2, 0.0, 42L);
      kmeans.trainOn(stream(ssc, batches));
      ssc.runBatches(20);

      // The last batches weigh most, about 300 points per cluster of sigma 0.5: a mean within about 0.03.
      Vector[] learned = kmeans.latestModel().clusterCenters();
      for (double[] truth : TRUE_CENTERS) {
        assertThat(GaussianClusters.distanceToNearest(truth, learned)).isLessThan(0.1);
      }
    }
  }

  @Test
  void withDecayZeroTheModelFollowsAShiftWithinOneBatch() {
    Random random = new Random(3);
    double[][] shifted = {{1, 1}, {11, 11}, {-9, 11}};
    List<List<Vector>> batches = List.of(GaussianClusters.batch(TRUE_CENTERS, 0.5, 300, random),
        GaussianClusters.batch(TRUE_CENTERS, 0.5, 300, random), GaussianClusters.batch(shifted, 0.5, 300, random));
    try (TestStreamingContext ssc = context("local[2]")) {
      StreamingKMeans kmeans = new StreamingKMeans().setInitialCenters(vectors(TRUE_CENTERS), new double[3])
          .setDecayFactor(0.0);
      kmeans.trainOn(stream(ssc, batches));
      ssc.runBatches(3);

      Vector[] learned = kmeans.latestModel().clusterCenters();
      for (double[] truth : shifted) {
        assertThat(GaussianClusters.distanceToNearest(truth, learned)).isLessThan(0.15);
      }
      assertThat(kmeans.latestModel().clusterWeights()).containsExactly(100, 100, 100);
    }
  }

  @Test
  void theModelDoesNotDependOnTheNumberOfWorkerThreads() {
    Random random = new Random(11);
    List<List<Vector>> batches = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batches.add(GaussianClusters.batch(TRUE_CENTERS, 3.0, 200, random));
    }
    List<double[]> results = new ArrayList<>();
    for (String master : List.of("local[1]", "local[2]")) {
      try (TestStreamingContext ssc = context(master)) {
        StreamingKMeans kmeans = new StreamingKMeans().setK(3).setHalfLife(2, StreamingKMeans.BATCHES)
            .setRandomCenters(2, 1.0, 5L);
        kmeans.trainOn(stream(ssc, batches));
        ssc.runBatches(5);
        StreamingKMeansModel model = kmeans.latestModel();
        double[] flat = Arrays.stream(model.clusterCenters()).flatMapToDouble(v -> Arrays.stream(v.toArray()))
            .toArray();
        results.add(flat);
      }
    }
    assertThat(results.get(1)).containsExactly(results.get(0));
  }

  @Test
  void predictionsAreTheNearestCentersOfTheLatestModel() {
    List<Vector> points = GaussianClusters.batch(TRUE_CENTERS, 4.0, 60, new Random(2));
    try (TestStreamingContext ssc = context("local[2]")) {
      StreamingKMeans kmeans = new StreamingKMeans().setInitialCenters(vectors(TRUE_CENTERS), new double[] {1, 1, 1});
      CollectedOutput<Integer> clusters = ssc.collect(kmeans.predictOn(stream(ssc, List.of(points))));
      List<Tuple2<String, Vector>> keyed = points.stream().map(p -> new Tuple2<>(p.toString(), p)).toList();
      CollectedOutput<Tuple2<String, Integer>> keyedClusters =
          ssc.collect(kmeans.predictOnValues(PairDStream.fromDStream(ssc.inputStream(List.of(keyed)))));
      ssc.runBatches(1);

      List<Integer> expected = new ArrayList<>();
      for (Vector p : points) {
        int best = 0;
        for (int c = 1; c < 3; c++) {
          if (squaredDistance(p.toArray(), TRUE_CENTERS[c]) < squaredDistance(p.toArray(), TRUE_CENTERS[best])) {
            best = c;
          }
        }
        expected.add(best);
      }
      assertThat(clusters.batches().get(0)).isEqualTo(expected);
      assertThat(keyedClusters.batches().get(0)).extracting(Tuple2::_2).isEqualTo(expected);
      assertThat(keyedClusters.batches().get(0)).extracting(Tuple2::_1)
          .isEqualTo(points.stream().map(Vector::toString).toList());
    }
  }

  @Test
  void computeCostIsTheSumOfSquaredDistancesToTheNearestCenters() {
    List<Vector> points = GaussianClusters.batch(TRUE_CENTERS, 4.0, 40, new Random(4));
    StreamingKMeansModel model = new StreamingKMeansModel(vectors(TRUE_CENTERS), new double[] {1, 1, 1});
    double expected = 0;
    for (Vector p : points) {
      expected += Arrays.stream(TRUE_CENTERS).mapToDouble(c -> squaredDistance(p.toArray(), c)).min().orElseThrow();
    }
    try (TestStreamingContext ssc = context("local[2]")) {
      assertThat(model.computeCost(ssc.context().parallelize(points, 3))).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void aDyingClusterIsSplitFromTheLargest() {
    // Every point is nearest center 0; center 1, far away and of weight 0, dies and is split off center 0.
    List<Vector> batch = List.of(Vectors.dense(1.0, 2.0), Vectors.dense(3.0, 2.0));
    try (TestStreamingContext ssc = context("local[2]")) {
      StreamingKMeans kmeans = new StreamingKMeans()
          .setInitialCenters(vectors(new double[][] {{0, 0}, {100, 100}}), new double[] {0, 0});
      kmeans.trainOn(stream(ssc, List.of(batch)));
      ssc.runBatches(1);

      StreamingKMeansModel model = kmeans.latestModel();
      assertThat(model.clusterWeights()).containsExactly(1.0, 1.0);
      assertThat(model.clusterCenters()[0].toArray()).containsExactly(new double[] {2 + 2e-14, 2 + 2e-14},
          within(1e-15));
      assertThat(model.clusterCenters()[1].toArray()).containsExactly(new double[] {2 - 2e-14, 2 - 2e-14},
          within(1e-15));
    }
  }

  @Test
  void aPointOfTheWrongSizeOrWithNaNFailsTheBatchNamingIt() {
    for (Vector bad : List.of(Vectors.dense(1.0, 2.0, 3.0), Vectors.dense(1.0, Double.NaN))) {
      try (TestStreamingContext ssc = context("local[2]")) {
        StreamingKMeans kmeans = new StreamingKMeans().setRandomCenters(2, 1.0, 1L);
        kmeans.trainOn(stream(ssc, List.of(List.of(Vectors.dense(0.0, 0.0), bad))));
        assertThatThrownBy(() -> ssc.runBatches(1)).rootCause().isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("the record " + bad);
      }
    }
  }

  @Test
  void centersSetAfterTrainOnOrAnotherKAfterTheCentersAreRefused() {
    StreamingKMeans kmeans = new StreamingKMeans().setRandomCenters(2, 1.0, 1L);
    // MLlib ignores a k set after the centers; here it would silently keep 2 clusters.
    assertThatThrownBy(() -> kmeans.setK(3)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setK(3)").hasMessageContaining("2 centers");
    kmeans.setK(2);
    try (TestStreamingContext ssc = context("local[2]")) {
      kmeans.trainOn(stream(ssc, List.of(List.of(Vectors.dense(0.0, 0.0)))));
      // The training stream starts from the centers it was given: new ones would be published, then lost.
      assertThatThrownBy(() -> kmeans.setRandomCenters(2, 1.0, 2L)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("before trainOn");
      assertThatThrownBy(() -> kmeans.setInitialCenters(vectors(TRUE_CENTERS), new double[3]))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("before trainOn");
    }
  }

  @Test
  void misuseIsRefused() {
    StreamingKMeans kmeans = new StreamingKMeans();
    assertThatThrownBy(kmeans::latestModel).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setRandomCenters");
    assertThatThrownBy(() -> kmeans.setK(0)).hasMessageContaining("got 0");
    assertThatThrownBy(() -> kmeans.setDecayFactor(1.5)).hasMessageContaining("got 1.5");
    assertThatThrownBy(() -> kmeans.setHalfLife(2, "days")).hasMessageContaining("\"days\"");
    assertThatThrownBy(() -> kmeans.setInitialCenters(vectors(new double[][] {{1, 2}, {3}}), new double[2]))
        .hasMessageContaining("center 1");
  }
}
