package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.Tuple3;
import io.dstream.Tuple4;
import io.dstream.rdd.Partitioner;
import java.util.List;

/**
 * {@code cogroup} of a pair node with two or three others: for each key present in any of them, the list of
 * its values in each. The one-other cogroup, which the joins are built on, is {@link PairOperations#cogroup}.
 * Every side already partitioned by the target partitioner is read without a shuffle.
 */
public final class PairCoGroups {
  private PairCoGroups() {}

  /**
   * Cogroups three nodes.
   *
   * @param node the first pairs
   * @param other1 the second pairs
   * @param other2 the third pairs
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the first value type
   * @param <W1> the second value type
   * @param <W2> the third value type
   * @return one record per key
   */
  @SuppressWarnings("unchecked")
  public static <K, V, W1, W2> RddNode<Tuple2<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>>> cogroup(
      RddNode<Tuple2<K, V>> node, RddNode<Tuple2<K, W1>> other1, RddNode<Tuple2<K, W2>> other2,
      Partitioner partitioner) {
    RddNode<Tuple2<K, List<List<Object>>>> grouped =
        new CoGroupedRddNode<>(node.engine(), List.of(node, other1, other2), partitioner);
    return NarrowOperation.<K, List<List<Object>>, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>>mapValues(
        lists -> new Tuple3<>((Iterable<V>) (List<?>) lists.get(0), (Iterable<W1>) (List<?>) lists.get(1),
            (Iterable<W2>) (List<?>) lists.get(2))).on(grouped);
  }

  /**
   * Cogroups four nodes.
   *
   * @param node the first pairs
   * @param other1 the second pairs
   * @param other2 the third pairs
   * @param other3 the fourth pairs
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the first value type
   * @param <W1> the second value type
   * @param <W2> the third value type
   * @param <W3> the fourth value type
   * @return one record per key
   */
  @SuppressWarnings("unchecked")
  public static <K, V, W1, W2, W3> RddNode<Tuple2<K, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>>>
      cogroup(RddNode<Tuple2<K, V>> node, RddNode<Tuple2<K, W1>> other1, RddNode<Tuple2<K, W2>> other2,
          RddNode<Tuple2<K, W3>> other3, Partitioner partitioner) {
    RddNode<Tuple2<K, List<List<Object>>>> grouped =
        new CoGroupedRddNode<>(node.engine(), List.of(node, other1, other2, other3), partitioner);
    return NarrowOperation
        .<K, List<List<Object>>, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>>mapValues(
            lists -> new Tuple4<>((Iterable<V>) (List<?>) lists.get(0), (Iterable<W1>) (List<?>) lists.get(1),
                (Iterable<W2>) (List<?>) lists.get(2), (Iterable<W3>) (List<?>) lists.get(3)))
        .on(grouped);
  }
}
