package io.dstream.scheduler;

import io.dstream.Time;
import java.util.Optional;

/**
 * What happened to one output operation in one batch.
 *
 * @param batchTime the batch
 * @param id the output operation's index, in definition order
 * @param name the operation, such as {@code print} or {@code foreachRDD}
 * @param description where it was defined, such as {@code print at App.java:42}
 * @param startTime when its job started (clock milliseconds), if it has
 * @param endTime when its job ended, if it has
 * @param failure the exception that failed it, if it failed: the user function's own exception where
 *     the failure came from user code
 */
public record OutputOperationInfo(Time batchTime, int id, String name, String description,
    Optional<Long> startTime, Optional<Long> endTime, Optional<Throwable> failure) {

  /**
   * Returns a one-line reason for the failure, if the operation failed.
   *
   * @return the failure's class and message
   */
  public Optional<String> failureReason() {
    return failure.map(Throwable::toString);
  }

  /**
   * Returns how long the job ran.
   *
   * @return milliseconds, if the job has ended
   */
  public Optional<Long> duration() {
    return endTime.flatMap(end -> startTime.map(start -> end - start));
  }
}
