package io.dstream.rdd;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Reference computations in plain Java, which the shuffle tests compare the engine against. Null keys and
 * null values are allowed everywhere (which rules out {@code Map.merge} and {@code Collectors}).
 */
final class PlainJava {
  /** Orders values with nulls first, so groups of values compare regardless of order. */
  static final Comparator<Integer> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

  /** Adds two values, a null counting as nothing (the cast keeps the ternary from unboxing a null). */
  static final BinaryOperator<Integer> SUM_IGNORING_NULLS = (a, b) -> a == null ? b : b == null ? a : (Integer) (a + b);

  private PlainJava() {}

  /** Groups the values of each key, in input order. */
  static <K, V> Map<K, List<V>> groupByKey(Collection<Tuple2<K, V>> pairs) {
    Map<K, List<V>> groups = new HashMap<>();
    for (Tuple2<K, V> kv : pairs) {
      groups.computeIfAbsent(kv._1(), k -> new ArrayList<>()).add(kv._2());
    }
    return groups;
  }

  /** Reduces the values of each key in input order. */
  static <K, V> Map<K, V> reduceByKey(Collection<Tuple2<K, V>> pairs, BinaryOperator<V> f) {
    Map<K, V> reduced = new HashMap<>();
    for (Tuple2<K, V> kv : pairs) {
      reduced.put(kv._1(), reduced.containsKey(kv._1()) ? f.apply(reduced.get(kv._1()), kv._2()) : kv._2());
    }
    return reduced;
  }

  /** Inner join: every pair of values of a key present on both sides. */
  static <K, V, W> List<Tuple2<K, Tuple2<V, W>>> join(Collection<Tuple2<K, V>> left,
      Collection<Tuple2<K, W>> right) {
    Map<K, List<W>> rightGroups = groupByKey(right);
    List<Tuple2<K, Tuple2<V, W>>> out = new ArrayList<>();
    for (Tuple2<K, V> kv : left) {
      for (W w : rightGroups.getOrDefault(kv._1(), List.of())) {
        out.add(new Tuple2<>(kv._1(), new Tuple2<>(kv._2(), w)));
      }
    }
    return out;
  }

  /**
   * Full outer join; the left and right outer joins are its records with a present left or right value.
   * A null value is {@code Optional.empty()}, since an {@link Optional} cannot hold null.
   */
  static <K, V, W> List<Tuple2<K, Tuple2<Optional<V>, Optional<W>>>> fullOuterJoin(
      Collection<Tuple2<K, V>> left, Collection<Tuple2<K, W>> right) {
    Map<K, List<V>> leftGroups = groupByKey(left);
    Map<K, List<W>> rightGroups = groupByKey(right);
    Set<K> keys = new HashSet<>(leftGroups.keySet());
    keys.addAll(rightGroups.keySet());
    List<Tuple2<K, Tuple2<Optional<V>, Optional<W>>>> out = new ArrayList<>();
    for (K key : keys) {
      List<Optional<V>> vs = optionals(leftGroups.get(key));
      List<Optional<W>> ws = optionals(rightGroups.get(key));
      for (Optional<V> v : vs) {
        for (Optional<W> w : ws) {
          out.add(new Tuple2<>(key, new Tuple2<>(v, w)));
        }
      }
    }
    return out;
  }

  /** The records of {@code left} whose key is absent from {@code right}. */
  static <K, V, W> List<Tuple2<K, V>> subtractByKey(Collection<Tuple2<K, V>> left,
      Collection<Tuple2<K, W>> right) {
    Map<K, List<W>> rightGroups = groupByKey(right);
    List<Tuple2<K, V>> out = new ArrayList<>();
    for (Tuple2<K, V> kv : left) {
      if (!rightGroups.containsKey(kv._1())) {
        out.add(kv);
      }
    }
    return out;
  }

  /** Returns a map from each key to the sorted list of its values (nulls first). */
  static <K> Map<K, List<Integer>> sortedGroups(Map<K, ? extends Iterable<Integer>> groups) {
    Map<K, List<Integer>> sorted = new HashMap<>();
    groups.forEach((k, values) -> {
      List<Integer> list = new ArrayList<>();
      values.forEach(list::add);
      list.sort(NULLS_FIRST);
      sorted.put(k, list);
    });
    return sorted;
  }

  /** A side's values as optionals, or a single empty optional where the key is absent on that side. */
  private static <V> List<Optional<V>> optionals(List<V> values) {
    List<Optional<V>> out = new ArrayList<>();
    if (values == null) {
      out.add(Optional.empty());
    } else {
      values.forEach(v -> out.add(Optional.ofNullable(v)));
    }
    return out;
  }

  /** Returns how many times each element occurs: compares collections regardless of order. */
  static <T> Map<T, Long> multiset(Collection<T> elements) {
    Map<T, Long> counts = new HashMap<>();
    for (T e : elements) {
      counts.put(e, counts.getOrDefault(e, 0L) + 1);
    }
    return counts;
  }

  /** Returns the map of an RDD's pairs, failing if a key occurs twice (by-key results have one per key). */
  static <K, V> Map<K, V> uniqueKeys(List<Tuple2<K, V>> pairs) {
    Map<K, V> map = new HashMap<>();
    for (Tuple2<K, V> kv : pairs) {
      if (map.containsKey(kv._1())) {
        throw new AssertionError("key " + kv._1() + " occurs more than once in " + pairs);
      }
      map.put(kv._1(), kv._2());
    }
    return map;
  }
}
