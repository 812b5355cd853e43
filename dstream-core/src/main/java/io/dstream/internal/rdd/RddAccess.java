package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.RDD;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets the engine turn nodes into public {@link RDD}s and back, without a public constructor or accessor on
 * {@code RDD} that users would see: the JDK's "shared secrets" pattern. The bridge does nothing but wrap and
 * unwrap, and the engine uses it only at the user's edge, where a user function receives or returns an RDD
 * (the stream facades' {@code UserRdds}). The {@code io.dstream.rdd} package installs it once, when
 * {@code RDD} is initialized; any other install is refused, so that no other code can replace it.
 */
public final class RddAccess {
  private static final String BRIDGE_CLASS = RDD.class.getPackageName() + ".RddBridge";
  private static final AtomicReference<Bridge> BRIDGE = new AtomicReference<>();

  /** The operations the public package provides: wrapping a node and unwrapping an RDD. */
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

  private RddAccess() {}

  /**
   * Installs the bridge; called once, by {@code io.dstream.rdd.RddBridge} when {@code RDD} is initialized,
   * with an instance of itself.
   *
   * @param installed the bridge
   * @throws IllegalStateException if the caller or the bridge is not {@code io.dstream.rdd.RddBridge}, or a
   *     bridge is installed already
   */
  public static void install(Bridge installed) {
    Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
    Class<?> bridgeClass = installed == null ? null : installed.getClass();
    if (caller != bridgeClass || !caller.getName().equals(BRIDGE_CLASS)
        || caller.getClassLoader() != RDD.class.getClassLoader()) {
      throw new IllegalStateException("RddAccess.install was called by " + caller.getName() + " with "
          + (bridgeClass == null ? "null" : "a " + bridgeClass.getName()) + "; only " + BRIDGE_CLASS
          + " installs the bridge, with itself, when RDD is initialized; use RddAccess.rdd and RddAccess.node "
          + "to wrap and unwrap");
    }
    if (!BRIDGE.compareAndSet(null, installed)) {
      throw new IllegalStateException("the RDD bridge is installed already: it is installed once, when "
          + RDD.class.getName() + " is initialized, and cannot be replaced");
    }
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
    Bridge current = BRIDGE.get();
    if (current == null) {
      try {
        Class.forName(RDD.class.getName(), true, RddAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("dstream's RDD class is missing from the class path", e);
      }
      current = BRIDGE.get();
    }
    return current;
  }
}
