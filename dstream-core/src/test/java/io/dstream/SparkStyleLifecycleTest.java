package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.RDD;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.ManualClock;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lifecycle methods that Spark programs call in Spark's form: {@code close()} (try-with-resources),
 * {@code stop(stopSparkContext, stopGracefully)} and {@code getActiveOrCreate}.
 */
class SparkStyleLifecycleTest {
  private static final List<List<Integer>> INPUT = List.of(List.of(1, 2), List.of(3), List.of(4, 5));

  private final List<StreamingContext> created = new ArrayList<>();

  @AfterEach
  void stopEveryContext() {
    created.forEach(StreamingContext::stop);
  }

  /** A context with one output, on a manual clock that never moves. */
  private StreamingContext newContext() {
    StreamingContext ssc = new StreamingContext(new StreamingConf().setMaster("local[1]").setAppName("spark-style"),
        Durations.seconds(1), new ManualClock());
    created.add(ssc);
    ssc.queueStream(new ArrayDeque<RDD<Integer>>()).foreachRDD(rdd -> { });
    return ssc;
  }

  @Test
  void closeStopsTheContextAndMayBeCalledAgain() throws InterruptedException {
    StreamingContext ssc = newContext();
    try (StreamingContext closing = ssc) {
      closing.start();
      assertThat(StreamingContext.getActive()).containsSame(ssc);
    }

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(StreamingContext.getActive()).isEmpty();
    assertThat(ssc.awaitTerminationOrTimeout(0)).isTrue();
    ssc.close();
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void closingANeverStartedContextEndsIt() {
    StreamingContext ssc = newContext();

    ssc.close();

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThatThrownBy(ssc::start).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void stopWithSparksTwoFlagsStopsGracefullyWhenTheSecondSaysSo(boolean stopSparkContext)
      throws InterruptedException {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<Integer> out = t.collect(t.inputStream(INPUT));
      t.context().start();

      t.clock().advance(3000);
      t.context().stop(stopSparkContext, true);

      assertThat(out.batches()).isEqualTo(INPUT);
      assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
      assertThat(StreamingContext.getActive()).isEmpty();
      assertThat(t.context().awaitTerminationOrTimeout(0)).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void stopWithSparksTwoFlagsStopsAtOnceWhenTheSecondIsFalse(boolean stopSparkContext) {
    StreamingContext ssc = newContext();
    ssc.start();

    ssc.stop(stopSparkContext, false);

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(StreamingContext.getActive()).isEmpty();
  }

  @Test
  void getActiveOrCreateReturnsTheActiveContextWithoutCallingTheFactory() {
    StreamingContext active = newContext();
    active.start();
    AtomicInteger calls = new AtomicInteger();

    StreamingContext got = StreamingContext.getActiveOrCreate(() -> {
      calls.incrementAndGet();
      return newContext();
    });
    StreamingContext gotWithDirectory = StreamingContext.getActiveOrCreate("memory://active-or-create/unused", () -> {
      calls.incrementAndGet();
      return newContext();
    });

    assertThat(got).isSameAs(active);
    assertThat(gotWithDirectory).isSameAs(active);
    assertThat(calls).hasValue(0);
  }

  @Test
  void withoutAnActiveContextGetActiveOrCreateCallsTheFactory() {
    StreamingContext stopped = newContext();
    stopped.start();
    stopped.stop();

    StreamingContext got = StreamingContext.getActiveOrCreate(this::newContext);

    assertThat(got).isNotSameAs(stopped).isSameAs(created.get(1));
    assertThat(got.getState()).isEqualTo(StreamingContextState.INITIALIZED);
  }

  @Test
  void withoutAnActiveContextGetActiveOrCreateRecoversFromTheCheckpointDirectory() {
    try (MemoryInputDirectory input = new MemoryInputDirectory()) {
      String checkpoints = input.uri("/checkpoints");
      try (TestStreamingContext first = TestStreamingContext.create(Durations.seconds(1))) {
        first.context().textFileStream(input.uri()).print();
        first.recoverFrom(checkpoints);
        first.runBatches(3);
      }

      StreamingContext got = StreamingContext.getActiveOrCreate(checkpoints, () -> {
        StreamingContext ssc = new StreamingContext(new StreamingConf().setMaster("local[1]"), Durations.seconds(1),
            new ManualClock());
        created.add(ssc);
        ssc.textFileStream(input.uri()).print();
        return ssc;
      });

      assertThat(got).isSameAs(created.get(0));
      assertThat(got.runtime.recoveredSchedule()).map(schedule -> schedule.lastGeneratedTime())
          .contains(new Time(3000));
    }
  }

  @Test
  void aFactoryOfGetActiveOrCreateThatReturnsNullIsRefused() {
    assertThatThrownBy(() -> StreamingContext.getActiveOrCreate(() -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the factory given to getActiveOrCreate returned null");
  }
}
