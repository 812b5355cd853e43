package io.dstream;

/**
 * The time source of a {@link StreamingContext}: the job generator asks it for the time and waits on it
 * for the next batch. The default is the system clock; the test kit's
 * {@link io.dstream.testing.ManualClock} lets a test move time batch by batch.
 */
public interface Clock {
  /**
   * Returns the current time.
   *
   * @return milliseconds since the clock's origin
   */
  long getTimeMillis();

  /**
   * Blocks until the clock reaches a time.
   *
   * @param targetMillis the time to wait for
   * @return the clock's time when the wait ended (at least {@code targetMillis})
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  long waitTillTime(long targetMillis) throws InterruptedException;
}
