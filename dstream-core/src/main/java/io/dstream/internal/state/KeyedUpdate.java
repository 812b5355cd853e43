package io.dstream.internal.state;

import io.dstream.Time;
import java.util.List;
import java.util.Optional;

/**
 * What one key's state becomes in a batch of a state kept by key ({@link UpdateStateStep}): the user's
 * {@code updateStateByKey} function, or the engine's own rules for a state such as a scale-out window's
 * ({@link KeyWindowRules}).
 *
 * @param <K> the key type
 * @param <V> the value type of the batch's records
 * @param <S> the state type
 */
@FunctionalInterface
public interface KeyedUpdate<K, V, S> {
  /**
   * Returns a key's new state. Returning the previous state object itself says that it did not change, unless
   * the key brought values (the state may have been changed in place).
   *
   * @param batch the batch time
   * @param key the key
   * @param values the key's values in the batch, a list the callee may keep; empty if it has none
   * @param previous the key's state before the batch, empty for a new key
   * @return the new state, or empty to remove the key's state; never null
   * @throws Exception whatever a user function called throws
   */
  Optional<S> update(Time batch, K key, List<V> values, Optional<S> previous) throws Exception;
}
