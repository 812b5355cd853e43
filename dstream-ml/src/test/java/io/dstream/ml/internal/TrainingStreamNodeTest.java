package io.dstream.ml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.Time;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The chain of models of a training stream, asked for out of batch order as concurrent jobs may ask: a model is a
 * sum of the points it learned from, and a batch holding -1 fails its training.
 */
class TrainingStreamNodeTest {
  private static final ModelUpdate<Integer, Long> SUM = (model, batch) -> {
    List<Integer> points = batch.collect();
    if (points.contains(-1)) {
      throw new IllegalArgumentException("the record -1 of " + points + " is bad");
    }
    return model + points.stream().mapToLong(Integer::longValue).sum();
  };

  private static final ModelCodec<Long> ROWS = new ModelCodec<>() {
    @Override
    public double[][] toRows(Long model) {
      return new double[][] {{model}};
    }

    @Override
    public Long fromRows(double[][] rows) {
      return (long) rows[0][0];
    }
  };

  @Test
  void aFailedBatchFailsItsOwnJobEvenWhenALaterBatchTrainedOnItFirst() {
    try (TestStreamingContext ssc = TestStreamingContext.create(Durations.seconds(1))) {
      Queue<RDD<Integer>> queue = new ArrayDeque<>();
      queue.add(ssc.context().parallelize(List.of(1, -1), 2));
      queue.add(ssc.context().parallelize(List.of(2, 3), 2));
      DStream<Integer> points = ssc.context().queueStream(queue, true);
      AtomicReference<TrainingStreamNode<Integer, Long>> node = new AtomicReference<>();
      List<Object> askedEarly = Collections.synchronizedList(new ArrayList<>());
      // As a job of batch 2 that runs before batch 1's training job would (dstream.concurrentJobs > 1).
      points.foreachRDD((rdd, time) -> {
        if (time.milliseconds() == 1000) {
          try {
            askedEarly.add(node.get().modelAt(new Time(2000)));
          } catch (Exception e) {
            askedEarly.add(e);
          }
        }
      });
      AtomicReference<Long> published = new AtomicReference<>();
      node.set(TrainingStreamNode.trainOn(points, "Sum", 0L, SUM, ROWS, published::set));

      // Batch 1's failure is its own: batch 2 learns from the model before batch 1 (0), and batch 1 fails.
      assertThatThrownBy(() -> ssc.runBatches(1)).rootCause().hasMessageContaining("the record -1 of [1, -1]");
      assertThat(askedEarly).containsExactly(5L);
      ssc.runBatches(1);
      assertThat(published.get()).isEqualTo(5L);
    }
  }
}
