package io.dstream.ml.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingLinearRegressionWithSGDTest {
  private static final double[] TRUE_WEIGHTS = {2.0, -1.5, 0.5};

  private static TestStreamingContext context(String master) {
    return TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster(master));
  }

  @Test
  void iterationsFollowMllibsStepsExactly() {
    List<LabeledPoint> batch = LinearData.linear(TRUE_WEIGHTS, 0.3, 40, new Random(1));
    double[] initial = {0.5, 0.1, -0.2};
    // Gradient descent written out: w_i = w_{i-1} - (step / sqrt(i)) * mean of (w_{i-1}.x - y) x.
    double[] expected = initial.clone();
    for (int i = 1; i <= 3; i++) {
      double[] gradient = new double[3];
      for (LabeledPoint p : batch) {
        double[] x = p.features().toArray();
        double diff = LinearData.dot(expected, x) - p.label();
        for (int j = 0; j < 3; j++) {
          gradient[j] += diff * x[j] / batch.size();
        }
      }
      for (int j = 0; j < 3; j++) {
        expected[j] -= 0.3 / Math.sqrt(i) * gradient[j];
      }
    }
    try (TestStreamingContext ssc = context("local[2]")) {
      StreamingLinearRegressionWithSGD regression = new StreamingLinearRegressionWithSGD()
          .setInitialWeights(Vectors.dense(initial)).setStepSize(0.3).setNumIterations(3).setConvergenceTol(0.0);
      regression.trainOn(LinearData.stream(ssc, List.of(batch)));
      ssc.runBatches(1);

      assertThat(regression.latestModel().weights().toArray()).containsExactly(expected, within(1e-9));
      assertThat(regression.latestModel().intercept()).isZero();
    }
  }

  @Test
  void theWeightsConvergeToTheTrueOnesDespiteNoise() {
    Random random = new Random(5);
    List<List<LabeledPoint>> batches = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batches.add(LinearData.linear(TRUE_WEIGHTS, 0.1, 200, random));
    }
    try (TestStreamingContext ssc = context("local[2]")) {
      StreamingLinearRegressionWithSGD regression = new StreamingLinearRegressionWithSGD()
          .setInitialWeights(Vectors.zeros(3)).setStepSize(0.5).setNumIterations(25);
      regression.trainOn(LinearData.stream(ssc, batches));
      ssc.runBatches(10);

      // Noise of sigma 0.1 over 2000 points: the least-squares weights are within about 0.005 of the truth.
      assertThat(regression.latestModel().weights().toArray()).containsExactly(TRUE_WEIGHTS, within(0.05));
    }
  }

  @Test
  void miniBatchSamplingDoesNotDependOnTheNumberOfWorkerThreads() {
    List<List<LabeledPoint>> batches = List.of(LinearData.linear(TRUE_WEIGHTS, 0.3, 300, new Random(8)),
        LinearData.linear(TRUE_WEIGHTS, 0.3, 300, new Random(9)));
    List<double[]> results = new ArrayList<>();
    for (String master : List.of("local[1]", "local[2]")) {
      try (TestStreamingContext ssc = context(master)) {
        StreamingLinearRegressionWithSGD regression = new StreamingLinearRegressionWithSGD()
            .setInitialWeights(Vectors.zeros(3)).setMiniBatchFraction(0.3).setNumIterations(10);
        regression.trainOn(LinearData.stream(ssc, batches));
        ssc.runBatches(2);
        results.add(regression.latestModel().weights().toArray());
      }
    }
    assertThat(results.get(1)).containsExactly(results.get(0));
    assertThat(results.get(0)).isNotEqualTo(new double[3]);
  }

  @Test
  void predictionsUseTheLatestModel() {
    List<LabeledPoint> points = LinearData.linear(TRUE_WEIGHTS, 0.3, 20, new Random(3));
    double[] weights = {1.0, 2.0, 3.0};
    try (TestStreamingContext ssc = context("local[2]")) {
      StreamingLinearRegressionWithSGD regression = new StreamingLinearRegressionWithSGD()
          .setInitialWeights(Vectors.dense(weights));
      CollectedOutput<Double> predictions =
          ssc.collect(regression.predictOn(ssc.inputStream(List.of(LinearData.features(points)))));
      List<Tuple2<Double, Vector>> keyed = points.stream().map(p -> new Tuple2<>(p.label(), p.features())).toList();
      CollectedOutput<Tuple2<Double, Double>> keyedPredictions =
          ssc.collect(regression.predictOnValues(PairDStream.fromDStream(ssc.inputStream(List.of(keyed)))));
      ssc.runBatches(1);

      List<Double> expected = points.stream().map(p -> LinearData.dot(weights, p.features().toArray())).toList();
      assertThat(predictions.batches().get(0)).isEqualTo(expected);
      assertThat(keyedPredictions.batches().get(0)).extracting(Tuple2::_2).isEqualTo(expected);
      assertThat(keyedPredictions.batches().get(0)).extracting(Tuple2::_1)
          .isEqualTo(points.stream().map(LabeledPoint::label).toList());
    }
  }

  @Test
  void aPointOfTheWrongSizeFailsTheBatchNamingIt() {
    LabeledPoint bad = new LabeledPoint(1.0, Vectors.dense(1.0, 2.0));
    try (TestStreamingContext ssc = context("local[2]")) {
      StreamingLinearRegressionWithSGD regression = new StreamingLinearRegressionWithSGD()
          .setInitialWeights(Vectors.zeros(3));
      regression.trainOn(LinearData.stream(ssc, List.of(List.of(bad))));
      assertThatThrownBy(() -> ssc.runBatches(1)).rootCause().isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("the record (1.0,[1.0,2.0]) has 2 features, but the model has 3");
    }
  }

  @Test
  void initialWeightsSetAfterTrainOnAreRefused() {
    try (TestStreamingContext ssc = context("local[2]")) {
      StreamingLinearRegressionWithSGD regression = new StreamingLinearRegressionWithSGD()
          .setInitialWeights(Vectors.zeros(3));
      regression.trainOn(LinearData.stream(ssc, List.of(LinearData.linear(TRUE_WEIGHTS, 0.3, 10, new Random(2)))));
      // The training stream starts from the weights it was given: new ones would be published, then lost.
      assertThatThrownBy(() -> regression.setInitialWeights(Vectors.dense(1.0, 1.0, 1.0)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("before trainOn");
    }
  }

  @Test
  void misuseIsRefused() {
    StreamingLinearRegressionWithSGD regression = new StreamingLinearRegressionWithSGD();
    assertThatThrownBy(regression::latestModel).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setInitialWeights");
    assertThatThrownBy(() -> regression.setStepSize(0)).hasMessageContaining("step size").hasMessageContaining("0.0");
    assertThatThrownBy(() -> regression.setNumIterations(0)).hasMessageContaining("got 0");
    assertThatThrownBy(() -> regression.setMiniBatchFraction(1.5)).hasMessageContaining("got 1.5");
    assertThatThrownBy(() -> regression.setInitialWeights(Vectors.dense(1.0, Double.NaN)))
        .hasMessageContaining("NaN");
  }
}
