package io.dstream.internal.state;

import io.dstream.State;
import io.dstream.Time;
import java.util.List;
import java.util.Optional;

/**
 * The mapping function of {@code mapWithState}, in the one form the engine calls: both public forms
 * ({@code Function3} returning a record, {@code Function4} returning an optional record) adapt to it.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 * @param <T> the mapped record type
 */
@FunctionalInterface
public interface StateMappingFunction<K, V, S, T> {
  /**
   * Calls the user's function for one record (or one key timing out) and adds what it returns to the
   * batch's mapped records.
   *
   * @param time the batch time
   * @param key the key
   * @param value the record's value, or empty when the key is timing out
   * @param state the key's state, which the function may read and change
   * @param mapped where the function's result goes
   * @throws Exception whatever the user's function throws
   */
  void apply(Time time, K key, Optional<V> value, State<S> state, List<T> mapped) throws Exception;
}
