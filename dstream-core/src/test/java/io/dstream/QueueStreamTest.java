package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.RDD;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ssc.queueStream} takes one queued RDD per batch (or, with {@code oneAtATime = false}, every queued
 * RDD as one batch), falls back to the default RDD or an empty one when the queue is empty, and sees RDDs
 * added to the queue while the context runs. Each batch takes its RDD at its own time, whether or not an
 * output reads that batch.
 */
@ExtendWith(TestStreamingContextExtension.class)
class QueueStreamTest {

  @Test
  void oneAtATimeTakesOneQueuedRddPerBatch(TestStreamingContext t) {
    Queue<RDD<Integer>> queue = queueOf(t, List.of(1, 2), List.of(3), List.of(4, 5, 6));
    CollectedOutput<Integer> out = t.collect(t.context().queueStream(queue, true));

    t.runBatches(5);

    assertThat(out.batches()).containsExactly(List.of(1, 2), List.of(3), List.of(4, 5, 6), List.of(), List.of());
    assertThat(queue).isEmpty();
  }

  @Test
  void aBatchThatNoOutputReadsStillTakesItsRddSoTheNextBatchGetsItsOwn(TestStreamingContext t) {
    Queue<RDD<Integer>> queue = queueOf(t, List.of(1), List.of(2), List.of(3), List.of(4));
    DStream<Integer> everySecondBatch = DoubledSlideStreamNode.everySecondBatch(t.context().queueStream(queue, true));
    CollectedOutput<Integer> out = t.collect(everySecondBatch);

    t.runBatches(4);

    assertThat(out.batches()).containsExactly(List.of(2), List.of(4));
  }

  @Test
  void theOneArgumentQueueStreamTakesOneRddPerBatch(TestStreamingContext t) {
    CollectedOutput<Integer> out = t.collect(t.context().queueStream(queueOf(t, List.of(1), List.of(2))));

    t.runBatches(2);

    assertThat(out.batches()).containsExactly(List.of(1), List.of(2));
  }

  @Test
  void allAtOnceTakesEveryQueuedRddAsOneBatch(TestStreamingContext t) {
    Queue<RDD<Integer>> queue = queueOf(t, List.of(1, 2), List.of(3), List.of(4, 5, 6));
    CollectedOutput<Integer> out = t.collect(t.context().queueStream(queue, false));

    t.runBatches(3);

    assertThat(out.batches()).containsExactly(List.of(1, 2, 3, 4, 5, 6), List.of(), List.of());
    assertThat(queue).isEmpty();
  }

  @Test
  void theDefaultRddFillsBatchesThatFindTheQueueEmpty(TestStreamingContext t) {
    RDD<Integer> fallback = t.context().parallelize(List.of(-1, -2));
    CollectedOutput<Integer> oneAtATime = t.collect(
        t.context().queueStream(queueOf(t, List.of(1), List.of(2)), true, fallback));
    CollectedOutput<Integer> allAtOnce = t.collect(
        t.context().queueStream(queueOf(t, List.of(1), List.of(2)), false, fallback));

    t.runBatches(4);

    assertThat(oneAtATime.batches()).containsExactly(List.of(1), List.of(2), List.of(-1, -2), List.of(-1, -2));
    assertThat(allAtOnce.batches()).containsExactly(List.of(1, 2), List.of(-1, -2), List.of(-1, -2),
        List.of(-1, -2));
  }

  @Test
  void rddsQueuedWhileRunningArePickedUpByTheNextBatch(TestStreamingContext t) {
    Queue<RDD<Integer>> oneQueue = queueOf(t, List.of(1));
    Queue<RDD<Integer>> allQueue = queueOf(t, List.of(1));
    CollectedOutput<Integer> oneAtATime = t.collect(t.context().queueStream(oneQueue, true));
    CollectedOutput<Integer> allAtOnce = t.collect(t.context().queueStream(allQueue, false));

    t.runBatches(2);
    synchronized (oneQueue) {
      oneQueue.add(t.context().parallelize(List.of(2, 3)));
      oneQueue.add(t.context().parallelize(List.of(4)));
    }
    synchronized (allQueue) {
      allQueue.add(t.context().parallelize(List.of(2, 3)));
      allQueue.add(t.context().parallelize(List.of(4)));
    }
    t.runBatches(3);

    assertThat(oneAtATime.batches()).containsExactly(List.of(1), List.of(), List.of(2, 3), List.of(4), List.of());
    assertThat(allAtOnce.batches()).containsExactly(List.of(1), List.of(), List.of(2, 3, 4), List.of(), List.of());
  }

  @Test
  void aQueueStreamCannotBeCreatedAfterStart(TestStreamingContext t) {
    t.collect(t.context().queueStream(queueOf(t, List.of(1))));
    t.runBatches(1);

    assertThatThrownBy(() -> t.context().queueStream(new ArrayDeque<RDD<Integer>>()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after the StreamingContext has started");
  }

  @Test
  void aNullQueueIsRefused(TestStreamingContext t) {
    assertThatThrownBy(() -> t.context().queueStream(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queue");
  }

  @SafeVarargs
  private static Queue<RDD<Integer>> queueOf(TestStreamingContext t, List<Integer>... batches) {
    Queue<RDD<Integer>> queue = new ArrayDeque<>();
    for (List<Integer> batch : batches) {
      queue.add(t.context().parallelize(batch));
    }
    return queue;
  }
}
