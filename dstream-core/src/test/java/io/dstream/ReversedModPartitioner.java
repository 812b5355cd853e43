package io.dstream;

import io.dstream.rdd.Partitioner;

/**
 * A partitioner for integer keys that no default could be mistaken for: key {@code k} goes to partition
 * {@code n - 1 - (k mod n)}. Tests use it to prove that a user's partitioner decides the layout.
 */
final class ReversedModPartitioner extends Partitioner {
  private final int partitions;

  ReversedModPartitioner(int partitions) {
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return partitions - 1 - Math.floorMod((Integer) key, partitions);
  }

  @Override
  public String toString() {
    return "ReversedModPartitioner(" + partitions + ")";
  }
}
