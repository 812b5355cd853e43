package io.dstream;

import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Random batches for stream tests, and the plain-Java computations that tell what a stream operation should
 * produce from them. Every generator takes a seed, so a failure can be replayed.
 */
final class TestData {
  private TestData() {}

  /**
   * Returns batches of random integers in {@code [0, bound)}; batch sizes are random in {@code [0, maxSize]},
   * and the second batch is always empty so every test meets an empty batch in the middle of the input.
   */
  static List<List<Integer>> randomInts(long seed, int batches, int maxSize, int bound) {
    Random random = new Random(seed);
    List<List<Integer>> result = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      int size = b == 1 ? 0 : random.nextInt(maxSize + 1);
      List<Integer> batch = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        batch.add(random.nextInt(bound));
      }
      result.add(batch);
    }
    return result;
  }

  /**
   * Returns batches of random pairs with keys in {@code [firstKey, firstKey + keys)} and values in
   * {@code [0, 100)}; with more records than keys, keys repeat within a batch.
   */
  static List<List<Tuple2<Integer, Integer>>> randomPairs(long seed, int batches, int maxSize, int firstKey,
      int keys) {
    Random values = new Random(seed + 1);
    List<List<Tuple2<Integer, Integer>>> result = new ArrayList<>();
    for (List<Integer> batch : randomInts(seed, batches, maxSize, keys)) {
      List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
      batch.forEach(k -> pairs.add(new Tuple2<>(firstKey + k, values.nextInt(100))));
      result.add(pairs);
    }
    return result;
  }

  /** Applies a plain-Java function to every batch: the expected output of a per-batch operation. */
  static <T, R> List<R> perBatch(List<List<T>> batches, Function<List<T>, R> f) {
    return batches.stream().map(f).toList();
  }

  /** Returns the batches followed by {@code n} empty ones: what a stream shows when run past its input. */
  static <T> List<List<T>> thenEmpty(List<List<T>> batches, int n) {
    List<List<T>> result = new ArrayList<>(batches);
    for (int i = 0; i < n; i++) {
      result.add(List.of());
    }
    return result;
  }

  /** Counts each distinct element. */
  static <T> Map<T, Long> multiset(List<T> records) {
    Map<T, Long> counts = new HashMap<>();
    records.forEach(x -> counts.merge(x, 1L, Long::sum));
    return counts;
  }

  /** Groups the values of each key, keeping their order, keys sorted. */
  static <K, V> Map<K, List<V>> groupByKey(List<Tuple2<K, V>> pairs) {
    Map<K, List<V>> groups = new TreeMap<>();
    pairs.forEach(p -> groups.computeIfAbsent(p._1(), k -> new ArrayList<>()).add(p._2()));
    return groups;
  }

  /** Reduces the values of each key, keys sorted. */
  static <K, V> Map<K, V> reduceByKey(List<Tuple2<K, V>> pairs, BinaryOperator<V> f) {
    Map<K, V> reduced = new TreeMap<>();
    pairs.forEach(p -> reduced.merge(p._1(), p._2(), f));
    return reduced;
  }

  /** Turns (key, value) records with unique keys into a sorted map; fails on a repeated key. */
  static <K, V> Map<K, V> asMap(List<Tuple2<K, V>> pairs) {
    Map<K, V> map = new TreeMap<>();
    for (Tuple2<K, V> p : pairs) {
      if (map.put(p._1(), p._2()) != null) {
        throw new AssertionError("key " + p._1() + " appears more than once in " + pairs);
      }
    }
    return map;
  }

  /** Turns (key, iterable) records with unique keys into a sorted map of lists, each list sorted. */
  static <K, V extends Comparable<V>> Map<K, List<V>> asSortedGroups(List<Tuple2<K, Iterable<V>>> pairs) {
    Map<K, List<V>> map = new TreeMap<>();
    for (Map.Entry<K, Iterable<V>> e : asMap(pairs).entrySet()) {
      map.put(e.getKey(), sorted(e.getValue()));
    }
    return map;
  }

  /** Copies an iterable into a sorted list. */
  static <V extends Comparable<V>> List<V> sorted(Iterable<V> values) {
    List<V> list = new ArrayList<>();
    values.forEach(list::add);
    list.sort(null);
    return list;
  }

  /** Sorts each group of a grouping in place and returns it. */
  static <K, V extends Comparable<V>> Map<K, List<V>> sortGroups(Map<K, List<V>> groups) {
    groups.values().forEach(list -> list.sort(null));
    return groups;
  }

  /**
   * Returns a queue stream whose batch {@code i} is {@code batches.get(i)} cut into {@code numSlices}
   * partitions (the test kit's input stream uses the default parallelism).
   */
  static <T> InputDStream<T> slicedInput(TestStreamingContext t, List<List<T>> batches, int numSlices) {
    Queue<RDD<T>> queue = new ArrayDeque<>();
    batches.forEach(batch -> queue.add(t.context().parallelize(batch, numSlices)));
    return t.context().queueStream(queue);
  }
}
