package io.dstream.testing;

import io.dstream.Clock;

/**
 * A clock that moves only when told to: {@link TestStreamingContext} uses it so that tests decide exactly
 * when each batch happens, with no sleeps. Thread-safe.
 */
public final class ManualClock implements Clock {
  private long time;

  /** Creates a clock at time 0. */
  public ManualClock() {
    this(0);
  }

  /**
   * Creates a clock at a given time.
   *
   * @param startMillis the initial time
   */
  public ManualClock(long startMillis) {
    this.time = startMillis;
  }

  @Override
  public synchronized long getTimeMillis() {
    return time;
  }

  /**
   * Moves the clock forward and wakes every thread waiting for a time that has now come.
   *
   * @param millis how far to move; must not be negative
   * @throws IllegalArgumentException if {@code millis} is negative
   */
  public synchronized void advance(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("a manual clock only moves forward; got " + millis + " ms");
    }
    time += millis;
    notifyAll();
  }

  /**
   * Sets the clock to a time not earlier than the current one.
   *
   * @param millis the new time
   * @throws IllegalArgumentException if it is earlier than the current time
   */
  public synchronized void setTime(long millis) {
    advance(millis - time);
  }

  @Override
  public synchronized long waitTillTime(long targetMillis) throws InterruptedException {
    while (time < targetMillis) {
      wait();
    }
    return time;
  }

  @Override
  public String toString() {
    return "ManualClock(" + getTimeMillis() + " ms)";
  }
}
