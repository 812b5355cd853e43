package io.dstream.rdd;

import io.dstream.Tuple2;
import io.dstream.checkpoint.internal.Arguments;
import io.dstream.function.FlatMapFunction;
import io.dstream.function.Function2;
import io.dstream.function.Function;
import io.dstream.internal.rdd.Aggregator;
import io.dstream.internal.rdd.KeyRanges;
import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.PairActions;
import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.PairSetOperations;
import io.dstream.internal.rdd.RangeSort;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.Sampling;
import io.dstream.storage.StorageLevel;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

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
public class PairRDD<K, V> extends PairRDDJoins<K, V> {

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

  // ---- sampling and set operations ---------------------------------------------------------------------

  /**
   * Returns a random sample: each pair kept with probability {@code fraction} (without replacement), or
   * drawn a Poisson-distributed number of times of mean {@code fraction} (with replacement), so the size is
   * only about {@code fraction} times the count. Narrow: no shuffle; keeps the partitioner. The seed is chosen
   * now, so every computation of the sample (a second action, a retried task) draws the same pairs.
   *
   * <pre>{@code
   * PairRDD<String, Integer> some = pairs.sample(false, 0.5);   // about half of the pairs
   * }</pre>
   *
   * @param withReplacement whether a pair may be drawn more than once
   * @param fraction the expected share of pairs: from 0 to 1 without replacement, at least 0 with
   * @return the sample
   * @throws IllegalArgumentException if {@code fraction} is out of range
   */
  public PairRDD<K, V> sample(boolean withReplacement, double fraction) {
    return sample(withReplacement, fraction, ThreadLocalRandom.current().nextLong());
  }

  /**
   * Returns a random sample drawn with a given seed: the same seed draws the same sample of the same data.
   * Otherwise as {@link #sample(boolean, double)}. Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<String, Integer> twice = pairs.sample(true, 2.0, 42L);   // each pair about twice, reproducibly
   * }</pre>
   *
   * @param withReplacement whether a pair may be drawn more than once
   * @param fraction the expected share of pairs: from 0 to 1 without replacement, at least 0 with
   * @param seed the seed of the random draws
   * @return the sample
   * @throws IllegalArgumentException if {@code fraction} is out of range
   */
  public PairRDD<K, V> sample(boolean withReplacement, double fraction, long seed) {
    return new PairRDD<>(Sampling.sample(node, withReplacement, fraction, seed));
  }

  /**
   * Returns a stratified sample: each pair kept at the rate its key has in {@code fractions}, in one pass,
   * so that about {@code rate * count} pairs of each key remain. Narrow: no shuffle; keeps the partitioner.
   * The seed is chosen now, so every computation draws the same pairs.
   *
   * <pre>{@code
   * PairRDD<String, Integer> some = pairs.sampleByKey(false, Map.of("a", 0.5, "b", 1.0));
   * // b's pair, and each of a's with probability 0.5
   * }</pre>
   *
   * @param withReplacement whether a pair may be drawn more than once
   * @param fractions the rate of every key of the RDD: from 0 to 1 without replacement, at least 0 with;
   *     copied
   * @return the sample
   * @throws IllegalArgumentException if a rate is null or out of range
   * @throws JobFailedException from the action, with an {@link IllegalArgumentException} as the cause, if a
   *     key of the RDD has no rate
   */
  public PairRDD<K, V> sampleByKey(boolean withReplacement, Map<K, Double> fractions) {
    return sampleByKey(withReplacement, fractions, ThreadLocalRandom.current().nextLong());
  }

  /**
   * Returns a stratified sample drawn with a given seed; otherwise as {@link #sampleByKey(boolean, Map)}.
   * Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<String, Integer> some = pairs.sampleByKey(false, Map.of("a", 0.5, "b", 0.0), 42L);
   * }</pre>
   *
   * @param withReplacement whether a pair may be drawn more than once
   * @param fractions the rate of every key of the RDD; copied
   * @param seed the seed of the random draws
   * @return the sample
   * @throws IllegalArgumentException if a rate is null or out of range
   * @throws JobFailedException from the action, with an {@link IllegalArgumentException} as the cause, if a
   *     key of the RDD has no rate
   */
  public PairRDD<K, V> sampleByKey(boolean withReplacement, Map<K, Double> fractions, long seed) {
    Arguments.requireNonNull(fractions, "fractions");
    return new PairRDD<>(Sampling.sampleByKey(node, withReplacement, fractions, seed));
  }

