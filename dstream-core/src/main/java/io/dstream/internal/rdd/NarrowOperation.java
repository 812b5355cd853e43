package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.function.DoubleFunction;
import io.dstream.function.FlatMapFunction;
import io.dstream.function.Function2;
import io.dstream.function.Function;
import io.dstream.function.PairFlatMapFunction;
import io.dstream.function.PairFunction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A named narrow transformation ({@code map}, {@code filter}, {@code mapValues}...): what it does to one
 * partition's records, and whether keys stay where they were. The one implementation of each: the public
 * {@code RDD} methods and the stream operators both apply it with {@link #on}, which builds a
 * {@link MapPartitionsRddNode} pipelined into the parent's task.
 *
 * @param name the operation's name, shown in lineage dumps and stack traces
 * @param function what it does to one partition
 * @param preservesPartitioning whether the parent's partitioner still holds for the result
 * @param <T> the parent's record type
 * @param <U> the result's record type
 */
public record NarrowOperation<T, U>(String name, PartitionFunction<T, U> function, boolean preservesPartitioning) {

  /**
   * Applies the operation to a node.
   *
   * @param parent the node whose partitions are transformed
   * @return the new node; computes nothing yet
   */
  public RddNode<U> on(RddNode<T> parent) {
    return new MapPartitionsRddNode<>(parent, name, function, preservesPartitioning);
  }

  /**
   * {@code map}: a function applied to every record.
   *
   * @param f the function
   * @param <T> the record type
   * @param <R> the result type
   * @return the operation
   */
  public static <T, R> NarrowOperation<T, R> map(Function<T, R> f) {
    return new NarrowOperation<>("map", (p, it) -> Iterators.map(it, f), false);
  }

  /**
   * {@code flatMap}: every record replaced by zero or more records.
   *
   * @param f returns an iterator over the records that replace one record
   * @param <T> the record type
   * @param <R> the result type
   * @return the operation
   */
  public static <T, R> NarrowOperation<T, R> flatMap(FlatMapFunction<T, R> f) {
    return new NarrowOperation<>("flatMap", (p, it) -> Iterators.flatMap(it, f), false);
  }

  /**
   * {@code filter}: the records for which a predicate is true; keeps the partitioner.
   *
   * @param f the predicate
   * @param <T> the record type
   * @return the operation
   */
  public static <T> NarrowOperation<T, T> filter(Function<T, Boolean> f) {
    return new NarrowOperation<>("filter", (p, it) -> Iterators.filter(it, f), true);
  }

  /**
   * {@code mapPartitions}: each partition transformed as a whole.
   *
   * @param f turns a partition's records into the new partition's records; must not return null
   * @param preservesPartitioning whether {@code f} keeps keys where they were
   * @param <T> the record type
   * @param <R> the result type
   * @return the operation
   */
  public static <T, R> NarrowOperation<T, R> mapPartitions(FlatMapFunction<Iterator<T>, R> f,
      boolean preservesPartitioning) {
    return new NarrowOperation<>("mapPartitions", (p, it) -> nonNull(f.call(it)), preservesPartitioning);
  }

  /**
   * {@code mapPartitionsWithIndex}: each partition transformed as a whole, knowing its index.
   *
   * @param f gets the partition index and records and returns the new records; must not return null
   * @param preservesPartitioning whether {@code f} keeps keys where they were
   * @param <T> the record type
   * @param <R> the result type
   * @return the operation
   */
  public static <T, R> NarrowOperation<T, R> mapPartitionsWithIndex(Function2<Integer, Iterator<T>, Iterator<R>> f,
      boolean preservesPartitioning) {
    return new NarrowOperation<>("mapPartitionsWithIndex", (p, it) -> nonNull(f.call(p, it)),
        preservesPartitioning);
  }

  /**
   * {@code mapPartitionsToPair}: each partition turned as a whole into key-value pairs.
   *
   * @param f turns a partition's records into the new partition's pairs; must not return null
   * @param preservesPartitioning whether {@code f} keeps keys where they were
   * @param <T> the record type
   * @param <K> the key type
   * @param <V> the value type
   * @return the operation
   */
  public static <T, K, V> NarrowOperation<T, Tuple2<K, V>> mapPartitionsToPair(
      PairFlatMapFunction<Iterator<T>, K, V> f, boolean preservesPartitioning) {
    return new NarrowOperation<>("mapPartitionsToPair", (p, it) -> nonNull(f.call(it)), preservesPartitioning);
  }

  /**
   * {@code mapToDouble}: every record turned into a number.
   *
   * @param f the function
   * @param <T> the record type
   * @return the operation
   */
  public static <T> NarrowOperation<T, Double> mapToDouble(DoubleFunction<T> f) {
    return new NarrowOperation<>("mapToDouble", (p, it) -> Iterators.map(it, f::call), false);
  }

  /**
   * {@code mapToPair}: every record turned into a key-value pair.
   *
   * @param f the function
   * @param <T> the record type
   * @param <K> the key type
   * @param <V> the value type
   * @return the operation
   */
  public static <T, K, V> NarrowOperation<T, Tuple2<K, V>> mapToPair(PairFunction<T, K, V> f) {
    return new NarrowOperation<>("mapToPair", (p, it) -> Iterators.map(it, f::call), false);
  }

  /**
   * {@code flatMapToPair}: every record turned into zero or more key-value pairs.
   *
   * @param f the function
   * @param <T> the record type
   * @param <K> the key type
   * @param <V> the value type
   * @return the operation
   */
  public static <T, K, V> NarrowOperation<T, Tuple2<K, V>> flatMapToPair(PairFlatMapFunction<T, K, V> f) {
    return new NarrowOperation<>("flatMapToPair", (p, it) -> Iterators.flatMap(it, f::call), false);
  }

  /**
   * {@code glom}: each partition turned into one record, the list of its records.
   *
   * @param <T> the record type
   * @return the operation
   */
  public static <T> NarrowOperation<T, List<T>> glom() {
    return new NarrowOperation<>("glom", (p, it) -> {
      List<T> all = new ArrayList<>();
      it.forEachRemaining(all::add);
      return List.of(all).iterator();
    }, false);
  }

  /**
   * {@code mapValues}: a function applied to every value, keeping keys and partitioning.
   *
   * @param f the function
   * @param <K> the key type
   * @param <V> the value type
   * @param <U> the new value type
   * @return the operation
   */
  public static <K, V, U> NarrowOperation<Tuple2<K, V>, Tuple2<K, U>> mapValues(Function<V, U> f) {
    return new NarrowOperation<>("mapValues",
        (p, it) -> Iterators.map(it, kv -> new Tuple2<>(kv._1(), f.call(kv._2()))), true);
  }

  /**
   * {@code flatMapValues}: every value replaced by zero or more values, keeping keys and partitioning.
   *
   * @param f returns an iterator over the values that replace one value
   * @param <K> the key type
   * @param <V> the value type
   * @param <U> the new value type
   * @return the operation
   */
  public static <K, V, U> NarrowOperation<Tuple2<K, V>, Tuple2<K, U>> flatMapValues(FlatMapFunction<V, U> f) {
    return new NarrowOperation<>("flatMapValues", (p, it) -> Iterators.flatMap(it,
        kv -> Iterators.map(f.call(kv._2()), u -> new Tuple2<>(kv._1(), u))), true);
  }

  private static <R> Iterator<R> nonNull(Iterator<R> it) {
    if (it == null) {
      throw new IllegalStateException("a partition function returned null; return an empty iterator instead");
    }
    return it;
  }
}
