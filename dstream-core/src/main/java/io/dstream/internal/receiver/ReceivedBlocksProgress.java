package io.dstream.internal.receiver;

import io.dstream.storage.BlockId;
import java.util.List;

/**
 * Which blocks a receiver stream's batches took, as the metadata checkpoint records it (the stream's
 * progress): recovery checks that the stream's write-ahead log still holds every block of the batches that
 * run again, since a log segment that was deleted or cut short would otherwise lose them without a trace.
 *
 * @param batches the batches that took blocks and are not forgotten yet, in time order
 */
public record ReceivedBlocksProgress(List<Batch> batches) {
  /**
   * Copies the list.
   *
   * @param batches the batches
   */
  public ReceivedBlocksProgress {
    batches = List.copyOf(batches);
  }

  /**
   * The blocks one batch took.
   *
   * @param batchTimeMs the batch time
   * @param blocks the blocks, in the order they were received
   */
  public record Batch(long batchTimeMs, List<Block> blocks) {
    /**
     * Copies the list.
     *
     * @param batchTimeMs the batch time
     * @param blocks the blocks
     */
    public Batch {
      blocks = List.copyOf(blocks);
    }
  }

  /**
   * One block a batch took.
   *
   * @param name the block's persisted name
   * @param records how many records it holds
   */
  public record Block(BlockName name, long records) {
    /**
     * Returns the block's id.
     *
     * @return the id its name stands for
     */
    public BlockId id() {
      return name.id();
    }
  }
}
