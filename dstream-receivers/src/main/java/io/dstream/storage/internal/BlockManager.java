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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores blocks of records by id, as their {@link StorageLevel} says: in memory as objects or serialized
 * (with the project's serializer), on local disk, or both (memory first, spilling to disk when memory is
 * full); with replication 2, in two independent {@link ReplicaStore}s, so that a read falls back to the
 * other copy when one is lost or damaged. Each replica's memory is bounded; when it is full, the least
 * recently used blocks are spilled to disk if their level allows it and dropped otherwise. Blocks received
 * by receivers and cached partitions of persisted datasets are kept here alike, with one difference: a
 * received block cannot be computed again, so it is never dropped. Storing a received block is flow
 * controlled instead: it waits while the received blocks held take the bound of received bytes (counting
 * every copy, in memory or on disk), and a block at a memory-only level waits until memory has room beside
 * the memory-only received blocks held. Only {@link #remove} (of a block no batch needs any more) ends a wait.
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
  /** A bound of received bytes that never makes a store wait. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  private final Path directory;
  private final Serializer serializer;
  private final SizeEstimator estimator;
  private final List<ReplicaStore> replicas = new ArrayList<>();
  private final long memoryLimitBytes;
  private final ReceivedBlockQuota receivedQuota;
  private final AtomicBoolean warnedOfWaitingStore = new AtomicBoolean();
  private volatile boolean closed;

  /**
   * Creates a block manager that keeps its files under a directory, with no bound of received bytes.
   *
   * @param directory where the replicas' block files go (created if missing; deleted on close)
   * @param memoryLimitBytes how many bytes of blocks each replica may keep in memory (0 keeps none)
   * @param serializer serializes blocks for serialized levels and for disk
   * @param estimator estimates the heap size of blocks kept as objects
   * @throws IllegalArgumentException if the memory limit is negative or an argument is null
   * @throws IllegalStateException if a replica's directory cannot be created
   */
  public BlockManager(Path directory, long memoryLimitBytes, Serializer serializer, SizeEstimator estimator) {
    this(directory, memoryLimitBytes, UNBOUNDED, serializer, estimator);
  }

  /**
   * Creates a block manager that keeps its files under a directory.
   *
   * @param directory where the replicas' block files go (created if missing; deleted on close)
   * @param memoryLimitBytes how many bytes of blocks each replica may keep in memory (0 keeps none)
   * @param maxReceivedBytes how many bytes the received blocks held may take, every copy counted, in memory
   *     and on disk, before storing another waits; {@link #UNBOUNDED} for no bound
   * @param serializer serializes blocks for serialized levels and for disk
   * @param estimator estimates the heap size of blocks kept as objects
   * @throws IllegalArgumentException if the memory limit is negative, the bound of received bytes is not
   *     positive, or an argument is null
   * @throws IllegalStateException if a replica's directory cannot be created
   */
  public BlockManager(Path directory, long memoryLimitBytes, long maxReceivedBytes, Serializer serializer,
      SizeEstimator estimator) {
    if (memoryLimitBytes < 0) {
      throw new IllegalArgumentException("the memory limit of a block manager must not be negative, got "
          + memoryLimitBytes + " bytes; use 0 to keep no blocks in memory");
    }
    if (maxReceivedBytes <= 0) {
      throw new IllegalArgumentException("the bound of the bytes of received blocks must be positive, got "
          + maxReceivedBytes);
    }
    this.memoryLimitBytes = memoryLimitBytes;
    this.receivedQuota = new ReceivedBlockQuota(maxReceivedBytes);
    this.directory = requireArgument(directory, "directory");
    this.serializer = requireArgument(serializer, "serializer");
    this.estimator = requireArgument(estimator, "estimator");
    for (int i = 0; i < REPLICAS; i++) {
      replicas.add(new ReplicaStore(i, directory.resolve("replica-" + i), memoryLimitBytes, serializer));
    }
  }

  /**
   * Creates a block manager in a new temporary directory, with no bound of received bytes, estimating object
   * sizes with a {@link SampledSizeEstimator}.
   *
   * @param memoryLimitBytes how many bytes of blocks each replica may keep in memory
   * @param serializer serializes blocks for serialized levels and for disk
   * @return the block manager
   * @throws IllegalArgumentException if the memory limit is negative
   * @throws UncheckedIOException if the temporary directory cannot be created
   */
  public static BlockManager inTemporaryDirectory(long memoryLimitBytes, Serializer serializer) {
    return inTemporaryDirectory(memoryLimitBytes, UNBOUNDED, serializer);
  }

  /**
   * Creates a block manager in a new temporary directory, estimating object sizes with a
   * {@link SampledSizeEstimator}.
   *
   * @param memoryLimitBytes how many bytes of blocks each replica may keep in memory
   * @param maxReceivedBytes how many bytes the received blocks held may take, every copy counted, before
   *     storing another waits
   * @param serializer serializes blocks for serialized levels and for disk
   * @return the block manager
   * @throws IllegalArgumentException if the memory limit is negative or the bound is not positive
   * @throws UncheckedIOException if the temporary directory cannot be created
   */
  public static BlockManager inTemporaryDirectory(long memoryLimitBytes, long maxReceivedBytes,
      Serializer serializer) {
    Path directory;
    try {
      directory = Files.createTempDirectory("dstream-blocks-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for blocks: " + e, e);
    }
    return new BlockManager(directory, memoryLimitBytes, maxReceivedBytes, serializer, new SampledSizeEstimator());
  }

  /**
   * Stores a block, replacing any earlier block with the same id. Records kept as objects are not copied:
   * the caller must not change the list or its records afterwards.
   *
   * <p>A received block (any block but a cached partition) may wait before it is stored: while the received
   * blocks held take the bound of received bytes, and, at a memory-only level, while a replica's memory has
   * no room for it beside the memory-only received blocks held (which are never evicted: they would be
   * lost). The wait ends when {@link #remove} releases a block. A block alone is always admitted, so one
   * larger than the bound does not wait forever; a memory-only block larger than a replica's memory is not
   * stored at all.
   *
   * @param id the block's id
   * @param records the block's records
   * @param level where and how to keep it
   * @return how many replicas hold the block now: the level's replication, or 0 if the level is
   *     memory-only and the block is larger than a replica's memory
   * @throws IllegalArgumentException if the level is {@link StorageLevel#NONE}, an argument is null, or a
   *     record cannot be serialized
   * @throws BlockStoreException if writing the block to disk fails (no replica keeps the block then), or if
   *     a received block had to wait and the wait was interrupted or refused ({@link #refuseWaitingStores})
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
    return id.isRdd() ? putInReplicas(id, payload, level) : putReceived(id, payload, level);
  }

  /**
   * Runs an action during which this thread's stores of received blocks never wait for the bound of received
   * bytes ({@code dstream.storage.maxReceivedBytes}): they are admitted over it. For a thread that must not
   * wait for room because it is the one whose progress frees room: under a clock that the job generator
   * drives (the test kit's), the receivers' block cuts due by a batch's time run before the batch, and a
   * wait there would wait for the batches that the wait holds up. (A block at a memory-only level that finds
   * no memory still waits: memory cannot be taken over.)
   *
   * @param action what to run
   */
  public static void storeWithoutWaitingForBound(Runnable action) {
    ReceivedBlockQuota.runWithoutWaiting(action);
  }

  private int putReceived(BlockId id, BlockPayload payload, StorageLevel level) {
    long size = level.useMemory() && level.deserialized() ? payload.estimatedSize() : payload.bytes().length;
    long copies = size * level.replication();
    int records = payload.records().size();
    receivedQuota.admit(id, copies, records, () -> warnOfWaitingStore(id, "the received blocks in store take "
        + receivedQuota.heldBytes() + " of the " + receivedQuota.maxBytes() + " bytes they may take "
        + "(dstream.storage.maxReceivedBytes), and block " + id + " needs " + copies + " more"));
    boolean kept = false;
    try {
      while (true) {
        long releasesBefore = receivedQuota.releases();
        int stored = putInReplicas(id, payload, level);
        if (stored == level.replication() || level.useDisk()) {
          kept = stored > 0;
          return stored;
        }
        removeQuietly(id);
        if (size > memoryLimitBytes) {
          return 0;
        }
        warnOfWaitingStore(id, "block " + id + " (" + size + " bytes at the memory-only level " + level
            + ") does not fit in the " + memoryLimitBytes + "-byte memory of a replica beside the memory-only "
            + "received blocks that batches still need, which are never evicted");
        if (!receivedQuota.awaitReleaseSince(id, records, releasesBefore)) {
          return 0;
        }
      }
    } finally {
      if (!kept) {
        receivedQuota.release(id);
      }
    }
  }

  private int putInReplicas(BlockId id, BlockPayload payload, StorageLevel level) {
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

  private void warnOfWaitingStore(BlockId id, String why) {
    if (warnedOfWaitingStore.compareAndSet(false, true)) {
      LOG.warn("Received data outgrows processing: {}. Storing received blocks now waits until batches have "
          + "processed blocks and released them, which slows the receivers down to the rate of processing; no "
          + "record is dropped (further waits are logged at DEBUG). To keep up, give the pipeline more worker "
          + "threads or enable dstream.backpressure.enabled; to absorb longer bursts, raise "
          + "dstream.storage.maxReceivedBytes, or dstream.storage.memoryFraction for memory-only levels", why);
    } else {
      LOG.debug("Storing block {} waits: {}", id, why);
    }
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
   * Removes a block from every replica, also when a replica fails to delete its copy: the block's received
   * bytes are no longer counted afterwards, so no other copy may stay behind.
   *
   * @param id the block's id
   * @return whether some replica held it
   * @throws BlockStoreException if a block file cannot be deleted (the first failure, with those of other
   *     replicas suppressed); every other replica has removed its copy
   */
  public boolean remove(BlockId id) {
    boolean removed = false;
    BlockStoreException failure = null;
    try {
      for (ReplicaStore replica : replicas) {
        try {
          removed |= replica.remove(id);
        } catch (BlockStoreException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    } finally {
      // No batch needs the block any more: a file that could not be deleted, or any other failure, must not
      // hold up the receivers.
      receivedQuota.release(id);
    }
    if (failure != null) {
      throw failure;
    }
    return removed;
  }

  /**
   * Returns how many bytes the received blocks held take, every copy counted, in memory and on disk: what
   * the bound of received bytes applies to.
   *
   * @return the bytes
   */
  public long receivedBytesHeld() {
    return receivedQuota.heldBytes();
  }

  /**
   * Returns how many received blocks are held.
   *
   * @return the number of blocks
   */
  public int receivedBlocksHeld() {
    return receivedQuota.heldBlocks();
  }

  /**
   * Makes every store of a received block that waits, or would have to wait, fail with a
   * {@link BlockStoreException} instead, whose cause is a {@link java.util.concurrent.CancellationException}:
   * once batches stop running, no block will be released any more. {@link #refusedStores()} counts them.
   * Refusing again does nothing.
   *
   * @param reason why, for the exception's message (such as "the streaming context stopped")
   */
  public void refuseWaitingStores(String reason) {
    receivedQuota.refuseWaiting(reason);
  }

  /**
   * Counts the stores that {@link #refuseWaitingStores} failed: those waiting when it was called, and those
   * that had to wait afterwards.
   *
   * @return the refused blocks and their records
   */
  public RefusedStores refusedStores() {
    return receivedQuota.refused();
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
   * Returns one replica: a seam for tests (in this package, or through their own accessor in it) that inspect
   * where a block is kept or simulate losing a copy; the engine never needs it.
   *
   * @param index 0 or 1
   * @return the replica
   * @throws IllegalArgumentException if the index is not 0 or 1
   */
  ReplicaStore replica(int index) {
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
    receivedQuota.refuseWaiting("the block manager for " + directory + " has been closed");
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
