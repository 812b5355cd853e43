package io.dstream.receiver.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ReceiverClock} of real time: {@link System#nanoTime()}, real sleeps, and one daemon thread of its
 * own that runs the scheduled tasks. Thread-safe.
 */
public final class SystemReceiverClock implements ReceiverClock, AutoCloseable {
  private final ScheduledThreadPoolExecutor executor;

  /**
   * Creates a clock and its thread.
   *
   * @param threadName the name of the thread that runs the tasks
   */
  public SystemReceiverClock(String threadName) {
    executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void sleepNanos(long nanos) throws InterruptedException {
    TimeUnit.NANOSECONDS.sleep(nanos);
  }

  @Override
  public Cancellable schedule(long delayMs, Runnable task) {
    if (delayMs < 0) {
      throw new IllegalArgumentException("a task's delay must not be negative, got " + delayMs + " ms");
    }
    try {
      var future = executor.schedule(ReceiverClock.loggingFailures(task), delayMs, TimeUnit.MILLISECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException e) {
      throw closed(e);
    }
  }

  @Override
  public Cancellable scheduleAtFixedRate(long periodMs, Runnable task) {
    if (periodMs <= 0) {
      throw new IllegalArgumentException("a repeating task's period must be positive, got " + periodMs + " ms");
    }
    try {
      // A periodic task whose run throws is never run again by the executor: the wrapper keeps it alive.
      var future = executor.scheduleAtFixedRate(ReceiverClock.loggingFailures(task), periodMs, periodMs,
          TimeUnit.MILLISECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException e) {
      throw closed(e);
    }
  }

  /** Stops the thread; tasks that have not run yet never run. Closing again does nothing. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static IllegalStateException closed(RejectedExecutionException e) {
    return new IllegalStateException("the receiver clock has been closed; no task can be scheduled on it", e);
  }
}
