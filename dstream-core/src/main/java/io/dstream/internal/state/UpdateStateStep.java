package io.dstream.internal.state;

import io.dstream.Tuple2;
import io.dstream.function.Function2;
import io.dstream.internal.rdd.Dependency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One batch of {@code updateStateByKey} on one partition: the update function is called for every key that
 * has state or new values, with the key's new values (an empty list for none) and its previous state
 * (empty for a new key); a key whose function returns {@code Optional.empty()} leaves the state.
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
  private final Function2<List<V>, Optional<S>, Optional<S>> updateFunction;
  // Filled only if asked for: the keys with new values of each computed partition.
  private final Map<Integer, Set<K>> keysWithNewValues;

  /**
   * Creates the step.
   *
   * @param inputs the previous state (records of key and state) and the batch's new records
   * @param updateFunction the user's update function
   * @param recordKeysWithNewValues whether to record each partition's keys with new values (see
   *     {@link #keysWithNewValues})
   */
  public UpdateStateStep(StateInputs<Tuple2<K, S>, K, V> inputs,
      Function2<List<V>, Optional<S>, Optional<S>> updateFunction, boolean recordKeysWithNewValues) {
    this.inputs = inputs;
    this.updateFunction = updateFunction;
    this.keysWithNewValues = recordKeysWithNewValues ? new ConcurrentHashMap<>() : null;
  }

  @Override
  public Set<?> keysWithNewValues(int partition) {
    return keysWithNewValues == null ? null : keysWithNewValues.get(partition);
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
    if (keysWithNewValues != null) {
      keysWithNewValues.put(partition, new HashSet<>(newValues.keySet()));
    }
    List<Tuple2<K, S>> state = new ArrayList<>();
    for (Iterator<Tuple2<K, S>> previous = inputs.previous(partition); previous.hasNext(); ) {
      Tuple2<K, S> record = previous.next();
      List<V> values = newValues.remove(record._1());
      Optional<S> updated = update(record._1(), values == null ? List.of() : values,
          Optional.ofNullable(record._2()));
      if (updated.isPresent()) {
        state.add(updated.get() == record._2() ? record : new Tuple2<>(record._1(), updated.get()));
      }
    }
    for (Map.Entry<K, List<V>> entry : newValues.entrySet()) {
      update(entry.getKey(), entry.getValue(), Optional.empty())
          .ifPresent(newState -> state.add(new Tuple2<>(entry.getKey(), newState)));
    }
    return state;
  }

  private Optional<S> update(K key, List<V> values, Optional<S> previous) throws Exception {
    Optional<S> updated = updateFunction.call(values, previous);
    if (updated == null) {
      throw new IllegalStateException("the updateStateByKey function returned null for the key " + key
          + "; return Optional.empty() to remove the key's state");
    }
    return updated;
  }
}
