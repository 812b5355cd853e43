package io.dstream.internal.scheduler;

import io.dstream.Time;

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
  };

  /**
   * Allocates every block received and not yet allocated to the batch at {@code time}; called on the job
   * generator's event loop before the batch's jobs are generated. A batch that was already allocated
   * (before a recovery) keeps its blocks.
   *
   * @param time the batch time
   * @throws RuntimeException if the allocation cannot be logged; the blocks then wait for the next batch
   */
  void allocateBlocksToBatch(Time time);

  /**
   * Tells whether some received block has not been allocated to a batch yet.
   *
   * @return true if a block is waiting
   */
  boolean hasUnallocatedBlocks();
}
