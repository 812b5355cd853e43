package io.dstream.internal.rdd;

import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.StorageLevel;
import io.dstream.storage.internal.BlockManager;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions of persisted datasets, kept in the engine's block store as blocks named
 * {@code rdd_<id>_<partition>}, at the dataset's storage level: as objects or serialized, in memory, on disk
 * or both, with one or two replicas.
 *
 * <p>A cached partition is never the only copy of its records: its lineage can compute it again. So a
 * partition that the store cannot keep (a memory-only level with no room left), has evicted, or cannot read
 * any more is simply computed again when next needed; the job goes on. A dataset's blocks are removed when
 * it is unpersisted or, failing that, when it becomes unreachable.
 */
public final class PartitionCache {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionCache.class);
  // One daemon thread for the whole JVM removes the blocks of datasets that became garbage while persisted.
  private static final Cleaner UNREACHABLE_DATASETS = Cleaner.create(runnable -> {
    Thread thread = new Thread(runnable, "dstream-cached-partition-cleaner");
    thread.setDaemon(true);
    return thread;
  });

  private final Engine engine;
  private final AtomicBoolean warnedNotCached = new AtomicBoolean();

  PartitionCache(Engine engine) {
    this.engine = engine;
  }

  /**
   * Returns a partition of a persisted node: read from the store if it holds the partition, otherwise
   * computed and stored at the level.
   *
   * @param node the persisted node
   * @param partition the partition index
   * @param level the node's storage level, not NONE
   * @param <T> the record type
   * @return the records, which must not be changed (they may be the stored objects themselves)
   * @throws IllegalArgumentException if the level serializes and a record cannot be serialized; the message
   *     says how to fix it
   */
  <T> Iterator<T> getOrCompute(RddNode<T> node, int partition, StorageLevel level) {
    BlockId id = BlockId.rdd(node.id(), partition);
    BlockManager blocks = engine.blockManager();
    Optional<List<T>> cached = read(blocks, id);
    if (cached.isPresent()) {
      return cached.get().iterator();
    }
    List<T> computed = new ArrayList<>();
    node.compute(partition).forEachRemaining(computed::add);
    store(blocks, node, id, computed, level);
    // Read-only: a user function calling Iterator.remove() must not erase cached records.
    return Collections.unmodifiableList(computed).iterator();
  }

  /**
   * Tells whether the store holds a partition of a node now (it may still be evicted before it is read).
   *
   * @param node the node
   * @param partition the partition index
   * @return true if held
   */
  boolean contains(RddNode<?> node, int partition) {
    return engine.blockManager().contains(BlockId.rdd(node.id(), partition));
  }

  /**
   * Arranges for a node's blocks to be removed once it becomes unreachable; {@code clean()} on the result
   * removes them at once (an unpersist).
   *
   * @param node the node being persisted
   * @return the cleanup of the node's blocks
   */
  Cleaner.Cleanable removeBlocksWhenUnreachable(RddNode<?> node) {
    return UNREACHABLE_DATASETS.register(node, new BlockRemoval(engine, node.id(), node.numPartitions()));
  }

  private static <T> Optional<List<T>> read(BlockManager blocks, BlockId id) {
    try {
      return blocks.get(id);
    } catch (BlockStoreException e) {
      LOG.warn("cached partition {} cannot be read from any replica; computing it again: {}", id, e.getMessage());
      return Optional.empty();
    }
  }

  private void store(BlockManager blocks, RddNode<?> node, BlockId id, List<?> records, StorageLevel level) {
    int replicas;
    try {
      replicas = blocks.put(id, records, level);
    } catch (BlockStoreException e) {
      LOG.warn("could not cache partition {} of {} at {}; it is computed again when needed: {}", id, node, level,
          e.getMessage());
      return;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot persist " + node + " at " + level + ", which serializes its "
          + "records: " + e.getMessage() + "; make the record classes serializable by Kryo (register them with "
          + "dstream.kryo.registrator), or persist at MEMORY_ONLY, which keeps objects", e);
    }
    if (replicas == 0 && warnedNotCached.compareAndSet(false, true)) {
      LOG.warn("partition {} of {} ({} records) does not fit in the memory left for cached partitions at {}, so "
          + "it is computed again each time it is needed (further such partitions are not logged); persist at "
          + "a *_AND_DISK level or raise dstream.storage.memoryFraction", id, node, records.size(), level);
    }
  }

  /** Removes every block of one dataset; holds no reference to the dataset, so that it can become garbage. */
  private record BlockRemoval(Engine engine, int rddId, int numPartitions) implements Runnable {
    @Override
    public void run() {
      Optional<BlockManager> blocks = engine.openBlockManager();
      if (blocks.isEmpty()) {
        return;
      }
      for (int partition = 0; partition < numPartitions; partition++) {
        try {
          blocks.get().remove(BlockId.rdd(rddId, partition));
        } catch (BlockStoreException e) {
          LOG.warn("could not remove cached partition {} of RDD {}: {}", partition, rddId, e.getMessage());
        }
      }
    }
  }
}
