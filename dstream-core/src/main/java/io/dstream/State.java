package io.dstream;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The state of one key, as the mapping function of {@link PairDStream#mapWithState} sees it: read it with
 * {@link #exists()} and {@link #get()}, change it with {@link #update(Object)} or {@link #remove()}. What
 * the function leaves here is what the next batch's call for the same key finds. The counterpart of Spark's
 * {@code State}.
 *
 * <pre>{@code
 * // A running count per word: the previous count (0 for a new word) plus this record's 1.
 * Function3<String, Optional<Integer>, State<Long>, Tuple2<String, Long>> count = (word, one, state) -> {
 *   long sum = one.orElse(0) + state.getOption().orElse(0L);
 *   state.update(sum);
 *   return new Tuple2<>(word, sum);
 * };
 * }</pre>
 *
 * <p>When the {@link StateSpec#timeout(Duration) timeout} of a key's state has passed without data for the
 * key, the function is called once more for it, with no value and {@link #isTimingOut()} true; the state is
 * removed after that call and cannot be updated or removed in it.
 *
 * <p>Treat state objects as values: give {@link #update(Object)} a new object rather than changing the one
 * {@link #get()} returned, since earlier batches' state may still be read (by {@code stateSnapshots()}, or by
 * a retried task).
 *
 * @param <S> the state type
 */
public interface State<S> {

  /**
   * Tells whether the key has a state.
   *
   * @return true if a state exists (including one set by {@link #update(Object)} in this call); false for a
   *     new key or after {@link #remove()}
   */
  boolean exists();

  /**
   * Returns the key's state.
   *
   * @return the state
   * @throws NoSuchElementException if the key has no state; check {@link #exists()} first, or use
   *     {@link #getOption()}
   */
  S get();

  /**
   * Returns the key's state, if it has one.
   *
   * @return the state, or empty if there is none (or it is null)
   */
  default Optional<S> getOption() {
    return exists() ? Optional.ofNullable(get()) : Optional.empty();
  }

  /**
   * Sets the key's state, which the next batch will find.
   *
   * @param newState the new state
   * @throws IllegalStateException if the state is timing out, or was removed in this call
   */
  void update(S newState);

  /**
   * Removes the key's state: the next batch finds no state for the key.
   *
   * @throws IllegalStateException if the state is timing out (it is removed anyway), or was already removed
   *     in this call
   */
  void remove();

  /**
   * Tells whether this call is the last one for the key because its state timed out: no data came for it
   * for longer than the {@link StateSpec#timeout(Duration) timeout}. The value is then empty.
   *
   * @return true when timing out
   */
  boolean isTimingOut();
}
