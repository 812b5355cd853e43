package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  private final ManualReceiverClock clock = new ManualReceiverClock();

  private void acquire(RateLimiter limiter, int times) {
    for (int i = 0; i < times; i++) {
      limiter.acquire();
    }
  }

  @Test
  void anUnlimitedLimiterNeverWaits() {
    RateLimiter limiter = new RateLimiter(0, clock);

    acquire(limiter, 100_000);
    limiter.acquire(1_000_000);

    assertThat(clock.sleeps()).isZero();
    assertThat(limiter.currentRate()).isZero();
  }

  @Test
  void aSteadyStreamIsHeldToTheRate() {
    RateLimiter limiter = new RateLimiter(100, clock);

    acquire(limiter, 101);

    assertThat(clock.sleptNanos()).isCloseTo(SECOND, within(1_000L));
  }

  @Test
  void anIdleLimiterLetsOneSecondsWorthThroughAtOnceAndNoMore() {
    RateLimiter limiter = new RateLimiter(10, clock);
    clock.advanceNanos(5 * SECOND);

    acquire(limiter, 11);
    assertThat(clock.sleptNanos()).isZero();

    acquire(limiter, 10);
    assertThat(clock.sleptNanos()).isCloseTo(SECOND, within(1_000L));
  }

  @Test
  void manyRecordsAtOncePassAndTheNextCallPaysForThem() {
    RateLimiter limiter = new RateLimiter(10, clock);

    limiter.acquire(50);
    assertThat(clock.sleptNanos()).isZero();

    limiter.acquire();
    assertThat(clock.sleptNanos()).isCloseTo(5 * SECOND, within(1_000L));
  }

  @Test
  void updateRateChangesThePaceButNeverExceedsTheMaximum() {
    RateLimiter limiter = new RateLimiter(100, clock);

    limiter.updateRate(1000);
    assertThat(limiter.currentRate()).isEqualTo(100);

    limiter.updateRate(50);
    acquire(limiter, 51);
    assertThat(limiter.currentRate()).isEqualTo(50);
    assertThat(clock.sleptNanos()).isCloseTo(SECOND, within(SECOND / 50));
  }

  @Test
  void withoutAMaximumUpdateRateTurnsAnUnlimitedLimiterIntoALimitedOne() {
    RateLimiter limiter = new RateLimiter(0, clock);

    limiter.updateRate(20);
    acquire(limiter, 21);

    assertThat(limiter.currentRate()).isEqualTo(20);
    assertThat(limiter.maxRate()).isZero();
    assertThat(clock.sleptNanos()).isCloseTo(SECOND, within(1_000L));
  }

  @Test
  void anInterruptEndsTheWaitAndStaysSet() {
    ReceiverClock interrupting = new ReceiverClock() {
      @Override
      public long nanoTime() {
        return 0;
      }

      @Override
      public void sleepNanos(long nanos) throws InterruptedException {
        throw new InterruptedException();
      }

      @Override
      public Cancellable schedule(long delayMs, Runnable task) {
        throw new UnsupportedOperationException("a rate limiter schedules nothing");
      }

      @Override
      public Cancellable scheduleAtFixedRate(long periodMs, Runnable task) {
        throw new UnsupportedOperationException("a rate limiter schedules nothing");
      }
    };
    RateLimiter limiter = new RateLimiter(1, interrupting);
    limiter.acquire();

    limiter.acquire();

    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThatThrownBy(() -> new RateLimiter(-1, clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1 records/s");
    assertThatThrownBy(() -> new RateLimiter(10, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
    RateLimiter limiter = new RateLimiter(10, clock);
    assertThatThrownBy(() -> limiter.updateRate(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive, got 0");
    assertThatThrownBy(() -> limiter.acquire(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative number of records: -1");
  }
}