  /**
   * Returns the pairs (key and value equal) that do not occur in the other RDD; a kept pair keeps its
   * duplicates. Shuffles each side not already partitioned like the result, which is placed by this RDD's
   * partitioner, or hashed into as many partitions as this RDD has.
   *
   * <pre>{@code
   * PairRDD<String, Integer> rest = pairs.subtract(ssc.parallelizePairs(List.of(new Tuple2<>("a", 1))));
   * // (b,2), (a,3)
   * }</pre>
   *
   * @param other the pairs to remove
   * @return the remaining pairs
   */
  public PairRDD<K, V> subtract(PairRDD<K, V> other) {
    Arguments.requireNonNull(other, "other");
    Partitioner own = node.partitioner();
    return subtract(other, own != null ? own : new HashPartitioner(Math.max(1, getNumPartitions())));
  }

  /**
   * Returns the pairs that do not occur in the other RDD, in the given number of partitions; otherwise as
   * {@link #subtract(PairRDD)}. Shuffles.
   *
   * <pre>{@code
   * PairRDD<String, Integer> rest = pairs.subtract(ssc.parallelizePairs(List.of(new Tuple2<>("a", 1))), 4);
   * }</pre>
   *
   * @param other the pairs to remove
   * @param numPartitions the number of partitions
   * @return the remaining pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public PairRDD<K, V> subtract(PairRDD<K, V> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return subtract(other, PairOperations.hash("subtract", numPartitions));
  }

  /**
   * Returns the pairs that do not occur in the other RDD, placed by the partitioner; otherwise as
   * {@link #subtract(PairRDD)}. Shuffles each side not already partitioned so.
   *
   * <pre>{@code
   * PairRDD<String, Integer> rest =
   *     pairs.subtract(ssc.parallelizePairs(List.of(new Tuple2<>("a", 1))), new HashPartitioner(4));
   * }</pre>
   *
   * @param other the pairs to remove
   * @param partitioner where keys go
   * @return the remaining pairs
   */
  public PairRDD<K, V> subtract(PairRDD<K, V> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairRDD<>(PairSetOperations.subtract(node, other.node, partitioner));
  }

