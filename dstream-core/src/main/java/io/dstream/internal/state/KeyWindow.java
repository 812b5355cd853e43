package io.dstream.internal.state;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * One key's state in a window kept by key ({@link KeyWindowRules}): the key's combined values of each batch
 * still in (or just leaving) the window, and, for a window with an inverse function, the key's value in the
 * latest window result it was part of. Immutable: an update makes a new one, so an unchanged key keeps its
 * object and writes nothing to a changelog.
 *
 * @param <C> the type of the combined values
 */
public final class KeyWindow<C> {
  private static final long NONE = Long.MIN_VALUE;
  private static final KeyWindow<?> EMPTY = new KeyWindow<>(new long[0], new Object[0], null, NONE);

  private final long[] times;
  private final Object[] partials;
  private final Object result;
  private final long resultTime;

  private KeyWindow(long[] times, Object[] partials, Object result, long resultTime) {
    this.times = times;
    this.partials = partials;
    this.result = resultTime == NONE ? null : result;
    this.resultTime = resultTime;
  }

  /** Returns the state of a key not seen before. */
  @SuppressWarnings("unchecked")
  static <C> KeyWindow<C> empty() {
    return (KeyWindow<C>) EMPTY;
  }

  /** Returns this state with one more batch's partial, the latest. */
  KeyWindow<C> plus(long time, C partial) {
    long[] moreTimes = Arrays.copyOf(times, times.length + 1);
    moreTimes[times.length] = time;
    Object[] morePartials = Arrays.copyOf(partials, partials.length + 1);
    morePartials[partials.length] = partial;
    return new KeyWindow<>(moreTimes, morePartials, result, resultTime);
  }

  /** Returns this state without the partials before index {@code first}. */
  KeyWindow<C> from(int first) {
    return new KeyWindow<>(Arrays.copyOfRange(times, first, times.length),
        Arrays.copyOfRange(partials, first, partials.length), result, resultTime);
  }

  /** Returns this state with a window value computed at {@code time}. */
  KeyWindow<C> withResult(C value, long time) {
    return new KeyWindow<>(times, partials, value, time);
  }

  /** Returns this state without a window value: itself if it has none. */
  KeyWindow<C> withoutResult() {
    return hasResult() ? new KeyWindow<>(times, partials, null, NONE) : this;
  }

  /** Returns the number of partials. */
  int size() {
    return times.length;
  }

  /** Returns the batch time of partial {@code i}. */
  long time(int i) {
    return times[i];
  }

  /** Returns the time of the window value, meaningful only if there is one. */
  long resultTime() {
    return resultTime;
  }

  boolean hasResult() {
    return resultTime != NONE;
  }

  @SuppressWarnings("unchecked")
  C result() {
    return (C) result;
  }

  @SuppressWarnings("unchecked")
  C partial(int i) {
    return (C) partials[i];
  }

  /** Shows the partials as {@code time=value} and the result, as in {@code [1000=2, 2000=1] result 3@2000}. */
  @Override
  public String toString() {
    StringJoiner shown = new StringJoiner(", ", "[", "]");
    for (int i = 0; i < times.length; i++) {
      shown.add(times[i] + "=" + partials[i]);
    }
    return shown + (hasResult() ? " result " + result + "@" + resultTime : "");
  }
}
