package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PIDRateEstimatorTest {
  private static final long BATCH_MS = 1000;

  private static double rate(OptionalDouble estimate) {
    assertThat(estimate).isPresent();
    return estimate.getAsDouble();
  }

  @Test
  void theFirstBatchOnlySetsTheStartingPoint() {
    PIDRateEstimator estimator = new PIDRateEstimator(BATCH_MS);

    assertThat(estimator.compute(1000, 1000, 500, 0)).isEmpty();
  }

  @Test
  void aKnownSequenceWithTheDefaultWeights() {
    PIDRateEstimator estimator = new PIDRateEstimator(BATCH_MS);
    estimator.compute(1000, 1000, 500, 0); // processed at 2000/s: the starting rate

    // Processed at 2000/s again, no backlog: the rate stays.
    assertThat(rate(estimator.compute(2000, 1000, 500, 0))).isCloseTo(2000, within(1e-9));
    // Processed at 1000/s with 500 ms of backlog: 2000 - 1.0 * (2000 - 1000) - 0.2 * (500 * 1000 / 1000).
    assertThat(rate(estimator.compute(3000, 1000, 1000, 500))).isCloseTo(900, within(1e-9));
    // Processed at 1000/s, no backlog: 900 - 1.0 * (900 - 1000).
    assertThat(rate(estimator.compute(4000, 900, 900, 0))).isCloseTo(1000, within(1e-9));
  }

  @Test
  void theDerivativeTermReactsToTheChangeOfTheErrorPerSecond() {
    PIDRateEstimator estimator = new PIDRateEstimator(BATCH_MS, 1.0, 0.2, 0.5, 100);
    estimator.compute(1000, 1000, 500, 0);

    // error 2000 - 1000 = 1000, which grew by 1000 in 1 s: 2000 - 1000 - 0 - 0.5 * 1000.
    assertThat(rate(estimator.compute(2000, 1000, 1000, 0))).isCloseTo(500, within(1e-9));
  }

  @Test
  void theRateNeverFallsBelowTheMinimum() {
    PIDRateEstimator estimator = new PIDRateEstimator(BATCH_MS, 1.0, 0.2, 0.0, 100);
    estimator.compute(1000, 10_000, 1000, 0);

    // 10000 - (10000 - 100) - 0.2 * (10000 * 100 / 1000) = -100, raised to the minimum.
    assertThat(rate(estimator.compute(2000, 100, 1000, 10_000))).isEqualTo(100);
  }

  @Test
  void batchesWithoutRecordsWithoutProcessingTimeOrOutOfOrderAreIgnored() {
    PIDRateEstimator estimator = new PIDRateEstimator(BATCH_MS);
    estimator.compute(1000, 1000, 500, 0);

    assertThat(estimator.compute(2000, 0, 500, 0)).isEmpty();
    assertThat(estimator.compute(2000, 1000, 0, 0)).isEmpty();
    assertThat(estimator.compute(1000, 1000, 500, 0)).isEmpty();
    assertThat(estimator.compute(500, 1000, 500, 0)).isEmpty();
    // The ignored batches changed nothing: the next real one is computed from the first.
    assertThat(rate(estimator.compute(2000, 1000, 500, 0))).isCloseTo(2000, within(1e-9));
  }

  @Test
  void aSystemWithAFixedCapacitySettlesAtThatCapacity() {
    double capacity = 5000; // records per second the pipeline can process
    PIDRateEstimator estimator = new PIDRateEstimator(BATCH_MS);
    double offered = 50_000;
    long backlogMs = 0;
    double latest = offered;
    for (int batch = 1; batch <= 40; batch++) {
      long records = (long) offered;
      long processingMs = Math.max(1, Math.round(records / capacity * 1000));
      OptionalDouble estimate = estimator.compute(batch * BATCH_MS, records, processingMs, backlogMs);
      backlogMs = Math.max(0, backlogMs + processingMs - BATCH_MS);
      if (estimate.isPresent()) {
        latest = estimate.getAsDouble();
        offered = latest;
      }
    }

    assertThat(latest).isCloseTo(capacity, within(capacity * 0.05));
  }

  @Test
  void parametersOutOfRangeAreRejectedByName() {
    assertThatThrownBy(() -> new PIDRateEstimator(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch interval");
    assertThatThrownBy(() -> new PIDRateEstimator(BATCH_MS, -1, 0.2, 0, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proportional");
    assertThatThrownBy(() -> new PIDRateEstimator(BATCH_MS, 1, -0.2, 0, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integral");
    assertThatThrownBy(() -> new PIDRateEstimator(BATCH_MS, 1, 0.2, Double.NaN, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("derivative");
    assertThatThrownBy(() -> new PIDRateEstimator(BATCH_MS, 1, 0.2, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum rate");
  }
}
