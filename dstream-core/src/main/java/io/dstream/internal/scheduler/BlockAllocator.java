package io.dstream.internal.scheduler;

import io.dstream.Time;
import java.util.Set;

/**
 * What the job generator asks of the receiver tracker: to put the blocks received so far into the batch it
 * is about to generate, and whether blocks are still waiting for a batch (a graceful stop processes them).
 */
public interface BlockAllocator {
  /** An allocator for a context without receivers. */
  BlockAllocator NONE = new BlockAllocator() {
    @Override
    public void allocateBlocksToBatch(Time time) {}

    @Override
    public boolean hasUnallocatedBlocks() {
      return false;
    }

    @Override
    public void deleteForgottenBlocks(Set<Time> neededByRecovery) {}

    @Override
    public void checkpointWritten(BatchSchedule durable) {}
  };

  /**
   * Allocates every block received and not yet allocated to the batch at {@code time}; called on the job
   * generator's event loop before the batch's jobs are generated. A batch that was already allocated
   * (before a recovery) keeps its blocks. A stream whose allocation cannot be logged gives the batch none of
   * its blocks; they wait for the next batch.
   *
   * @param time the batch time
   */
  void allocateBlocksToBatch(Time time);

  /**
   * Tells whether some received block has not been allocated to a batch yet.
   *
   * @return true if a block is waiting
   */
  boolean hasUnallocatedBlocks();

  /**
   * Deletes the blocks of the batches the streams have forgotten, except, when received blocks are logged
   * for recovery, those of the batches a restart needs again (it runs the unfinished ones again, and brings
   * restored state forward over the ones after a state snapshot). Called on the job generator's event loop
   * after a batch completed and the graph cleared what it no longer needs.
   *
   * @param neededByRecovery the batches a restart needs again
   */
  void deleteForgottenBlocks(Set<Time> neededByRecovery);

  /**
   * Learns that a metadata checkpoint is durably written: the logs of received blocks may now drop the
   * forgotten batches it records as finished. Called on the job generator's event loop.
   *
   * @param durable the schedule the written checkpoint recorded
   */
  void checkpointWritten(BatchSchedule durable);
}
