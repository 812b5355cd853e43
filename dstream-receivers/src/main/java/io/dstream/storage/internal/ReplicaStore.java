package io.dstream.storage.internal;

import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.StorageLevel;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One independent copy of the stored blocks: a bounded memory store and a disk store in a directory of its
 * own. A {@link BlockManager} keeps two, so that a block stored with replication 2 survives the loss of
 * either copy. Blocks evicted from memory are written to disk if their level allows it and dropped
 * otherwise, which only cached partitions are, since they can be computed again. Thread-safe.
 */
public final class ReplicaStore {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaStore.class);

  private final int index;
  private final MemoryStore memory;
  private final DiskStore disk;
  private final Serializer serializer;

  ReplicaStore(int index, Path directory, long memoryLimitBytes, Serializer serializer) {
    this.index = index;
    this.memory = new MemoryStore(memoryLimitBytes);
    this.disk = new DiskStore(directory);
    this.serializer = serializer;
  }

  /**
   * Stores a block at a level, replacing any earlier copy in this replica.
   *
   * @return whether the block is now held (false if the level is memory-only and it does not fit)
   * @throws BlockStoreException if the block has to go to disk and the write fails
   */
  boolean put(BlockId id, BlockPayload payload, StorageLevel level) {
    // Serializing or sizing a large block takes a while: it happens before taking the lock, so that the reads
    // of other blocks (the tasks of running batches) do not wait for it.
    MemoryStore.Entry entry = null;
    if (level.useMemory()) {
      entry = level.deserialized()
          ? new MemoryStore.ObjectsEntry(payload.records(), payload.estimatedSize(), level)
          : new MemoryStore.BytesEntry(payload.bytes(), level);
    } else {
      payload.bytes();
    }
    synchronized (this) {
      removeQuietly(id);
      if (entry != null) {
        Optional<List<MemoryStore.Evicted>> evicted = memory.put(id, entry);
        if (evicted.isPresent()) {
          evicted.get().forEach(this::spillOrDrop);
          return true;
        }
        if (!level.useDisk()) {
          LOG.debug("block {} ({} bytes) does not fit in the {}-byte memory of replica {}; not stored there", id,
              entry.size(), memory.limitBytes(), index);
          return false;
        }
      }
      disk.write(id, payload.bytes());
      return true;
    }
  }

  private void spillOrDrop(MemoryStore.Evicted evicted) {
    if (!evicted.entry().level().useDisk()) {
      // Only cached partitions: the memory store never evicts a received block that it cannot spill.
      LOG.debug("evicted cached partition {} from the memory of replica {}; it is computed again when needed",
          evicted.id(), index);
      return;
    }
    byte[] bytes = evicted.entry() instanceof MemoryStore.BytesEntry serialized
        ? serialized.bytes()
        : BlockBytes.encode(((MemoryStore.ObjectsEntry) evicted.entry()).records(), serializer);
    try {
      disk.write(evicted.id(), bytes);
    } catch (BlockStoreException e) {
      LOG.warn("could not spill block {} from memory to disk in replica {}; this replica drops it: {}",
          evicted.id(), index, e.getMessage());
    }
  }

  /**
   * Reads a block from this replica.
   *
   * @param id the block
   * @param <T> the records' type (unchecked)
   * @return the block's records as an unmodifiable list, or empty if this replica does not hold it
   * @throws BlockStoreException if the block's file cannot be read, is corrupt, or cannot be deserialized
   */
  public <T> Optional<List<T>> get(BlockId id) {
    MemoryStore.Entry entry;
    boolean onDisk;
    synchronized (this) {
      entry = memory.get(id);
      onDisk = entry == null && disk.contains(id);
    }
    // Deserializing and reading files happen outside the lock; a file removed meanwhile reads as absent.
    if (entry instanceof MemoryStore.ObjectsEntry objects) {
      return Optional.of(unmodifiable(objects.records()));
    }
    if (entry instanceof MemoryStore.BytesEntry serialized) {
      return Optional.of(deserialize(id, serialized.bytes(), "memory"));
    }
    if (onDisk) {
      return disk.read(id).map(bytes -> deserialize(id, bytes, "disk"));
    }
    return Optional.empty();
  }

  private <T> List<T> deserialize(BlockId id, byte[] bytes, String tier) {
    try {
      return unmodifiable(BlockBytes.decode(bytes, serializer));
    } catch (CorruptDataException e) {
      throw new BlockStoreException(id, "block " + id + " in the " + tier + " of replica " + index
          + " cannot be deserialized: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> unmodifiable(List<?> records) {
    return Collections.unmodifiableList((List<T>) records);
  }

  /**
   * Removes a block from this replica's memory and disk: what losing this copy looks like.
   *
   * @param id the block
   * @return whether this replica held it
   * @throws BlockStoreException if the block's file exists but cannot be deleted
   */
  public synchronized boolean remove(BlockId id) {
    boolean inMemory = memory.remove(id);
    return disk.remove(id) || inMemory;
  }

  private void removeQuietly(BlockId id) {
    try {
      remove(id);
    } catch (BlockStoreException e) {
      LOG.warn("could not delete the old copy of block {} in replica {}: {}", id, index, e.getMessage());
    }
  }

  /**
   * Tells whether this replica holds a block, in memory or on disk.
   *
   * @param id the block
   * @return true if held
   */
  public synchronized boolean contains(BlockId id) {
    return memory.contains(id) || disk.contains(id);
  }

  /**
   * Tells whether this replica holds a block in memory.
   *
   * @param id the block
   * @return true if the block is in memory
   */
  public synchronized boolean isInMemory(BlockId id) {
    return memory.contains(id);
  }

  /**
   * Tells whether this replica holds a block on disk.
   *
   * @param id the block
   * @return true if the block has a file
   */
  public synchronized boolean isOnDisk(BlockId id) {
    return disk.contains(id);
  }

  /**
   * Returns where this replica keeps, or would keep, a block on disk.
   *
   * @param id the block
   * @return the block's file path (the file may not exist)
   */
  public Path diskFile(BlockId id) {
    return disk.file(id);
  }

  /**
   * Returns how many bytes the blocks in this replica's memory take (estimated for blocks kept as objects).
   *
   * @return the bytes used, at most the memory limit
   */
  public synchronized long memoryUsed() {
    return memory.usedBytes();
  }

  /**
   * Returns the ids of the blocks this replica holds.
   *
   * @return a new sorted set
   */
  public synchronized Set<BlockId> blockIds() {
    Set<BlockId> ids = new TreeSet<>(memory.ids());
    ids.addAll(disk.ids());
    return ids;
  }

  synchronized void clearMemory() {
    memory.clear();
  }

  @Override
  public String toString() {
    return "replica " + index;
  }
}
