package io.dstream.rdd;

/**
 * Decides which partition each key of a pair dataset goes to. Two partitioners that are
 * {@link #equals equal} place every key in the same partition, which lets joins and by-key operations over
 * already-partitioned data skip the shuffle.
 */
public abstract class Partitioner {
  /** For subclasses. */
  protected Partitioner() {}

  /**
   * Returns the number of partitions.
   *
   * @return at least 1
   */
  public abstract int numPartitions();

  /**
   * Returns the partition of a key.
   *
   * @param key the key, possibly null
   * @return a partition index in {@code [0, numPartitions())}
   */
  public abstract int getPartition(Object key);
}
