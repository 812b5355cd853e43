package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.internal.rdd.Iterators;
import io.dstream.internal.rdd.MapPartitionsRddNode;
import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.state.MapWithStateStep;
import io.dstream.internal.state.StateInputs;
import io.dstream.internal.state.StateMap;
import io.dstream.internal.state.StateMapWork;
import io.dstream.internal.state.StateMappingFunction;
import io.dstream.internal.state.StatePartition;
import io.dstream.internal.state.StateSnapshot;
import io.dstream.internal.state.StateStep;
import io.dstream.rdd.Partitioner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;

/**
 * The internal stream of {@code mapWithState}: each batch's RDD has one record per partition, a
 * {@link StatePartition} holding the partition's state after the batch (a layered {@link StateMap}) and the
 * records the mapping function returned. The user sees two streams derived from it: the mapped records
 * ({@link #mappedStream()}) and the state itself ({@link #snapshotStream()}).
 *
 * <p>A batch calls the mapping function only for its new records (and, with a timeout, for the keys timing
 * out), and derives each partition's map from the previous batch's in O(1), so it costs work in proportion
 * to the keys it touches; at checkpoint times the maps are compacted. Checkpoints and snapshots are
 * {@link StatefulStreamNode}'s.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 * @param <T> the mapped record type
 */
public final class MapWithStateStreamNode<K, V, S, T> extends StatefulStreamNode<K, V, StatePartition<K, S, T>> {
  private final StateMappingFunction<K, V, S, T> function;
  private final RddNode<Tuple2<K, S>> initialState;
  private final Duration timeout;
  private volatile StateMapWork work = StateMapWork.NONE;

  /**
   * Creates the stream.
   *
   * @param parent the stream of new records
   * @param environment the context's engine, checkpoint directory and serializer
   * @param definedAt where the user defined it, for messages
   * @param function the mapping function
   * @param partitioner the state's partitioner
   * @param initialState the state before the first batch, or null for none
   * @param timeout how long a key may stay idle before its state is removed, or null for ever
   * @throws IllegalStateException if the context has already started
   */
  public MapWithStateStreamNode(StreamNode<Tuple2<K, V>> parent, StateEnvironment environment, String definedAt,
      StateMappingFunction<K, V, S, T> function, Partitioner partitioner, RddNode<Tuple2<K, S>> initialState,
      Duration timeout) {
    super(parent, environment, definedAt, partitioner);
    this.function = function;
    this.initialState = initialState;
    this.timeout = timeout;
  }

  /**
   * Returns the stream of the records the mapping function returned, batch by batch.
   *
   * @return a new stream over this one
   * @throws IllegalStateException if the context has already started
   */
  public StreamNode<T> mappedStream() {
    return new NarrowStreamNode<>(this, new NarrowOperation<StatePartition<K, S, T>, T>("mapWithState",
        (partition, records) -> Iterators.flatMap(records, p -> p.mapped().iterator()), false));
  }

  /**
   * Returns the stream of the whole state after each batch: one record {@code (key, state)} per key,
   * partitioned by the state's partitioner.
   *
   * @return a new stream over this one
   * @throws IllegalStateException if the context has already started
   */
  public StreamNode<Tuple2<K, S>> snapshotStream() {
    return new NarrowStreamNode<>(this, new NarrowOperation<StatePartition<K, S, T>, Tuple2<K, S>>("stateSnapshots",
        (partition, records) -> entries(records).iterator(), true));
  }

  private static <K, S, T> List<Tuple2<K, S>> entries(Iterator<StatePartition<K, S, T>> records) {
    List<Tuple2<K, S>> entries = new ArrayList<>();
    records.forEachRemaining(
        p -> p.stateMap().forEach((key, entry) -> entries.add(new Tuple2<>(key, entry.state()))));
    return entries;
  }

  /**
   * Reports the work done on this stream's state maps from its next batch on to a counter, instead of
   * {@link StateMapWork#NONE}: for tests that check what a batch costs.
   *
   * @param counter where the state maps report their work
   */
  public void countWorkIn(StateMapWork counter) {
    work = Objects.requireNonNull(counter, "counter");
  }

  @Override
  protected StateStep<StatePartition<K, S, T>> stateStep(Time time, RddNode<StatePartition<K, S, T>> previous,
      RddNode<Tuple2<K, V>> newData) {
    StateInputs<StatePartition<K, S, T>, K, V> inputs = new StateInputs<>(previous, newData, partitioner());
    Long timeoutThreshold = timeout == null ? null : time.minus(timeout).milliseconds();
    return new MapWithStateStep<>(inputs, function, time, timeoutThreshold, isCheckpointTime(time), work,
        writesChangelog());
  }

  @Override
  protected RddNode<StatePartition<K, S, T>> initialState(Time firstBatch) {
    if (initialState == null) {
      return null;
    }
    long updateTime = firstBatch.milliseconds();
    return new MapPartitionsRddNode<>(PairOperations.partitionBy(initialState, partitioner()), "initialState",
        (partition, records) -> {
          StateMap<K, S> map = StateMap.empty(work);
          records.forEachRemaining(record -> map.put(record._1(), record._2(), updateTime));
          return List.of(new StatePartition<K, S, T>(map, List.of())).iterator();
        }, true);
  }

  @Override
  protected StateSnapshot.Partition snapshotOf(Iterator<StatePartition<K, S, T>> records) {
    List<Object> keys = new ArrayList<>();
    List<Object> states = new ArrayList<>();
    LongStream.Builder times = LongStream.builder();
    records.forEachRemaining(p -> p.stateMap().forEach((key, entry) -> {
      keys.add(key);
      states.add(entry.state());
      times.add(entry.updateTime());
    }));
    return new StateSnapshot.Partition(keys.toArray(), states.toArray(), times.build().toArray());
  }

  @Override
  @SuppressWarnings("unchecked")
  protected List<StatePartition<K, S, T>> recordsOf(StateSnapshot.Partition partition) {
    StateMap<K, S> map = StateMap.empty(work);
    for (int i = 0; i < partition.keys().length; i++) {
      map.put((K) partition.keys()[i], (S) partition.states()[i], partition.updateTimes()[i]);
    }
    List<StatePartition<K, S, T>> records = new ArrayList<>(1);
    records.add(new StatePartition<>(map, List.of()));
    return records;
  }

  @Override
  protected long keysIn(RddNode<StatePartition<K, S, T>> state) {
    long keys = 0;
    for (int partition = 0; partition < state.numPartitions(); partition++) {
      for (Iterator<StatePartition<K, S, T>> records = state.iterator(partition); records.hasNext(); ) {
        keys += records.next().stateMap().size();
      }
    }
    return keys;
  }

  @Override
  protected boolean hasInitialState() {
    return initialState != null;
  }

  @Override
  public String operationName() {
    return "mapWithState";
  }

  /**
   * Its timeout, which decides which keys of the restored state are removed, and when. The mapping function
   * is code, the initial state data, the partitioner tuning.
   */
  @Override
  public Map<String, String> parameters() {
    return Map.of("timeout", timeout == null ? "none" : timeout.toString());
  }
}
