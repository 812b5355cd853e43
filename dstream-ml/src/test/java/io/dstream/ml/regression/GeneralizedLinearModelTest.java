package io.dstream.ml.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dstream.ml.classification.LogisticRegressionModel;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The margin both linear models predict from, with an intercept, against a plain-Java {@code w . x + b}. */
class GeneralizedLinearModelTest {
  private static final int DIM = 6;
  private static final double INTERCEPT = -0.7;

  @Test
  void bothModelsPredictFromWeightsAndIntercept() {
    Random random = new Random(11);
    double[] w = random.doubles(DIM, -2, 2).toArray();
    LinearRegressionModel linear = new LinearRegressionModel(Vectors.dense(w), INTERCEPT);
    LogisticRegressionModel logistic = new LogisticRegressionModel(Vectors.dense(w), INTERCEPT);
    for (int n = 0; n < 50; n++) {
      double[] x = random.doubles(DIM, -3, 3).toArray();
      double margin = INTERCEPT;
      for (int j = 0; j < DIM; j++) {
        margin += w[j] * x[j];
      }
      double probability = 1.0 / (1.0 + Math.exp(-margin));
      Vector features = n % 2 == 0 ? Vectors.dense(x) : Vectors.sparse(DIM, new int[] {0, 1, 2, 3, 4, 5}, x);
      assertThat(linear.predict(features)).isCloseTo(margin, within(1e-12));
      assertThat(logistic.predictProbability(features)).isCloseTo(probability, within(1e-12));
      if (Math.abs(margin) > 1e-9) {
        assertThat(logistic.predict(features)).isEqualTo(margin > 0 ? 1.0 : 0.0);
      }
    }
  }

  @Test
  void aModelWithoutWeightsIsRefusedNamingItsClass() {
    assertThatThrownBy(() -> new LogisticRegressionModel(Vectors.dense(), 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a LogisticRegressionModel needs at least one weight");
    assertThatThrownBy(() -> new LinearRegressionModel(null, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a LinearRegressionModel needs at least one weight");
  }

  @Test
  void theTextNamesTheModelsClassWeightsAndIntercept() {
    Vector w = Vectors.dense(1.5, -2.0);
    assertThat(new LinearRegressionModel(w, INTERCEPT))
        .hasToString("LinearRegressionModel(weights=" + w + ", intercept=" + INTERCEPT + ")");
    assertThat(new LogisticRegressionModel(w, 0.0))
        .hasToString("LogisticRegressionModel(weights=" + w + ", intercept=0.0)");
  }
}
