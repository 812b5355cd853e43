package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.rdd.Partitioner;

/**
 * The operations that compare the records of two RDDs as values: {@code subtract} and {@code intersection},
 * built on the by-key operations with each record as a key, and {@code cartesian}.
 */
public final class SetOperations {
  private SetOperations() {}

  /**
   * {@code subtract}: the records of {@code node} that do not occur in {@code other}, each as often as it
   * occurs in {@code node}. Shuffles both.
   *
   * @param node the records to keep from
   * @param other the records to remove
   * @param partitioner where records go, as keys
   * @param <T> the record type
   * @return the remaining records
   */
  public static <T> RddNode<T> subtract(RddNode<T> node, RddNode<T> other, Partitioner partitioner) {
    RddNode<Tuple2<T, Boolean>> kept = PairOperations.subtractByKey(asKeys(node), asKeys(other), partitioner);
    return new NarrowOperation<Tuple2<T, Boolean>, T>("subtract", (p, pairs) -> Iterators.map(pairs, Tuple2::_1),
        false).on(kept);
  }

  /**
   * {@code intersection}: the distinct records that occur in both nodes. Shuffles both.
   *
   * @param node one side
   * @param other the other side
   * @param <T> the record type
   * @return the common records, each once
   */
  public static <T> RddNode<T> intersection(RddNode<T> node, RddNode<T> other) {
    RddNode<Tuple2<T, Boolean>> left = asKeys(node);
    RddNode<Tuple2<T, Boolean>> right = asKeys(other);
    // Placed as the records of neither side are: a partitioner of a side's keys says nothing of whole records.
    Partitioner partitioner = PairOperations.defaultPartitioner(left, right);
    RddNode<Tuple2<T, Tuple2<Iterable<Boolean>, Iterable<Boolean>>>> grouped =
        PairOperations.cogroup(left, right, partitioner);
    return new NarrowOperation<Tuple2<T, Tuple2<Iterable<Boolean>, Iterable<Boolean>>>, T>("intersection",
        (p, groups) -> Iterators.map(Iterators.filter(groups,
            g -> g._2()._1().iterator().hasNext() && g._2()._2().iterator().hasNext()), Tuple2::_1), false)
        .on(grouped);
  }

  /**
   * {@code cartesian}: every pair of a record of {@code node} and one of {@code other}. Narrow: partition
   * {@code (i, j)} pairs partition {@code i} of one with partition {@code j} of the other.
   *
   * @param node the left side
   * @param other the right side
   * @param <T> the left record type
   * @param <U> the right record type
   * @return the pairs
   * @throws IllegalArgumentException if the product of the partition counts does not fit in an int
   */
  public static <T, U> RddNode<Tuple2<T, U>> cartesian(RddNode<T> node, RddNode<U> other) {
    return new CartesianRddNode<>(node, other);
  }

  private static <T> RddNode<Tuple2<T, Boolean>> asKeys(RddNode<T> node) {
    return NarrowOperation.<T, T, Boolean>mapToPair(x -> new Tuple2<>(x, Boolean.TRUE)).on(node);
  }
}
