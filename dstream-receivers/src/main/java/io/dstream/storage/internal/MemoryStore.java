package io.dstream.storage.internal;

import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory half of one replica: blocks as objects or bytes, within a byte limit, evicting the least
 * recently used blocks to make room. Not thread-safe: its {@link ReplicaStore} guards it.
 */
final class MemoryStore {
  /** A block kept in memory, with the level it was stored at (which decides whether eviction spills it). */
  sealed interface Entry {
    long size();

    StorageLevel level();
  }

  /** A block kept as objects; its size is an estimate. */
  record ObjectsEntry(List<?> records, long size, StorageLevel level) implements Entry {}

  /** A block kept serialized; its size is exact. */
  record BytesEntry(byte[] bytes, StorageLevel level) implements Entry {
    @Override
    public long size() {
      return bytes.length;
    }
  }

  /** A block pushed out of memory to make room for another. */
  record Evicted(BlockId id, Entry entry) {}

  private final long limitBytes;
  // Access order: iteration starts at the least recently used block.
  private final LinkedHashMap<BlockId, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long usedBytes;

  MemoryStore(long limitBytes) {
    this.limitBytes = limitBytes;
  }

  /**
   * Adds a block that is not yet in the store, evicting least recently used blocks until it fits.
   *
   * @return the evicted blocks, or empty if the block is larger than the whole store (then nothing is
   *     evicted and the block is not added)
   */
  Optional<List<Evicted>> put(BlockId id, Entry entry) {
    if (entry.size() > limitBytes) {
      return Optional.empty();
    }
    List<Evicted> evicted = new ArrayList<>();
    Iterator<Map.Entry<BlockId, Entry>> leastRecentFirst = entries.entrySet().iterator();
    while (usedBytes + entry.size() > limitBytes) {
      Map.Entry<BlockId, Entry> victim = leastRecentFirst.next();
      leastRecentFirst.remove();
      usedBytes -= victim.getValue().size();
      evicted.add(new Evicted(victim.getKey(), victim.getValue()));
    }
    entries.put(id, entry);
    usedBytes += entry.size();
    return Optional.of(evicted);
  }

  /** Returns a block and marks it as the most recently used, or null. */
  Entry get(BlockId id) {
    return entries.get(id);
  }

  boolean contains(BlockId id) {
    return entries.containsKey(id);
  }

  /** Removes a block; returns whether it was there. */
  boolean remove(BlockId id) {
    Entry removed = entries.remove(id);
    if (removed == null) {
      return false;
    }
    usedBytes -= removed.size();
    return true;
  }

  Set<BlockId> ids() {
    return Set.copyOf(entries.keySet());
  }

  long usedBytes() {
    return usedBytes;
  }

  long limitBytes() {
    return limitBytes;
  }

  void clear() {
    entries.clear();
    usedBytes = 0;
  }
}
