package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GracefulStopTest {
  private static final List<List<Integer>> INPUT = List.of(List.of(1, 2), List.of(3), List.of(4, 5));

  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void gracefulStopRunsEveryBatchWhoseTimeHasCome() throws InterruptedException {
    CollectedOutput<Integer> out = t.collect(t.inputStream(INPUT).map(x -> x * 10));
    t.context().start();

    t.clock().advance(3000);
    t.context().stop(true);

    assertThat(out.batches()).containsExactly(List.of(10, 20), List.of(30), List.of(40, 50));
    assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(t.context().awaitTerminationOrTimeout(0)).isTrue();
  }

  @Test
  void gracefulStopFromInsideAJobFinishesTheBatchesAlreadyGenerated() throws InterruptedException {
    CountDownLatch thirdBatchSubmitted = new CountDownLatch(1);
    t.context().addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchSubmitted(StreamingListenerBatchSubmitted event) {
        if (event.batchInfo().batchTime().equals(new Time(3000))) {
          thirdBatchSubmitted.countDown();
        }
      }
    });
    DStream<Integer> in = t.inputStream(INPUT);
    CollectedOutput<Integer> out = t.collect(in);
    in.foreachRDD((rdd, time) -> {
      if (time.equals(new Time(1000))) {
        if (!thirdBatchSubmitted.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("batch 3000 ms was never submitted");
        }
        t.context().stop(true);
      }
    });
    t.context().start();

    t.clock().advance(3000);
    t.context().awaitTermination();

    assertThat(out.batches()).containsExactly(List.of(1, 2), List.of(3), List.of(4, 5));
    assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(StreamingContext.getActive()).isEmpty();
  }

  @Test
  void nonGracefulStopFromInsideAJobEndsTheContext() throws InterruptedException {
    List<Time> ran = Collections.synchronizedList(new ArrayList<>());
    t.inputStream(INPUT).foreachRDD((rdd, time) -> {
      ran.add(time);
      t.context().stop();
      assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
    });

    t.runBatches(1);
    t.context().awaitTermination();

    assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(StreamingContext.getActive()).isEmpty();
    assertThat(ran).containsExactly(new Time(1000));
    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nonGracefulStopFromInsideAJobDropsTheJobsQueuedBehindIt() throws InterruptedException {
    DStream<Integer> in = t.inputStream(INPUT);
    in.foreachRDD(rdd -> t.context().stop());
    CollectedOutput<Integer> after = t.collect(in);

    assertThatThrownBy(() -> t.runBatches(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped before batch 1000 ms completed");
    t.context().awaitTermination();

    assertThat(after.batches()).isEmpty();
    assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void nonGracefulStopInterruptsARunningJobWithoutReportingItAsAFailure() throws InterruptedException {
    CountDownLatch jobRunning = new CountDownLatch(1);
    CompletableFuture<Throwable> jobOutcome = new CompletableFuture<>();
    t.inputStream(INPUT).foreachRDD(rdd -> {
      jobRunning.countDown();
      try {
        new CountDownLatch(1).await();
        jobOutcome.complete(null);
      } catch (InterruptedException e) {
        jobOutcome.complete(e);
        throw e;
      }
    });
    t.context().start();
    t.clock().advance(1000);
    assertThat(jobRunning.await(30, TimeUnit.SECONDS)).isTrue();

    t.context().stop();

    assertThat(jobOutcome).isCompletedWithValueMatching(e -> e instanceof InterruptedException);
    assertThat(t.context().awaitTerminationOrTimeout(0)).isTrue();
  }

  @Test
  void aListenerMayStopTheContext() throws InterruptedException {
    RecordingListener recorder = new RecordingListener();
    t.context().addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted event) {
        t.context().stop();
      }
    });
    t.context().addStreamingListener(recorder);
    CollectedOutput<Integer> out = t.collect(t.inputStream(INPUT));

    t.runBatches(1);
    t.context().awaitTermination();

    assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(out.batches()).containsExactly(List.of(1, 2));
    assertThat(recorder.eventNames()).endsWith("batchCompleted 1000 ms");
  }

  @Test
  void afterAStopFromInsideAJobANewContextCanStart() throws InterruptedException {
    t.inputStream(INPUT).foreachRDD(rdd -> t.context().stop());
    t.runBatches(1);
    t.context().awaitTermination();

    try (TestStreamingContext next = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<Integer> out = next.collect(next.inputStream(INPUT));
      next.runBatches(1);
      assertThat(out.batches()).containsExactly(List.of(1, 2));
    }
  }
}
