package io.dstream.rdd;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Records which partitions of an RDD were computed, to check that an action computes only the partitions
 * it needs.
 */
final class ComputedPartitions {
  private final Set<Integer> computed = new ConcurrentSkipListSet<>();

  /** Returns an RDD with the same records that records each partition as it starts computing. */
  <T> RDD<T> track(RDD<T> rdd) {
    return rdd.mapPartitionsWithIndex((index, records) -> {
      computed.add(index);
      return records;
    }, true);
  }

  /** Returns the indexes of the partitions computed so far, sorted. */
  Set<Integer> indexes() {
    return new TreeSet<>(computed);
  }

  /** Forgets what was recorded. */
  void reset() {
    computed.clear();
  }
}
