package io.dstream.receiver.internal;

import org.slf4j.LoggerFactory;

/**
 * The receivers' one notion of time: the block generator cuts blocks on it, a supervisor waits out restart
 * delays on it, and the rate limiter measures and waits with it. {@link SystemReceiverClock} is real time;
 * dstream-core adapts its context's clock to this interface, so that under a manual clock blocks are cut and
 * restart delays end when the test moves the clock.
 */
public interface ReceiverClock {
  /**
   * Returns the current time; only differences between two values mean something.
   *
   * @return nanoseconds since an arbitrary origin
   */
  long nanoTime();

  /**
   * Waits for a while: what the rate limiter does when records come faster than its rate. A clock whose time
   * does not pass by itself may return at once (see its documentation).
   *
   * @param nanos how long, in nanoseconds (positive)
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleepNanos(long nanos) throws InterruptedException;

  /**
   * Runs a task once after a delay.
   *
   * @param delayMs the delay in milliseconds (0 runs it as soon as possible)
   * @param task what to run
   * @return a handle that cancels the task if it has not run yet
   * @throws IllegalArgumentException if the delay is negative
   * @throws IllegalStateException if the clock has been closed
   */
  Cancellable schedule(long delayMs, Runnable task);

  /**
   * Runs a task every period, the first time one period from now, at fixed times (a late run does not move
   * the next ones). Tasks should not throw; if a run throws, the failure is logged and the task keeps running.
   *
   * @param periodMs the period in milliseconds (positive)
   * @param task what to run
   * @return a handle that stops further runs
   * @throws IllegalArgumentException if the period is not positive
   * @throws IllegalStateException if the clock has been closed
   */
  Cancellable scheduleAtFixedRate(long periodMs, Runnable task);

  /**
   * Wraps a scheduled task so that a run that throws is logged and does not end a repeating task: what every
   * clock does with the tasks it runs.
   *
   * @param task the task
   * @return the task, logging what it throws
   */
  static Runnable loggingFailures(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LoggerFactory.getLogger(ReceiverClock.class).error("a scheduled task failed: {}", e.toString(), e);
      }
    };
  }

  /** Cancels a scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    /** Prevents runs that have not started; a run in progress finishes. Cancelling twice does nothing. */
    void cancel();
  }
}
