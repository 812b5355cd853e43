package io.dstream.internal.rdd;

import io.dstream.rdd.Partitioner;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Places keys by range, so that partition {@code i} holds only keys smaller than those of partition
 * {@code i + 1}: the partitioner of {@code sortByKey}. The bounds come from a sample of the keys.
 *
 * @param <K> the key type
 */
public final class RangePartitioner<K> extends Partitioner {
  private final Object[] upperBounds;
  private final Comparator<? super K> comparator;
  private final boolean ascending;

  /**
   * Creates a partitioner whose bounds split the sorted sample into equal parts.
   *
   * @param partitions the wanted number of partitions
   * @param sample keys drawn from the data
   * @param comparator the key order
   * @param ascending whether partition 0 holds the smallest keys
   */
  public RangePartitioner(int partitions, List<K> sample, Comparator<? super K> comparator, boolean ascending) {
    this.comparator = comparator;
    this.ascending = ascending;
    Object[] sorted = sample.toArray();
    @SuppressWarnings("unchecked")
    Comparator<Object> order = (Comparator<Object>) comparator;
    Arrays.sort(sorted, order);
    int bounds = Math.max(0, Math.min(partitions - 1, sorted.length - 1));
    upperBounds = new Object[bounds];
    for (int i = 0; i < bounds; i++) {
      upperBounds[i] = sorted[(int) ((long) (i + 1) * sorted.length / (bounds + 1))];
    }
  }

  /**
   * Returns the partitions that can hold keys from {@code lower} to {@code upper} (both included) in the
   * given order, when this partitioner orders keys that way.
   *
   * @param order the order the bounds are meant in
   * @param lower the smallest key
   * @param upper the largest key
   * @return the first and last partition index, or null if this partitioner orders keys otherwise (so any
   *     partition may hold them)
   */
  public int[] partitionsBetween(Comparator<?> order, K lower, K upper) {
    if (order != comparator) {
      return null;
    }
    int a = getPartition(lower);
    int b = getPartition(upper);
    return new int[] {Math.min(a, b), Math.max(a, b)};
  }

  @Override
  public int numPartitions() {
    return upperBounds.length + 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public int getPartition(Object key) {
    int low = 0;
    int high = upperBounds.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (comparator.compare((K) key, (K) upperBounds[mid]) > 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return ascending ? low : upperBounds.length - low;
  }
}
