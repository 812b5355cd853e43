package io.dstream.internal.scaleout;

import io.dstream.Time;
import io.dstream.internal.state.StateChanges;
import io.dstream.internal.state.StateSnapshot;

/**
 * Where a state kept per partition ({@link PartitionScope}) writes each batch's changes, and where a new owner
 * of a partition reads its state back. Methods are called on worker threads, for one partition at a time.
 */
public interface StateChangelog {
  /**
   * Reads the latest state of every key of a partition, as the batches committed so far left it. Waits until
   * the partition's previous owner has committed or aborted its last batch.
   *
   * @param partition the partition
   * @return its keys and states (and update times, where the state has them)
   * @throws Exception if the changelog cannot be read
   */
  StateSnapshot.Partition restore(int partition) throws Exception;

  /**
   * Writes one batch's changes of one partition, as part of the batch's commit.
   *
   * @param batch the batch time
   * @param partition the partition
   * @param changes the keys whose state changed, and those whose state was removed
   * @throws Exception if the changes cannot be written; the batch then fails
   */
  void write(Time batch, int partition, StateChanges changes) throws Exception;
}
