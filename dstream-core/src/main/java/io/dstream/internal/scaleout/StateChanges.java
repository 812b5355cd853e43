package io.dstream.internal.scaleout;

import io.dstream.internal.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one partition's state changed in one batch: the keys with a new or changed state, and the keys whose
 * state was removed.
 *
 * @param changed the keys with a new or changed state, with the state (and update time, where there is one)
 * @param removed the keys whose state was removed
 */
public record StateChanges(StateSnapshot.Partition changed, Object[] removed) {
  /**
   * Compares a partition's state before and after a batch. A key is unchanged if its state is the same object
   * as before, or an equal one, with the same update time where there is one; but a state that is the same
   * object although its key brought new values counts as changed, since it may have been updated in place
   * (and so does any same object when the new keys are not known).
   *
   * @param before the state before the batch
   * @param after the state after the batch
   * @param keysWithNewValues the keys that brought new values in the batch, or null if not known
   * @return the changes
   */
  public static StateChanges between(StateSnapshot.Partition before, StateSnapshot.Partition after,
      Set<?> keysWithNewValues) {
    boolean timed = after.updateTimes().length > 0;
    Map<Object, Integer> earlier = new HashMap<>(before.keys().length * 2);
    for (int i = 0; i < before.keys().length; i++) {
      earlier.put(before.keys()[i], i);
    }
    List<Object> keys = new ArrayList<>();
    List<Object> states = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < after.keys().length; i++) {
      Object key = after.keys()[i];
      Integer was = earlier.remove(key);
      boolean unchanged = was != null
          && (timed ? after.updateTimes()[i] == before.updateTimes()[was]
              : sameState(after.states()[i], before.states()[was], key, keysWithNewValues));
      if (!unchanged) {
        keys.add(key);
        states.add(after.states()[i]);
        if (timed) {
          times.add(after.updateTimes()[i]);
        }
      }
    }
    long[] updateTimes = times.stream().mapToLong(Long::longValue).toArray();
    return new StateChanges(new StateSnapshot.Partition(keys.toArray(), states.toArray(), updateTimes),
        earlier.keySet().toArray());
  }

  private static boolean sameState(Object now, Object before, Object key, Set<?> keysWithNewValues) {
    if (now == before) {
      return keysWithNewValues != null && !keysWithNewValues.contains(key);
    }
    return Objects.equals(now, before);
  }

  /**
   * Tells whether nothing changed.
   *
   * @return true if no key changed and none was removed
   */
  public boolean isEmpty() {
    return changed.keys().length == 0 && removed.length == 0;
  }
}
