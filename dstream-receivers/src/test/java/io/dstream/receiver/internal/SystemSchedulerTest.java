package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SystemSchedulerTest {
  @Test
  void aTaskRunsOnTheSchedulersNamedDaemonThread() throws InterruptedException {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    CountDownLatch ran = new CountDownLatch(1);
    try (SystemScheduler scheduler = new SystemScheduler("test-timer")) {
      scheduler.schedule(0, () -> {
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
    try (SystemScheduler scheduler = new SystemScheduler("test-timer")) {
      scheduler.scheduleAtFixedRate(1, () -> {
        runs.countDown();
        throw new IllegalStateException("every run fails");
      });
      Await.latch(runs, "three runs");
    }
  }

  @Test
  void aClosedSchedulerRefusesNewTasks() {
    SystemScheduler scheduler = new SystemScheduler("test-timer");
    scheduler.close();

    assertThatThrownBy(() -> scheduler.schedule(0, () -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has been closed");
    assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(10, () -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has been closed");
  }

  @Test
  void invalidDelaysAndPeriodsAreRejected() {
    try (SystemScheduler scheduler = new SystemScheduler("test-timer")) {
      assertThatThrownBy(() -> scheduler.schedule(-1, () -> {})).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(0, () -> {}))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
