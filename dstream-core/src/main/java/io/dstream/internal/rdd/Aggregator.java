package io.dstream.internal.rdd;

import io.dstream.function.Function;
import io.dstream.function.Function2;
import io.dstream.Tuple2;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The three functions of a by-key combine ({@code combineByKey} and everything built on it), and the
 * per-record work of folding values into a hash map of combiners.
 *
 * <p>Maps of combiners store {@code null} combiners as a private marker, because {@link HashMap#merge}
 * treats null as absent. When {@code createCombiner} is the identity (reduceByKey), a value is folded with
 * one hash lookup through {@code merge}.
 *
 * <p>The functions of {@code combineByKey} and {@code aggregateByKey} may modify and return their first
 * argument, as in Spark. Map outputs are kept and read again (by later jobs, by a retried task), so a
 * combiner kept in a map output is never passed to {@code mergeCombiners} as the argument it may modify:
 * when a second combiner of the same key arrives, the first is copied and the copy is merged.
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
  private final boolean mayMutateCombiners;
  private final BiFunction<Object, Object, Object> mergeValueRemapper;
  private final BiFunction<Object, Object, Object> mergeCombinersRemapper;

  private Aggregator(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, boolean createIsIdentity) {
    this.createCombiner = createCombiner;
    this.mergeValue = mergeValue;
    this.mergeCombiners = mergeCombiners;
    this.createIsIdentity = createIsIdentity;
    // A reduce function must not mutate its arguments (they are the records themselves); combiners made by
    // createCombiner may be.
    this.mayMutateCombiners = !createIsIdentity;
    this.mergeValueRemapper = remapper(mergeValue);
    this.mergeCombinersRemapper = remapper(mergeCombiners);
  }

  /**
   * Returns an aggregator from the three combine functions.
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of the same key
   * @param <K> the key type
   * @param <V> the value type
   * @param <C> the combiner type
   * @return the aggregator
   */
  public static <K, V, C> Aggregator<K, V, C> of(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners) {
    return new Aggregator<>(createCombiner, mergeValue, mergeCombiners, false);
  }

  /**
   * Returns the aggregator of a reduce: the combiner is the value itself.
   *
   * @param reduce an associative and commutative function
   * @param <K> the key type
   * @param <V> the value type
   * @return the aggregator
   */
  public static <K, V> Aggregator<K, V, V> reducing(Function2<V, V, V> reduce) {
    return new Aggregator<>(v -> v, reduce, reduce, true);
  }

  /**
   * Folds one value into a map of combiners.
   *
   * @param combiners the map, keyed by K, holding combiners (see {@link #unwrap})
   * @param key the key
   * @param value the value
   * @throws RuntimeException whatever the user functions throw, checked ones wrapped in
   *     {@link UserCodeException}
   */
  public void addValue(HashMap<Object, Object> combiners, K key, V value) {
    if (createIsIdentity) {
      combiners.merge(key, wrap(value), mergeValueRemapper);
      return;
    }
    try {
      Object current = combiners.get(key);
      C next = current == null ? createCombiner.call(value) : mergeValue.call(unwrap(current), value);
      combiners.put(key, wrap(next));
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
  }

  /**
   * Merges a combiner taken from a kept map output into a map of combiners, without ever modifying it: when
   * the key already has a combiner, and the functions may mutate combiners, the one kept in the map output
   * is copied (deep copy, see {@link ZeroValues#copy}) before it becomes {@code mergeCombiners}' first
   * argument.
   *
   * @param combiners the map, keyed by K, holding combiners
   * @param key the key
   * @param combiner the combiner, as stored in a map output (possibly the null marker); not modified
   * @throws RuntimeException whatever {@code mergeCombiners} throws, checked exceptions wrapped in
   *     {@link UserCodeException}
   */
  public void addCombiner(HashMap<Object, Object> combiners, Object key, Object combiner) {
    if (!mayMutateCombiners) {
      combiners.merge(key, combiner, mergeCombinersRemapper);
      return;
    }
    Object current = combiners.get(key);
    if (current == null) {
      combiners.put(key, new Borrowed(combiner));
      return;
    }
    try {
      C mine = current instanceof Borrowed ? ZeroValues.copy(unwrap(current)) : unwrap(current);
      C theirs = unwrap(combiner);
      C merged = mergeCombiners.call(mine, theirs);
      // A merge may return its second argument, which still belongs to the map output.
      combiners.put(key, merged == theirs && merged != null ? new Borrowed(combiner) : wrap(merged));
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
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
    Object value = stored instanceof Borrowed borrowed ? borrowed.stored() : stored;
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
  public static <K, C> Iterator<Tuple2<K, C>> records(HashMap<Object, Object> combiners) {
    Iterator<Map.Entry<Object, Object>> entries = combiners.entrySet().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      @SuppressWarnings("unchecked")
      public Tuple2<K, C> next() {
        Map.Entry<Object, Object> e = entries.next();
        return new Tuple2<>((K) e.getKey(), unwrap(e.getValue()));
      }
    };
  }

  /** A combiner that belongs to a kept map output: read it, never modify it. */
  private record Borrowed(Object stored) {}

  private static Object wrap(Object value) {
    return value == null ? NULL : value;
  }

  @SuppressWarnings("unchecked")
  private static <A, B> BiFunction<Object, Object, Object> remapper(Function2<A, B, A> f) {
    return (current, next) -> {
      try {
        return wrap(f.call(unwrap(current), (B) unwrap(next)));
      } catch (Exception e) {
        throw UserCodeException.wrap(e);
      }
    };
  }
}
