package io.dstream.receiver.internal;

/**
 * Runs tasks later or repeatedly: the block generator's block timer and the supervisor's restart delay.
 * {@link SystemScheduler} uses real time; {@link ManualScheduler} lets a test move time by hand.
 */
public interface Scheduler {
  /**
   * Runs a task once after a delay.
   *
   * @param delayMs the delay in milliseconds (0 runs it as soon as possible)
   * @param task what to run
   * @return a handle that cancels the task if it has not run yet
   * @throws IllegalArgumentException if the delay is negative
   * @throws IllegalStateException if the scheduler has been closed
   */
  Cancellable schedule(long delayMs, Runnable task);

  /**
   * Runs a task every period, the first time one period from now. Tasks should not throw:
   * {@link SystemScheduler} logs what a run throws and keeps running the task, {@link ManualScheduler} lets
   * it propagate out of {@link ManualScheduler#advance(long)}.
   *
   * @param periodMs the period in milliseconds (positive)
   * @param task what to run
   * @return a handle that stops further runs
   * @throws IllegalArgumentException if the period is not positive
   * @throws IllegalStateException if the scheduler has been closed
   */
  Cancellable scheduleAtFixedRate(long periodMs, Runnable task);

  /** Cancels a scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    /** Prevents runs that have not started; a run in progress finishes. Cancelling twice does nothing. */
    void cancel();
  }
}