  /**
   * Returns the distinct pairs (key and value equal) that occur in both RDDs, each once even if either RDD
   * holds it several times. Shuffles each side not already partitioned like the result (see
   * {@link #cogroup(PairRDD)} for the result's partitioner).
   *
   * <pre>{@code
   * PairRDD<String, Integer> common = pairs.intersection(
   *     ssc.parallelizePairs(List.of(new Tuple2<>("a", 3), new Tuple2<>("a", 3), new Tuple2<>("b", 9))));
   * // (a,3)
   * }</pre>
   *
   * @param other the other pairs
   * @return the common pairs
   */
  public PairRDD<K, V> intersection(PairRDD<K, V> other) {
    Arguments.requireNonNull(other, "other");
    return new PairRDD<>(PairSetOperations.intersection(node, other.node, defaultPartitioner(other)));
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

  /**
   * Places the pairs by the partitioner and sorts each partition by key in natural order: cheaper than
   * {@code partitionBy} followed by sorting each partition. Shuffles, unless already partitioned so; the
   * result keeps the partitioner. The sort happens in the reading task.
   *
   * <pre>{@code
   * PairRDD<String, Integer> placed = pairs.repartitionAndSortWithinPartitions(new HashPartitioner(2));
   * placed.glom().collect();   // each partition's pairs sorted by key, such as [[(a,1), (a,3)], [(b,2)]]
   * }</pre>
   *
   * @param partitioner where keys go
   * @return the placed pairs, each partition sorted
   * @throws JobFailedException from the action, with an {@link IllegalArgumentException} as the cause, if a
   *     key is null or not {@link Comparable}
   */
  public PairRDD<K, V> repartitionAndSortWithinPartitions(Partitioner partitioner) {
    return repartitionAndSortWithinPartitions(partitioner, RangeSort.naturalOrder());
  }

  /**
   * Places the pairs by the partitioner and sorts each partition by key in the comparator's order;
   * otherwise as {@link #repartitionAndSortWithinPartitions(Partitioner)}. Shuffles unless already
   * partitioned so.
   *
   * <pre>{@code
   * PairRDD<String, Integer> placed =
   *     pairs.repartitionAndSortWithinPartitions(new HashPartitioner(2), Comparator.reverseOrder());
   * }</pre>
   *
   * @param partitioner where keys go
   * @param comparator the key order within a partition
   * @return the placed pairs, each partition sorted
   */
  public PairRDD<K, V> repartitionAndSortWithinPartitions(Partitioner partitioner, Comparator<K> comparator) {
    Arguments.requireNonNull(partitioner, "partitioner");
    Arguments.requireNonNull(comparator, "comparator");
    return new PairRDD<>(KeyRanges.repartitionAndSortWithinPartitions(node, partitioner, comparator));
  }

  /**
   * Keeps the pairs whose key lies from {@code lower} to {@code upper}, both included, in natural order.
   * Narrow: no shuffle. On an RDD that {@link #sortByKey()} made (range-partitioned in natural order), only
   * the partitions that can hold such keys are computed, and the result has just those partitions.
   *
   * <pre>{@code
   * PairRDD<String, Integer> aToB = pairs.sortByKey().filterByRange("a", "b");   // (a,1), (a,3), (b,2)
   * }</pre>
   *
   * @param lower the smallest key kept
   * @param upper the largest key kept
   * @return the pairs in the range
   * @throws IllegalArgumentException if a bound is null or not {@link Comparable}
   */
  public PairRDD<K, V> filterByRange(K lower, K upper) {
    return filterByRange(RangeSort.naturalOrder(), lower, upper);
  }

  /**
   * Keeps the pairs whose key lies from {@code lower} to {@code upper}, both included, in the comparator's
   * order. Narrow: no shuffle. On an RDD that {@link #sortByKey(Comparator)} made with the same comparator
   * instance, only the partitions that can hold such keys are computed.
   *
   * <pre>{@code
   * PairRDD<String, Integer> aToB = mixed.filterByRange(String.CASE_INSENSITIVE_ORDER, "A", "b");
   * }</pre>
   *
   * @param comparator the key order
   * @param lower the smallest key kept
   * @param upper the largest key kept
   * @return the pairs in the range
   * @throws IllegalArgumentException if a bound is null (without a comparator that orders null)
   */
  public PairRDD<K, V> filterByRange(Comparator<K> comparator, K lower, K upper) {
    Arguments.requireNonNull(comparator, "comparator");
    // Comparing the bounds now makes bounds the order cannot handle fail here, not in every task.
    comparator.compare(lower, upper);
    return new PairRDD<>(KeyRanges.filterByRange(node, comparator, lower, upper));
  }

  // ---- pair actions ------------------------------------------------------------------------------------

  /**
   * Returns the values of one key. Runs a job without a shuffle, over the one partition the RDD's
   * partitioner gives the key, or over every partition if the RDD has no partitioner.
   *
   * <pre>{@code
   * List<Integer> aValues = pairs.lookup("a");   // [1, 3]
   * }</pre>
   *
   * @param key the key, may be null
   * @return a new list of the key's values, empty if the key is absent
   * @throws JobFailedException if a task fails
   */
  public List<V> lookup(K key) {
    return PairActions.lookup(node, key);
  }

  /**
   * Merges the values of each key with an associative and commutative function and returns the result as a
   * map: each task reduces its partition, and the partitions' maps are merged on the calling thread. Runs a
   * job without a shuffle; the result must fit in memory.
   *
   * <pre>{@code
   * Map<String, Integer> sums = pairs.reduceByKeyLocally(Integer::sum);   // {a=4, b=2}
   * }</pre>
   *
   * @param f the reduce function; may modify and return its first argument
   * @return a new map from each key to its merged value
   * @throws JobFailedException if a task fails, or {@code f} fails while merging the partitions' maps
   */
  public Map<K, V> reduceByKeyLocally(Function2<V, V, V> f) {
    Arguments.requireNonNull(f, "f");
    return PairActions.reduceByKeyLocally(node, f);
  }

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
  public PairRDD<K, V> setName(String name) {
    super.setName(name);
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
}
