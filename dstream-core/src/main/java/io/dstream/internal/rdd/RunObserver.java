package io.dstream.internal.rdd;

/**
 * Told when an {@link Engine} starts a stage or a task attempt. An engine reports to {@link #NONE} unless a
 * test that counts stages and tasks installs its own ({@link Engine#observeRuns(RunObserver)}).
 */
public interface RunObserver {
  /** Observes nothing. */
  RunObserver NONE = new RunObserver() {};

  /** Called when a stage starts, on the thread that runs the job. */
  default void stageStarted() {}

  /** Called when a task attempt starts, on the worker thread that runs it. */
  default void taskStarted() {}
}
