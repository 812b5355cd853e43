package io.dstream;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.internal.stream.MapWithStateStreamNode;

/**
 * The stream {@link PairDStream#mapWithState} returns: each batch holds the records the mapping function
 * returned for that batch's records (and for keys timing out). The state itself is available as a stream
 * too, with {@link #stateSnapshots()}. The counterpart of Spark's {@code JavaMapWithStateDStream}.
 *
 * <pre>{@code
 * MapWithStateDStream<String, Integer, Long, Tuple2<String, Long>> running = pairs.mapWithState(spec);
 * running.print();                       // the keys of each batch with their new running counts
 * running.stateSnapshots().print();      // every key's running count, after each batch
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 * @param <T> the mapped record type
 */
public final class MapWithStateDStream<K, V, S, T> extends DStream<T> {
  private final MapWithStateStreamNode<K, V, S, T> stateNode;

  MapWithStateDStream(StreamingContext ssc, MapWithStateStreamNode<K, V, S, T> stateNode) {
    super(ssc, stateNode.mappedStream());
    this.stateNode = stateNode;
  }

  /**
   * Returns the whole state after each batch: one record {@code (key, state)} per key that has state,
   * partitioned like the state. Each batch of it reads every key, so it costs work in proportion to the
   * state's size, unlike the mapped stream.
   *
   * <pre>{@code
   * running.stateSnapshots().foreachRDD(rdd -> System.out.println(rdd.count() + " keys in the state"));
   * }</pre>
   *
   * @return the stream of the state
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, S> stateSnapshots() {
    return new PairDStream<>(ssc, stateNode.snapshotStream());
  }

  /**
   * Sets how often the state is checkpointed: at every multiple of the interval after the start, the layers
   * of the state are compacted, and after the batch a snapshot of the state is written to the checkpoint
   * directory. By default, every smallest multiple of the slide duration that is at least 10 seconds.
   *
   * <pre>{@code
   * running.checkpoint(Durations.seconds(30));
   * }</pre>
   *
   * @param interval the checkpoint interval, a positive multiple of the slide duration
   * @return this stream
   * @throws IllegalArgumentException if the interval is not a positive multiple of the slide duration
   * @throws IllegalStateException if the context has already started
   */
  @Override
  public MapWithStateDStream<K, V, S, T> checkpoint(Duration interval) {
    Arguments.requireNonNull(interval, "interval");
    stateNode.checkpoint(interval);
    return this;
  }

  /**
   * Names this stream, and the internal stream that holds its state {@code name + ".state"}: the state's
   * snapshots in the checkpoint directory, and recovery ({@link StreamingContext#getOrCreate}), then go by
   * that name rather than by creation order. Name stateful streams of a pipeline that may change between
   * runs.
   *
   * <pre>{@code
   * MapWithStateDStream<String, Integer, Long, Tuple2<String, Long>> sessions =
   *     events.mapWithState(spec).name("sessions");    // its state is "sessions.state"
   * }</pre>
   *
   * @param name starts with a letter, then letters, digits, '.', '_' or '-'; unique within the context, and
   *     so is {@code name + ".state"}
   * @return this stream
   * @throws IllegalArgumentException if a name is malformed or another stream of the context has it
   * @throws IllegalStateException if the context has already started
   */
  @Override
  public MapWithStateDStream<K, V, S, T> name(String name) {
    Arguments.requireNonNull(name, "name");
    stateNode.name(name + ".state");
    super.name(name);
    return this;
  }

  /** Returns the internal stream that holds the state, for tests and recovery. */
  MapWithStateStreamNode<K, V, S, T> stateNode() {
    return stateNode;
  }
}
