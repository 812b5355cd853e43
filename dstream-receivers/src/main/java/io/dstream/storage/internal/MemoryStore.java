package io.dstream.storage.internal;

import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The in-memory half of one replica: blocks as objects or bytes, within a byte limit, evicting blocks that
 * can be computed again before those that cannot, least recently used first, to make room. Not thread-safe:
 * its {@link ReplicaStore} guards it.
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

  /** A held block with the dataset it is a cached partition of, parsed once: -1 for a received block. */
  private record Held(Entry entry, int rddId) {
    boolean recomputable() {
      return rddId >= 0;
    }
  }

  private final long limitBytes;
  // Access order: iteration starts at the least recently used block.
  private final LinkedHashMap<BlockId, Held> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long usedBytes;

  MemoryStore(long limitBytes) {
    this.limitBytes = limitBytes;
  }

  /**
   * Adds a block that is not yet in the store, evicting blocks until it fits.
   *
   * <p>Which blocks go: cached partitions of datasets first, least recently used first, since they can be
   * computed again. A received block cannot, so received blocks are evicted only to make room for another
   * received block, never for a cached partition, and only if their level spills them to disk: a memory-only
   * received block is never evicted, since its records would be lost (the block manager makes its receiver
   * wait instead). And a cached partition never evicts a partition of its own dataset: a job over a dataset
   * larger than memory would otherwise evict each partition it cached to cache the next, and keep only the
   * last.
   *
   * @return the evicted blocks, or empty if the block cannot be made to fit (then nothing is evicted and the
   *     block is not added)
   */
  Optional<List<Evicted>> put(BlockId id, Entry entry) {
    int rddId = id.isRdd() ? id.rddId() : -1;
    long excess = usedBytes + entry.size() - limitBytes;
    List<BlockId> victims = new ArrayList<>();
    if (excess > 0) {
      excess = chooseVictims(excess, held -> held.recomputable() && held.rddId() != rddId, victims);
      if (excess > 0 && rddId < 0) {
        excess = chooseVictims(excess, held -> !held.recomputable() && held.entry().level().useDisk(), victims);
      }
      if (excess > 0) {
        return Optional.empty();
      }
    }
    List<Evicted> evicted = new ArrayList<>(victims.size());
    for (BlockId victim : victims) {
      Held removed = entries.remove(victim);
      usedBytes -= removed.entry().size();
      evicted.add(new Evicted(victim, removed.entry()));
    }
    entries.put(id, new Held(entry, rddId));
    usedBytes += entry.size();
    return Optional.of(evicted);
  }

  /**
   * Adds blocks that may go, least recently used first, to the victims until their sizes cover the excess.
   *
   * @return the bytes still to free, 0 or less once enough is chosen
   */
  private long chooseVictims(long excess, Predicate<Held> mayGo, List<BlockId> victims) {
    for (Map.Entry<BlockId, Held> candidate : entries.entrySet()) {
      if (excess <= 0) {
        break;
      }
      if (mayGo.test(candidate.getValue())) {
        victims.add(candidate.getKey());
        excess -= candidate.getValue().entry().size();
      }
    }
    return excess;
  }

  /** Returns a block and marks it as the most recently used, or null. */
  Entry get(BlockId id) {
    Held held = entries.get(id);
    return held == null ? null : held.entry();
  }

  boolean contains(BlockId id) {
    return entries.containsKey(id);
  }

  /** Removes a block; returns whether it was there. */
  boolean remove(BlockId id) {
    Held removed = entries.remove(id);
    if (removed == null) {
      return false;
    }
    usedBytes -= removed.entry().size();
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
