package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import java.util.function.IntToLongFunction;

/**
 * The operations that pair records with something by position: another RDD's records ({@code zip}), their
 * index ({@code zipWithIndex}) or a unique id ({@code zipWithUniqueId}). None shuffles.
 */
public final class Zips {
  private Zips() {}

  /**
   * {@code zip}: the {@code n}-th record of each partition of {@code node} with that of {@code other}.
   *
   * @param node the left records
   * @param other the right records
   * @param <T> the left record type
   * @param <U> the right record type
   * @return the pairs
   * @throws IllegalArgumentException if the partition counts differ
   */
  public static <T, U> RddNode<Tuple2<T, U>> zip(RddNode<T> node, RddNode<U> other) {
    return new ZippedRddNode<>(node, other);
  }

  /**
   * {@code zipWithIndex}: each record with its position in the whole RDD, counting partition by partition.
   * Runs a job now to count the records of every partition but the last, unless there is only one.
   *
   * @param node the records
   * @param <T> the record type
   * @return the records with their index
   * @throws io.dstream.rdd.JobFailedException if the counting job fails
   */
  public static <T> RddNode<Tuple2<T, Long>> withIndex(RddNode<T> node) {
    int counted = Math.max(0, node.numPartitions() - 1);
    int[] partitions = new int[counted];
    for (int i = 0; i < counted; i++) {
      partitions[i] = i;
    }
    long[] firstIndex = new long[node.numPartitions()];
    if (counted > 0) {
      int p = 1;
      for (long count : node.engine().jobRunner().runJob(node, partitions, (i, records) -> Iterators.count(records))) {
        firstIndex[p] = firstIndex[p - 1] + count;
        p++;
      }
    }
    return numbered("zipWithIndex", node, p -> firstIndex[p], 1);
  }

  /**
   * {@code zipWithUniqueId}: each record with an id unique in the RDD: the {@code i}-th record of partition
   * {@code k} of {@code n} gets {@code i * n + k}. Runs no job; the ids have gaps.
   *
   * @param node the records
   * @param <T> the record type
   * @return the records with their ids
   */
  public static <T> RddNode<Tuple2<T, Long>> withUniqueId(RddNode<T> node) {
    int n = node.numPartitions();
    return numbered("zipWithUniqueId", node, p -> p, n);
  }

  private static <T> RddNode<Tuple2<T, Long>> numbered(String name, RddNode<T> node,
      IntToLongFunction first, long step) {
    return new NarrowOperation<T, Tuple2<T, Long>>(name, (p, records) -> {
      long[] next = {first.applyAsLong(p)};
      return Iterators.map(records, x -> {
        long id = next[0];
        next[0] += step;
        return new Tuple2<>(x, id);
      });
    }, false).on(node);
  }
}
