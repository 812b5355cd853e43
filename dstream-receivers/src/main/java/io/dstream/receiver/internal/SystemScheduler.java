package io.dstream.receiver.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Scheduler} on real time, with one daemon thread of its own. Thread-safe. */
public final class SystemScheduler implements Scheduler, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SystemScheduler.class);

  private final ScheduledThreadPoolExecutor executor;

  /**
   * Creates a scheduler and its thread.
   *
   * @param threadName the name of the thread that runs the tasks
   */
  public SystemScheduler(String threadName) {
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
  public Cancellable schedule(long delayMs, Runnable task) {
    if (delayMs < 0) {
      throw new IllegalArgumentException("a task's delay must not be negative, got " + delayMs + " ms");
    }
    try {
      var future = executor.schedule(logged(task), delayMs, TimeUnit.MILLISECONDS);
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
      var future = executor.scheduleAtFixedRate(logged(task), periodMs, periodMs, TimeUnit.MILLISECONDS);
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

  // A periodic task whose run throws is never run again by the executor; keep it alive and say why.
  private static Runnable logged(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.error("a scheduled task failed: {}", e.toString(), e);
      }
    };
  }

  private static IllegalStateException closed(RejectedExecutionException e) {
    return new IllegalStateException("the scheduler has been closed; no task can be scheduled on it", e);
  }
}
