package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.rdd.Partitioner;
import java.util.Comparator;

/**
 * Operations on ordered keys besides {@code sortByKey} ({@link PairOperations#sortByKey}):
 * {@code repartitionAndSortWithinPartitions} and {@code filterByRange}.
 */
public final class KeyRanges {
  private KeyRanges() {}

  /**
   * {@code repartitionAndSortWithinPartitions}: the pairs placed by a partitioner (shuffled unless the node
   * is placed so already), each partition sorted by key.
   *
   * @param node the pairs
   * @param partitioner where keys go
   * @param comparator the key order within a partition
   * @param <K> the key type
   * @param <V> the value type
   * @return the placed and sorted pairs, partitioned by {@code partitioner}
   */
  public static <K, V> RddNode<Tuple2<K, V>> repartitionAndSortWithinPartitions(RddNode<Tuple2<K, V>> node,
      Partitioner partitioner, Comparator<K> comparator) {
    return new NarrowOperation<Tuple2<K, V>, Tuple2<K, V>>("repartitionAndSortWithinPartitions",
        (p, it) -> RangeSort.sortPartition(it, comparator, true), true)
        .on(PairOperations.partitionBy(node, partitioner));
  }

  /**
   * {@code filterByRange}: the pairs whose key lies from {@code lower} to {@code upper}, both included. When
   * the node is range-partitioned in the same order (by {@code sortByKey}), only the partitions that can hold
   * such keys are computed; the result then has just those partitions.
   *
   * @param node the pairs
   * @param comparator the key order
   * @param lower the smallest key kept
   * @param upper the largest key kept
   * @param <K> the key type
   * @param <V> the value type
   * @return the pairs in the range
   */
  public static <K, V> RddNode<Tuple2<K, V>> filterByRange(RddNode<Tuple2<K, V>> node, Comparator<K> comparator,
      K lower, K upper) {
    RddNode<Tuple2<K, V>> candidates = node;
    if (node.partitioner() instanceof RangePartitioner<?> ranges) {
      @SuppressWarnings("unchecked")
      int[] span = ((RangePartitioner<K>) ranges).partitionsBetween(comparator, lower, upper);
      if (span != null) {
        candidates = new PartitionPruningRddNode<>(node, span[0], span[1]);
      }
    }
    return new NarrowOperation<Tuple2<K, V>, Tuple2<K, V>>("filterByRange", (p, it) -> Iterators.filter(it,
        kv -> comparator.compare(kv._1(), lower) >= 0 && comparator.compare(kv._1(), upper) <= 0), true)
        .on(candidates);
  }
}
