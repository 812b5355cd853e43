package io.dstream.internal;

import io.dstream.DStreamLike;
import io.dstream.InputDStream;
import io.dstream.PairDStream;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.internal.stream.InputStreamNode;
import io.dstream.internal.stream.StreamNode;

/**
 * Lets the test kit follow the batches of a {@link StreamingContext} ({@link BatchProgress}), and source modules
 * (dstream-kafka, dstream-ml) build streams on its engine, without a public accessor that users would see.
 * {@code StreamingContext} installs the bridge when it is initialized; no one else can.
 */
public final class ContextAccess {
  private static volatile Bridge bridge;

  /** What {@code StreamingContext} provides: its runtime, and the public stream of an input node. */
  public interface Bridge {
    /**
     * Returns a context's runtime.
     *
     * @param context the context
     * @return its runtime
     */
    StreamingRuntime runtime(StreamingContext context);

    /**
     * Wraps an input node, already registered with the context's graph, as the public stream.
     *
     * @param context the context
     * @param node the node
     * @param <T> the record type
     * @return the stream
     */
    <T> InputDStream<T> inputStream(StreamingContext context, InputStreamNode<T> node);

    /**
     * Wraps a node of key-value records, already registered with the context's graph, as the public stream.
     *
     * @param context the context
     * @param node the node
     * @param <K> the key type
     * @param <V> the value type
     * @return the stream
     */
    <K, V> PairDStream<K, V> pairStream(StreamingContext context, StreamNode<Tuple2<K, V>> node);

    /**
     * Returns the node a public stream is a facade over.
     *
     * @param stream the stream
     * @param <T> the record type
     * @return its node
     */
    <T> StreamNode<T> node(DStreamLike<T, ?, ?> stream);
  }

  private ContextAccess() {}

  /**
   * Installs the bridge; called once, by {@code StreamingContext}'s static initializer.
   *
   * @param installed the bridge
   * @throws IllegalStateException if a bridge is installed already
   */
  public static synchronized void install(Bridge installed) {
    if (bridge != null) {
      throw new IllegalStateException("the context bridge is installed already, by StreamingContext; it cannot "
          + "be replaced");
    }
    bridge = installed;
  }

  /**
   * Returns the batch progress of a context.
   *
   * @param context the context (its class is initialized, so the bridge is installed)
   * @return its batch progress
   */
  public static BatchProgress batches(StreamingContext context) {
    return bridge.runtime(context);
  }

  /**
   * Returns the runtime of a context: its graph, engine and configuration, for a module that defines a source.
   *
   * @param context the context
   * @return its runtime
   */
  public static StreamingRuntime runtime(StreamingContext context) {
    return bridge.runtime(context);
  }

  /**
   * Wraps an input node as the public stream of a context.
   *
   * @param context the context whose graph the node was created in
   * @param node the node
   * @param <T> the record type
   * @return the stream
   */
  public static <T> InputDStream<T> inputStream(StreamingContext context, InputStreamNode<T> node) {
    return bridge.inputStream(context, node);
  }

  /**
   * Wraps a node of key-value records as the public stream of a context.
   *
   * @param context the context whose graph the node was created in
   * @param node the node
   * @param <K> the key type
   * @param <V> the value type
   * @return the stream
   */
  public static <K, V> PairDStream<K, V> pairStream(StreamingContext context, StreamNode<Tuple2<K, V>> node) {
    return bridge.pairStream(context, node);
  }

  /**
   * Returns the node a public stream is a facade over, for a module that builds a stream node on it (dstream-ml's
   * training streams).
   *
   * @param stream the stream
   * @param <T> the record type
   * @return its node
   */
  public static <T> StreamNode<T> node(DStreamLike<T, ?, ?> stream) {
    return bridge.node(stream);
  }
}
