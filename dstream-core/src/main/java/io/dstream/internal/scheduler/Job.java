package io.dstream.internal.scheduler;

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
  /** The work of a job. */
  @FunctionalInterface
  public interface Body {
    /**
     * Runs the job.
     *
     * @throws Exception whatever the output operation throws
     */
    void run() throws Exception;
  }
}
