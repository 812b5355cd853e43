package io.dstream.receiver.internal;

/**
 * Limits how many records per second a receiver stores: a token bucket that refills at the current rate
 * and holds at most one second's worth of tokens, so an idle receiver may burst for up to a second and is
 * then held to the rate. {@link #acquire(int)} waits, with the {@link ReceiverClock}, until the records may pass.
 *
 * <p>The rate starts at {@code maxRate} (or unlimited) and follows {@link #updateRate(long)}, which
 * backpressure calls with the estimated rate; the rate never exceeds {@code maxRate}. Thread-safe; an
 * unlimited limiter costs one volatile read per call.
 */
public final class RateLimiter {
  private static final double NANOS_PER_SECOND = 1e9;

  private final long maxRate;
  private final ReceiverClock clock;
  private volatile long rate;
  // The bucket, guarded by this: tokens saved up while idle, and when the next fresh token is due.
  private double intervalNanos;
  private double storedTokens;
  private long nextFreeNanos;

  /**
   * Creates a limiter.
   *
   * @param maxRate the most records per second, or {@link ReceiverSettings#UNLIMITED_RATE}
   * @param clock the clock to measure and wait with
   * @throws IllegalArgumentException if the rate is negative or the clock is null
   */
  public RateLimiter(long maxRate, ReceiverClock clock) {
    if (maxRate < 0) {
      throw new IllegalArgumentException("the maximum rate must not be negative, got " + maxRate
          + " records/s; use 0 for no limit");
    }
    if (clock == null) {
      throw new IllegalArgumentException("the clock of a rate limiter must not be null");
    }
    this.maxRate = maxRate;
    this.clock = clock;
    if (maxRate > 0) {
      setRate(maxRate);
    }
  }

  /** Waits until one more record may be stored. */
  public void acquire() {
    acquire(1);
  }

  /**
   * Waits until {@code count} more records may be stored. A count larger than the bucket passes at once if
   * the bucket allows, and makes the following calls wait for the debt. If the thread is interrupted while
   * waiting, the wait ends early and the interrupt flag is set again.
   *
   * @param count how many records, not negative
   * @throws IllegalArgumentException if the count is negative
   */
  public void acquire(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("cannot acquire a negative number of records: " + count);
    }
    if (rate == 0 || count == 0) {
      return;
    }
    long waitNanos = reserve(count);
    if (waitNanos > 0) {
      try {
        clock.sleepNanos(waitNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Changes the rate, for example to the rate estimated by backpressure. The new rate is capped at
   * {@code maxRate} when there is one.
   *
   * @param newRate records per second, positive
   * @throws IllegalArgumentException if the rate is not positive
   */
  public void updateRate(long newRate) {
    if (newRate <= 0) {
      throw new IllegalArgumentException("a receiver's rate must be positive, got " + newRate + " records/s");
    }
    setRate(maxRate > 0 ? Math.min(newRate, maxRate) : newRate);
  }

  /**
   * Returns the current rate.
   *
   * @return records per second, or 0 if unlimited
   */
  public long currentRate() {
    return rate;
  }

  /**
   * Returns the cap on the rate.
   *
   * @return records per second, or 0 if there is no cap
   */
  public long maxRate() {
    return maxRate;
  }

  private synchronized void setRate(long newRate) {
    long now = clock.nanoTime();
    if (rate == 0) {
      nextFreeNanos = now;
      storedTokens = 0;
    } else {
      refill(now);
      // Keep the same fraction of a full bucket, as the bucket's size changes with the rate.
      storedTokens = storedTokens * newRate / rate;
    }
    intervalNanos = NANOS_PER_SECOND / newRate;
    rate = newRate;
  }

  /** Takes {@code count} tokens and returns how long the caller must wait before using them. */
  private synchronized long reserve(int count) {
    long now = clock.nanoTime();
    refill(now);
    long waitNanos = Math.max(0, nextFreeNanos - now);
    double fromBucket = Math.min(count, storedTokens);
    storedTokens -= fromBucket;
    double freshNanos = (count - fromBucket) * intervalNanos;
    nextFreeNanos = saturatedAdd(nextFreeNanos, (long) freshNanos);
    return waitNanos;
  }

  private void refill(long now) {
    if (now > nextFreeNanos) {
      storedTokens = Math.min(rate, storedTokens + (now - nextFreeNanos) / intervalNanos);
      nextFreeNanos = now;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  @Override
  public String toString() {
    return "RateLimiter(rate=" + (rate == 0 ? "unlimited" : rate + "/s") + ", max="
        + (maxRate == 0 ? "none" : maxRate + "/s") + ")";
  }
}
