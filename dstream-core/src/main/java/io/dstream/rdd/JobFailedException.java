package io.dstream.rdd;

/**
 * Thrown when a job (an RDD action, or a batch's output operation) fails: a task kept failing after its
 * retries ({@code dstream.task.maxFailures}). {@link #getCause()} is the exception that the user function
 * threw in the task's last attempt, unwrapped, so callers can inspect it directly.
 */
public final class JobFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the job, stage, task and attempts
   * @param cause the user's exception, or the engine's if the failure was not in user code
   */
  public JobFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
