package io.dstream.rdd;

import io.dstream.Tuple2;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.rdd.RddNode;

/** The package's side of {@link RddAccess}: wraps and unwraps nodes for the engine. */
final class RddBridge implements RddAccess.Bridge {
  private RddBridge() {}

  static void install() {
    RddAccess.install(new RddBridge());
  }

  @Override
  public <T> RDD<T> rdd(RddNode<T> node) {
    return node.userRdd(new RDD<>(node));
  }

  @Override
  public <K, V> PairRDD<K, V> pairRdd(RddNode<Tuple2<K, V>> node) {
    return new PairRDD<>(node);
  }

  @Override
  public <T> RddNode<T> node(RDD<T> rdd) {
    return rdd.node;
  }
}
