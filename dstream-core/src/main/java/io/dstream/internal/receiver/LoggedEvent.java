package io.dstream.internal.receiver;

import java.util.List;

/**
 * A record of a receiver stream's write-ahead log. Replaying them in order rebuilds which blocks were
 * received, which batch took each, and which batches are done with.
 */
sealed interface LoggedEvent {
  /**
   * A block was received; the record holds its data.
   *
   * @param id the block's id
   * @param records the block's records
   */
  record BlockAdded(BlockName id, List<?> records) implements LoggedEvent {}

  /**
   * The batch at a time took these blocks.
   *
   * @param batchTimeMs the batch time in milliseconds
   * @param blocks the blocks, in the order they were received
   */
  record BatchAllocated(long batchTimeMs, List<BlockName> blocks) implements LoggedEvent {}

  /**
   * Every batch up to a time is forgotten: its blocks are no longer needed.
   *
   * @param upToMs the latest forgotten batch time, in milliseconds
   */
  record BatchesForgotten(long upToMs) implements LoggedEvent {}
}
