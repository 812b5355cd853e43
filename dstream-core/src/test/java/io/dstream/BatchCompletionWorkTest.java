package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.internal.scheduler.BatchOutcome;
import io.dstream.internal.stream.StreamNode;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The work on a completed batch's data (state snapshots, local checkpoints) runs off the job generator's
 * event loop: a slow snapshot delays neither the generation of the next batch nor anything but the
 * completion of its own batch, which is settled only once that work is done.
 */
class BatchCompletionWorkTest {
  private static final long TIMEOUT_SECONDS = 30;

  /** Passes its parent's RDDs through; its work after batch 1000 waits until the test releases it. */
  private static final class SlowCompletionNode<T> extends PassThroughStreamNode<T> {
    final CountDownLatch working = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    SlowCompletionNode(StreamNode<T> parent) {
      super(parent);
    }

    @Override
    protected void onBatchCompleted(Time time) {
      if (time.milliseconds() == 1000) {
        working.countDown();
        try {
          release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public String operationName() {
      return "slowCompletion";
    }
  }

  @Test
  void aSlowSnapshotOfOneBatchDoesNotHoldUpTheGenerationOfTheNext() throws Exception {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<Integer> in = t.inputStream(List.of(List.of(1), List.of(2)));
      SlowCompletionNode<Integer> slow = new SlowCompletionNode<>(in.node);
      CountDownLatch secondBatchGenerated = new CountDownLatch(1);
      // transform's function runs when the batch's jobs are generated, on the generator's event loop.
      t.collect(new DStream<>(t.context(), slow).transform((rdd, time) -> {
        if (time.milliseconds() == 2000) {
          secondBatchGenerated.countDown();
        }
        return rdd;
      }));
      t.runBatches(0);
      CompletableFuture<BatchOutcome> first = t.context().runtime.whenSettled(new Time(1000));
      CompletableFuture<BatchOutcome> second = t.context().runtime.whenSettled(new Time(2000));

      t.clock().setTime(1000);
      assertThat(slow.working.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      t.clock().setTime(2000);

      assertThat(secondBatchGenerated.await(TIMEOUT_SECONDS, TimeUnit.SECONDS))
          .as("batch 2000 generated while batch 1000's completion work runs").isTrue();
      assertThat(first).as("batch 1000 is settled only after its completion work").isNotDone();
      slow.release.countDown();
      assertThat(first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).failure()).isNull();
      assertThat(second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).failure()).isNull();
    }
  }
}
