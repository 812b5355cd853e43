package io.dstream.internal.receiver;

import io.dstream.receiver.internal.ReceivedBlockHandler;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.StorageLevel;
import io.dstream.storage.internal.BlockManager;
import java.io.IOException;
import java.util.List;

/**
 * Stores a received block in the block manager and writes it to the stream's write-ahead log, returning
 * only when both hold it: what lets a reliable receiver acknowledge its source once {@code store(...)}
 * returns. The log's copy also serves the block when the block manager cannot (a level that keeps memory
 * only and a block too large for it, lost replicas, or a restart).
 */
final class LoggedBlockHandler implements ReceivedBlockHandler {
  private final BlockManager blockManager;
  private final ReceivedBlockTracker tracker;

  LoggedBlockHandler(BlockManager blockManager, ReceivedBlockTracker tracker) {
    this.blockManager = blockManager;
    this.tracker = tracker;
  }

  /**
   * Stores the block, then logs it.
   *
   * @throws BlockStoreException if the block cannot be stored or logged; then neither keeps it
   */
  @Override
  public void storeBlock(BlockId id, List<?> records, StorageLevel level) {
    blockManager.put(id, records, level);
    LoggedBlock logged;
    try {
      logged = tracker.log().writeBlock(id, records);
    } catch (IOException | RuntimeException e) {
      BlockStoreException failure = new BlockStoreException(id, "cannot write block " + id + " of stream "
          + tracker.streamId() + " to its write-ahead log: " + e.getMessage(), e);
      try {
        blockManager.remove(id);
      } catch (BlockStoreException removal) {
        failure.addSuppressed(removal);
      }
      throw failure;
    }
    tracker.logged(id, logged);
  }
}
