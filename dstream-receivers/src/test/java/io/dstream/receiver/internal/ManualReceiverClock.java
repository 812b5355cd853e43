package io.dstream.receiver.internal;

/**
 * A {@link ReceiverClock} whose time moves only when the test says: {@link #advance(long)} runs the tasks that
 * fall due on the way, on the calling thread, each at its due time; a sleep (the rate limiter's) moves the
 * time by its length and is remembered, without running tasks (those run at the next advance). Thread-safe.
 */
public final class ManualReceiverClock implements ReceiverClock {
  private static final long NANOS_PER_MILLI = 1_000_000;

  private final DueTasks tasks = new DueTasks();
  private long nanos;
  private long sleptNanos;
  private int sleeps;

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized void sleepNanos(long duration) {
    nanos += duration;
    sleptNanos += duration;
    sleeps++;
  }

  @Override
  public ReceiverClock.Cancellable schedule(long delayMs, Runnable task) {
    if (delayMs < 0) {
      throw new IllegalArgumentException("a task's delay must not be negative, got " + delayMs + " ms");
    }
    return tasks.add(nowMs() + delayMs, 0, task);
  }

  @Override
  public ReceiverClock.Cancellable scheduleAtFixedRate(long periodMs, Runnable task) {
    if (periodMs <= 0) {
      throw new IllegalArgumentException("a repeating task's period must be positive, got " + periodMs + " ms");
    }
    return tasks.add(nowMs() + periodMs, periodMs, task);
  }

  /**
   * Moves time forward, running every task that falls due on the way, on this thread, at its due time in
   * order. A task that throws stops the advance there; the exception propagates.
   *
   * @param millis how far to move, not negative
   */
  public void advance(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("time only moves forward; got " + millis + " ms");
    }
    long target = nowMs() + millis;
    tasks.runDueBy(target, this::moveToMillis);
    moveToMillis(target);
  }

  /** Moves time forward without sleeping and without running tasks, as if the caller had been busy. */
  public synchronized void advanceNanos(long duration) {
    nanos += duration;
  }

  private synchronized void moveToMillis(long millis) {
    nanos = Math.max(nanos, millis * NANOS_PER_MILLI);
  }

  public synchronized long nowMs() {
    return nanos / NANOS_PER_MILLI;
  }

  /** How many tasks wait to run (a repeating task counts once). */
  public int pendingTasks() {
    return tasks.size();
  }

  public synchronized long sleptNanos() {
    return sleptNanos;
  }

  public synchronized int sleeps() {
    return sleeps;
  }
}
