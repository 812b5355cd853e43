package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.StreamingContextState;
import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.RDD;
import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs real contexts on the system clock with short batches; nothing here depends on how long they take.
 * The timeout only turns a hang (a runner that misses a failure) into a failure.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BatchRunnerTest {
  private final StreamingContext ssc =
      new StreamingContext(new StreamingConf().setMaster("local[2]"), Durations.milliseconds(50));

  @AfterEach
  void stopTheContext() {
    ssc.stop();
  }

  @Test
  void runsTheRequestedNumberOfBatchesThenStops() throws Exception {
    AtomicInteger batches = new AtomicInteger();
    ssc.queueStream(queueOf(List.of(1))).foreachRDD(rdd -> batches.incrementAndGet());

    BatchRunner.run(ssc, 3);

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(batches.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void rethrowsTheExceptionOfAFailingOutputOperationAsTheCause() {
    IllegalStateException boom = new IllegalStateException("boom");
    ssc.queueStream(queueOf(List.of(1))).map(x -> {
      throw boom;
    }).print();

    assertThatThrownBy(() -> BatchRunner.run(ssc, 3)).isInstanceOf(JobFailedException.class).hasCause(boom);
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void rethrowsTheExceptionOfATransformFunctionThatFailsWhileJobsAreGenerated() {
    IllegalStateException boom = new IllegalStateException("no RDD for you");
    ssc.queueStream(queueOf(List.of(1))).<Integer>transform(rdd -> {
      throw boom;
    }).print();

    assertThatThrownBy(() -> BatchRunner.run(ssc, 3)).isInstanceOf(JobFailedException.class).hasCause(boom);
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void runUntilStopsOnceTheConditionHoldsAfterABatch() throws Exception {
    AtomicInteger batches = new AtomicInteger();
    ssc.queueStream(queueOf(List.of(1))).foreachRDD(rdd -> batches.incrementAndGet());

    boolean reached = BatchRunner.runUntil(ssc, () -> batches.get() >= 4, Durations.minutes(1));

    assertThat(reached).isTrue();
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(batches.get()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void runUntilGivesUpAfterTheTimeoutAndStopsTheContext() throws Exception {
    ssc.queueStream(queueOf(List.of(1))).foreachRDD(rdd -> { });

    boolean reached = BatchRunner.runUntil(ssc, () -> false, Durations.milliseconds(200));

    assertThat(reached).isFalse();
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void runUntilRethrowsWhatTheConditionThrewAsTheCause() {
    IllegalArgumentException unreadable = new IllegalArgumentException("cannot parse the output");
    ssc.queueStream(queueOf(List.of(1))).foreachRDD(rdd -> { });

    assertThatThrownBy(() -> BatchRunner.runUntil(ssc, () -> {
      throw unreadable;
    }, Durations.minutes(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the condition to stop the run threw")
        .hasCause(unreadable);
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void withoutANumberOfBatchesRunReturnsOnceTheContextIsStopped() throws Exception {
    AtomicInteger batches = new AtomicInteger();
    ssc.queueStream(queueOf(List.of(1))).foreachRDD(rdd -> {
      if (batches.incrementAndGet() == 2) {
        ssc.stop(true);  // as a kill would, from outside the runner
      }
    });

    BatchRunner.run(ssc, OptionalInt.empty());

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(batches.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void runUntilStopLineStopsGracefullyOnTheStopLine() throws Exception {
    AtomicInteger batches = new AtomicInteger();
    PipedOutputStream typed = new PipedOutputStream();
    PipedInputStream input = new PipedInputStream(typed);
    ssc.queueStream(queueOf(List.of(1))).foreachRDD(rdd -> {
      if (batches.incrementAndGet() == 2) {
        typed.write("hello\nstop\n".getBytes(StandardCharsets.UTF_8));
        typed.flush();
      }
    });

    BatchRunner.runUntilStopLine(ssc, input);

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(batches.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void runUntilStopLineStopsAtTheEndOfTheInput() throws Exception {
    ssc.queueStream(queueOf(List.of(1))).foreachRDD(rdd -> { });

    BatchRunner.runUntilStopLine(ssc, new ByteArrayInputStream(new byte[0]));

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  private Queue<RDD<Integer>> queueOf(List<Integer> records) {
    Queue<RDD<Integer>> queue = new ArrayDeque<>();
    queue.add(ssc.parallelize(records));
    return queue;
  }
}
