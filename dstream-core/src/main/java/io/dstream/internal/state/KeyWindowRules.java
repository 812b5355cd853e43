package io.dstream.internal.state;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.function.Function;
import io.dstream.function.Function2;
import io.dstream.internal.rdd.ValueCopier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A by-key window kept as state per key ({@link KeyWindow}), as a scale-out application keeps it: every batch,
 * a key's values are combined into one partial value per batch, partials that can no longer be part of a window
 * are dropped, and at each of the window's slide times the key's window value is taken from them. The state
 * then moves with its partition, through the state's changelog, like any other state.
 *
 * <p>The window at slide time {@code t} covers the batches in {@code (t - window, t]}. Without an inverse
 * function a key's value is its partials merged, in batch order. With one, it is computed as
 * {@code reduceByKeyAndWindow} with an inverse function computes it in one JVM: the key's previous value, minus
 * the partials that left the window since, plus those that entered; a key stays (with a value such as a zero
 * count) until the filter function drops it; a key without a previous value is its partials in the window
 * merged. A key whose value neither lost nor gained a partial keeps its value and its state object, so it
 * writes nothing to the changelog.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <C> the type of the partials and of the window's values
 */
public final class KeyWindowRules<K, V, C> implements KeyedUpdate<K, V, KeyWindow<C>> {
  private final long window;
  private final Predicate<Time> isSlideTime;
  private final Combining<V, C> combining;
  private final Function<Tuple2<K, C>, Boolean> filter;

  /**
   * Creates the rules.
   *
   * @param window the window duration
   * @param isSlideTime whether a batch time ends a window (the window's stream's grid)
   * @param combining how values become partials and partials window values
   * @param filter which keys of a window with an inverse function stay, or null to keep all
   */
  public KeyWindowRules(Duration window, Predicate<Time> isSlideTime, Combining<V, C> combining,
      Function<Tuple2<K, C>, Boolean> filter) {
    this.window = window.milliseconds();
    this.isSlideTime = isSlideTime;
    this.combining = combining;
    this.filter = filter;
  }

  @Override
  public Optional<KeyWindow<C>> update(Time batch, K key, List<V> values, Optional<KeyWindow<C>> previous)
      throws Exception {
    long now = batch.milliseconds();
    KeyWindow<C> state = previous.orElseGet(KeyWindow::empty);
    if (!values.isEmpty()) {
      state = state.plus(now, combining.ofBatch.call(values));
    }
    if (combining.inverse != null && isSlideTime.test(batch)) {
      state = withResult(key, state, now);
    }
    return evict(state, now);
  }

  /** Computes a key's value at a slide time of a window with an inverse function. */
  private KeyWindow<C> withResult(K key, KeyWindow<C> state, long now) throws Exception {
    long windowStart = now - window;
    C value;
    if (state.hasResult()) {
      long last = state.resultTime();
      List<C> leaving = partialsIn(state, last - window, Math.min(last, windowStart));
      List<C> entering = partialsIn(state, Math.max(last, windowStart), now);
      if (leaving.isEmpty() && entering.isEmpty()) {
        return state;
      }
      value = combining.copy.apply(state.result());
      if (!leaving.isEmpty()) {
        value = combining.owned(combining.inverse.call(value, combining.argument(leaving)), leaving);
      }
      if (!entering.isEmpty()) {
        value = combining.owned(combining.merge.call(value, combining.argument(entering)), entering);
      }
    } else {
      List<C> inWindow = partialsIn(state, windowStart, now);
      if (inWindow.isEmpty()) {
        return state;
      }
      value = combining.merged(inWindow);
    }
    boolean kept = filter == null || filter.call(new Tuple2<>(key, value));
    return kept ? state.withResult(value, now) : state.withoutResult();
  }

  /**
   * Drops the partials no window can need any more: those at or before {@code now - window}, or, for a key
   * with a window value, those that had left the window when that value was computed.
   */
  private Optional<KeyWindow<C>> evict(KeyWindow<C> state, long now) {
    long keepAfter = (state.hasResult() ? state.resultTime() : now) - window;
    int first = 0;
    while (first < state.size() && state.time(first) <= keepAfter) {
      first++;
    }
    if (first == state.size() && !state.hasResult()) {
      return Optional.empty();
    }
    return Optional.of(first == 0 ? state : state.from(first));
  }

