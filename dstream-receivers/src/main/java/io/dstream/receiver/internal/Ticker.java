package io.dstream.receiver.internal;

import java.util.concurrent.TimeUnit;

/**
 * A nanosecond time source that can wait: what a {@link RateLimiter} measures and waits with. Tests use a
 * ticker whose waits only move its time forward.
 */
public interface Ticker {
  /** The system's monotonic clock, waiting with {@link TimeUnit#sleep(long)}. */
  Ticker SYSTEM = new Ticker() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }
  };

  /**
   * Returns the current time; only differences between two values mean something.
   *
   * @return nanoseconds since an arbitrary origin
   */
  long nanoTime();

  /**
   * Waits for a while.
   *
   * @param nanos how long, in nanoseconds (positive)
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleepNanos(long nanos) throws InterruptedException;
}
