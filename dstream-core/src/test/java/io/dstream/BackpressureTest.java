package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.receiver.internal.ReceiverSupervisor;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Backpressure through the context: the pipeline's measured delays set the receiver's rate after each
 * batch, between the minimum rate and {@code dstream.receiver.maxRate}. Processing time is simulated by the
 * output operation moving the manual clock.
 */
class BackpressureTest {

  private static final List<String> THOUSAND_RECORDS =
      IntStream.range(0, 1000).mapToObj(i -> "record " + i).toList();

  private static StreamingConf backpressure() {
    return new StreamingConf().set("dstream.backpressure.enabled", "true");
  }

  /** Runs batches whose processing takes the given times; the receiver stores 1000 records before each. */
  private static ReceiverSupervisor runBatches(TestStreamingContext t, long... processingMillis) {
    CommandedReceiver receiver = new CommandedReceiver();
    ReceiverInputDStream<String> in = t.context().receiverStream(receiver);
    List<Long> delays = Collections.synchronizedList(new ArrayList<>());
    for (long millis : processingMillis) {
      delays.add(millis);
    }
    in.foreachRDD(rdd -> {
      rdd.count();
      t.clock().advance(delays.remove(0));
    });
    t.runBatches(0);
    for (int i = 0; i < processingMillis.length; i++) {
      receiver.store(THOUSAND_RECORDS);
      t.runBatches(1);
    }
    return ReceiverKit.tracker(t.context()).supervisor(in.id()).orElseThrow();
  }

  private static TestStreamingContext newContext(StreamingConf conf) {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf);
    return t;
  }

  @Test
  void theRateFollowsWhatTheLastBatchesWereProcessedAt() {
    try (TestStreamingContext t = newContext(backpressure())) {
      // 1000 records in 250 ms (4000/s: the starting point), then in 400 ms (2500/s).
      ReceiverSupervisor supervisor = runBatches(t, 250, 400);

      // 4000 - 1.0 * (4000 - 2500) - 0.2 * 0
      assertThat(supervisor.currentRate()).isEqualTo(2500);
    }
  }

  @Test
  void theInitialRateHoldsUntilTheFirstEstimate() {
    try (TestStreamingContext t = newContext(backpressure().set("dstream.backpressure.initialRate", "700"))) {
      ReceiverSupervisor supervisor = runBatches(t, 250);

      assertThat(supervisor.currentRate()).isEqualTo(700);
    }
  }

  @Test
  void theRateNeverExceedsTheMaximumRate() {
    try (TestStreamingContext t = newContext(backpressure().set("dstream.receiver.maxRate", "1500"))) {
      ReceiverSupervisor supervisor = runBatches(t, 100, 100);

      assertThat(supervisor.currentRate()).isEqualTo(1500);
    }
  }

  @Test
  void theRateNeverFallsBelowTheMinimumRate() {
    try (TestStreamingContext t = newContext(backpressure().set("dstream.backpressure.pid.minRate", "2000"))) {
      ReceiverSupervisor supervisor = runBatches(t, 100, 900);

      // 10000 - 1.0 * (10000 - 1111) = 1111, below the minimum
      assertThat(supervisor.currentRate()).isEqualTo(2000);
    }
  }

  @Test
  void withoutBackpressureTheRateStaysUnlimited() {
    try (TestStreamingContext t = newContext(new StreamingConf())) {
      ReceiverSupervisor supervisor = runBatches(t, 250, 400);

      assertThat(supervisor.currentRate()).isZero();
    }
  }
}