  /** Returns the partials of the batches in {@code (after, upTo]}, in batch order. */
  private List<C> partialsIn(KeyWindow<C> state, long after, long upTo) {
    List<C> in = new ArrayList<>();
    for (int i = 0; i < state.size(); i++) {
      if (state.time(i) > after && state.time(i) <= upTo) {
        in.add(state.partial(i));
      }
    }
    return in;
  }

  /**
   * Returns a key's record in the window result at a slide time, given its state at that time. The value is
   * the record's own: a function downstream that modifies it leaves the state as it was.
   *
   * @param key the key
   * @param state the key's state at the slide time
   * @return the record, or null if the key is not in the window's result
   * @throws Exception whatever the merge function throws
   */
  public Tuple2<K, C> resultOf(K key, KeyWindow<C> state) throws Exception {
    if (combining.inverse != null) {
      return state.hasResult() ? new Tuple2<>(key, combining.copy.apply(state.result())) : null;
    }
    return state.size() == 0 ? null
        : new Tuple2<>(key, combining.merged(partialsIn(state, Long.MIN_VALUE, Long.MAX_VALUE)));
  }

  /**
   * How a window combines values: into one partial per batch, partials into a window value, and, with an
   * inverse function, a value minus partials.
   *
   * @param <V> the value type
   * @param <C> the type of the partials and window values
   */
  public static final class Combining<V, C> {
    private final Function<List<V>, C> ofBatch;
    private final Function2<C, C, C> merge;
    private final UnaryOperator<C> copy;
    private final Function2<C, C, C> inverse;

    private Combining(Function<List<V>, C> ofBatch, Function2<C, C, C> merge, UnaryOperator<C> copy,
        Function2<C, C, C> inverse) {
      this.ofBatch = ofBatch;
      this.merge = merge;
      this.copy = copy;
      this.inverse = inverse;
    }

    /**
     * Returns the combining of {@code reduceByKeyAndWindow}: a partial is the batch's values reduced.
     *
     * @param reduce the reduce function; may modify and return its first argument, which is never a value
     *     the state keeps
     * @param inverse the inverse reduce function, or null for none
     * @param copier copies a kept value before it becomes a first argument
     * @param <V> the value type
     * @return the combining
     */
    public static <V> Combining<V, V> reducing(Function2<V, V, V> reduce, Function2<V, V, V> inverse,
        ValueCopier copier) {
      UnaryOperator<V> copy = copier::copy;
      // A batch's single value is kept as it is: a kept partial is never a merge's first argument uncopied.
      Function<List<V>, V> ofBatch = values -> values.size() == 1 ? values.get(0) : fold(values, reduce, copy);
      return new Combining<>(ofBatch, reduce, copy, inverse);
    }

    /**
     * Returns the combining of {@code groupByKeyAndWindow}: a partial is the batch's values as a list, and a
     * window value all the values of its batches, in batch order.
     *
     * @param <V> the value type
     * @return the combining
     */
    public static <V> Combining<V, List<V>> grouping() {
      Function2<List<V>, List<V>, List<V>> addAll = (all, more) -> {
        all.addAll(more);
        return all;
      };
      return new Combining<>(values -> values, addAll, ArrayList::new, null);
    }

    /** Merges values in order into a new value, leaving the values as they were. */
    C merged(List<C> values) throws Exception {
      return fold(values, merge, copy);
    }

    /** Merges values for use as a merge's second argument only: a single value is returned as it is. */
    C argument(List<C> values) throws Exception {
      return values.size() == 1 ? values.get(0) : merged(values);
    }

    /**
     * Returns a merge's result as a value of the caller's own: a copy if the merge returned the argument it was
     * given, which the caller does not own.
     */
    C owned(C result, List<C> arguments) {
      return arguments.size() == 1 && result == arguments.get(0) ? copy.apply(result) : result;
    }

    /**
     * Folds values in order with a merge that may modify and return its first argument, or return its second:
     * the first value is copied, and so is any value the merge returned as it was given.
     */
    private static <C> C fold(List<C> values, Function2<C, C, C> merge, UnaryOperator<C> copy) throws Exception {
      C merged = copy.apply(values.get(0));
      for (int i = 1; i < values.size(); i++) {
        C next = values.get(i);
        merged = merge.call(merged, next);
        if (merged == next) {
          merged = copy.apply(next);
        }
      }
      return merged;
    }
  }
}
