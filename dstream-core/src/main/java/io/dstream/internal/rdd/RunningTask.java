package io.dstream.internal.rdd;

import io.dstream.Time;

/**
 * The task attempt running on the current thread, which {@code io.dstream.TaskContext} shows to user code:
 * the partition it computes, its stage, which attempt it is, and the batch whose job started it.
 *
 * <p>{@link JobRunner} sets it once per task attempt (never per record) and restores what was there before
 * when the attempt ends, so that a job run from inside a task sees its own tasks and the enclosing task
 * finds itself again afterwards.
 *
 * @param partitionId the partition the task computes
 * @param stageId the stage, unique within the context
 * @param attemptNumber 0 for the first attempt, 1 for the first retry, ...
 * @param batchTime the batch of the job that runs the task, or null for a job outside a batch
 */
public record RunningTask(int partitionId, int stageId, int attemptNumber, Time batchTime) {
  private static final ThreadLocal<RunningTask> CURRENT = new ThreadLocal<>();

  /**
   * Returns the task attempt running on the current thread.
   *
   * @return the attempt, or null outside a task (on a job thread, the driver's thread)
   */
  public static RunningTask current() {
    return CURRENT.get();
  }

  /** Makes this the current thread's task until {@link #end}; returns the task it replaces, if any. */
  RunningTask begin() {
    RunningTask enclosing = CURRENT.get();
    CURRENT.set(this);
    return enclosing;
  }

  /** Ends this attempt, going back to the task it replaced (null: none). */
  static void end(RunningTask enclosing) {
    if (enclosing == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(enclosing);
    }
  }
}
