package io.dstream.storage.internal;

import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.StorageLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores blocks of records by id, as their {@link StorageLevel} says: in memory as objects or serialized
 * (with the project's serializer), on local disk, or both (memory first, spilling to disk when memory is
 * full); with replication 2, in two independent {@link ReplicaStore}s, so that a read falls back to the
 * other copy when one is lost or damaged. Each replica's memory is bounded; when it is full, the least
 * recently used blocks are spilled to disk if their level allows it and dropped otherwise. Blocks received
 * by receivers and cached partitions of persisted datasets are kept here alike.
 *
 * <pre>{@code
 * try (BlockManager blocks = BlockManager.inTemporaryDirectory(64 << 20, new KryoSerializer())) {
 *   blocks.put(BlockId.stream(0, 1), List.of("a", "b"), StorageLevel.MEMORY_AND_DISK_SER_2);
 *   Optional<List<String>> records = blocks.get(BlockId.stream(0, 1));
 * }
 * }</pre>
 *
 * <p>Thread-safe. The block manager owns its directory and deletes it on {@link #close()}.
 */
public final class BlockManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BlockManager.class);
  private static final int REPLICAS = 2;

  private final Path directory;
  private final Serializer serializer;
  private final SizeEstimator estimator;
  private final List<ReplicaStore> replicas = new ArrayList<>();
  private volatile boolean closed;

  /**
   * Creates a block manager that keeps its files under a directory.
   *
   * @param directory where the replicas' block files go (created if missing; deleted on close)
   * @param memoryLimitBytes how many bytes of blocks each replica may keep in memory (0 keeps none)
   * @param serializer serializes blocks for serialized levels and for disk
   * @param estimator estimates the heap size of blocks kept as objects
   * @throws IllegalArgumentException if the memory limit is negative or an argument is null
   * @throws IllegalStateException if a replica's directory cannot be created
   */
  public BlockManager(Path directory, long memoryLimitBytes, Serializer serializer, SizeEstimator estimator) {
    if (memoryLimitBytes < 0) {
      throw new IllegalArgumentException("the memory limit of a block manager must not be negative, got "
          + memoryLimitBytes + " bytes; use 0 to keep no blocks in memory");
    }
    this.directory = requireArgument(directory, "directory");
    this.serializer = requireArgument(serializer, "serializer");
    this.estimator = requireArgument(estimator, "estimator");
    for (int i = 0; i < REPLICAS; i++) {
      replicas.add(new ReplicaStore(i, directory.resolve("replica-" + i), memoryLimitBytes, serializer));
    }
  }

  /**
   * Creates a block manager in a new temporary directory, estimating object sizes with a
   * {@link SampledSizeEstimator}.
   *
   * @param memoryLimitBytes how many bytes of blocks each replica may keep in memory
   * @param serializer serializes blocks for serialized levels and for disk
   * @return the block manager
   * @throws IllegalArgumentException if the memory limit is negative
   * @throws UncheckedIOException if the temporary directory cannot be created
   */
  public static BlockManager inTemporaryDirectory(long memoryLimitBytes, Serializer serializer) {
    Path directory;
    try {
      directory = Files.createTempDirectory("dstream-blocks-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for blocks: " + e, e);
    }
    return new BlockManager(directory, memoryLimitBytes, serializer, new SampledSizeEstimator());
  }

  /**
   * Stores a block, replacing any earlier block with the same id. Records kept as objects are not copied:
   * the caller must not change the list or its records afterwards.
   *
   * @param id the block's id
   * @param records the block's records
   * @param level where and how to keep it
   * @return how many replicas hold the block now: the level's replication, or 0 if the level is
   *     memory-only and the block is larger than a replica's memory
   * @throws IllegalArgumentException if the level is {@link StorageLevel#NONE}, an argument is null, or a
   *     record cannot be serialized
   * @throws BlockStoreException if writing the block to disk fails; no replica keeps the block then
   * @throws IllegalStateException if the block manager is closed
   */
  public int put(BlockId id, List<?> records, StorageLevel level) {
    requireArgument(id, "block id");
    requireArgument(records, "records");
    requireArgument(level, "storage level");
    if (!level.isValid()) {
      throw new IllegalArgumentException("cannot store block " + id + " at level NONE, which keeps nothing; "
          + "use a level with memory or disk, such as MEMORY_AND_DISK_SER_2");
    }
    ensureOpen();
    BlockPayload payload = new BlockPayload(records, serializer, estimator);
    int stored = 0;
    try {
      for (int i = 0; i < level.replication(); i++) {
        stored += replicas.get(i).put(id, payload, level) ? 1 : 0;
      }
      // A replica beyond this level's replication must not keep an earlier copy of the block.
      for (int i = level.replication(); i < REPLICAS; i++) {
        removeQuietly(replicas.get(i), id);
      }
    } catch (RuntimeException e) {
      removeQuietly(id);
      throw e;
    }
    return stored;
  }

  /**
   * Reads a block from the first replica that holds a readable copy. A copy that is corrupt or cannot be
   * read is logged, removed, and the other replica is tried.
   *
   * @param id the block's id
   * @param <T> the records' type (unchecked)
   * @return the block's records as an unmodifiable list, or empty if no replica holds the block
   * @throws BlockStoreException if some replica held the block but no replica could read it; the message
   *     names the block
   * @throws IllegalStateException if the block manager is closed
   */
  public <T> Optional<List<T>> get(BlockId id) {
    requireArgument(id, "block id");
    ensureOpen();
    BlockStoreException firstFailure = null;
    for (ReplicaStore replica : replicas) {
      try {
        Optional<List<T>> records = replica.get(id);
        if (records.isPresent()) {
          return records;
        }
      } catch (BlockStoreException e) {
        LOG.warn("{} of block {} is unreadable and is removed; trying the other replica: {}", replica, id,
            e.getMessage());
        removeQuietly(replica, id);
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    if (firstFailure != null) {
      throw firstFailure;
    }
    return Optional.empty();
  }

  /**
   * Tells whether some replica holds a block (it may still turn out unreadable).
   *
   * @param id the block's id
   * @return true if held
   */
  public boolean contains(BlockId id) {
    return replicas.stream().anyMatch(replica -> replica.contains(id));
  }

  /**
   * Removes a block from every replica.
   *
   * @param id the block's id
   * @return whether some replica held it
   * @throws BlockStoreException if a block file cannot be deleted
   */
  public boolean remove(BlockId id) {
    boolean removed = false;
    for (ReplicaStore replica : replicas) {
      removed |= replica.remove(id);
    }
    return removed;
  }

  /**
   * Lists the blocks held by some replica.
   *
   * @return the ids, sorted by name
   */
  public List<BlockId> blockIds() {
    TreeSet<BlockId> ids = new TreeSet<>();
    replicas.forEach(replica -> ids.addAll(replica.blockIds()));
    return List.copyOf(ids);
  }

  /**
   * Returns one replica, to inspect where a block is kept or to simulate losing a copy.
   *
   * @param index 0 or 1
   * @return the replica
   * @throws IllegalArgumentException if the index is not 0 or 1
   */
  public ReplicaStore replica(int index) {
    if (index < 0 || index >= REPLICAS) {
      throw new IllegalArgumentException("replica index must be 0 or 1, got " + index);
    }
    return replicas.get(index);
  }

  /**
   * Returns the directory that holds the block files.
   *
   * @return the directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * Drops every block and deletes the block directory. Further puts and gets throw
   * {@link IllegalStateException}; closing again does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    replicas.forEach(ReplicaStore::clearMemory);
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("could not delete the block directory {}: {}", directory, e.toString());
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the block manager for " + directory + " has been closed; blocks can "
          + "no longer be stored or read");
    }
  }

  private void removeQuietly(BlockId id) {
    replicas.forEach(replica -> removeQuietly(replica, id));
  }

  private static void removeQuietly(ReplicaStore replica, BlockId id) {
    try {
      replica.remove(id);
    } catch (BlockStoreException e) {
      LOG.warn("could not remove block {} from {}: {}", id, replica, e.getMessage());
    }
  }

  private static <V> V requireArgument(V value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("the " + name + " must not be null");
    }
    return value;
  }

  @Override
  public String toString() {
    return "BlockManager(" + directory + ")";
  }
}
