package io.dstream.internal.scaleout;

import io.dstream.Time;
import io.dstream.rdd.JobFailedException;

/**
 * The commit point of a batch: called on the job thread that ends the batch, once every job of the batch has
 * ended, before the batch's completion is posted and (with {@code dstream.concurrentJobs} = 1) before any job
 * of the next batch starts. A module that makes a batch's effects atomic (the Kafka scale-out transaction)
 * commits or aborts them here.
 */
public interface BatchCommitter {
  /** When a committer runs among the others: every {@code PREPARE} one before every {@code COMMIT} one. */
  enum Phase {
    /** Work that must be part of what is committed, such as writing a state's changes. */
    PREPARE,
    /** The commit itself. */
    COMMIT
  }

  /**
   * Commits or aborts one batch.
   *
   * @param time the batch time
   * @param failure the batch's first failure (of a job, or of an earlier committer), or null if none failed
   * @throws Exception to fail the batch: the exception becomes the batch's failure, and the committers after
   *     this one see it
   */
  void commit(Time time, JobFailedException failure) throws Exception;
}
