package io.dstream.rdd;

/**
 * Thrown when a job fails, and when a batch fails. The ways it arises:
 *
 * <ul>
 *   <li>a task keeps failing: a user function threw in every one of the task's attempts
 *       ({@code dstream.task.maxFailures}), in an RDD action you call or in a batch's output operation;
 *   <li>an output operation throws directly: a {@code foreachRDD} function (or another output operation)
 *       threw on the job thread, outside any task;
 *   <li>a batch's jobs could not be generated: a function that runs while the jobs are generated, such as
 *       a {@code transform} function, threw;
 *   <li>a function failed while the tasks' results were merged on the calling thread, as the function of
 *       {@code reduce}, {@code fold} or {@code aggregate} does;
 *   <li>{@code DStream.slice} failed while computing one of the batches it returns;
 *   <li>the engine itself failed, for example a job interrupted because its context is stopping.
 * </ul>
 *
 * <p>An RDD action throws it to its caller. A failed batch is reported to the listeners, and the first one
 * is rethrown by {@code StreamingContext.awaitTermination} (and {@code awaitTerminationOrTimeout}) and by
 * {@code TestStreamingContext.runBatches}. {@link #getCause()} is the exception the user's function threw
 * (in a task's last attempt), unwrapped, so callers can inspect it directly; for a failure of the engine
 * rather than of user code it is the engine's exception, such as an {@link InterruptedException}.
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
