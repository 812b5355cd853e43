package io.dstream;

import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.rdd.RddNode;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.RDD;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's edge of the engine for the stream facades: the engine works in {@link RddNode}s, and a batch
 * becomes a public {@link RDD} only here, where a user function receives one ({@code transform},
 * {@code foreachRDD}, {@code slice}), and a node again where a user function returns one.
 */
final class UserRdds {
  private UserRdds() {}

  static <T> RDD<T> wrap(RddNode<T> node) {
    return RddAccess.rdd(node);
  }

  static <K, V> PairRDD<K, V> wrapPair(RddNode<Tuple2<K, V>> node) {
    return RddAccess.pairRdd(node);
  }

  /** Returns the nodes of the RDDs a user function returned or gave; null stays null. */
  static <T> RddNode<T> unwrap(RDD<T> rdd) {
    return rdd == null ? null : RddAccess.node(rdd);
  }

  static List<RDD<?>> wrapAll(List<RddNode<?>> nodes) {
    List<RDD<?>> rdds = new ArrayList<>(nodes.size());
    nodes.forEach(node -> rdds.add(wrap(node)));
    return rdds;
  }

  @SuppressWarnings("unchecked")
  static <T> RddNode<T> cast(RddNode<?> node) {
    return (RddNode<T>) node;
  }
}
