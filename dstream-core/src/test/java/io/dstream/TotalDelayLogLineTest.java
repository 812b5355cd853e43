package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.testing.TestStreamingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The INFO line that the scheduler logs for every completed batch, as Spark Streaming does. */
class TotalDelayLogLineTest {
  private static final String SCHEDULER_LOGGER = "io.dstream.internal.scheduler.JobScheduler";

  @Test
  void everyBatchLogsExactlyOneTotalDelayLineEmptyBatchesIncluded() {
    try (CapturedLog log = CapturedLog.of(SCHEDULER_LOGGER);
        TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<Integer> in = t.inputStream(List.of(List.of(1, 2), List.of(), List.of(3)));
      t.collect(in);
      t.collect(in.map(x -> x + 1));

      t.runBatches(4);

      assertThat(log.messagesStartingWith("Total delay")).containsExactly(
          "Total delay: 0.000 s for time 1000 ms (execution: 0.000 s)",
          "Total delay: 0.000 s for time 2000 ms (execution: 0.000 s)",
          "Total delay: 0.000 s for time 3000 ms (execution: 0.000 s)",
          "Total delay: 0.000 s for time 4000 ms (execution: 0.000 s)");
    }
  }

  @Test
  void theLineGivesTheTimeFromTheBatchTimeToTheEndAndTheTimeTheJobsRan() {
    try (CapturedLog log = CapturedLog.of(SCHEDULER_LOGGER);
        TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.inputStream(List.of(List.of(1))).foreachRDD(rdd -> t.clock().advance(750));

      t.runBatches(1);

      assertThat(log.messagesStartingWith("Total delay"))
          .containsExactly("Total delay: 0.750 s for time 1000 ms (execution: 0.750 s)");
    }
  }
}
