package io.dstream.internal.rdd;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The partitions of a node that computes each partition once and then keeps it, for nodes whose lineage
 * must not grow (a local checkpoint, a batch's state). A partition is computed at most once even if two
 * tasks ask for it at the same time; a failed computation keeps nothing, so a retry starts again from the
 * same inputs. Once every partition is kept, the owner is told, so that it can let go of its inputs.
 *
 * @param <T> the record type
 */
public final class KeptPartitions<T> {
  private final AtomicReferenceArray<List<T>> kept;
  private final Object[] partitionLocks;
  private final AtomicInteger missing;
  private final Runnable onAllKept;

  /**
   * Creates the store with no partition kept.
   *
   * @param numPartitions how many partitions the owner has
   * @param onAllKept called once, on the thread that keeps the last partition
   */
  public KeptPartitions(int numPartitions, Runnable onAllKept) {
    this.kept = new AtomicReferenceArray<>(numPartitions);
    this.partitionLocks = new Object[numPartitions];
    for (int i = 0; i < numPartitions; i++) {
      partitionLocks[i] = new Object();
    }
    this.missing = new AtomicInteger(numPartitions);
    this.onAllKept = onAllKept;
    if (numPartitions == 0) {
      onAllKept.run();
    }
  }

  /**
   * Returns a kept partition, computing and keeping it first if needed.
   *
   * @param partition the partition index
   * @param compute computes the partition's records; called at most once per partition unless it throws
   * @return the records, read-only
   */
  public List<T> getOrCompute(int partition, IntFunction<List<T>> compute) {
    List<T> records = kept.get(partition);
    if (records == null) {
      synchronized (partitionLocks[partition]) {
        records = kept.get(partition);
        if (records == null) {
          records = keep(partition, compute.apply(partition));
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
   * @return the records, read-only
   */
  public List<T> keep(int partition, List<T> records) {
    // Read-only: a user function calling Iterator.remove() must not erase kept records.
    List<T> readOnly = Collections.unmodifiableList(records);
    kept.set(partition, readOnly);
    if (missing.decrementAndGet() == 0) {
      onAllKept.run();
    }
    return readOnly;
  }

  /**
   * Tells whether every partition is kept.
   *
   * @return true once the last partition was kept
   */
  public boolean allKept() {
    return missing.get() == 0;
  }

  /**
   * Returns how many records the kept partitions hold.
   *
   * @return the count, or -1 unless every partition is kept
   */
  public long count() {
    if (!allKept()) {
      return -1;
    }
    long count = 0;
    for (int i = 0; i < kept.length(); i++) {
      count += kept.get(i).size();
    }
    return count;
  }
}
