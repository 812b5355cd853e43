package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.OutputOperationInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.testing.ManualClock;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The delays that listeners and the log report, measured on the manual clock: output operations that move
 * the clock take exactly that long, so every delay is known in advance.
 */
class BatchDelaysTest {
  private static final String SCHEDULER_LOGGER = "io.dstream.internal.scheduler.JobScheduler";

  /** Keeps each completed batch and lets a test wait for a batch's submission or completion. */
  private static final class BatchEvents implements StreamingListener {
    private final List<BatchInfo> completed = new ArrayList<>();
    private final Time watched;
    private final CountDownLatch watchedSubmitted = new CountDownLatch(1);
    private final CountDownLatch watchedCompleted = new CountDownLatch(1);

    BatchEvents(Time watched) {
      this.watched = watched;
    }

    @Override
    public void onBatchSubmitted(StreamingListenerBatchSubmitted event) {
      if (event.batchInfo().batchTime().equals(watched)) {
        watchedSubmitted.countDown();
      }
    }

    @Override
    public synchronized void onBatchCompleted(StreamingListenerBatchCompleted event) {
      completed.add(event.batchInfo());
      if (event.batchInfo().batchTime().equals(watched)) {
        watchedCompleted.countDown();
      }
    }

    synchronized List<BatchInfo> completed() {
      return List.copyOf(completed);
    }

    void awaitWatchedSubmitted() throws InterruptedException {
      assertThat(watchedSubmitted.await(60, TimeUnit.SECONDS)).as("batch " + watched + " submitted").isTrue();
    }

    void awaitWatchedCompleted() throws InterruptedException {
      assertThat(watchedCompleted.await(60, TimeUnit.SECONDS)).as("batch " + watched + " completed").isTrue();
    }
  }

  @Test
  void outputOperationsThatMoveTheClockMakeUpTheProcessingAndTotalDelay() {
    try (CapturedLog log = CapturedLog.of(SCHEDULER_LOGGER);
        TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      BatchEvents events = new BatchEvents(new Time(1000));
      t.context().addStreamingListener(events);
      DStream<Integer> in = t.inputStream(List.of(List.of(1, 2)));
      in.foreachRDD(rdd -> t.clock().advance(300));
      in.foreachRDD(rdd -> t.clock().advance(200));

      t.runBatches(1);

      BatchInfo batch = events.completed().get(0);
      assertThat(batch.submissionTime()).isEqualTo(1000);
      assertThat(batch.processingStartTime()).contains(1000L);
      assertThat(batch.processingEndTime()).contains(1500L);
      assertThat(batch.schedulingDelay()).contains(0L);
      assertThat(batch.processingDelay()).contains(500L);
      assertThat(batch.totalDelay()).contains(500L);
      Map<Integer, OutputOperationInfo> outputs = batch.outputOperationInfos();
      assertThat(outputs.get(0).startTime()).contains(1000L);
      assertThat(outputs.get(0).endTime()).contains(1300L);
      assertThat(outputs.get(0).duration()).contains(300L);
      assertThat(outputs.get(1).startTime()).contains(1300L);
      assertThat(outputs.get(1).endTime()).contains(1500L);
      assertThat(outputs.get(1).duration()).contains(200L);
      assertThat(log.messagesStartingWith("Total delay"))
          .containsExactly("Total delay: 0.500 s for time 1000 ms (execution: 0.500 s)");
    }
  }

  /**
   * Batch 1000's job moves the clock past 2000 to 2100 (batch 2000 is submitted then, while 1000 still
   * runs), waits for that submission, and moves on to 2300. Batch 2000 thus waits 200 ms to start after its
   * submission and 300 ms after its batch time: the log's total delay counts from the batch time,
   * {@link BatchInfo#totalDelay()} from the submission, both as in Spark.
   */
  @Test
  void aBatchQueuedBehindASlowOneWaitsAsSchedulingDelay() throws InterruptedException {
    try (CapturedLog log = CapturedLog.of(SCHEDULER_LOGGER);
        TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      BatchEvents events = new BatchEvents(new Time(2000));
      t.context().addStreamingListener(events);
      ManualClock clock = t.clock();
      t.inputStream(List.of(List.of(1), List.of(2))).foreachRDD((rdd, time) -> {
        if (time.equals(new Time(1000))) {
          clock.advance(1100);
          events.awaitWatchedSubmitted();
          clock.advance(200);
        }
      });

      t.runBatches(1);
      events.awaitWatchedCompleted();

      List<BatchInfo> batches = events.completed();
      assertThat(batches).extracting(BatchInfo::batchTime).containsExactly(new Time(1000), new Time(2000));
      BatchInfo slow = batches.get(0);
      assertThat(slow.schedulingDelay()).contains(0L);
      assertThat(slow.processingDelay()).contains(1300L);
      assertThat(slow.totalDelay()).contains(1300L);
      BatchInfo queued = batches.get(1);
      assertThat(queued.submissionTime()).isEqualTo(2100);
      assertThat(queued.processingStartTime()).contains(2300L);
      assertThat(queued.processingEndTime()).contains(2300L);
      assertThat(queued.schedulingDelay()).contains(200L);
      assertThat(queued.processingDelay()).contains(0L);
      assertThat(queued.totalDelay()).contains(200L);
      assertThat(log.messagesStartingWith("Total delay")).containsExactly(
          "Total delay: 1.300 s for time 1000 ms (execution: 1.300 s)",
          "Total delay: 0.300 s for time 2000 ms (execution: 0.000 s)");
    }
  }
}
