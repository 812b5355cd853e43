package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.RDD;

/**
 * Lets engine packages turn nodes into public {@link RDD}s and back, without a public constructor or
 * accessor on {@code RDD} that users would see. The {@code io.dstream.rdd} package installs the bridge
 * when {@code RDD} is initialized (the JDK's "shared secrets" pattern).
 */
public final class RddAccess {
  /** The operations the public package provides. */
  public interface Bridge {
    /**
     * Wraps a node.
     *
     * @param node the node
     * @param <T> the record type
     * @return the public RDD
     */
    <T> RDD<T> rdd(RddNode<T> node);

    /**
     * Wraps a node of pairs.
     *
     * @param node the node
     * @param <K> the key type
     * @param <V> the value type
     * @return the public pair RDD
     */
    <K, V> PairRDD<K, V> pairRdd(RddNode<Tuple2<K, V>> node);

    /**
     * Unwraps an RDD.
     *
     * @param rdd the public RDD
     * @param <T> the record type
     * @return its node
     */
    <T> RddNode<T> node(RDD<T> rdd);
  }

  private static volatile Bridge bridge;

  private RddAccess() {}

  /**
   * Installs the bridge; called once by {@code RDD}'s static initializer.
   *
   * @param installed the bridge
   */
  public static void install(Bridge installed) {
    bridge = installed;
  }

  /**
   * Wraps a node.
   *
   * @param node the node
   * @param <T> the record type
   * @return the public RDD
   */
  public static <T> RDD<T> rdd(RddNode<T> node) {
    return bridge().rdd(node);
  }

  /**
   * Wraps a node of pairs.
   *
   * @param node the node
   * @param <K> the key type
   * @param <V> the value type
   * @return the public pair RDD
   */
  public static <K, V> PairRDD<K, V> pairRdd(RddNode<Tuple2<K, V>> node) {
    return bridge().pairRdd(node);
  }

  /**
   * Unwraps an RDD.
   *
   * @param rdd the public RDD
   * @param <T> the record type
   * @return its node
   */
  public static <T> RddNode<T> node(RDD<T> rdd) {
    return bridge().node(rdd);
  }

  private static Bridge bridge() {
    Bridge current = bridge;
    if (current == null) {
      try {
        Class.forName(RDD.class.getName(), true, RddAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("dstream's RDD class is missing from the class path", e);
      }
      current = bridge;
    }
    return current;
  }
}
