package io.dstream.receiver.internal;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose time moves only when {@link #advance(long)} is called; due tasks then run on the
 * calling thread, in time order. Tests (and the test kit of dstream-core) use it to cut blocks and to end
 * restart delays exactly when they choose. Thread-safe: tasks may be scheduled from any thread.
 */
public final class ManualScheduler implements Scheduler {
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(Comparator.comparingLong((Task task) -> task.dueMs).thenComparingLong(t -> t.order));
  private long nowMs;
  private long scheduled;

  /** Creates a scheduler at time 0. */
  public ManualScheduler() {}

  @Override
  public synchronized Cancellable schedule(long delayMs, Runnable task) {
    if (delayMs < 0) {
      throw new IllegalArgumentException("a task's delay must not be negative, got " + delayMs + " ms");
    }
    return add(new Task(nowMs + delayMs, 0, task));
  }

  @Override
  public synchronized Cancellable scheduleAtFixedRate(long periodMs, Runnable task) {
    if (periodMs <= 0) {
      throw new IllegalArgumentException("a repeating task's period must be positive, got " + periodMs + " ms");
    }
    return add(new Task(nowMs + periodMs, periodMs, task));
  }

  private Cancellable add(Task task) {
    task.order = scheduled++;
    tasks.add(task);
    return () -> cancel(task);
  }

  private synchronized void cancel(Task task) {
    task.cancelled = true;
    tasks.remove(task);
  }

  /**
   * Moves time forward, running every task that falls due on the way, on this thread, at its due time in
   * order (a repeating task may run several times). A task that throws stops the advance there; the
   * exception propagates.
   *
   * @param millis how far to move, not negative
   * @throws IllegalArgumentException if {@code millis} is negative
   */
  public void advance(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("time only moves forward; got " + millis + " ms");
    }
    long target;
    synchronized (this) {
      target = nowMs + millis;
    }
    while (true) {
      Task due;
      synchronized (this) {
        due = tasks.peek();
        if (due == null || due.dueMs > target) {
          nowMs = target;
          return;
        }
        tasks.poll();
        nowMs = due.dueMs;
        if (due.periodMs > 0) {
          due.dueMs += due.periodMs;
          due.order = scheduled++;
          tasks.add(due);
        }
      }
      // Outside the lock: a task may schedule or cancel tasks.
      if (!due.cancelled) {
        due.action.run();
      }
    }
  }

  /**
   * Returns the scheduler's time.
   *
   * @return milliseconds since the scheduler was created, as moved by {@link #advance(long)}
   */
  public synchronized long nowMs() {
    return nowMs;
  }

  /**
   * Returns how many tasks are waiting to run (a repeating task counts once).
   *
   * @return the number of scheduled, uncancelled tasks
   */
  public synchronized int pendingTasks() {
    return tasks.size();
  }

  private static final class Task {
    final long periodMs;
    final Runnable action;
    long dueMs;
    long order;
    volatile boolean cancelled;

    Task(long dueMs, long periodMs, Runnable action) {
      this.dueMs = dueMs;
      this.periodMs = periodMs;
      this.action = action;
    }
  }
}
