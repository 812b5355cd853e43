package io.dstream.internal.state;

/**
 * How one partition's state changed in one batch: the keys with a new or changed state, and the keys whose
 * state was removed.
 *
 * @param changed the keys with a new or changed state, with the state (and update time, where there is one)
 * @param removed the keys whose state was removed
 */
public record StateChanges(StateSnapshot.Partition changed, Object[] removed) {
  /**
   * Tells whether nothing changed.
   *
   * @return true if no key changed and none was removed
   */
  public boolean isEmpty() {
    return changed.keys().length == 0 && removed.length == 0;
  }
}
