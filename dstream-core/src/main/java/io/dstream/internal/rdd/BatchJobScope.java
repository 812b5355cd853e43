package io.dstream.internal.rdd;

import io.dstream.Time;

/**
 * Marks the jobs that a thread starts as jobs of one batch, so that their tasks can tell the batch time
 * ({@link RunningTask#batchTime()}). The scheduler opens a scope around each output operation it runs; the
 * engine itself knows nothing of batches beyond this time.
 */
public final class BatchJobScope implements AutoCloseable {
  private static final ThreadLocal<Time> BATCH = new ThreadLocal<>();

  private final Time enclosing;

  private BatchJobScope(Time enclosing) {
    this.enclosing = enclosing;
  }

  /**
   * Marks the jobs the current thread starts, until the scope is closed, as jobs of a batch.
   *
   * @param batchTime the batch time
   * @return the scope; close it on the same thread
   */
  public static BatchJobScope enter(Time batchTime) {
    BatchJobScope scope = new BatchJobScope(BATCH.get());
    BATCH.set(batchTime);
    return scope;
  }

  /**
   * Returns the batch of a job started on the current thread: inside a task (a nested job), the task's
   * batch; otherwise the batch of the scope the thread is in.
   *
   * @return the batch time, or null for a job outside a batch
   */
  static Time ofJobsStartedHere() {
    RunningTask task = RunningTask.current();
    return task != null ? task.batchTime() : BATCH.get();
  }

  /** Ends the scope, going back to the enclosing one, if any. */
  @Override
  public void close() {
    if (enclosing == null) {
      BATCH.remove();
    } else {
      BATCH.set(enclosing);
    }
  }
}
