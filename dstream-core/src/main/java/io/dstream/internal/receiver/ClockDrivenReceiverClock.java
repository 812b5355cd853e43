package io.dstream.internal.receiver;

import io.dstream.Clock;
import io.dstream.receiver.internal.DueTasks;
import io.dstream.receiver.internal.ReceiverClock;
import io.dstream.storage.internal.BlockManager;

/**
 * The receivers' clock when the context runs on a clock other than the system's (the test kit's manual clock,
 * a simulation): blocks are cut, and restart delays end, when the context's clock passes their time, and
 * never in wall-clock time.
 *
 * <p>A task runs in one of two ways, never both, and never two at a time ({@link DueTasks}): its thread waits
 * on the context's clock for the next due task and runs what is due when the clock moves; and before the job
 * generator allocates blocks to batch {@code T}, it calls {@link #runTasksDueBy} with {@code T}, which returns
 * only when every task due at or before {@code T} has run, by that thread or by the caller. A block's cut
 * stores and reports the block before it returns, so when the allocation starts, every block cut at or before
 * {@code T} is in its stream's ledger, whichever thread the clock woke first: a batch at {@code T} holds every
 * record stored before the clock reached {@code T}, provided a cut falls in between (the block interval is at
 * most the batch interval).
 *
 * <p>These runs never wait for the bound of received bytes ({@code dstream.storage.maxReceivedBytes}): a cut
 * that finds the store full is admitted over the bound. The room would be freed by the job generator clearing
 * batches, and the generator is the thread that waits for these runs, so a wait here could never end. The
 * receivers' own threads still wait for room as usual, so the bound still holds a flood back.
 *
 * <p>A rate limit is a number of records per second of the clock's time. Such a clock stands still between
 * the moves of whoever drives it, and a receiver's stores happen in between, so holding a store until the
 * clock moves would stall a test that stores from the thread that moves the clock. {@link #sleepNanos} thus
 * returns at once: the rate is still set (by {@code dstream.receiver.maxRate} and backpressure) and reported,
 * but stores are not delayed.
 */
final class ClockDrivenReceiverClock implements ReceiverClock, AutoCloseable {
  private static final long NANOS_PER_MILLI = 1_000_000;

  private final Clock clock;
  private final DueTasks tasks = new DueTasks();
  private final Thread thread;
  // Guards the thread's wait: an earlier task than the one waited for interrupts the wait, and only the wait.
  private final Object waitLock = new Object();
  private boolean waiting;
  private long waitingFor;
  private boolean closed;

  ClockDrivenReceiverClock(Clock clock) {
    this.clock = clock;
    this.thread = new Thread(this::runAsTheClockMoves, "dstream-receiver-clock");
    this.thread.setDaemon(true);
  }

  /** Starts the thread that runs the tasks when the clock passes them. */
  void start() {
    thread.start();
  }

  @Override
  public long nanoTime() {
    return clock.getTimeMillis() * NANOS_PER_MILLI;
  }

  /** Returns at once: a rate limit does not delay stores on a clock that only moves when driven. */
  @Override
  public void sleepNanos(long nanos) {
    // Deliberately nothing: see the class comment.
  }

  @Override
  public Cancellable schedule(long delayMs, Runnable task) {
    if (delayMs < 0) {
      throw new IllegalArgumentException("a task's delay must not be negative, got " + delayMs + " ms");
    }
    return add(clock.getTimeMillis() + delayMs, 0, task);
  }

  @Override
  public Cancellable scheduleAtFixedRate(long periodMs, Runnable task) {
    if (periodMs <= 0) {
      throw new IllegalArgumentException("a repeating task's period must be positive, got " + periodMs + " ms");
    }
    return add(clock.getTimeMillis() + periodMs, periodMs, task);
  }

  private Cancellable add(long dueMs, long periodMs, Runnable task) {
    synchronized (waitLock) {
      if (closed) {
        throw new IllegalStateException("the receivers' clock has been closed (the context stopped); no task "
            + "can be scheduled on it");
      }
    }
    Cancellable handle = tasks.add(dueMs, periodMs, ReceiverClock.loggingFailures(task));
    synchronized (waitLock) {
      if (waiting && dueMs < waitingFor) {
        thread.interrupt();
      }
      waitLock.notifyAll();
    }
    return handle;
  }

  /**
   * Runs, on this thread, every task due at or before a time that has not run yet, after the runs in
   * progress: called before blocks are allocated to the batch at that time.
   *
   * @param timeMs the batch time
   */
  void runTasksDueBy(long timeMs) {
    BlockManager.storeWithoutWaitingForBound(() -> tasks.runDueBy(timeMs));
  }

  /** Stops the thread once its run in progress ends; tasks not run yet never run. */
  @Override
  public void close() {
    synchronized (waitLock) {
      closed = true;
      if (waiting) {
        thread.interrupt();
      }
      waitLock.notifyAll();
    }
  }

  private void runAsTheClockMoves() {
    while (true) {
      long target;
      synchronized (waitLock) {
        while (!closed && tasks.size() == 0) {
          try {
            waitLock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        target = tasks.nextDueMs();
        waiting = true;
        waitingFor = target;
      }
      try {
        clock.waitTillTime(target);
      } catch (InterruptedException e) {
        // An earlier task was added, or the clock closed: look again.
      }
      synchronized (waitLock) {
        waiting = false;
        // An interrupt sent before the flag was cleared must not reach the tasks (a store would fail).
        Thread.interrupted();
        if (closed) {
          return;
        }
      }
      long now = clock.getTimeMillis();
      BlockManager.storeWithoutWaitingForBound(() -> tasks.runDueBy(now));
    }
  }
}
