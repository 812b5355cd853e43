package io.dstream.receiver.internal;

import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.StorageLevel;
import io.dstream.storage.internal.BlockManager;
import java.util.List;

/** Stores received blocks in a {@link BlockManager}, failing when the block could not be kept at all. */
public final class BlockManagerBlockHandler implements ReceivedBlockHandler {
  private final BlockManager blockManager;

  /**
   * Creates the handler.
   *
   * @param blockManager where blocks go
   * @throws IllegalArgumentException if the block manager is null
   */
  public BlockManagerBlockHandler(BlockManager blockManager) {
    if (blockManager == null) {
      throw new IllegalArgumentException("the block manager must not be null");
    }
    this.blockManager = blockManager;
  }

  /**
   * Stores a block in the block manager.
   *
   * @throws BlockStoreException if a disk write fails, or if the level keeps blocks in memory only and the
   *     block is larger than the memory of a replica
   */
  @Override
  public void storeBlock(BlockId id, List<?> records, StorageLevel level) {
    if (blockManager.put(id, records, level) == 0) {
      throw new BlockStoreException(id, "block " + id + " of " + records.size() + " records could not be "
          + "stored at level " + level + ": it does not fit in memory and the level keeps no disk copy; use a "
          + "level with disk, such as MEMORY_AND_DISK_SER_2, or give the block store more memory", null);
    }
  }
}
