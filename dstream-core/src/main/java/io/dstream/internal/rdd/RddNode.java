package io.dstream.internal.rdd;

import io.dstream.rdd.Partitioner;
import io.dstream.rdd.RDD;
import io.dstream.storage.StorageLevel;
import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.List;

/**
 * One dataset in the lineage graph: the engine-side half of an {@link io.dstream.rdd.RDD}.
 *
 * <p>A subclass supplies its partition count, its dependencies and {@link #compute(int)}; this class adds
 * persistence: the partitions of a persisted node are kept in the engine's {@link PartitionCache} at the
 * node's storage level. Nodes are immutable apart from their persistence and the name a user may give them.
 *
 * @param <T> the record type
 */
public abstract class RddNode<T> {
  private static final String NAME_SUFFIX = "RddNode";

  private final Engine engine;
  private final int id;
  private volatile StorageLevel storageLevel = StorageLevel.NONE;
  private volatile String name;
  // Removes the cached partitions on unpersist, or once this node is unreachable; null unless persisted.
  private Cleaner.Cleanable cachedPartitions;

  /**
   * Creates a node with a fresh id.
   *
   * @param engine the engine that runs this node's jobs
   */
  protected RddNode(Engine engine) {
    this.engine = engine;
    this.id = engine.nextRddId();
  }

  /**
   * Returns the engine that runs this node's jobs.
   *
   * @return the engine
   */
  public final Engine engine() {
    return engine;
  }

  /**
   * Returns the node's id, unique within its engine.
   *
   * @return the id
   */
  public final int id() {
    return id;
  }

  /**
   * Returns the number of partitions.
   *
   * @return zero or more
   */
  public abstract int numPartitions();

  /**
   * Returns the parents this node is computed from.
   *
   * @return the dependencies, empty for a source
   */
  public abstract List<Dependency> dependencies();

  /**
   * Computes one partition from the parents.
   *
   * @param partition the partition index
   * @return the partition's records
   */
  protected abstract Iterator<T> compute(int partition);

  /**
   * Returns how the records are partitioned by key, if known.
   *
   * @return the partitioner, or null if records are not placed by key
   */
  public Partitioner partitioner() {
    return null;
  }

  /**
   * Returns the number of records if it is known without computing anything.
   *
   * @return the count, or -1 if it is not known
   */
  public long knownCount() {
    return -1;
  }

  /**
   * Tells whether this node holds all of its records itself (a local checkpoint): then persisting it copies
   * nothing, and a job never needs its (absent) parents.
   *
   * @return false unless overridden
   */
  public boolean isMaterialized() {
    return false;
  }

  /**
   * Tells whether this node keeps the records it computes by itself (a local checkpoint, a batch's state):
   * persisting such a node stores nothing more.
   *
   * @return {@link #isMaterialized()} unless overridden
   */
  protected boolean keepsComputedRecords() {
    return isMaterialized();
  }

  /**
   * Returns a short description of this node for lineage dumps: its class name without the {@code RddNode}
   * that every RDD node's name ends with, such as {@code MapPartitions} for a {@code MapPartitionsRddNode}.
   *
   * @return the description
   */
  public String describe() {
    String name = getClass().getSimpleName();
    return name.endsWith(NAME_SUFFIX) ? name.substring(0, name.length() - NAME_SUFFIX.length()) : name;
  }

  /**
   * Returns one partition's records: from the partition cache if the node is persisted and the partition is
   * held there, otherwise computed (and cached if persisted).
   *
   * @param partition the partition index
   * @return the records
   * @throws IllegalArgumentException if the node is persisted at a serialized level and a record cannot be
   *     serialized
   */
  public final Iterator<T> iterator(int partition) {
    StorageLevel level = storageLevel;
    if (!level.isValid() || keepsComputedRecords()) {
      return compute(partition);
    }
    return engine.partitionCache().getOrCompute(this, partition, level);
  }

  /**
   * Tells whether every partition is held, in the partition cache or by the node itself, so that a job need
   * not look at the parents.
   *
   * @return true if persisted and fully cached, or materialized
   */
  public final boolean isFullyCached() {
    if (isMaterialized()) {
      return true;
    }
    if (!storageLevel.isValid() || keepsComputedRecords()) {
      return false;
    }
    for (int partition = 0; partition < numPartitions(); partition++) {
      if (!engine.partitionCache().contains(this, partition)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Marks the node to be kept at a storage level after its first computation.
   *
   * @param level the storage level (a node that {@link #keepsComputedRecords() keeps its records} anyway
   *     records the level and stores nothing more)
   * @throws IllegalStateException if the node is already persisted at another level
   */
  public final synchronized void persist(StorageLevel level) {
    if (storageLevel != StorageLevel.NONE && !storageLevel.equals(level)) {
      throw new IllegalStateException("RDD " + id + " is already persisted at " + storageLevel
          + "; call unpersist() before persisting it at " + level);
    }
    storageLevel = level;
    if (level.isValid() && cachedPartitions == null && !keepsComputedRecords()) {
      cachedPartitions = engine.partitionCache().removeBlocksWhenUnreachable(this);
    }
  }

  /** Removes the cached partitions and marks the node as not persisted. */
  public final synchronized void unpersist() {
    storageLevel = StorageLevel.NONE;
    if (cachedPartitions != null) {
      cachedPartitions.clean();
      cachedPartitions = null;
    }
  }

  /**
   * Returns the storage level.
   *
   * @return NONE unless persisted
   */
  public final StorageLevel storageLevel() {
    return storageLevel;
  }

  /**
   * Returns the RDD a user function receives for this node (in {@code foreachRDD}, {@code transform}): the plain
   * one, unless a source's node offers more, such as a Kafka batch that also tells its offset ranges.
   *
   * @param plain the plain RDD of this node
   * @return {@code plain}, or an RDD of this node built on it
   */
  public RDD<T> userRdd(RDD<T> plain) {
    return plain;
  }

  /**
   * Returns the name a user gave this node ({@code RDD.setName}).
   *
   * @return the name, or null if none was given
   */
  public final String name() {
    return name;
  }

  /**
   * Names this node, for lineage dumps and messages.
   *
   * @param name the name
   */
  public final void setName(String name) {
    this.name = name;
  }

  /**
   * Returns the node's name, if it has one, its description and its id, such as {@code mapToPair[3]} or
   * {@code counts mapToPair[3]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    String given = name;
    return (given == null ? "" : given + " ") + describe() + "[" + id + "]";
  }
}
