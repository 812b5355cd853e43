package io.dstream.internal.stream;

import io.dstream.Time;
import java.util.Set;

/**
 * An input stream whose progress survives a restart: what it has taken from its source, so that after
 * {@code StreamingContext.getOrCreate} a batch that is run again takes exactly what it took before, and no
 * later batch takes it a second time. The metadata checkpoint stores {@link #progress()} after every batch;
 * recovery hands it back through {@link #restoreProgress} before the first batch runs.
 *
 * <p>All three methods are called on the job generator's thread (restoration before that thread starts).
 */
public interface RecoverableInput {
  /**
   * Returns the progress as of the batches generated so far: an immutable value that the checkpoint's
   * serializer can store, which must not change when this stream goes on.
   *
   * @return the progress
   */
  Object progress();

  /**
   * Restores the progress that {@link #progress()} returned in an earlier run.
   *
   * @param progress the value read back from the checkpoint
   * @throws IllegalStateException if the value is not this stream's kind of progress
   */
  void restoreProgress(Object progress);

  /**
   * Forgets the progress of batches that no later batch and no recovery needs, after a batch completed.
   *
   * @param completed the completed batch's time
   * @param unfinished the batches generated but not completed successfully: a restart runs them again, so
   *     their progress must be kept
   * @param recomputedAfter a restart may compute every batch after this time again, completed or not: a
   *     stateful stream restores its latest snapshot and computes its state of each batch after it from the
   *     batch's input, so their progress must be kept too (at most {@code completed})
   */
  void forgetProgress(Time completed, Set<Time> unfinished, Time recomputedAfter);

  /**
   * Tells whether a batch's jobs must wait until the metadata checkpoint that records the batch's generation is
   * durable. True for an input that decides a batch's data when the batch is generated and would decide
   * differently after a restart without that checkpoint (a Kafka direct stream's offset ranges end at the
   * partitions' latest offsets, which move on): without the wait, an output that commits each batch exactly
   * once could commit a batch that a restart then computes over other records. The wait costs each batch one
   * checkpoint write before its jobs start.
   *
   * @return false by default
   */
  default boolean requiresDurableGeneration() {
    return false;
  }
}
