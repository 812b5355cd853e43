package io.dstream.internal.stream;

import io.dstream.Time;

/**
 * The work of one output operation for one batch: runs the output's function on the batch's RDD.
 *
 * @param time the batch time
 * @param outputOpId the output operation's index, in definition order
 * @param description where the output operation was defined, such as {@code print at App.java:42}
 * @param body the work; what it throws fails the job
 */
public record Job(Time time, int outputOpId, String description, Body body) {

  /**
   * Returns a job that fails with a given error: how a batch whose jobs could not be generated (a user
   * function run at generation time threw) still completes, with every listener event, as a failed batch.
   *
   * @param time the batch time
   * @param outputOpId the output operation's index
   * @param description where the output operation was defined
   * @param error what generating the batch threw
   * @return the failing job
   */
  public static Job failing(Time time, int outputOpId, String description, Throwable error) {
    return new Job(time, outputOpId, description, () -> {
      throw error;
    });
  }

  /** The work of a job. */
  @FunctionalInterface
  public interface Body {
    /**
     * Runs the job.
     *
     * @throws Throwable whatever the output operation throws
     */
    void run() throws Throwable;
  }
}
