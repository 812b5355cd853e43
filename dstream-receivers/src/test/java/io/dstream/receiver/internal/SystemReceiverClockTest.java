package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SystemReceiverClockTest {
  @Test
  void aTaskRunsOnTheSchedulersNamedDaemonThread() throws InterruptedException {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    CountDownLatch ran = new CountDownLatch(1);
    try (SystemReceiverClock clock = new SystemReceiverClock("test-timer")) {
      clock.schedule(0, () -> {
        ranOn.set(Thread.currentThread());
        ran.countDown();
      });
      Await.latch(ran, "the task");
    }

    assertThat(ranOn.get().getName()).isEqualTo("test-timer");
    assertThat(ranOn.get().isDaemon()).isTrue();
  }

  @Test
  void aRepeatingTaskThatThrowsKeepsRunning() throws InterruptedException {
    CountDownLatch runs = new CountDownLatch(3);
    try (SystemReceiverClock clock = new SystemReceiverClock("test-timer")) {
      clock.scheduleAtFixedRate(1, () -> {
        runs.countDown();
        throw new IllegalStateException("every run fails");
      });
      Await.latch(runs, "three runs");
    }
  }

  @Test
  void aClosedSchedulerRefusesNewTasks() {
    SystemReceiverClock clock = new SystemReceiverClock("test-timer");
    clock.close();

    assertThatThrownBy(() -> clock.schedule(0, () -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has been closed");
    assertThatThrownBy(() -> clock.scheduleAtFixedRate(10, () -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has been closed");
  }

  @Test
  void invalidDelaysAndPeriodsAreRejected() {
    try (SystemReceiverClock clock = new SystemReceiverClock("test-timer")) {
      assertThatThrownBy(() -> clock.schedule(-1, () -> {})).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> clock.scheduleAtFixedRate(0, () -> {}))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
