package io.dstream.rdd;

/**
 * Places a key by its {@code hashCode()} modulo the number of partitions (the null key in partition 0).
 * The default partitioner of every shuffle.
 */
public final class HashPartitioner extends Partitioner {
  private final int partitions;

  /**
   * Creates a partitioner.
   *
   * @param partitions the number of partitions
   * @throws IllegalArgumentException if it is not positive
   */
  public HashPartitioner(int partitions) {
    if (partitions <= 0) {
      throw new IllegalArgumentException("the number of partitions must be positive, got " + partitions);
    }
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return key == null ? 0 : Math.floorMod(key.hashCode(), partitions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HashPartitioner h && h.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return partitions;
  }

  @Override
  public String toString() {
    return "HashPartitioner(" + partitions + ")";
  }
}
