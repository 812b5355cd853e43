package io.dstream.internal.state;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The state of one partition of a {@code mapWithState} stream, kept as a stack of layers so that a batch
 * derives its map from the previous batch's cheaply: {@link #nextLayer()} puts an empty layer over the
 * previous map, the batch writes its changes (updates, and tombstones for removals) into that layer only,
 * and the previous map stays exactly as it was. A batch therefore costs work in proportion to the keys it
 * touches, each lookup probing at most {@link #depth()} layers. Every checkpoint interval the stack is
 * {@link #compacted() compacted} into one layer, which costs one pass over the keys and bounds the depth.
 *
 * <p>Because earlier maps are never changed, a retried task starts again from the same previous state, and
 * a reader of an earlier batch's state ({@code stateSnapshots()}) sees that batch's state.
 *
 * <p>Not thread-safe for writing: a layer is written only by the task that computes its partition of its
 * batch, and read after that task has completed (the job's completion publishes it).
 *
 * @param <K> the key type
 * @param <S> the state type
 */
public final class StateMap<K, S> {
  /** A tombstone: the key was removed in this layer, whatever older layers hold. */
  private static final Object REMOVED = new Object();

  private final StateMap<K, S> parent;
  private final HashMap<K, Object> layer;
  private final int depth;
  private final StateMapWork work;

  private StateMap(StateMap<K, S> parent, HashMap<K, Object> layer, StateMapWork work) {
    this.parent = parent;
    this.layer = layer;
    this.depth = parent == null ? 1 : parent.depth + 1;
    this.work = work;
  }

  /**
   * Returns an empty map of one layer.
   *
   * @param work where the map and the maps derived from it count their work
   * @param <K> the key type
   * @param <S> the state type
   * @return the map
   */
  public static <K, S> StateMap<K, S> empty(StateMapWork work) {
    return new StateMap<>(null, new HashMap<>(), work);
  }

  /**
   * Returns the map of the next batch: a new, empty layer over this map, which stays unchanged. O(1).
   *
   * @return the new map
   */
  public StateMap<K, S> nextLayer() {
    return new StateMap<>(this, new HashMap<>(), work);
  }

  /**
   * Returns a map of one layer with the same entries, without tombstones; this map stays unchanged.
   * O(keys): done once per checkpoint interval.
   *
   * @return the compacted map
   */
  public StateMap<K, S> compacted() {
    // Sized for every layer's entries, so that the copy never rehashes.
    HashMap<K, Object> all = new HashMap<>((int) Math.min(Integer.MAX_VALUE, layeredSize() * 4L / 3 + 1));
    forEach(all::put);
    work.copied(all.size());
    return new StateMap<>(null, all, work);
  }

  private long layeredSize() {
    long size = 0;
    for (StateMap<K, S> map = this; map != null; map = map.parent) {
      size += map.layer.size();
    }
    return size;
  }

  /**
   * Returns the number of layers: 1 after a compaction, one more for each batch since.
   *
   * @return the depth
   */
  public int depth() {
    return depth;
  }

  /**
   * Returns a key's entry: from the newest layer that mentions the key.
   *
   * @param key the key
   * @return the entry, or null if the key has no state
   */
  @SuppressWarnings("unchecked")
  public StateEntry<S> get(K key) {
    int probes = 0;
    for (StateMap<K, S> map = this; map != null; map = map.parent) {
      probes++;
      Object found = map.layer.get(key);
      if (found != null) {
        work.probed(probes);
        return found == REMOVED ? null : (StateEntry<S>) found;
      }
    }
    work.probed(probes);
    return null;
  }

  /**
   * Sets a key's state in this map's own layer.
   *
   * @param key the key
   * @param state the state
   * @param updateTime the batch time, in milliseconds
   */
  public void put(K key, S state, long updateTime) {
    layer.put(key, new StateEntry<>(state, updateTime));
    work.wrote();
  }

  /**
   * Removes a key's state: a tombstone in this map's own layer hides what older layers hold.
   *
   * @param key the key
   */
  public void remove(K key) {
    if (parent == null) {
      layer.remove(key);
    } else {
      layer.put(key, REMOVED);
    }
    work.wrote();
  }

  /**
   * Calls an action for every key that has state, once, with its newest entry. O(keys x depth); the
   * action must not change this map.
   *
   * @param action receives each key and entry
   */
  public void forEach(BiConsumer<K, StateEntry<S>> action) {
    work.scanned(visit(action));
  }

  /**
   * Counts the keys that have state. O(keys x depth), and not counted as work: it is what a monitor reads,
   * not what a batch costs.
   *
   * @return the number of keys
   */
  public long size() {
    long[] keys = new long[1];
    visit((key, entry) -> keys[0]++);
    return keys[0];
  }

  /** Calls the action for every key's newest entry; returns how many layer entries it looked at. */
  @SuppressWarnings("unchecked")
  private long visit(BiConsumer<K, StateEntry<S>> action) {
    long visited = 0;
    for (StateMap<K, S> map = this; map != null; map = map.parent) {
      for (Map.Entry<K, Object> entry : map.layer.entrySet()) {
        visited++;
        if (entry.getValue() != REMOVED && !shadowed(entry.getKey(), map)) {
          action.accept(entry.getKey(), (StateEntry<S>) entry.getValue());
        }
      }
    }
    return visited;
  }

  /** Tells whether a layer newer than {@code owner} mentions the key, so that owner's entry is out of date. */
  private boolean shadowed(K key, StateMap<K, S> owner) {
    for (StateMap<K, S> map = this; map != owner; map = map.parent) {
      if (map.layer.containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "StateMap(" + depth + " layers, " + layer.size() + " entries in the newest)";
  }
}
