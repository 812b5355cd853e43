package io.dstream.internal.state;

import io.dstream.State;
import java.util.NoSuchElementException;

/**
 * The {@link State} handed to a {@code mapWithState} function: one instance per task, pointed at each key
 * in turn, recording what the function did to the key's state.
 *
 * @param <S> the state type
 */
final class StateHolder<S> implements State<S> {
  private Object key;
  private S state;
  private boolean defined;
  private boolean updated;
  private boolean removed;
  private boolean timingOut;

  /** Points the holder at a key and its current entry (null if it has none). */
  void wrap(Object key, StateEntry<S> entry) {
    this.key = key;
    this.state = entry == null ? null : entry.state();
    this.defined = entry != null;
    this.updated = false;
    this.removed = false;
    this.timingOut = false;
  }

  /** Points the holder at a key whose state is timing out. */
  void wrapTimingOut(Object key, S timingOutState) {
    wrap(key, null);
    this.state = timingOutState;
    this.defined = true;
    this.timingOut = true;
  }

  boolean isUpdated() {
    return updated;
  }

  boolean isRemoved() {
    return removed;
  }

  @Override
  public boolean exists() {
    return defined;
  }

  @Override
  public S get() {
    if (!defined) {
      throw new NoSuchElementException("the key " + key + " has no state" + (removed ? " (it was removed in this "
          + "call)" : "") + "; check state.exists() before state.get(), or use state.getOption()");
    }
    return state;
  }

  @Override
  public void update(S newState) {
    if (timingOut) {
      throw new IllegalStateException("cannot update the state of the key " + key + ": it is timing out and is "
          + "removed after this call; check state.isTimingOut() first");
    }
    if (removed) {
      throw new IllegalStateException("cannot update the state of the key " + key + " after removing it in the "
          + "same call");
    }
    state = newState;
    defined = true;
    updated = true;
  }

  @Override
  public void remove() {
    if (timingOut) {
      throw new IllegalStateException("cannot remove the state of the key " + key + ": it is timing out and is "
          + "removed after this call anyway; check state.isTimingOut() first");
    }
    if (removed) {
      throw new IllegalStateException("the state of the key " + key + " was already removed in this call");
    }
    state = null;
    defined = false;
    updated = false;
    removed = true;
  }

  @Override
  public boolean isTimingOut() {
    return timingOut;
  }

  @Override
  public String toString() {
    return defined ? "State(" + state + ")" : "State(<none>)";
  }
}
