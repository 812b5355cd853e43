package io.dstream.internal.rdd;

import io.dstream.rdd.Partitioner;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A node that computes each partition once, keeps it, and once every partition is kept lets go of its
 * inputs: what cuts a lineage that would otherwise grow with every batch (a local checkpoint, a batch's
 * state). A partition is computed at most once even if two tasks ask for it at the same time; a failed
 * computation keeps nothing, so a retry starts again from the same inputs. The node keeps its records
 * itself, so persisting it stores nothing more.
 *
 * @param <T> the record type
 */
public abstract class KeepingRddNode<T> extends RddNode<T> {
  private final Partitioner partitioner;
  private final AtomicReferenceArray<List<T>> kept;
  private final Object[] partitionLocks;
  private final AtomicInteger missing;

  /**
   * Creates a node with no partition kept.
   *
   * @param engine the engine
   * @param numPartitions the number of partitions
   * @param partitioner how the records are placed by key, or null
   */
  protected KeepingRddNode(Engine engine, int numPartitions, Partitioner partitioner) {
    super(engine);
    this.partitioner = partitioner;
    this.kept = new AtomicReferenceArray<>(numPartitions);
    this.partitionLocks = new Object[numPartitions];
    for (int i = 0; i < numPartitions; i++) {
      partitionLocks[i] = new Object();
    }
    this.missing = new AtomicInteger(numPartitions);
  }

  /**
   * Computes the records of a partition from the inputs; called at most once per partition unless it throws.
   *
   * @param partition the partition index
   * @return the records; the node keeps the list, so the caller must not change it afterwards
   */
  protected abstract List<T> computeOnce(int partition);

  /** Lets go of the inputs, once every partition is kept; called once, on the thread that kept the last. */
  protected abstract void releaseInputs();

  @Override
  protected final Iterator<T> compute(int partition) {
    // Read-only: a user function calling Iterator.remove() must not erase kept records.
    return Collections.unmodifiableList(keptRecords(partition)).iterator();
  }

  /**
   * Returns the records of a partition, computing and keeping them first if they are not kept yet: the very
   * list {@link #computeOnce} returned (or {@link #keep} was given), so that a reader that knows its class (the
   * next batch's state step) can use its structure.
   *
   * @param partition the partition index
   * @return the records, which the caller must not change
   */
  protected final List<T> keptRecords(int partition) {
    List<T> records = kept.get(partition);
    if (records == null) {
      synchronized (partitionLocks[partition]) {
        records = kept.get(partition);
        if (records == null) {
          records = keep(partition, computeOnce(partition));
        }
      }
    }
    return records;
  }

  /**
   * Keeps the records of a partition that was not kept yet (restored rather than computed).
   *
   * @param partition the partition index
   * @param records the records; the caller must not change them afterwards
   * @return the records
   */
  protected final List<T> keep(int partition, List<T> records) {
    kept.set(partition, records);
    if (missing.decrementAndGet() == 0) {
      releaseInputs();
    }
    return records;
  }

  /**
   * Computes and keeps the partitions that no job computed yet (a job that read only some, or failed, leaves
   * the node holding on to its inputs), in one job. Does nothing once every partition is kept.
   *
   * @throws io.dstream.rdd.JobFailedException if computing a partition fails; its cause is the user's
   *     exception
   * @throws IllegalStateException if the engine was stopped
   */
  public final void keepEveryPartition() {
    if (!isMaterialized()) {
      engine().jobRunner().runJob(this, (partition, records) -> null);
    }
  }

  @Override
  public final int numPartitions() {
    return kept.length();
  }

  @Override
  public final Partitioner partitioner() {
    return partitioner;
  }

  /** Tells whether every partition is kept (and the inputs let go). */
  @Override
  public final boolean isMaterialized() {
    return missing.get() == 0;
  }

  @Override
  protected final boolean keepsComputedRecords() {
    return true;
  }

  /** Returns the number of records once every partition is kept, -1 before. */
  @Override
  public final long knownCount() {
    if (!isMaterialized()) {
      return -1;
    }
    long count = 0;
    for (int i = 0; i < kept.length(); i++) {
      count += kept.get(i).size();
    }
    return count;
  }
}
