package io.dstream.internal.backpressure;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Time;
import io.dstream.receiver.internal.PIDRateEstimator;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Backpressure's controller: each completed batch's statistics of its stream become a new rate. */
class RateControllerTest {
  private static final int STREAM = 2;
  private static final int OTHER_STREAM = 5;
  private static final long BATCH_MS = 1000;

  private final List<Long> rates = new ArrayList<>();
  private final RateController controller =
      new RateController(STREAM, new PIDRateEstimator(BATCH_MS, 1.0, 0.2, 0.0, 100), rates::add);

  /** A completed batch: submitted at its time, started after the scheduling delay, then processed. */
  private void complete(long timeMs, Map<Integer, Long> records, long schedulingDelay, long processingDelay) {
    long start = timeMs + schedulingDelay;
    controller.onBatchCompleted(new StreamingListenerBatchCompleted(new BatchInfo(new Time(timeMs), records,
        timeMs, Optional.of(start), Optional.of(start + processingDelay), Map.of())));
  }

  @Test
  void aSlowerAndSlowerPipelineGetsALowerAndLowerRate() {
    complete(1000, Map.of(STREAM, 1000L, OTHER_STREAM, 50L), 0, 500);     // starting point: 2000/s
    complete(2000, Map.of(STREAM, 1000L, OTHER_STREAM, 50L), 0, 800);     // processed at 1250/s
    complete(3000, Map.of(STREAM, 1000L, OTHER_STREAM, 50L), 300, 1000);  // at 1000/s, 300 ms behind

    // 2000 - 1.0 * (2000 - 1250) = 1250; then 1250 - 1.0 * (1250 - 1000) - 0.2 * (300 * 1000 / 1000) = 940.
    assertThat(rates).containsExactly(1250L, 940L);
  }

  @Test
  void theRateNeverGoesBelowTheMinimum() {
    complete(1000, Map.of(STREAM, 1000L), 0, 1000);
    complete(2000, Map.of(STREAM, 100L), 5000, 1000);

    assertThat(rates).containsExactly(100L);
  }

  @Test
  void batchesWithoutRecordsOfTheStreamChangeNothing() {
    complete(1000, Map.of(STREAM, 1000L), 0, 500);
    complete(2000, Map.of(OTHER_STREAM, 1000L), 0, 5000);
    complete(3000, Map.of(STREAM, 0L), 0, 5000);
    complete(4000, Map.of(STREAM, 1000L), 0, 500);

    assertThat(rates).containsExactly(2000L);
  }
}
