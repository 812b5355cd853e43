package io.dstream.internal.state;

import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.internal.rdd.Dependency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One batch of {@code mapWithState} on one partition: the mapping function is called for each new record,
 * in order, with its key's state, then (if a timeout is set) once for each key idle for longer than the
 * timeout, which is then removed.
 *
 * <p>The partition's state is the previous batch's {@link StateMap} with a new layer over it (or, at a
 * checkpoint time, a compacted copy), so a batch costs work in proportion to the records it brings, not to
 * the keys in the state. With a timeout, finding the idle keys costs a scan of the state.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 * @param <T> the mapped record type
 */
public final class MapWithStateStep<K, V, S, T> implements StateStep<StatePartition<K, S, T>> {
  /** Marks a removed key among the touched ones. */
  private static final Object REMOVED = new Object();

  private final StateInputs<StatePartition<K, S, T>, K, V> inputs;
  private final StateMappingFunction<K, V, S, T> function;
  private final Time time;
  private final Long timeoutThreshold;
  private final boolean compact;
  private final StateMapWork work;
  // Filled only if asked for: how each computed partition changed, until taken.
  private final Map<Integer, StateChanges> changes;

  /**
   * Creates the step of one batch.
   *
   * @param inputs the previous batch's partitions and the batch's new records
   * @param function the mapping function
   * @param time the batch time
   * @param timeoutThreshold keys last updated before this time (ms) time out; null without a timeout
   * @param compact whether to compact the state's layers in this batch (at checkpoint times)
   * @param work where the state maps count their work
   * @param recordChanges whether to record how each partition changed (see {@link #changes})
   */
  public MapWithStateStep(StateInputs<StatePartition<K, S, T>, K, V> inputs, StateMappingFunction<K, V, S, T> function,
      Time time, Long timeoutThreshold, boolean compact, StateMapWork work, boolean recordChanges) {
    this.inputs = inputs;
    this.function = function;
    this.time = time;
    this.timeoutThreshold = timeoutThreshold;
    this.compact = compact;
    this.work = work;
    this.changes = recordChanges ? new ConcurrentHashMap<>() : null;
  }

  @Override
  public List<Dependency> dependencies() {
    return inputs.dependencies();
  }

  @Override
  public List<StatePartition<K, S, T>> compute(int partition) throws Exception {
    StateMap<K, S> state = nextState(partition);
    List<T> mapped = new ArrayList<>();
    StateHolder<S> holder = new StateHolder<>();
    long now = time.milliseconds();
    // The last state of each key the batch touched, REMOVED for a removed one: the partition's changes.
    Map<K, Object> touched = changes == null ? null : new LinkedHashMap<>();
    for (Iterator<Tuple2<K, V>> records = inputs.newData(partition); records.hasNext(); ) {
      Tuple2<K, V> record = records.next();
      K key = record._1();
      StateEntry<S> entry = state.get(key);
      holder.wrap(key, entry);
      function.apply(time, key, Optional.ofNullable(record._2()), holder, mapped);
      if (holder.isRemoved()) {
        state.remove(key);
        note(touched, key, REMOVED);
      } else if (holder.isUpdated()) {
        state.put(key, holder.get(), now);
        note(touched, key, holder.get());
      } else if (entry != null && timeoutThreshold != null) {
        // Data for the key keeps it alive even if the function left its state alone.
        state.put(key, entry.state(), now);
        note(touched, key, entry.state());
      }
    }
    if (timeoutThreshold != null) {
      timeOutIdleKeys(state, holder, mapped, touched);
    }
    if (touched != null) {
      changes.put(partition, changesOf(touched, now));
    }
    return List.of(new StatePartition<>(state, mapped));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The keys whose state the batch set (with the batch time as their update time), and those it removed or
   * timed out.
   */
  @Override
  public StateChanges changes(int partition) {
    return changes == null ? null : changes.remove(partition);
  }

  private static <K> void note(Map<K, Object> touched, K key, Object stateOrRemoved) {
    if (touched != null) {
      touched.put(key, stateOrRemoved);
    }
  }

  private static <K> StateChanges changesOf(Map<K, Object> touched, long updateTime) {
    List<Object> keys = new ArrayList<>();
    List<Object> states = new ArrayList<>();
    List<Object> removed = new ArrayList<>();
    touched.forEach((key, last) -> {
      if (last == REMOVED) {
        removed.add(key);
      } else {
        keys.add(key);
        states.add(last);
      }
    });
    long[] times = new long[keys.size()];
    Arrays.fill(times, updateTime);
    return new StateChanges(new StateSnapshot.Partition(keys.toArray(), states.toArray(), times),
        removed.toArray());
  }

  private StateMap<K, S> nextState(int partition) {
    Iterator<StatePartition<K, S, T>> previous = inputs.previous(partition);
    if (!previous.hasNext()) {
      return StateMap.empty(work);
    }
    StateMap<K, S> previousState = previous.next().stateMap();
    return compact ? previousState.compacted() : previousState.nextLayer();
  }

  private void timeOutIdleKeys(StateMap<K, S> state, StateHolder<S> holder, List<T> mapped,
      Map<K, Object> touched) throws Exception {
    List<Tuple2<K, S>> idle = new ArrayList<>();
    state.forEach((key, entry) -> {
      if (entry.updateTime() < timeoutThreshold) {
        idle.add(new Tuple2<>(key, entry.state()));
      }
    });
    for (Tuple2<K, S> timingOut : idle) {
      holder.wrapTimingOut(timingOut._1(), timingOut._2());
      function.apply(time, timingOut._1(), Optional.empty(), holder, mapped);
      state.remove(timingOut._1());
      note(touched, timingOut._1(), REMOVED);
    }
  }
}
