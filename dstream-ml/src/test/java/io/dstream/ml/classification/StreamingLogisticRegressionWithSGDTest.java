package io.dstream.ml.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.ml.linalg.Vectors;
import io.dstream.ml.regression.LabeledPoint;
import io.dstream.ml.regression.LinearData;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingLogisticRegressionWithSGDTest {
  private static final double[] TRUE_WEIGHTS = {1.5, -2.0, 1.0};

  private static TestStreamingContext context() {
    return TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster("local[2]"));
  }

  @Test
  void iterationsFollowMllibsStepsWithL2RegularizationExactly() {
    List<LabeledPoint> batch = LinearData.logistic(TRUE_WEIGHTS, 50, new Random(1));
    double[] initial = {0.2, -0.1, 0.3};
    double step = 0.8;
    double reg = 0.1;
    // w_i = (1 - s_i reg) w_{i-1} - s_i * mean of (sigmoid(w_{i-1}.x) - y) x, with s_i = step / sqrt(i).
    double[] expected = initial.clone();
    for (int i = 1; i <= 2; i++) {
      double[] gradient = new double[3];
      for (LabeledPoint p : batch) {
        double[] x = p.features().toArray();
        double error = 1 / (1 + Math.exp(-LinearData.dot(expected, x))) - p.label();
        for (int j = 0; j < 3; j++) {
          gradient[j] += error * x[j] / batch.size();
        }
      }
      double s = step / Math.sqrt(i);
      for (int j = 0; j < 3; j++) {
        expected[j] = expected[j] * (1 - s * reg) - s * gradient[j];
      }
    }
    try (TestStreamingContext ssc = context()) {
      StreamingLogisticRegressionWithSGD classifier = new StreamingLogisticRegressionWithSGD()
          .setInitialWeights(Vectors.dense(initial)).setStepSize(step).setRegParam(reg).setNumIterations(2);
      classifier.trainOn(LinearData.stream(ssc, List.of(batch)));
      ssc.runBatches(1);

      assertThat(classifier.latestModel().weights().toArray()).containsExactly(expected, within(1e-9));
    }
  }

  @Test
  void theLearnedModelClassifiesHeldOutDataAlmostAsWellAsTheTrueOne() {
    Random random = new Random(21);
    List<List<LabeledPoint>> batches = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batches.add(LinearData.logistic(TRUE_WEIGHTS, 300, random));
    }
    List<LabeledPoint> heldOut = LinearData.logistic(TRUE_WEIGHTS, 2000, random);
    try (TestStreamingContext ssc = context()) {
      StreamingLogisticRegressionWithSGD classifier = new StreamingLogisticRegressionWithSGD()
          .setInitialWeights(Vectors.zeros(3)).setStepSize(2.0);
      classifier.trainOn(LinearData.stream(ssc, batches));
      ssc.runBatches(10);

      LogisticRegressionModel learned = classifier.latestModel();
      LogisticRegressionModel truth = new LogisticRegressionModel(Vectors.dense(TRUE_WEIGHTS), 0.0);
      double learnedAccuracy = accuracy(learned, heldOut);
      // The labels are random draws, so even the true model errs on some (about 18% here): the bound is
      // relative to it, and absolute.
      assertThat(learnedAccuracy).isGreaterThan(accuracy(truth, heldOut) - 0.02).isGreaterThan(0.78);
    }
  }

  private static double accuracy(LogisticRegressionModel model, List<LabeledPoint> points) {
    return points.stream().filter(p -> model.predict(p.features()) == p.label()).count() / (double) points.size();
  }

  @Test
  void predictionsAreClassesOfTheLatestModel() {
    List<LabeledPoint> points = LinearData.logistic(TRUE_WEIGHTS, 30, new Random(4));
    try (TestStreamingContext ssc = context()) {
      StreamingLogisticRegressionWithSGD classifier = new StreamingLogisticRegressionWithSGD()
          .setInitialWeights(Vectors.dense(TRUE_WEIGHTS));
      CollectedOutput<Double> labels =
          ssc.collect(classifier.predictOn(ssc.inputStream(List.of(LinearData.features(points)))));
      ssc.runBatches(1);

      List<Double> expected = points.stream()
          .map(p -> LinearData.dot(TRUE_WEIGHTS, p.features().toArray()) > 0 ? 1.0 : 0.0).toList();
      assertThat(labels.batches().get(0)).isEqualTo(expected);
    }
  }

  @Test
  void aLabelOtherThanZeroOrOneFailsTheBatchNamingThePoint() {
    try (TestStreamingContext ssc = context()) {
      StreamingLogisticRegressionWithSGD classifier = new StreamingLogisticRegressionWithSGD()
          .setInitialWeights(Vectors.zeros(2));
      classifier.trainOn(LinearData.stream(ssc, List.of(List.of(LabeledPoint.parse("(2.0,[1.0,1.0])")))));
      assertThatThrownBy(() -> ssc.runBatches(1)).rootCause().isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("the record (2.0,[1.0,1.0]) has the label 2.0");
    }
  }

  @Test
  void aNegativeRegularizationIsRefused() {
    assertThatThrownBy(() -> new StreamingLogisticRegressionWithSGD().setRegParam(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1.0");
  }
}
