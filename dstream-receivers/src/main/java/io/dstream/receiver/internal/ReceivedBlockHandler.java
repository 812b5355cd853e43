package io.dstream.receiver.internal;

import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import java.util.List;

/**
 * Stores a block received by a receiver. {@link BlockManagerBlockHandler} stores it in the block manager;
 * dstream-core adds a handler that also writes it to the write-ahead log. A handler returns only once the
 * block is stored, which is what lets reliable receivers acknowledge their source.
 */
@FunctionalInterface
public interface ReceivedBlockHandler {
  /**
   * Stores a block.
   *
   * @param id the block's id
   * @param records the block's records, owned by the handler from now on
   * @param level the receiver's storage level
   * @throws io.dstream.storage.BlockStoreException if the block cannot be stored
   */
  void storeBlock(BlockId id, List<?> records, StorageLevel level);
}
