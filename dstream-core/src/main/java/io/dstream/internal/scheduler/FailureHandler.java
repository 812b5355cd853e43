package io.dstream.internal.scheduler;

import io.dstream.rdd.JobFailedException;

/**
 * Where the engine's threads report failures, following the rule of {@link io.dstream.checkpoint.internal.FatalErrors}:
 * a failed job is reported and the context goes on; a fatal error ends the context.
 */
public interface FailureHandler {
  /**
   * Reports a failed job; the context keeps the first for {@code awaitTermination} and goes on.
   *
   * @param failure the failure, whose cause is the user's exception
   */
  void jobFailed(JobFailedException failure);

  /**
   * Reports a fatal error: the context stops, and {@code awaitTermination} rethrows the error.
   *
   * @param where what was running when it was thrown, for the log (such as "output operation 0 of batch ...")
   * @param error the error
   */
  void fatalError(String where, VirtualMachineError error);
}
