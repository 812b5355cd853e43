package io.dstream.rdd;

import io.dstream.Tuple2;
import io.dstream.checkpoint.internal.Arguments;
import io.dstream.function.FlatMapFunction;
import io.dstream.function.Function2;
import io.dstream.function.Function;
import io.dstream.internal.rdd.Aggregator;
import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.RangeSort;
import io.dstream.internal.rdd.RddNode;
import io.dstream.storage.StorageLevel;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link RDD} of key-value pairs, with the by-key operations: reduce, group, combine, join, sort.
 *
 * <p>Operations that take a {@code numPartitions} or a {@link Partitioner} shuffle into that layout;
 * without one they use the largest partitioner among their parents, or a {@link HashPartitioner} with
 * {@code dstream.default.parallelism} partitions (default: the parents' largest partition count). An input
 * already partitioned by the target partitioner is not shuffled again.
 *
 * <pre>{@code
 * PairRDD<String, Integer> counts = words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum);
 * }</pre>
 *
 * <p>The method examples use {@code pairs}, the pair RDD
 * {@code ssc.parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2), new Tuple2<>("a", 3)))},
 * and {@code other}, the pair RDD
 * {@code ssc.parallelizePairs(List.of(new Tuple2<>("a", "x"), new Tuple2<>("c", "y")))}. After a shuffle,
 * records, and the values of a key, come in no particular order.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class PairRDD<K, V> extends RDD<Tuple2<K, V>> {

  PairRDD(RddNode<Tuple2<K, V>> node) {
    super(node);
  }

  /**
   * Views an RDD of pairs as a pair RDD (no copy, no job): the way to the by-key operations for a batch's RDD
   * inside {@code foreachRDD} or {@code transform}.
   *
   * <pre>{@code
   * wordCounts.foreachRDD(rdd -> {   // rdd is an RDD<Tuple2<String, Integer>>
   *   Map<String, Integer> counts = PairRDD.fromRDD(rdd).collectAsMap();
   * });
   * }</pre>
   *
   * @param rdd an RDD of {@link Tuple2}
   * @param <K> the key type
   * @param <V> the value type
   * @return the same data as a pair RDD
   */
  public static <K, V> PairRDD<K, V> fromRDD(RDD<Tuple2<K, V>> rdd) {
    Arguments.requireNonNull(rdd, "rdd");
    return rdd instanceof PairRDD<K, V> pair ? pair : new PairRDD<>(rdd.node);
  }

  /**
   * Returns the partitioner that placed the keys, if any.
   *
   * <pre>{@code
   * pairs.partitioner();                              // Optional.empty: placed by parallelizePairs, not by key
   * pairs.reduceByKey(Integer::sum, 4).partitioner();  // a HashPartitioner of 4 partitions
   * }</pre>
   *
   * @return the partitioner, or empty if the records are not placed by key
   */
  public Optional<Partitioner> partitioner() {
    return Optional.ofNullable(node.partitioner());
  }

  // ---- combining by key -------------------------------------------------------------------------------

  /**
   * Merges the values of each key with an associative and commutative function. Shuffles, combining on
   * the map side first.
   *
   * <pre>{@code
   * PairRDD<String, Integer> sums = pairs.reduceByKey(Integer::sum);   // (a,4), (b,2)
   * }</pre>
   *
   * @param f the reduce function
   * @return one record per key
   */
  public PairRDD<K, V> reduceByKey(Function2<V, V, V> f) {
    Arguments.requireNonNull(f, "f");
    return reduceByKey(defaultPartitioner(), f);
  }

  /**
   * Merges the values of each key into the given number of partitions. Shuffles.
   *
   * <pre>{@code
   * PairRDD<String, Integer> sums = pairs.reduceByKey(Integer::sum, 4);   // (a,4), (b,2) in 4 partitions
   * }</pre>
   *
   * @param f the reduce function
   * @param numPartitions the number of partitions
   * @return one record per key
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public PairRDD<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
    Arguments.requireNonNull(f, "f");
    return reduceByKey(PairOperations.hash("reduceByKey", numPartitions), f);
  }

  /**
   * Merges the values of each key into the partitioner's layout. Shuffles unless already partitioned so.
   *
   * <pre>{@code
   * PairRDD<String, Integer> sums = pairs.reduceByKey(new HashPartitioner(4), Integer::sum);   // (a,4), (b,2)
   * }</pre>
   *
   * @param partitioner where keys go
   * @param f the reduce function
   * @return one record per key
   */
  public PairRDD<K, V> reduceByKey(Partitioner partitioner, Function2<V, V, V> f) {
    Arguments.requireNonNull(partitioner, "partitioner");
    Arguments.requireNonNull(f, "f");
    return new PairRDD<>(PairOperations.reduceByKey(node, partitioner, f));
  }

  /**
   * Groups the values of each key. Shuffles without map-side combine; prefer {@link #reduceByKey} or
   * {@link #aggregateByKey} when the values are combined afterwards.
   *
   * <pre>{@code
   * PairRDD<String, Iterable<Integer>> groups = pairs.groupByKey();   // (a,[1, 3]), (b,[2])
   * }</pre>
   *
   * @return one record per key with all its values
   */
  public PairRDD<K, Iterable<V>> groupByKey() {
    return groupByKey(defaultPartitioner());
  }

  /**
   * Groups the values of each key into the given number of partitions. Shuffles.
   *
   * <pre>{@code
   * PairRDD<String, Iterable<Integer>> groups = pairs.groupByKey(4);   // (a,[1, 3]), (b,[2]) in 4 partitions
   * }</pre>
   *
   * @param numPartitions the number of partitions
   * @return one record per key with all its values
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public PairRDD<K, Iterable<V>> groupByKey(int numPartitions) {
    return groupByKey(PairOperations.hash("groupByKey", numPartitions));
  }

  /**
   * Groups the values of each key into the partitioner's layout. Shuffles unless already partitioned so.
   *
   * <pre>{@code
   * PairRDD<String, Iterable<Integer>> groups = pairs.groupByKey(new HashPartitioner(4));
   * }</pre>
   *
   * @param partitioner where keys go
   * @return one record per key with all its values
   */
  public PairRDD<K, Iterable<V>> groupByKey(Partitioner partitioner) {
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.groupByKey(node, partitioner));
  }

  /**
   * Combines the values of each key with three functions: the general by-key aggregation. Shuffles,
   * combining on the map side.
   *
   * <pre>{@code
   * // (sum, count) per key, for the average value of each key
   * PairRDD<String, Tuple2<Integer, Integer>> sumCounts = pairs.combineByKey(
   *     v -> new Tuple2<>(v, 1),
   *     (acc, v) -> new Tuple2<>(acc._1() + v, acc._2() + 1),
   *     (x, y) -> new Tuple2<>(x._1() + y._1(), x._2() + y._2()));   // (a,(4,2)), (b,(2,1))
   * PairRDD<String, Double> averages = sumCounts.mapValues(sc -> (double) sc._1() / sc._2());   // (a,2.0), (b,2.0)
   * }</pre>
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of one key
   * @param <C> the combiner type
   * @return one record per key with its combiner
   */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners) {
    Arguments.requireNonNull(createCombiner, "createCombiner");
    Arguments.requireNonNull(mergeValue, "mergeValue");
    Arguments.requireNonNull(mergeCombiners, "mergeCombiners");
    return combineByKey(createCombiner, mergeValue, mergeCombiners, defaultPartitioner());
  }

  /**
   * Combines the values of each key into the given number of partitions. Shuffles.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, Integer>> sumCounts = pairs.combineByKey(v -> new Tuple2<>(v, 1),
   *     (acc, v) -> new Tuple2<>(acc._1() + v, acc._2() + 1),
   *     (x, y) -> new Tuple2<>(x._1() + y._1(), x._2() + y._2()), 4);   // (a,(4,2)), (b,(2,1))
   * }</pre>
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of one key
   * @param numPartitions the number of partitions
   * @param <C> the combiner type
   * @return one record per key with its combiner
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, int numPartitions) {
    Arguments.requireNonNull(createCombiner, "createCombiner");
    Arguments.requireNonNull(mergeValue, "mergeValue");
    Arguments.requireNonNull(mergeCombiners, "mergeCombiners");
    return combineByKey(createCombiner, mergeValue, mergeCombiners,
        PairOperations.hash("combineByKey", numPartitions));
  }

  /**
   * Combines the values of each key into the partitioner's layout, with map-side combine. Shuffles unless
   * already partitioned so.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, Integer>> sumCounts = pairs.combineByKey(v -> new Tuple2<>(v, 1),
   *     (acc, v) -> new Tuple2<>(acc._1() + v, acc._2() + 1),
   *     (x, y) -> new Tuple2<>(x._1() + y._1(), x._2() + y._2()), new HashPartitioner(4));
   * }</pre>
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of one key
   * @param partitioner where keys go
   * @param <C> the combiner type
   * @return one record per key with its combiner
   */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, Partitioner partitioner) {
    Arguments.requireNonNull(createCombiner, "createCombiner");
    Arguments.requireNonNull(mergeValue, "mergeValue");
    Arguments.requireNonNull(mergeCombiners, "mergeCombiners");
    Arguments.requireNonNull(partitioner, "partitioner");
    return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, true);
  }

  /**
   * Combines the values of each key into the partitioner's layout. Shuffles unless already partitioned so.
   *
   * <pre>{@code
   * // The distinct values of each key; few values share a key, so combining first would not pay.
   * PairRDD<String, Set<Integer>> distinctValues = pairs.combineByKey(v -> new HashSet<>(Set.of(v)),
   *     (set, v) -> { set.add(v); return set; },
   *     (x, y) -> { x.addAll(y); return x; }, new HashPartitioner(4), false);   // (a,[1, 3]), (b,[2])
   * }</pre>
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of one key
   * @param partitioner where keys go
   * @param mapSideCombine whether to combine before the shuffle (false when few values share a key)
   * @param <C> the combiner type
   * @return one record per key with its combiner
   */
  public <C> PairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, Partitioner partitioner, boolean mapSideCombine) {
    Arguments.requireNonNull(createCombiner, "createCombiner");
    Arguments.requireNonNull(mergeValue, "mergeValue");
    Arguments.requireNonNull(mergeCombiners, "mergeCombiners");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.combineByKey(node, "combineByKey",
        Aggregator.of(createCombiner, mergeValue, mergeCombiners, node.engine().valueCopier()), partitioner,
        mapSideCombine));
  }

  /**
   * Aggregates the values of each key, starting every key from its own copy of {@code zeroValue}. Shuffles.
   *
   * <pre>{@code
   * // Each key starts from its own copy of the empty list.
   * PairRDD<String, List<Integer>> lists = pairs.aggregateByKey(new ArrayList<Integer>(),
   *     (list, v) -> { list.add(v); return list; },
   *     (x, y) -> { x.addAll(y); return x; });   // (a,[1, 3]), (b,[2])
   * }</pre>
   *
   * @param zeroValue the initial accumulator of every key; copied per key, so it may be mutable
   * @param seqOp folds a value into an accumulator
   * @param combOp merges two accumulators of one key
   * @param <U> the accumulator type
   * @return one record per key with its accumulator
   * @throws IllegalArgumentException if {@code zeroValue} cannot be copied
   */
  public <U> PairRDD<K, U> aggregateByKey(U zeroValue, Function2<U, V, U> seqOp, Function2<U, U, U> combOp) {
    Arguments.requireNonNull(seqOp, "seqOp");
    Arguments.requireNonNull(combOp, "combOp");
    return aggregateByKey(zeroValue, defaultPartitioner(), seqOp, combOp);
  }

  /**
   * Aggregates the values of each key into the given number of partitions. Shuffles.
   *
   * <pre>{@code
   * PairRDD<String, Integer> maxima = pairs.aggregateByKey(Integer.MIN_VALUE, 4, Math::max, Math::max);
   * // (a,3), (b,2)
   * }</pre>
   *
   * @param zeroValue the initial accumulator of every key; copied per key
   * @param numPartitions the number of partitions
   * @param seqOp folds a value into an accumulator
   * @param combOp merges two accumulators of one key
   * @param <U> the accumulator type
   * @return one record per key with its accumulator
   * @throws IllegalArgumentException if {@code numPartitions} is not positive or {@code zeroValue} cannot
   *     be copied
   */
  public <U> PairRDD<K, U> aggregateByKey(U zeroValue, int numPartitions, Function2<U, V, U> seqOp,
      Function2<U, U, U> combOp) {
    Arguments.requireNonNull(seqOp, "seqOp");
    Arguments.requireNonNull(combOp, "combOp");
    return aggregateByKey(zeroValue, PairOperations.hash("aggregateByKey", numPartitions), seqOp, combOp);
  }

  /**
   * Aggregates the values of each key into the partitioner's layout. Shuffles unless already partitioned so.
   *
   * <pre>{@code
   * PairRDD<String, Long> sums =
   *     pairs.aggregateByKey(0L, new HashPartitioner(4), (acc, v) -> acc + v, Long::sum);
   * // (a,4), (b,2)
   * }</pre>
   *
   * @param zeroValue the initial accumulator of every key; copied per key
   * @param partitioner where keys go
   * @param seqOp folds a value into an accumulator
   * @param combOp merges two accumulators of one key
   * @param <U> the accumulator type
   * @return one record per key with its accumulator
   * @throws IllegalArgumentException if {@code zeroValue} cannot be copied
   */
  public <U> PairRDD<K, U> aggregateByKey(U zeroValue, Partitioner partitioner, Function2<U, V, U> seqOp,
      Function2<U, U, U> combOp) {
    Arguments.requireNonNull(partitioner, "partitioner");
    Arguments.requireNonNull(seqOp, "seqOp");
    Arguments.requireNonNull(combOp, "combOp");
    return new PairRDD<>(PairOperations.aggregateByKey(node, zeroValue, partitioner, seqOp, combOp));
  }

  /**
   * Folds the values of each key, starting every key from its own copy of {@code zeroValue}. Shuffles.
   *
   * <pre>{@code
   * PairRDD<String, Integer> sums = pairs.foldByKey(0, Integer::sum);   // (a,4), (b,2)
   * }</pre>
   *
   * @param zeroValue the neutral value of {@code f}; copied per key
   * @param f an associative function
   * @return one record per key
   * @throws IllegalArgumentException if {@code zeroValue} cannot be copied
   */
  public PairRDD<K, V> foldByKey(V zeroValue, Function2<V, V, V> f) {
    Arguments.requireNonNull(f, "f");
    return foldByKey(zeroValue, defaultPartitioner(), f);
  }

  /**
   * Folds the values of each key into the given number of partitions. Shuffles.
   *
   * <pre>{@code
   * PairRDD<String, Integer> sums = pairs.foldByKey(0, 4, Integer::sum);   // (a,4), (b,2) in 4 partitions
   * }</pre>
   *
   * @param zeroValue the neutral value of {@code f}; copied per key
   * @param numPartitions the number of partitions
   * @param f an associative function
   * @return one record per key
   * @throws IllegalArgumentException if {@code numPartitions} is not positive or {@code zeroValue} cannot
   *     be copied
   */
  public PairRDD<K, V> foldByKey(V zeroValue, int numPartitions, Function2<V, V, V> f) {
    Arguments.requireNonNull(f, "f");
    return foldByKey(zeroValue, PairOperations.hash("foldByKey", numPartitions), f);
  }

  /**
   * Folds the values of each key into the partitioner's layout. Shuffles unless already partitioned so.
   *
   * <pre>{@code
   * PairRDD<String, Integer> sums = pairs.foldByKey(0, new HashPartitioner(4), Integer::sum);   // (a,4), (b,2)
   * }</pre>
   *
   * @param zeroValue the neutral value of {@code f}; copied per key
   * @param partitioner where keys go
   * @param f an associative function
   * @return one record per key
   * @throws IllegalArgumentException if {@code zeroValue} cannot be copied
   */
  public PairRDD<K, V> foldByKey(V zeroValue, Partitioner partitioner, Function2<V, V, V> f) {
    Arguments.requireNonNull(partitioner, "partitioner");
    Arguments.requireNonNull(f, "f");
    return aggregateByKey(zeroValue, partitioner, f, f);
  }

  /**
   * Moves every record to the partition the partitioner gives its key. Shuffles unless already so.
   *
   * <pre>{@code
   * // Place once, then reduce and join by key without shuffling pairs again.
   * PairRDD<String, Integer> placed = pairs.partitionBy(new HashPartitioner(4)).cache();
   * PairRDD<String, Integer> sums = placed.reduceByKey(new HashPartitioner(4), Integer::sum);   // no shuffle
   * }</pre>
   *
   * @param partitioner where keys go
   * @return the repartitioned pairs
   */
  public PairRDD<K, V> partitionBy(Partitioner partitioner) {
    Arguments.requireNonNull(partitioner, "partitioner");
    RddNode<Tuple2<K, V>> placed = PairOperations.partitionBy(node, partitioner);
    return placed == node ? this : new PairRDD<>(placed);
  }

  // ---- per-value transformations ------------------------------------------------------------------

  /**
   * Applies a function to every value, keeping keys and partitioning. Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<String, Integer> tenfold = pairs.mapValues(v -> v * 10);   // (a,10), (b,20), (a,30)
   * }</pre>
   *
   * @param f the function
   * @param <U> the new value type
   * @return the mapped pairs
   */
  public <U> PairRDD<K, U> mapValues(Function<V, U> f) {
    Arguments.requireNonNull(f, "f");
    return new PairRDD<>(NarrowOperation.<K, V, U>mapValues(f).on(node));
  }

  /**
   * Replaces every value by zero or more values, keeping keys and partitioning. Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<String, Integer> signed = pairs.flatMapValues(v -> List.of(v, -v).iterator());
   * // (a,1), (a,-1), (b,2), (b,-2), (a,3), (a,-3)
   * }</pre>
   *
   * @param f returns an iterator over the values that replace one value
   * @param <U> the new value type
   * @return the flattened pairs
   */
  public <U> PairRDD<K, U> flatMapValues(FlatMapFunction<V, U> f) {
    Arguments.requireNonNull(f, "f");
    return new PairRDD<>(NarrowOperation.<K, V, U>flatMapValues(f).on(node));
  }

  /**
   * Returns the keys. Narrow: no shuffle.
   *
   * <pre>{@code
   * List<String> keys = pairs.keys().collect();   // [a, b, a]
   * }</pre>
   *
   * @return the keys, duplicates kept
   */
  public RDD<K> keys() {
    return map(Tuple2::_1);
  }

  /**
   * Returns the values. Narrow: no shuffle.
   *
   * <pre>{@code
   * List<Integer> values = pairs.values().collect();   // [1, 2, 3]
   * }</pre>
   *
   * @return the values
   */
  public RDD<V> values() {
    return map(Tuple2::_2);
  }

  // ---- joins ----------------------------------------------------------------------------------------

  /**
   * Groups this RDD's and another's values by key: for each key present in either, both lists of values.
   * Shuffles each side not already partitioned by the target partitioner.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Iterable<Integer>, Iterable<String>>> both = pairs.cogroup(other);
   * // (a,([1, 3],[x])), (b,([2],[])), (c,([],[y]))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return one record per key
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return cogroup(other, defaultPartitioner(other));
  }

  /**
   * Cogroups into the given number of partitions; otherwise as {@link #cogroup(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Iterable<Integer>, Iterable<String>>> both = pairs.cogroup(other, 4);
   * }</pre>
   *
   * @param other the other pair RDD
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return one record per key
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return cogroup(other, PairOperations.hash("cogroup", numPartitions));
  }

  /**
   * Cogroups into the partitioner's layout; otherwise as {@link #cogroup(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Iterable<Integer>, Iterable<String>>> both =
   *     pairs.cogroup(other, new HashPartitioner(4));
   * }</pre>
   *
   * @param other the other pair RDD
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return one record per key
   */
  public <W> PairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairRDD<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.cogroup(node, other.node, partitioner));
  }

  /**
   * Inner join: a record {@code (k, (v, w))} for every pair of values of a key present in both. Shuffles
   * each side not already partitioned by the target partitioner (see {@link #cogroup(PairRDD)}).
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, String>> joined = pairs.join(other);   // (a,(1,x)), (a,(3,x))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return join(other, defaultPartitioner(other));
  }

  /**
   * Inner join into the given number of partitions; otherwise as {@link #join(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, String>> joined = pairs.join(other, 4);   // (a,(1,x)), (a,(3,x))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return join(other, PairOperations.hash("join", numPartitions));
  }

  /**
   * Inner join into the partitioner's layout; otherwise as {@link #join(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, String>> joined = pairs.join(other, new HashPartitioner(4));
   * }</pre>
   *
   * @param other the other pair RDD
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.join(node, other.node, partitioner));
  }

  /**
   * Left outer join: every value of this RDD, paired with each matching value of the other, or with
   * {@code Optional.empty()} if the key is absent there. A null value also appears as
   * {@code Optional.empty()}, since an {@link Optional} cannot hold null. Shuffles as {@link #join(PairRDD)}
   * does.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, Optional<String>>> joined = pairs.leftOuterJoin(other);
   * // (a,(1,Optional[x])), (a,(3,Optional[x])), (b,(2,Optional.empty))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return leftOuterJoin(other, defaultPartitioner(other));
  }

  /**
   * Left outer join into the given number of partitions; otherwise as {@link #leftOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, Optional<String>>> joined = pairs.leftOuterJoin(other, 4);
   * }</pre>
   *
   * @param other the other pair RDD
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return leftOuterJoin(other, PairOperations.hash("leftOuterJoin", numPartitions));
  }

  /**
   * Left outer join into the partitioner's layout; otherwise as {@link #leftOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Integer, Optional<String>>> joined =
   *     pairs.leftOuterJoin(other, new HashPartitioner(4));
   * }</pre>
   *
   * @param other the other pair RDD
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.leftOuterJoin(node, other.node, partitioner));
  }

  /**
   * Right outer join: every value of the other RDD, paired with each matching value of this one, or with
   * {@code Optional.empty()} if the key is absent here. A null value also appears as
   * {@code Optional.empty()}, since an {@link Optional} cannot hold null. Shuffles as {@link #join(PairRDD)}
   * does.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, String>> joined = pairs.rightOuterJoin(other);
   * // (a,(Optional[1],x)), (a,(Optional[3],x)), (c,(Optional.empty,y))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return rightOuterJoin(other, defaultPartitioner(other));
  }

  /**
   * Right outer join into the given number of partitions; otherwise as {@link #rightOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, String>> joined = pairs.rightOuterJoin(other, 4);
   * }</pre>
   *
   * @param other the other pair RDD
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return rightOuterJoin(other, PairOperations.hash("rightOuterJoin", numPartitions));
  }

  /**
   * Right outer join into the partitioner's layout; otherwise as {@link #rightOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, String>> joined =
   *     pairs.rightOuterJoin(other, new HashPartitioner(4));
   * }</pre>
   *
   * @param other the other pair RDD
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairRDD<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.rightOuterJoin(node, other.node, partitioner));
  }

  /**
   * Full outer join: every value of either side, paired with each matching value of the other side, or with
   * {@code Optional.empty()} where the key is absent on that side. A null value also appears as
   * {@code Optional.empty()}, since an {@link Optional} cannot hold null. Shuffles as {@link #join(PairRDD)}
   * does.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, Optional<String>>> joined = pairs.fullOuterJoin(other);
   * // (a,(Optional[1],Optional[x])), (a,(Optional[3],Optional[x])), (b,(Optional[2],Optional.empty)),
   * // (c,(Optional.empty,Optional[y]))
   * }</pre>
   *
   * @param other the other pair RDD
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return fullOuterJoin(other, defaultPartitioner(other));
  }

  /**
   * Full outer join into the given number of partitions; otherwise as {@link #fullOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, Optional<String>>> joined = pairs.fullOuterJoin(other, 4);
   * }</pre>
   *
   * @param other the other pair RDD
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return fullOuterJoin(other, PairOperations.hash("fullOuterJoin", numPartitions));
  }

  /**
   * Full outer join into the partitioner's layout; otherwise as {@link #fullOuterJoin(PairRDD)}.
   *
   * <pre>{@code
   * PairRDD<String, Tuple2<Optional<Integer>, Optional<String>>> joined =
   *     pairs.fullOuterJoin(other, new HashPartitioner(4));
   * }</pre>
   *
   * @param other the other pair RDD
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairRDD<K, W> other,
      Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.fullOuterJoin(node, other.node, partitioner));
  }

  /**
   * Keeps the records whose key does not occur in the other RDD. Shuffles each side not already partitioned
   * by the target partitioner.
   *
   * <pre>{@code
   * PairRDD<String, Integer> notInOther = pairs.subtractByKey(other);   // (b,2)
   * }</pre>
   *
   * @param other the RDD whose keys are removed
   * @param <W> the other's value type
   * @return the remaining pairs
   */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return subtractByKey(other, defaultPartitioner(other));
  }

  /**
   * Keeps the records whose key does not occur in the other RDD, in the given number of partitions.
   * Shuffles.
   *
   * <pre>{@code
   * PairRDD<String, Integer> notInOther = pairs.subtractByKey(other, 4);   // (b,2)
   * }</pre>
   *
   * @param other the RDD whose keys are removed
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the remaining pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return subtractByKey(other, PairOperations.hash("subtractByKey", numPartitions));
  }

  /**
   * Keeps the records whose key does not occur in the other RDD, in the partitioner's layout. Shuffles unless
   * already partitioned so.
   *
   * <pre>{@code
   * PairRDD<String, Integer> notInOther = pairs.subtractByKey(other, new HashPartitioner(4));   // (b,2)
   * }</pre>
   *
   * @param other the RDD whose keys are removed
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the remaining pairs
   */
  public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairOperations.subtractByKey(node, other.node, partitioner));
  }

  // ---- sorting --------------------------------------------------------------------------------------

  /**
   * Sorts by key in ascending natural order. Runs a job to sample the keys, then shuffles by range: partition
   * {@code i} holds keys smaller than partition {@code i + 1}'s, each partition sorted. Keeps the partition
   * count (at least 1).
   *
   * <pre>{@code
   * PairRDD<String, Integer> unsorted = ssc.parallelizePairs(
   *     List.of(new Tuple2<>("b", 2), new Tuple2<>("c", 3), new Tuple2<>("a", 1)));
   * unsorted.sortByKey().collect();   // [(a,1), (b,2), (c,3)]
   * }</pre>
   *
   * @return the sorted pairs
   * @throws IllegalArgumentException if a sampled key is null or not {@link Comparable}
   * @throws JobFailedException if the sampling job fails
   */
  public PairRDD<K, V> sortByKey() {
    return sortByKey(true);
  }

  /**
   * Sorts by key in natural order, keeping the partition count (at least 1); otherwise as
   * {@link #sortByKey()}.
   *
   * <pre>{@code
   * unsorted.sortByKey(false).collect();   // [(c,3), (b,2), (a,1)]
   * }</pre>
   *
   * @param ascending true for ascending order
   * @return the sorted pairs
   * @throws IllegalArgumentException if a sampled key is null or not {@link Comparable}
   * @throws JobFailedException if the sampling job fails
   */
  public PairRDD<K, V> sortByKey(boolean ascending) {
    return sortByKey(RangeSort.naturalOrder(), ascending, Math.max(1, getNumPartitions()));
  }

  /**
   * Sorts by key in natural order into the given number of partitions; otherwise as
   * {@link #sortByKey()}.
   *
   * <pre>{@code
   * PairRDD<String, Integer> sorted = unsorted.sortByKey(true, 2);   // partitions [(a,1), (b,2)] and [(c,3)]
   * }</pre>
   *
   * @param ascending true for ascending order
   * @param numPartitions the number of partitions
   * @return the sorted pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive, or a sampled key is null or
   *     not {@link Comparable}
   * @throws JobFailedException if the sampling job fails
   */
  public PairRDD<K, V> sortByKey(boolean ascending, int numPartitions) {
    return sortByKey(RangeSort.naturalOrder(), ascending, numPartitions);
  }

  /**
   * Sorts by key in the comparator's ascending order, keeping the partition count (at least 1); otherwise
   * as {@link #sortByKey()}.
   *
   * <pre>{@code
   * PairRDD<String, Integer> mixed = ssc.parallelizePairs(List.of(new Tuple2<>("B", 2), new Tuple2<>("a", 1)));
   * mixed.sortByKey(String.CASE_INSENSITIVE_ORDER).collect();   // [(a,1), (B,2)]; sortByKey() gives [(B,2), (a,1)]
   * }</pre>
   *
   * @param comparator the key order
   * @return the sorted pairs
   * @throws JobFailedException if the sampling job fails
   */
  public PairRDD<K, V> sortByKey(Comparator<K> comparator) {
    Arguments.requireNonNull(comparator, "comparator");
    return sortByKey(comparator, true);
  }

  /**
   * Sorts by key in the comparator's order, keeping the partition count (at least 1); otherwise as
   * {@link #sortByKey()}.
   *
   * <pre>{@code
   * mixed.sortByKey(String.CASE_INSENSITIVE_ORDER, false).collect();   // [(B,2), (a,1)]
   * }</pre>
   *
   * @param comparator the key order
   * @param ascending true for ascending order
   * @return the sorted pairs
   * @throws JobFailedException if the sampling job fails
   */
  public PairRDD<K, V> sortByKey(Comparator<K> comparator, boolean ascending) {
    Arguments.requireNonNull(comparator, "comparator");
    return sortByKey(comparator, ascending, Math.max(1, getNumPartitions()));
  }

  /**
   * Sorts by key in the comparator's order into the given number of partitions. Runs a job to sample the
   * keys, then shuffles by range.
   *
   * <pre>{@code
   * PairRDD<String, Integer> sorted = mixed.sortByKey(String.CASE_INSENSITIVE_ORDER, true, 1);   // [(a,1), (B,2)]
   * }</pre>
   *
   * @param comparator the key order
   * @param ascending true for ascending order
   * @param numPartitions the number of partitions; fewer may result when there are few distinct keys
   * @return the sorted pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws JobFailedException if the sampling job fails
   */
  public PairRDD<K, V> sortByKey(Comparator<K> comparator, boolean ascending, int numPartitions) {
    Arguments.requireNonNull(comparator, "comparator");
    return new PairRDD<>(PairOperations.sortByKey(node, comparator, ascending, numPartitions));
  }

  // ---- pair actions ------------------------------------------------------------------------------------

  /**
   * Counts the records of each key. Shuffles and runs a job; the result must fit in memory.
   *
   * <pre>{@code
   * Map<String, Long> counts = pairs.countByKey();   // {a=2, b=1}
   * }</pre>
   *
   * @return a new map from key to count
   * @throws JobFailedException if a task fails
   */
  public Map<K, Long> countByKey() {
    return mapValues(v -> 1L).reduceByKey(Long::sum).collectAsMap();
  }

  /**
   * Returns the pairs as a map; for a key that occurs more than once, one of its values is kept. Runs a job;
   * the result must fit in memory.
   *
   * <pre>{@code
   * Map<String, Integer> sums = pairs.reduceByKey(Integer::sum).collectAsMap();   // {a=4, b=2}
   * }</pre>
   *
   * @return a new mutable map
   * @throws JobFailedException if a task fails
   */
  public Map<K, V> collectAsMap() {
    Map<K, V> map = new HashMap<>();
    for (Tuple2<K, V> kv : collect()) {
      map.put(kv._1(), kv._2());
    }
    return map;
  }

  // ---- covariant overrides ------------------------------------------------------------------------------

  @Override
  public PairRDD<K, V> filter(Function<Tuple2<K, V>, Boolean> f) {
    Arguments.requireNonNull(f, "f");
    return fromRDD(super.filter(f));
  }

  /**
   * Returns the records of this RDD and another pair RDD, side by side. Narrow.
   *
   * <pre>{@code
   * PairRDD<String, Integer> more = pairs.union(ssc.parallelizePairs(List.of(new Tuple2<>("c", 4))));
   * more.collect();   // [(a,1), (b,2), (a,3), (c,4)]
   * }</pre>
   *
   * @param other the other pair RDD
   * @return the union
   */
  public PairRDD<K, V> union(PairRDD<K, V> other) {
    Arguments.requireNonNull(other, "other");
    return fromRDD(super.union(other));
  }

  @Override
  public PairRDD<K, V> repartition(int numPartitions) {
    return fromRDD(super.repartition(numPartitions));
  }

  @Override
  public PairRDD<K, V> coalesce(int numPartitions) {
    return fromRDD(super.coalesce(numPartitions));
  }

  @Override
  public PairRDD<K, V> coalesce(int numPartitions, boolean shuffle) {
    return fromRDD(super.coalesce(numPartitions, shuffle));
  }

  @Override
  public PairRDD<K, V> distinct() {
    return fromRDD(super.distinct());
  }

  @Override
  public PairRDD<K, V> distinct(int numPartitions) {
    return fromRDD(super.distinct(numPartitions));
  }

  @Override
  public PairRDD<K, V> persist(StorageLevel level) {
    Arguments.requireNonNull(level, "level");
    super.persist(level);
    return this;
  }

  @Override
  public PairRDD<K, V> cache() {
    super.cache();
    return this;
  }

  @Override
  public PairRDD<K, V> unpersist() {
    super.unpersist();
    return this;
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  private Partitioner defaultPartitioner() {
    return PairOperations.defaultPartitioner(node);
  }

  private Partitioner defaultPartitioner(RDD<?> other) {
    return PairOperations.defaultPartitioner(node, other.node);
  }
}
