package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.function.Function;
import io.dstream.internal.rdd.Iterators;
import io.dstream.internal.rdd.MapPartitionsRddNode;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.scaleout.PartitionScope;
import io.dstream.internal.state.KeyWindow;
import io.dstream.internal.state.KeyWindowRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A by-key window of a scale-out application ({@code reduceByKeyAndWindow}, {@code groupByKeyAndWindow}): kept
 * as a state per key, updated every batch ({@link KeyWindowRules}), so that the window lives in the partitions
 * of the topic its keys came through and moves with them, through the state's changelog, like the state of
 * {@code updateStateByKey}. At each slide time, this stream's RDD is every key's window value, partitioned as
 * the state is.
 *
 * <p>A single-JVM application keeps its windows as the batches' RDDs instead ({@link WindowedStreamNode},
 * {@link ReducedWindowedStreamNode}): a partition that moves to another instance would leave those behind.
 * The slide grid of a scale-out application counts from time 0 (see {@link StreamNode#initialize}), so that
 * every instance ends its windows at the same times.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <C> the type of the window's values
 */
public final class KeyedWindowStreamNode<K, V, C> extends StreamNode<Tuple2<K, C>> {
  private final StreamNode<Tuple2<K, V>> parent;
  private final WindowSpec spec;
  private final String operation;
  private final KeyWindowRules<K, V, C> rules;
  private final StateByKeyStreamNode<K, V, KeyWindow<C>> windows;

  /**
   * Creates the window and the state it keeps.
   *
   * @param parent the stream of records, which must carry a {@link PartitionScope} when the context starts
   * @param spec the window's durations, checked against the parent
   * @param environment the context's engine, checkpoint directory and serializer
   * @param definedAt where the user defined it, for messages
   * @param operation the operation's name
   * @param combining how values become the window's values
   * @param filter which keys of a window with an inverse function stay, or null to keep all
   * @throws IllegalStateException if the context has already started
   */
  public KeyedWindowStreamNode(StreamNode<Tuple2<K, V>> parent, WindowSpec spec, StateEnvironment environment,
      String definedAt, String operation, KeyWindowRules.Combining<V, C> combining,
      Function<Tuple2<K, C>, Boolean> filter) {
    super(parent.graph());
    this.parent = parent;
    this.spec = spec;
    this.operation = operation;
    this.rules = new KeyWindowRules<>(spec.window(), this::isTimeValid, combining, filter);
    this.windows = new StateByKeyStreamNode<>(parent, environment, definedAt, operation, rules, null, null);
    // Named as the window the user defined, so that naming it names the changelog, as for updateStateByKey.
    windows.nameChangelogAfter(this);
  }

  @Override
  public Duration slideDuration() {
    return spec.slide();
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return List.of(windows);
  }

  /**
   * The parent's if the window slides by one batch: its values stay in the partitions of their keys. A window
   * that slides further carries none: a state downstream would learn of the partitions' moves only at the
   * window's slide times, and miss those in between.
   */
  @Override
  public Optional<PartitionScope> partitionScope() {
    return spec.slide().equals(parent.slideDuration()) ? parent.partitionScope() : Optional.empty();
  }

  /** One batch: each window is computed from the state of its own batch alone. */
  @Override
  protected Duration parentRememberDuration() {
    return parent.slideDuration();
  }

  @Override
  protected RddNode<Tuple2<K, C>> compute(Time time) throws Exception {
    RddNode<Tuple2<K, KeyWindow<C>>> state = windows.getOrCompute(time);
    if (state == null) {
      return null;
    }
    return new MapPartitionsRddNode<>(state, operation, (partition, records) -> Iterators.filter(
        Iterators.map(records, record -> rules.resultOf(record._1(), record._2())), Objects::nonNull), true);
  }

  @Override
  public String operationName() {
    return operation;
  }

  /** Its durations: see {@link WindowSpec#parameters()}. */
  @Override
  public Map<String, String> parameters() {
    return spec.parameters();
  }
}
