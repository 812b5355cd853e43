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
  private final BiFunction<Object, Object, Object> mergeValueRemapper;
  private final BiFunction<Object, Object, Object> mergeCombinersRemapper;

  private Aggregator(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, boolean createIsIdentity) {
    this.createCombiner = createCombiner;
    this.mergeValue = mergeValue;
    this.mergeCombiners = mergeCombiners;
    this.createIsIdentity = createIsIdentity;
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
   * Merges one combiner into a map of combiners.
   *
   * @param combiners the map, keyed by K, holding combiners
   * @param key the key
   * @param combiner the combiner, as stored in another such map (possibly the null marker)
   */
  public void addCombiner(HashMap<Object, Object> combiners, Object key, Object combiner) {
    combiners.merge(key, combiner, mergeCombinersRemapper);
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
    return stored == NULL ? null : (C) stored;
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
