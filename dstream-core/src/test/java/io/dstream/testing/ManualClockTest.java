package io.dstream.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  @Test
  void startsAtZeroOrTheGivenTimeAndMovesOnlyWhenAdvanced() {
    ManualClock clock = new ManualClock();
    ManualClock later = new ManualClock(5000);

    assertThat(clock.getTimeMillis()).isZero();
    assertThat(later.getTimeMillis()).isEqualTo(5000);

    clock.advance(1500);
    clock.advance(0);
    assertThat(clock.getTimeMillis()).isEqualTo(1500);

    clock.setTime(4000);
    assertThat(clock.getTimeMillis()).isEqualTo(4000);
    assertThat(clock).hasToString("ManualClock(4000 ms)");
  }

  @Test
  void refusesToMoveBackwards() {
    ManualClock clock = new ManualClock(1000);

    assertThatThrownBy(() -> clock.advance(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 ms").hasMessageContaining("forward");
    assertThatThrownBy(() -> clock.setTime(999))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forward");
    assertThat(clock.getTimeMillis()).isEqualTo(1000);
  }

  @Test
  void waitTillTimeReturnsAtOnceForATimeThatHasCome() throws InterruptedException {
    ManualClock clock = new ManualClock(2000);

    assertThat(clock.waitTillTime(1000)).isEqualTo(2000);
    assertThat(clock.waitTillTime(2000)).isEqualTo(2000);
  }

  @Test
  void waitTillTimeWakesWhenAnAdvanceReachesTheTarget() throws Exception {
    ManualClock clock = new ManualClock();
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Long> woke = CompletableFuture.supplyAsync(() -> {
      try {
        waiting.countDown();
        return clock.waitTillTime(3000);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

    clock.advance(1000);
    clock.advance(1000);
    // Not yet at 3000: the waiter must still be blocked; moving to 3500 releases it with the new time.
    assertThat(woke).isNotDone();
    clock.advance(1500);

    assertThat(woke.get(10, TimeUnit.SECONDS)).isEqualTo(3500);
  }

  @Test
  void waitTillTimeIsInterruptible() throws Exception {
    ManualClock clock = new ManualClock();
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread waiter = new Thread(() -> {
      try {
        clock.waitTillTime(1000);
        outcome.complete(null);
      } catch (InterruptedException e) {
        outcome.complete(e);
      }
    });
    waiter.start();

    waiter.interrupt();

    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    assertThat(clock.getTimeMillis()).isZero();
  }
}
