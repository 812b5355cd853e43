package io.dstream.internal.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one partition's state changed in one batch: the keys with a new or changed state, and the keys whose
 * state was removed.
 *
 * @param changed the keys with a new or changed state, with the state (and update time, where there is one)
 * @param removed the keys whose state was removed
 */
public record StateChanges(StateSnapshot.Partition changed, Object[] removed) {
  /**
   * Compares a partition's state before and after a batch. Where states have update times ({@code mapWithState},
   * which sets one whenever a state is updated), a key is unchanged if its update time is; otherwise a key is
   * unchanged if its state is an equal but other object: the same object may have been updated in place.
   *
   * @param before the state before the batch
   * @param after the state after the batch
   * @return the changes
   */
  public static StateChanges between(StateSnapshot.Partition before, StateSnapshot.Partition after) {
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
              : after.states()[i] != before.states()[was]
                  && Objects.equals(after.states()[i], before.states()[was]));
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

  /**
   * Tells whether nothing changed.
   *
   * @return true if no key changed and none was removed
   */
  public boolean isEmpty() {
    return changed.keys().length == 0 && removed.length == 0;
  }
}
