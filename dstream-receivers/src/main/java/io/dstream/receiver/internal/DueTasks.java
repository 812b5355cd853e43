package io.dstream.receiver.internal;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * The scheduled tasks of a {@link ReceiverClock} whose time is moved by someone else (a manual clock): each
 * task has a due time in the clock's milliseconds, and {@link #runDueBy} runs those due by a time, in time
 * order, on the calling thread. Runs never overlap: a thread that asks for the tasks due by a time returns
 * only after every task due by then has finished, whichever thread ran it. Thread-safe: tasks may be added and
 * cancelled from any thread, also from a running task.
 */
public final class DueTasks {
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(Comparator.comparingLong((Task task) -> task.dueMs).thenComparingLong(t -> t.order));
  private final Object runLock = new Object();
  private long added;

  /** Creates an empty queue. */
  public DueTasks() {}

  /**
   * Adds a task.
   *
   * @param dueMs when it falls due, in the clock's milliseconds
   * @param periodMs 0 for a task that runs once; otherwise it falls due again every period after a run
   * @param task what to run
   * @return the handle that removes the task
   */
  public synchronized ReceiverClock.Cancellable add(long dueMs, long periodMs, Runnable task) {
    Task entry = new Task(dueMs, periodMs, task);
    entry.order = added++;
    tasks.add(entry);
    return () -> cancel(entry);
  }

  private synchronized void cancel(Task task) {
    task.cancelled = true;
    tasks.remove(task);
  }

  /**
   * Runs, on this thread, every task due at or before a time, in due-time order (a repeating task may run
   * several times), including tasks that those runs add and that fall due by then. First waits for the runs
   * of another thread to finish. A task that throws stops the runs there; the exception propagates.
   *
   * @param timeMs the time, in the clock's milliseconds
   */
  public void runDueBy(long timeMs) {
    runDueBy(timeMs, due -> { });
  }

  /**
   * {@link #runDueBy(long)}, telling each task's due time before it runs: a clock that is only moved by these
   * runs (the tests' manual receiver clock) moves its time there.
   *
   * @param timeMs the time, in the clock's milliseconds
   * @param beforeEach told each task's due time before it runs
   */
  void runDueBy(long timeMs, LongConsumer beforeEach) {
    synchronized (runLock) {
      Run due;
      while ((due = pollDue(timeMs)) != null) {
        beforeEach.accept(due.dueMs());
        // Outside the queue's lock: a task may add or cancel tasks.
        if (!due.task().cancelled) {
          due.task().action.run();
        }
      }
    }
  }

  private synchronized Run pollDue(long timeMs) {
    Task due = tasks.peek();
    if (due == null || due.dueMs > timeMs) {
      return null;
    }
    tasks.poll();
    Run run = new Run(due, due.dueMs);
    if (due.periodMs > 0) {
      due.dueMs += due.periodMs;
      due.order = added++;
      tasks.add(due);
    }
    return run;
  }

  private record Run(Task task, long dueMs) {}

  /**
   * Returns when the next task falls due.
   *
   * @return its due time in milliseconds, or {@link Long#MAX_VALUE} if no task waits
   */
  public synchronized long nextDueMs() {
    Task next = tasks.peek();
    return next == null ? Long.MAX_VALUE : next.dueMs;
  }

  /**
   * Returns how many tasks wait to run (a repeating task counts once).
   *
   * @return the number of scheduled, uncancelled tasks
   */
  public synchronized int size() {
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
