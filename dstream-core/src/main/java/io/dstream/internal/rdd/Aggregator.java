package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.function.Function2;
import io.dstream.function.Function;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * The three functions of a by-key combine ({@code combineByKey} and everything built on it), and the
 * per-record work of folding values into a {@link CombineMap} of combiners.
 *
 * <p><b>Ownership.</b> Merge functions may modify and return their first argument, as Spark allows for
 * combine, aggregate and fold functions (and as users often do in reduce functions). But records are passed
 * by reference and map outputs are kept and read again (by a second action, a second output operation, a
 * retried task), so a combiner that came from a record or from a kept map output is <em>borrowed</em>: it
 * is copied before it becomes a merge function's first argument, and only when a second value of its key
 * arrives. A combiner a merge function returned is owned by the map holding it. Values of immutable classes
 * (boxed numbers, strings) need no protection and are never copied, so a word count pays nothing for this.
 *
 * <p>Maps of combiners ({@link CombineMap}) store {@code null} combiners as a private marker, and borrowed
 * ones wrapped; {@link #unwrap} turns stored values back into combiners.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <C> the combiner type
 */
public final class Aggregator<K, V, C> {
  private static final Object NULL = new Object();

  private final Function<V, C> createCombiner;
  private final Function2<C, V, C> mergeValue;
  private final Function2<C, C, C> mergeCombiners;
  private final boolean createIsIdentity;
  private final UnaryOperator<Object> copier;

  private Aggregator(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, boolean createIsIdentity, UnaryOperator<Object> copier) {
    this.createCombiner = createCombiner;
    this.mergeValue = mergeValue;
    this.mergeCombiners = mergeCombiners;
    this.createIsIdentity = createIsIdentity;
    this.copier = copier;
  }

  /**
   * Returns an aggregator from the three combine functions; borrowed combiners are deep-copied
   * ({@link ValueCopier}) before a merge may modify them.
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner; may modify and return its first argument
   * @param mergeCombiners merges two combiners of the same key; may modify and return its first argument
   * @param copier the context's copier of borrowed combiners
   * @param <K> the key type
   * @param <V> the value type
   * @param <C> the combiner type
   * @return the aggregator
   */
  public static <K, V, C> Aggregator<K, V, C> of(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, ValueCopier copier) {
    return new Aggregator<>(createCombiner, mergeValue, mergeCombiners, false, copier::copy);
  }

  /**
   * Returns the aggregator of a reduce: the combiner is the value itself.
   *
   * @param reduce an associative and commutative function; may modify and return its first argument
   * @param copier the context's copier of borrowed combiners
   * @param <K> the key type
   * @param <V> the value type
   * @return the aggregator
   */
  public static <K, V> Aggregator<K, V, V> reducing(Function2<V, V, V> reduce, ValueCopier copier) {
    return new Aggregator<>(v -> v, reduce, reduce, true, copier::copy);
  }

  /**
   * Returns the aggregator of {@code groupByKey}: each key's values in a list. The lists are the engine's
   * own, so a borrowed one is copied shallowly (the values themselves are never modified).
   *
   * @param <K> the key type
   * @param <V> the value type
   * @return the aggregator
   */
  public static <K, V> Aggregator<K, V, List<V>> grouping() {
    Function<V, List<V>> create = v -> {
      List<V> list = new ArrayList<>();
      list.add(v);
      return list;
    };
    Function2<List<V>, V, List<V>> add = (list, v) -> {
      list.add(v);
      return list;
    };
    Function2<List<V>, List<V>, List<V>> addAll = (a, b) -> {
      a.addAll(b);
      return a;
    };
    return new Aggregator<>(create, add, addAll, false, list -> new ArrayList<>((List<?>) list));
  }

  /**
   * Folds one value (from a record, hence borrowed) into a map of combiners.
   *
   * @param combiners the map, keyed by K, holding combiners (see {@link #unwrap})
   * @param key the key
   * @param value the value
   * @throws RuntimeException whatever the user functions throw, checked ones wrapped in
   *     {@link UserCodeException}
   */
  public void addValue(CombineMap combiners, K key, V value) {
    int slot = combiners.find(key);
    if (slot < 0) {
      C created;
      try {
        @SuppressWarnings("unchecked")
        C identity = createIsIdentity ? (C) value : createCombiner.call(value);
        created = identity;
      } catch (Exception e) {
        throw failure(e, "createCombiner", key, value);
      }
      combiners.insert(slot, key, created == value ? borrow(created) : wrap(created));
      return;
    }
    C combiner = own(combiners.valueAt(slot));
    try {
      combiners.setValueAt(slot, keep(mergeValue.call(combiner, value), value));
    } catch (Exception e) {
      throw failure(e, "mergeValue", key, combiner, value);
    }
  }

  /**
   * Merges a combiner taken from a kept map output into a map of combiners, never modifying it.
   *
   * @param combiners the map, keyed by K, holding combiners
   * @param key the key
   * @param stored the combiner as the map output stores it (possibly the null marker or borrowed)
   * @throws RuntimeException whatever {@code mergeCombiners} throws, checked exceptions wrapped in
   *     {@link UserCodeException}
   */
  public void addCombiner(CombineMap combiners, Object key, Object stored) {
    C second = unwrap(stored);
    int slot = combiners.find(key);
    if (slot < 0) {
      combiners.insert(slot, key, borrow(second));
      return;
    }
    C first = own(combiners.valueAt(slot));
    try {
      combiners.setValueAt(slot, keep(mergeCombiners.call(first, second), second));
    } catch (Exception e) {
      throw failure(e, "mergeCombiners", key, first, second);
    }
  }

  /**
   * What a failed merge function throws: its own exception, except for a NullPointerException on a null
   * argument (most often a null value reaching {@code Integer::sum}), which the user could not trace to a key
   * from the engine's stack alone: that one is wrapped in a message naming the function, the key and the
   * arguments.
   */
  private RuntimeException failure(Exception e, String function, Object key, Object... arguments) {
    if (!(e instanceof NullPointerException) || !Arrays.asList(arguments).contains(null)) {
      return UserCodeException.wrap(e);
    }
    String name = createIsIdentity ? "the reduce function" : "the " + function + " function";
    StringJoiner shown = new StringJoiner(", ", "(", ")");
    for (Object argument : arguments) {
      shown.add(abbreviate(argument));
    }
    return new IllegalArgumentException(name + " threw " + e + " for the key " + abbreviate(key)
        + " with a null argument " + shown + ": values are passed to it as they are, so filter out records with "
        + "null values first, or make the function accept null", e);
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }

  /**
   * Returns the combiner stored in a map of combiners, turning the null marker back into null.
   *
   * @param stored a value of such a map
   * @param <C> the combiner type
   * @return the combiner
   */
  @SuppressWarnings("unchecked")
  public static <C> C unwrap(Object stored) {
    Object value = stored instanceof Borrowed borrowed ? borrowed.value() : stored;
    return value == NULL ? null : (C) value;
  }

  /**
   * Returns the entries of a map of combiners as {@code (key, combiner)} records, created as they are read.
   *
   * @param combiners the map
   * @param <K> the key type
   * @param <C> the combiner type
   * @return the records
   */
  @SuppressWarnings("unchecked")
  public static <K, C> Iterator<Tuple2<K, C>> records(CombineMap combiners) {
    return combiners.entries((key, stored) -> new Tuple2<>((K) key, unwrap(stored)));
  }

  /** A combiner that belongs to a record or a kept map output: read it, never modify it. */
  private record Borrowed(Object value) {}

  /** Stores a value this map does not own: wrapped unless it cannot be modified anyway. */
  private static Object borrow(Object value) {
    return value == null ? NULL : ValueCopier.isImmutable(value) ? value : new Borrowed(value);
  }

  /** Returns a stored combiner that a merge function may modify: borrowed ones are copied first. */
  @SuppressWarnings("unchecked")
  private <T> T own(Object stored) {
    return stored instanceof Borrowed borrowed ? (T) copier.apply(borrowed.value()) : unwrap(stored);
  }

  /** Stores a merge result: still borrowed if the merge returned its borrowed second argument. */
  private static Object keep(Object merged, Object second) {
    return merged != null && merged == second ? borrow(second) : wrap(merged);
  }

  private static Object wrap(Object value) {
    return value == null ? NULL : value;
  }
}
