package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.internal.StreamingRuntime;
import io.dstream.internal.scheduler.BatchOutcome;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With concurrent jobs a later batch can complete while an earlier one still runs: what the earlier batch
 * reads (its RDDs, its received blocks) must not be cleared under it.
 */
class ConcurrentBatchesClearingTest {
  private static final long TIMEOUT_SECONDS = 30;

  @Test
  void aLaterBatchCompletingFirstLeavesTheBlocksOfAnEarlierRunningBatch() throws Exception {
    StreamingConf conf = new StreamingConf().set("dstream.concurrentJobs", "2");
    CountDownLatch firstBatchRunning = new CountDownLatch(1);
    CountDownLatch secondBatchCleared = new CountDownLatch(1);
    Map<Time, List<String>> records = new ConcurrentHashMap<>();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      StreamingRuntime runtime = t.context().runtime;
      CommandedReceiver receiver = new CommandedReceiver();
      t.context().receiverStream(receiver).foreachRDD((rdd, time) -> {
        if (time.milliseconds() == 1000) {
          firstBatchRunning.countDown();
          assertThat(secondBatchCleared.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        records.put(time, rdd.collect());
      });
      t.runBatches(0);
      receiver.store(List.of("a"));
      CompletableFuture<BatchOutcome> first = runtime.whenSettled(new Time(1000));
      CompletableFuture<BatchOutcome> second = runtime.whenSettled(new Time(2000));
      t.clock().setTime(1000);
      assertThat(firstBatchRunning.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      receiver.store(List.of("b"));
      t.clock().setTime(2000);
      // Settled: the generator has handled batch 2000's completion, and with it the clearing that follows.
      assertThat(second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).failure()).isNull();
      secondBatchCleared.countDown();

      assertThat(first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).failure()).isNull();
      assertThat(records).containsExactlyInAnyOrderEntriesOf(
          Map.of(new Time(1000), List.of("a"), new Time(2000), List.of("b")));
    }
  }
}
