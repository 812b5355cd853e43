package io.dstream.internal.receiver;

/**
 * The received blocks that no batch has processed, as a stop that gave up waiting counts them.
 *
 * @param allocatedBlocks the blocks that batches not processed took
 * @param unallocatedBlocks the blocks that no batch took
 * @param unallocatedRecords the records of the blocks that no batch took
 */
public record ReceivedBacklog(int allocatedBlocks, int unallocatedBlocks, long unallocatedRecords) {
  /** No blocks. */
  public static final ReceivedBacklog NONE = new ReceivedBacklog(0, 0, 0);

  /**
   * Adds another backlog to this one.
   *
   * @param other the other backlog
   * @return the sum
   */
  public ReceivedBacklog plus(ReceivedBacklog other) {
    return new ReceivedBacklog(allocatedBlocks + other.allocatedBlocks, unallocatedBlocks + other.unallocatedBlocks,
        unallocatedRecords + other.unallocatedRecords);
  }
}
