package io.dstream;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** What the state tests share: an in-memory checkpoint directory and plain-Java models of running state. */
final class StateTestSupport {
  private StateTestSupport() {}

  /** Gives the context a checkpoint directory in a fresh in-memory namespace, and returns the namespace. */
  static InMemoryFileSystem checkpointInMemory(TestStreamingContext t) {
    InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();
    t.context().checkpoint(fs.toUri("/checkpoints").toString());
    return fs;
  }

  /**
   * Runs a per-key state over batches in plain Java: for every key with state or values in a batch, the
   * state becomes {@code update(values, previous)} (previous null for none; a null result removes the key).
   * Returns the state after each batch, keys sorted.
   */
  static <K extends Comparable<K>, V, S> List<Map<K, S>> runningState(List<List<Tuple2<K, V>>> batches,
      Map<K, S> initial, BiFunction<List<V>, S, S> update) {
    List<Map<K, S>> states = new ArrayList<>();
    Map<K, S> state = new TreeMap<>(initial);
    for (List<Tuple2<K, V>> batch : batches) {
      Map<K, List<V>> values = TestData.groupByKey(batch);
      Map<K, S> next = new TreeMap<>();
      for (K key : union(state, values)) {
        S updated = update.apply(values.getOrDefault(key, List.of()), state.get(key));
        if (updated != null) {
          next.put(key, updated);
        }
      }
      state = next;
      states.add(new TreeMap<>(state));
    }
    return states;
  }

  private static <K extends Comparable<K>> List<K> union(Map<K, ?> a, Map<K, ?> b) {
    TreeMap<K, Boolean> keys = new TreeMap<>();
    a.keySet().forEach(k -> keys.put(k, true));
    b.keySet().forEach(k -> keys.put(k, true));
    return new ArrayList<>(keys.keySet());
  }

  /** Sums a key's values onto its previous sum. */
  static Integer sum(List<Integer> values, Integer previous) {
    int sum = previous == null ? 0 : previous;
    for (int v : values) {
      sum += v;
    }
    return sum;
  }
}
