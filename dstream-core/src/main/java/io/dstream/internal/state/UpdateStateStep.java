package io.dstream.internal.state;

import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.internal.rdd.Dependency;
import java.util.ArrayList;
import java.util.HashMap;
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
 * <p>The new values are grouped in a hash map; the previous state is streamed through once, so the batch
 * holds the new state, the previous one and the new data, nothing more. A key whose state did not change
 * (the function returned the same object) keeps its previous record rather than a copy.
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
    Map<K, List<V>> newValues = new HashMap<>();
    for (Iterator<Tuple2<K, V>> records = inputs.newData(partition); records.hasNext(); ) {
      Tuple2<K, V> record = records.next();
      newValues.computeIfAbsent(record._1(), key -> new ArrayList<>(1)).add(record._2());
    }
    ChangeRecorder recorder = changes == null ? null : new ChangeRecorder();
    List<Tuple2<K, S>> state = new ArrayList<>();
    for (Iterator<Tuple2<K, S>> previous = inputs.previous(partition); previous.hasNext(); ) {
      Tuple2<K, S> record = previous.next();
      List<V> values = newValues.remove(record._1());
      Optional<S> updated = update(record._1(), values == null ? List.of() : values,
          Optional.ofNullable(record._2()));
      if (updated.isPresent()) {
        state.add(updated.get() == record._2() ? record : new Tuple2<>(record._1(), updated.get()));
      }
      if (recorder != null) {
        recorder.updated(record._1(), true, record._2(), updated, values != null);
      }
    }
    for (Map.Entry<K, List<V>> entry : newValues.entrySet()) {
      Optional<S> created = update(entry.getKey(), entry.getValue(), Optional.empty());
      created.ifPresent(newState -> state.add(new Tuple2<>(entry.getKey(), newState)));
      if (recorder != null) {
        recorder.updated(entry.getKey(), false, null, created, true);
      }
    }
    if (recorder != null) {
      changes.put(partition, recorder.changes());
    }
    return state;
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
