package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.RDD;
import io.dstream.testing.ManualClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LifecycleTest {
  private final List<StreamingContext> created = new ArrayList<>();

  @AfterEach
  void stopEveryContext() {
    created.forEach(StreamingContext::stop);
  }

  /** A context on a manual clock that never moves, so no batch runs: only the lifecycle is exercised. */
  private StreamingContext newContext() {
    StreamingContext ssc = new StreamingContext(new StreamingConf().setMaster("local[1]").setAppName("lifecycle"),
        Durations.seconds(1), new ManualClock());
    created.add(ssc);
    return ssc;
  }

  private static DStream<Integer> input(StreamingContext ssc) {
    Queue<RDD<Integer>> queue = new ArrayDeque<>();
    return ssc.queueStream(queue);
  }

  private StreamingContext newContextWithOutput() {
    StreamingContext ssc = newContext();
    input(ssc).foreachRDD(rdd -> { });
    return ssc;
  }

  // ---- states --------------------------------------------------------------------------------------------

  @Test
  void stateGoesFromInitializedToActiveToStopped() {
    StreamingContext ssc = newContextWithOutput();
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.INITIALIZED);

    ssc.start();
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.ACTIVE);
    assertThat(StreamingContext.getActive()).containsSame(ssc);

    ssc.stop();
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(StreamingContext.getActive()).isEmpty();
  }

  @Test
  void toStringShowsTheNameTheBatchDurationAndTheState() {
    StreamingContext ssc = newContextWithOutput();

    assertThat(ssc).hasToString("StreamingContext(lifecycle, 1000 ms, INITIALIZED)");
    assertThat(ssc.batchDuration()).isEqualTo(Durations.seconds(1));
  }

  // ---- start ---------------------------------------------------------------------------------------------

  @Test
  void startWithoutAnOutputOperationIsRefusedAndTheContextMayStartLater() {
    StreamingContext ssc = newContext();
    DStream<Integer> in = input(ssc);

    assertThatThrownBy(ssc::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no output operations")
        .hasMessageContaining("print()")
        .hasMessageContaining("foreachRDD");
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.INITIALIZED);
    assertThat(StreamingContext.getActive()).isEmpty();

    in.print();
    ssc.start();
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.ACTIVE);
  }

  @Test
  void startingTwiceIsRefusedAndTheContextStaysTheActiveOne() {
    StreamingContext ssc = newContextWithOutput();
    ssc.start();

    assertThatThrownBy(ssc::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already been started")
        .hasMessageContaining("only once");

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.ACTIVE);
    assertThat(StreamingContext.getActive()).containsSame(ssc);
    StreamingContext other = newContextWithOutput();
    assertThatThrownBy(other::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another StreamingContext is already active");
  }

  @Test
  void startAfterStopIsRefused() {
    StreamingContext ssc = newContextWithOutput();
    ssc.start();
    ssc.stop();

    assertThatThrownBy(ssc::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped")
        .hasMessageContaining("create a new StreamingContext");
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void startOfAContextStoppedBeforeStartingIsRefused() {
    StreamingContext ssc = newContextWithOutput();
    ssc.stop();

    assertThatThrownBy(ssc::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("create a new StreamingContext");
  }

  @Test
  void onlyOneContextIsActiveAtATimeAndTheNextMayStartOnceItStops() {
    StreamingContext first = newContextWithOutput();
    StreamingContext second = newContextWithOutput();
    first.start();

    assertThatThrownBy(second::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another StreamingContext is already active")
        .hasMessageContaining("stop it");
    assertThat(second.getState()).isEqualTo(StreamingContextState.INITIALIZED);
    assertThat(StreamingContext.getActive()).containsSame(first);

    first.stop();
    second.start();

    assertThat(second.getState()).isEqualTo(StreamingContextState.ACTIVE);
    assertThat(StreamingContext.getActive()).containsSame(second);
  }

  @Test
  void stoppingAnInactiveContextDoesNotReleaseTheActiveOne() {
    StreamingContext active = newContextWithOutput();
    StreamingContext idle = newContextWithOutput();
    active.start();

    idle.stop();

    assertThat(StreamingContext.getActive()).containsSame(active);
    assertThatThrownBy(newContextWithOutput()::start).isInstanceOf(IllegalStateException.class);
  }

  // ---- defining streams after start ----------------------------------------------------------------------

  @Test
  void noStreamTransformationOutputOrPersistenceMayBeDefinedAfterStart() {
    StreamingContext ssc = newContext();
    DStream<Integer> in = input(ssc);
    DStream<Integer> doubled = in.map(x -> x * 2);
    doubled.print();
    ssc.start();

    List<ThrowingCallable> misuses = List.of(
        () -> input(ssc),
        () -> in.map(x -> x + 1),
        () -> in.filter(x -> x > 0),
        () -> ssc.union(in, doubled),
        () -> ssc.transform(List.<DStream<?>>of(in), (rdds, time) -> ssc.<Integer>emptyRDD()),
        () -> in.print(),
        () -> in.foreachRDD(rdd -> { }),
        () -> doubled.persist(),
        () -> doubled.cache(),
        () -> ssc.remember(Durations.minutes(1)));
    for (ThrowingCallable misuse : misuses) {
      assertThatThrownBy(misuse)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("after the StreamingContext has started")
          .hasMessageContaining("before calling start()");
    }
  }

  @Test
  void rddsMayStillBeMadeAfterStart() {
    StreamingContext ssc = newContextWithOutput();
    ssc.start();

    assertThat(ssc.parallelize(List.of(1, 2, 3)).collect()).containsExactly(1, 2, 3);
  }

  @Test
  void noStreamMayBeDefinedOnAStoppedContext() {
    StreamingContext ssc = newContext();
    DStream<Integer> in = input(ssc);
    ssc.stop();

    assertThatThrownBy(() -> in.map(x -> x))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped")
        .hasMessageContaining("create a new StreamingContext");
    assertThatThrownBy(in::print)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped");
  }

  // ---- stop ----------------------------------------------------------------------------------------------

  @Test
  void stopTwiceIsANoOp() throws InterruptedException {
    StreamingContext ssc = newContextWithOutput();
    ssc.start();

    ssc.stop();
    ssc.stop();
    ssc.stop(true);

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(ssc.awaitTerminationOrTimeout(0)).isTrue();
  }

  @Test
  void stopOfANeverStartedContextEndsIt() throws InterruptedException {
    StreamingContext ssc = newContextWithOutput();

    ssc.stop();

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(StreamingContext.getActive()).isEmpty();
    ssc.awaitTermination();
    assertThat(ssc.awaitTerminationOrTimeout(0)).isTrue();
  }

  @Test
  void awaitTerminationOrTimeoutReportsARunningContext() throws InterruptedException {
    StreamingContext ssc = newContextWithOutput();
    ssc.start();

    assertThat(ssc.awaitTerminationOrTimeout(0)).isFalse();
    assertThat(ssc.awaitTerminationOrTimeout(-5)).isFalse();

    ssc.stop();
    assertThat(ssc.awaitTerminationOrTimeout(0)).isTrue();
  }

  @Test
  void awaitTerminationReturnsWhenAnotherThreadStopsTheContext() throws Exception {
    StreamingContext ssc = newContextWithOutput();
    ssc.start();
    CountDownLatch awaiting = new CountDownLatch(1);
    CompletableFuture<Void> terminated = CompletableFuture.runAsync(() -> {
      try {
        awaiting.countDown();
        ssc.awaitTermination();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(awaiting.await(10, TimeUnit.SECONDS)).isTrue();

    ssc.stop();

    terminated.get(10, TimeUnit.SECONDS);
    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void gracefulStopOfAnIdleContextEndsIt() {
    StreamingContext ssc = newContextWithOutput();
    ssc.start();

    ssc.stop(true);

    assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
    assertThat(StreamingContext.getActive()).isEmpty();
  }

  // ---- construction --------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(longs = {0, -1, -1000})
  void aNonPositiveBatchDurationIsRefused(long millis) {
    StreamingConf conf = new StreamingConf().setMaster("local[1]");

    assertThatThrownBy(() -> new StreamingContext(conf, Durations.milliseconds(millis)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batch duration must be positive")
        .hasMessageContaining(millis + " ms")
        .hasMessageContaining("Durations.seconds(1)");
  }

  @Test
  void aMissingBatchDurationIsRefused() {
    assertThatThrownBy(() -> new StreamingContext(new StreamingConf(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchDuration must not be null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yarn", "local[0]", "spark://master:7077", "local[x]"})
  void anUnsupportedMasterIsRefusedByTheConstructor(String master) {
    assertThatThrownBy(() -> new StreamingContext(master, "app", Durations.seconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(master);
  }

  @Test
  void theMasterAndNameConstructorConfiguresTheContext() {
    StreamingContext ssc = new StreamingContext("local[3]", "named", Durations.seconds(2));
    created.add(ssc);

    assertThat(ssc.conf().master()).isEqualTo("local[3]");
    assertThat(ssc.conf().appName()).isEqualTo("named");
    assertThat(ssc.batchDuration()).isEqualTo(Durations.seconds(2));
    assertThat(ssc.conf().workerThreads()).isEqualTo(3);
  }
}
