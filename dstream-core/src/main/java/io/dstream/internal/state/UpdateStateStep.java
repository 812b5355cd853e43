package io.dstream.internal.state;

import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.internal.rdd.Dependency;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One batch of a state kept by key on one partition ({@code updateStateByKey}, a scale-out window): the update
 * is called for every key that has state or new values, with the key's new values (an empty list for none)
 * and its previous state (empty for a new key); a key whose update returns {@code Optional.empty()} leaves
 * the state.
 *
 * <p>The partition's state is a {@link StateTable}: the previous batch's table is copied (not re-hashed), each
 * new record finds or adds its key's entry there, and the new values are grouped by entry in flat arrays
 * ({@link GroupedValues}), so the function gets each key's values as a list over a slice of one array; then one
 * sequential pass over the entries calls the function and sets the states in place. The batch holds the new
 * state, the previous one and the new data, nothing more.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 */
public final class UpdateStateStep<K, V, S> implements StateStep<Tuple2<K, S>> {
  private final StateInputs<Tuple2<K, S>, K, V> inputs;
  private final Time batch;
  private final KeyedUpdate<K, V, S> update;
  private final String operation;
  // Filled only if asked for: how each computed partition changed, until taken.
  private final Map<Integer, StateChanges> changes;

  /**
   * Creates the step.
   *
   * @param inputs the previous state (records of key and state) and the batch's new records
   * @param batch the batch time
   * @param update what each key's state becomes
   * @param operation the operation's name, for the message when the update returns null
   * @param recordChanges whether to record how each partition changed (see {@link #changes})
   */
  public UpdateStateStep(StateInputs<Tuple2<K, S>, K, V> inputs, Time batch, KeyedUpdate<K, V, S> update,
      String operation, boolean recordChanges) {
    this.inputs = inputs;
    this.batch = batch;
    this.update = update;
    this.operation = operation;
    this.changes = recordChanges ? new ConcurrentHashMap<>() : null;
  }

  /**
   * {@inheritDoc}
   *
   * <p>A key changed if its new state is not equal to its previous one, or is the same object while the key
   * brought values (the function may have updated it in place); a key whose function returned empty is
   * removed.
   */
  @Override
  public StateChanges changes(int partition) {
    return changes == null ? null : changes.remove(partition);
  }

  @Override
  public List<Dependency> dependencies() {
    return inputs.dependencies();
  }

  @Override
  public List<Tuple2<K, S>> compute(int partition) throws Exception {
    StateTable<K, S> state = previousState(partition);
    int previousKeys = state.size();
    GroupedValues<V> newValues = new GroupedValues<>(inputs.newDataCount(partition));
    for (Iterator<Tuple2<K, V>> records = inputs.newData(partition); records.hasNext(); ) {
      Tuple2<K, V> record = records.next();
      newValues.add(state.findOrAdd(record._1()), record._2());
    }
    newValues.group(state.size());
    ChangeRecorder recorder = changes == null ? null : new ChangeRecorder();
    BitSet removed = new BitSet();
    // Entries below previousKeys had state before the batch (null for a key of an initial state without one);
    // the others are the batch's new keys.
    for (int entry = 0; entry < state.size(); entry++) {
      K key = state.keyAt(entry);
      S previous = state.stateAt(entry);
      List<V> values = newValues.valuesOf(entry);
      Optional<S> updated = update(key, values, Optional.ofNullable(previous));
      if (updated.isPresent()) {
        state.setStateAt(entry, updated.get());
      } else {
        removed.set(entry);
      }
      if (recorder != null) {
        recorder.updated(key, entry < previousKeys, previous, updated, !values.isEmpty());
      }
    }
    state.removeEntries(removed);
    if (recorder != null) {
      changes.put(partition, recorder.changes());
    }
    return state.records();
  }

  /**
   * Returns a copy of the previous batch's table for this batch to change, or a table built from the previous
   * state's records (an initial state, a restored snapshot, the first batch).
   */
  private StateTable<K, S> previousState(int partition) {
    List<Tuple2<K, S>> kept = inputs.previousAsKept(partition);
    StateTable<K, S> table = kept == null ? null : StateTable.viewedBy(kept);
    if (table != null) {
      return table.copy();
    }
    StateTable<K, S> built = StateTable.withRoomFor(kept == null ? 0 : kept.size());
    for (Iterator<Tuple2<K, S>> records = kept == null ? inputs.previous(partition) : kept.iterator();
        records.hasNext(); ) {
      Tuple2<K, S> record = records.next();
      int keys = built.size();
      int entry = built.findOrAdd(record._1());
      // A key given twice (an initial state may hold duplicates) keeps its first state, as Spark's does.
      if (built.size() > keys) {
        built.setStateAt(entry, record._2());
      }
    }
    return built;
  }

  /** Collects one partition's changes while its state is computed. */
  private static final class ChangeRecorder {
    private final List<Object> keys = new ArrayList<>();
    private final List<Object> states = new ArrayList<>();
    private final List<Object> removed = new ArrayList<>();

    void updated(Object key, boolean existed, Object previous, Optional<?> updated, boolean hadValues) {
      if (updated.isEmpty()) {
        if (existed) {
          removed.add(key);
        }
        return;
      }
      Object now = updated.get();
      boolean unchanged = existed && (now == previous ? !hadValues : Objects.equals(now, previous));
      if (!unchanged) {
        keys.add(key);
        states.add(now);
      }
    }

    StateChanges changes() {
      return new StateChanges(new StateSnapshot.Partition(keys.toArray(), states.toArray(), new long[0]),
          removed.toArray());
    }
  }

  private Optional<S> update(K key, List<V> values, Optional<S> previous) throws Exception {
    Optional<S> updated = update.update(batch, key, values, previous);
    if (updated == null) {
      throw new IllegalStateException("the " + operation + " function returned null for the key " + key
          + "; return Optional.empty() to remove the key's state");
    }
    return updated;
  }
}
