package io.dstream.internal.rdd;

import io.dstream.rdd.Partitioner;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One dataset in the lineage graph: the engine-side half of an {@link io.dstream.rdd.RDD}.
 *
 * <p>A subclass supplies its partition count, its dependencies and {@link #compute(int)}; this class adds
 * the in-memory cache for persisted datasets. Nodes are immutable apart from their persistence.
 *
 * @param <T> the record type
 */
public abstract class RddNode<T> {
  private final Engine engine;
  private final int id;
  private volatile StorageLevel storageLevel = StorageLevel.NONE;
  private volatile AtomicReferenceArray<List<T>> cache;

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
   * Returns a short description of this node for lineage dumps, such as {@code MapPartitions}.
   *
   * @return the description
   */
  public String describe() {
    return getClass().getSimpleName().replace("Node", "");
  }

  /**
   * Returns one partition's records: from the cache if the node is persisted and the partition was already
   * computed, otherwise computed (and cached if persisted).
   *
   * @param partition the partition index
   * @return the records
   */
  public final Iterator<T> iterator(int partition) {
    AtomicReferenceArray<List<T>> current = cache;
    if (current == null) {
      return compute(partition);
    }
    List<T> hit = current.get(partition);
    if (hit == null) {
      List<T> computed = new ArrayList<>();
      compute(partition).forEachRemaining(computed::add);
      // Read-only: a user function calling Iterator.remove() must not erase cached records.
      hit = Collections.unmodifiableList(computed);
      current.set(partition, hit);
    }
    return hit.iterator();
  }

  /**
   * Tells whether every partition is in the cache, so that a job need not look at the parents.
   *
   * @return true if persisted and fully computed, or materialized
   */
  public final boolean isFullyCached() {
    if (isMaterialized()) {
      return true;
    }
    AtomicReferenceArray<List<T>> current = cache;
    if (current == null) {
      return false;
    }
    for (int i = 0; i < current.length(); i++) {
      if (current.get(i) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Marks the node to be kept after its first computation.
   *
   * @param level the storage level; every level other than NONE is kept in memory as objects for now (a
   *     {@link #isMaterialized() materialized} node keeps its records anyway and is not copied)
   * @throws IllegalStateException if the node is already persisted at another level
   */
  public final synchronized void persist(StorageLevel level) {
    if (storageLevel != StorageLevel.NONE && !storageLevel.equals(level)) {
      throw new IllegalStateException("RDD " + id + " is already persisted at " + storageLevel
          + "; call unpersist() before persisting it at " + level);
    }
    storageLevel = level;
    if (level.isValid() && cache == null && !isMaterialized()) {
      cache = new AtomicReferenceArray<>(numPartitions());
    }
  }

  /** Drops the cached partitions and marks the node as not persisted. */
  public final synchronized void unpersist() {
    storageLevel = StorageLevel.NONE;
    cache = null;
  }

  /**
   * Returns the storage level.
   *
   * @return NONE unless persisted
   */
  public final StorageLevel storageLevel() {
    return storageLevel;
  }

  @Override
  public String toString() {
    return describe() + "[" + id + "]";
  }
}
