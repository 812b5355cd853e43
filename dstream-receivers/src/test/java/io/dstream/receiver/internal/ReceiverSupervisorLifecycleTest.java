package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReceiverSupervisorLifecycleTest {
  private static final int STREAM = 4;

  private final ManualReceiverClock clock = new ManualReceiverClock();
  private final RecordingListener listener = new RecordingListener();
  private final RecordingBlockHandler handler = new RecordingBlockHandler();
  private final ControlledReceiver receiver = new ControlledReceiver();
  private ReceiverSupervisor supervisor;

  private ReceiverSupervisor supervise() {
    supervisor = ReceiverSupervisor.builder(receiver, STREAM, handler).listener(listener).clock(clock)
        .build();
    return supervisor;
  }

  private void startAndAwaitStarted() throws InterruptedException {
    supervise().start();
    Await.take(listener.started, "the receiver to start");
  }

  @AfterEach
  void stopSupervisor() throws InterruptedException {
    if (supervisor != null) {
      supervisor.stop("test over", null);
      assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void theReceiverStartsOnTheSupervisorsOwnThreadAndKnowsItsStream() throws InterruptedException {
    startAndAwaitStarted();

    assertThat(receiver.startThreads.take())
        .isEqualTo("dstream-receiver-" + STREAM)
        .isNotEqualTo(Thread.currentThread().getName());
    assertThat(supervisor.state()).isEqualTo(SupervisorState.STARTED);
    assertThat(receiver.isStarted()).isTrue();
    assertThat(receiver.isStopped()).isFalse();
    assertThat(receiver.streamId()).isEqualTo(STREAM);
  }

  @Test
  void duringOnStartTheReceiverCountsAsStartedAndNotStopped() throws InterruptedException {
    AtomicBoolean startedInOnStart = new AtomicBoolean();
    AtomicBoolean stoppedInOnStart = new AtomicBoolean(true);
    receiver.onStartDo(() -> {
      startedInOnStart.set(receiver.isStarted());
      stoppedInOnStart.set(receiver.isStopped());
    });

    startAndAwaitStarted();

    assertThat(startedInOnStart).isTrue();
    assertThat(stoppedInOnStart).isFalse();
  }

  @Test
  void restartStopsTheReceiverReportsWhyAndStartsItAgainOnlyAfterTheDelay() throws InterruptedException {
    startAndAwaitStarted();
    RuntimeException cause = new RuntimeException("source hiccup");

    receiver.restart("lost the source", cause);

    RecordingListener.Report error = Await.take(listener.errors, "the restart report");
    assertThat(error.message()).isEqualTo("restarting the receiver in 2000 ms: lost the source");
    assertThat(error.error()).isSameAs(cause);
    assertThat(error.streamId()).isEqualTo(STREAM);
    assertThat(receiver.stopCount).hasValue(1);
    assertThat(receiver.isStopped()).isTrue();
    assertThat(supervisor.state()).isEqualTo(SupervisorState.RESTARTING);

    clock.advance(1999);
    assertThat(receiver.starts).hasValue(1);

    clock.advance(1);
    Await.take(listener.started, "the restarted receiver");
    assertThat(receiver.starts).hasValue(2);
    assertThat(receiver.stopCount).hasValue(1);
    assertThat(receiver.isStarted()).isTrue();
  }

  @Test
  void aReceiverThatRestartsWithoutAnErrorIsRestartedAfterTheDelayAsOftenAsItAsks() throws InterruptedException {
    startAndAwaitStarted();

    for (int restart = 1; restart <= 5; restart++) {
      receiver.restart("the server closed the connection");
      RecordingListener.Report report = Await.take(listener.errors, "restart report " + restart);
      assertThat(report.message()).isEqualTo("restarting the receiver in 2000 ms: the server closed the connection");
      assertThat(report.error()).isNull();
      clock.advance(2000);
      Await.take(listener.started, "restart " + restart);
    }
    receiver.store(List.of("back"));

    assertThat(receiver.starts).hasValue(6);
    assertThat(receiver.stopCount).hasValue(5);
    assertThat(handler.allRecords()).containsExactly("back");
    assertThat(listener.stopped).isEmpty();
    assertThat(supervisor.state()).isEqualTo(SupervisorState.STARTED);
  }

  @Test
  void aTransientFailureOfTheSupervisorsSchedulerRestartsTheReceiverInsteadOfLeavingItDead()
      throws InterruptedException {
    AtomicInteger restartsScheduled = new AtomicInteger();
    ReceiverClock failingOnce = restartsFailingWhen(() -> restartsScheduled.incrementAndGet() == 1,
        "transient clock failure");
    supervisor = ReceiverSupervisor.builder(receiver, STREAM, handler).listener(listener)
        .clock(failingOnce).build();
    supervisor.start();
    Await.take(listener.started, "the receiver to start");

    receiver.restart("hiccup");

    RecordingListener.Report report = Await.take(listener.errors, "the restart report");
    assertThat(report.message()).startsWith("restarting the receiver in 2000 ms: the receiver supervisor failed");
    assertThat(report.error()).hasMessage("transient clock failure");
    clock.advance(2000);
    Await.take(listener.started, "the restarted receiver");
    assertThat(receiver.starts).hasValue(2);
    assertThat(receiver.stopCount).as("onStop once for the one start it ends").hasValue(1);
    assertThat(listener.stopped).isEmpty();
  }

  @Test
  void aRestartWithAnExplicitDelayWaitsThatLong() throws InterruptedException {
    startAndAwaitStarted();

    receiver.restart("soon", null, 500);

    assertThat(Await.take(listener.errors, "the restart report").message()).contains("in 500 ms: soon");
    clock.advance(500);
    Await.take(listener.started, "the restarted receiver");
    assertThat(receiver.starts).hasValue(2);
  }

  @Test
  void aNegativeRestartDelayIsRejected() throws InterruptedException {
    startAndAwaitStarted();

    assertThatThrownBy(() -> receiver.restart("now", null, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative, got -1 ms");
  }

  @Test
  void anExceptionFromOnStartIsReportedAndTheReceiverIsStoppedAndRestartedAfterTheDelay()
      throws InterruptedException {
    receiver.failNextStarts(1);
    supervise().start();

    RecordingListener.Report error = Await.take(listener.errors, "the onStart failure");
    assertThat(error.message())
        .startsWith("restarting the receiver in 2000 ms: onStart() of " + ControlledReceiver.class.getName()
            + " failed");
    assertThat(error.error()).isInstanceOf(IllegalStateException.class).hasMessage("onStart failure 1");
    assertThat(receiver.stopCount).as("onStop cleans up after a failed onStart").hasValue(1);
    assertThat(listener.started).isEmpty();

    clock.advance(2000);
    Await.take(listener.started, "the second start");
    assertThat(receiver.starts).hasValue(2);
  }

  @Test
  void restartRequestsThatArriveWhileRestartingAreIgnored() throws InterruptedException {
    startAndAwaitStarted();

    receiver.restart("first");
    receiver.restart("second");
    Await.take(listener.errors, "the first restart");
    clock.advance(2000);
    Await.take(listener.started, "the restarted receiver");

    assertThat(listener.errors).isEmpty();
    assertThat(receiver.starts).hasValue(2);
    assertThat(receiver.stopCount).hasValue(1);
  }

  @Test
  void stopCallsOnStopOnceReportsTheStopAndEndsTheThread() throws InterruptedException {
    startAndAwaitStarted();

    supervisor.stop("context stopped", null);

    assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(supervisor.state()).isEqualTo(SupervisorState.STOPPED);
    assertThat(receiver.stopCount).hasValue(1);
    assertThat(receiver.isStopped()).isTrue();
    assertThat(receiver.isStarted()).isFalse();
    RecordingListener.Report stopped = listener.stopped.poll();
    assertThat(stopped).isNotNull();
    assertThat(stopped.message()).isEqualTo("context stopped");
    assertThat(stopped.error()).isNull();
    assertThat(clock.pendingTasks()).as("the block timer is cancelled").isZero();
  }

  @Test
  void aStopDuringTheRestartDelayCancelsTheRestartAndDoesNotCallOnStopAgain() throws InterruptedException {
    startAndAwaitStarted();
    receiver.restart("hiccup");
    Await.take(listener.errors, "the restart report");

    supervisor.stop("context stopped", null);
    assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    clock.advance(10_000);

    assertThat(receiver.stopCount).hasValue(1);
    assertThat(receiver.starts).hasValue(1);
    assertThat(clock.pendingTasks()).isZero();
  }

  @Test
  void theReceiverCanStopItselfWithAnError() throws InterruptedException {
    startAndAwaitStarted();
    Exception cause = new Exception("source is gone for good");

    receiver.stop("giving up", cause);

    RecordingListener.Report stopped = Await.take(listener.stopped, "the stop report");
    assertThat(stopped.message()).isEqualTo("giving up");
    assertThat(stopped.error()).isSameAs(cause);
    assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(receiver.stopCount).hasValue(1);
  }

  @Test
  void aStopRequestedInsideOnStartStopsRightAfterItReturns() throws InterruptedException {
    receiver.onStartDo(() -> receiver.stop("nothing to receive"));

    supervise().start();

    assertThat(Await.take(listener.stopped, "the stop report").message()).isEqualTo("nothing to receive");
    assertThat(listener.order).containsExactly("started", "stopped");
    assertThat(receiver.stopCount).hasValue(1);
  }

  @Test
  void aFailingOnStopIsReportedAndTheStopStillCompletes() throws InterruptedException {
    receiver.failOnStop(new IllegalStateException("close failed"));
    startAndAwaitStarted();

    supervisor.stop("context stopped", null);

    assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    RecordingListener.Report error = Await.take(listener.errors, "the onStop failure");
    assertThat(error.message()).startsWith("onStop() of " + ControlledReceiver.class.getName() + " failed");
    assertThat(error.error()).hasMessage("close failed");
    assertThat(listener.stopped).hasSize(1);
  }

  @Test
  void aListenerThatThrowsDoesNotDisturbTheSupervisor() throws InterruptedException {
    ReceiverListener throwing = new ReceiverListener() {
      @Override
      public void onReceiverStarted(int streamId) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void onReceiverStopped(int streamId, String message, Throwable error) {
        listener.onReceiverStopped(streamId, message, error);
      }
    };
    supervisor = ReceiverSupervisor.builder(receiver, STREAM, handler).listener(throwing).clock(clock)
        .build();
    supervisor.start();
    Await.take(receiver.startThreads, "onStart");

    supervisor.stop("done", null);

    Await.take(listener.stopped, "the stop report");
    assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aSupervisorStartsOnce() throws InterruptedException {
    startAndAwaitStarted();

    assertThatThrownBy(supervisor::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot move from STARTED to STARTING")
        .hasMessageContaining("already been started");
  }

  @Test
  void aSupervisorStoppedBeforeItStartedNeverRunsTheReceiverAndCannotStart() throws InterruptedException {
    supervise().stop("never mind", null);

    assertThat(supervisor.state()).isEqualTo(SupervisorState.STOPPED);
    assertThat(supervisor.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(supervisor::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be started again");
    assertThat(receiver.starts).hasValue(0);
    assertThat(receiver.stopCount).hasValue(0);
  }

  @Test
  void aStoppedSupervisorCannotStartAgainAndStoppingAgainDoesNothing() throws InterruptedException {
    startAndAwaitStarted();
    supervisor.stop("first", null);
    assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

    supervisor.stop("second", null);

    assertThatThrownBy(supervisor::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot move from STOPPED to STARTING");
    assertThat(listener.stopped).hasSize(1);
  }

  @Test
  void aReceiverObjectFeedsOneSupervisorOnly() throws InterruptedException {
    startAndAwaitStarted();
    ReceiverSupervisor second = ReceiverSupervisor.builder(receiver, 9, handler).clock(clock).build();

    assertThatThrownBy(second::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already feeds stream " + STREAM)
        .hasMessageContaining("create a new receiver for each stream");
    assertThat(second.state()).isEqualTo(SupervisorState.INITIALIZED);
  }

  @Test
  void withTheDefaultSchedulerAZeroDelayRestartHappensInRealTime() throws InterruptedException {
    supervisor = ReceiverSupervisor.builder(receiver, STREAM, handler).listener(listener)
        .settings(ReceiverSettings.defaults().withRestartDelayMs(0)).build();
    supervisor.start();
    Await.take(listener.started, "the first start");

    receiver.restart("again");

    Await.take(listener.started, "the restart");
    assertThat(receiver.starts).hasValue(2);
  }

  @Test
  void aSupervisorWhoseSchedulerFailsStopsTheReceiverAndReportsWhy() throws InterruptedException {
    ReceiverClock closedForRestarts = restartsFailingWhen(() -> true, "the clock has been closed");
    supervisor = ReceiverSupervisor.builder(receiver, STREAM, handler).listener(listener)
        .clock(closedForRestarts).build();
    supervisor.start();
    Await.take(listener.started, "the receiver to start");

    receiver.restart("hiccup");

    RecordingListener.Report stopped = Await.take(listener.stopped, "the stop report");
    assertThat(stopped.message()).startsWith("the receiver supervisor failed");
    assertThat(stopped.error()).hasMessage("the clock has been closed");
    assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(supervisor.state()).isEqualTo(SupervisorState.STOPPED);
    assertThat(receiver.stopCount).hasValue(1);
  }

  @Test
  void builderArgumentsAreValidated() {
    assertThatThrownBy(() -> ReceiverSupervisor.builder(null, 0, handler))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a receiver");
    assertThatThrownBy(() -> ReceiverSupervisor.builder(receiver, -1, handler))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative, got -1");
    assertThatThrownBy(() -> ReceiverSupervisor.builder(receiver, 0, handler).clock(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
  }

  /**
   * The test's manual clock, except that scheduling a one-shot task (a restart delay) throws an
   * IllegalStateException with the message whenever {@code fails} says so; the block timer is left alone.
   */
  private ReceiverClock restartsFailingWhen(BooleanSupplier fails, String message) {
    return new ReceiverClock() {
      @Override
      public Cancellable schedule(long delayMs, Runnable task) {
        if (fails.getAsBoolean()) {
          throw new IllegalStateException(message);
        }
        return clock.schedule(delayMs, task);
      }

      @Override
      public Cancellable scheduleAtFixedRate(long periodMs, Runnable task) {
        return clock.scheduleAtFixedRate(periodMs, task);
      }

      @Override
      public long nanoTime() {
        return clock.nanoTime();
      }

      @Override
      public void sleepNanos(long nanos) {
        clock.sleepNanos(nanos);
      }
    };
  }
}
