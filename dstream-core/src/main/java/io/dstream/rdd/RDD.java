package io.dstream.rdd;

import io.dstream.Tuple2;
import io.dstream.checkpoint.internal.Arguments;
import io.dstream.function.DoubleFunction;
import io.dstream.function.FlatMapFunction;
import io.dstream.function.Function2;
import io.dstream.function.Function;
import io.dstream.function.PairFlatMapFunction;
import io.dstream.function.PairFunction;
import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import io.dstream.internal.rdd.Sampling;
import io.dstream.internal.rdd.SetOperations;
import io.dstream.internal.rdd.Zips;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An immutable, partitioned, lazily computed dataset: a Resilient Distributed Dataset in the sense of
 * Spark, computed in this JVM. Every DStream batch is an RDD.
 *
 * <p>Transformations ({@code map}, {@code filter}, {@code reduceByKey}...) return a new RDD that remembers
 * its parents (its lineage) and computes nothing yet. Actions ({@code collect}, {@code count},
 * {@code foreach}...) run a job: the lineage is cut into stages at shuffles, and each stage runs one task
 * per partition on the context's worker threads. Narrow transformations are pipelined in one task, record
 * by record. A task that throws is retried ({@code dstream.task.maxFailures}); then the action throws a
 * {@link JobFailedException} whose cause is the user function's exception. An action on an RDD whose
 * context was stopped throws {@link IllegalStateException}.
 *
 * <pre>{@code
 * RDD<String> lines = ssc.parallelize(List.of("a b", "b c"));
 * long words = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator()).count(); // 4
 * }</pre>
 *
 * <p>RDDs are safe to use from several threads. Functions passed to them need not be serializable.
 *
 * <p>The names, parameters and meaning of the operations are those of Spark's {@code JavaRDD}. An RDD of
 * numbers ({@link #mapToDouble}) is a {@link DoubleRDD}, one of pairs a {@link PairRDD}. The actions, and
 * what describes an RDD, are declared in a package-private base class, so that this file holds the
 * transformations and persistence; they are {@code RDD}'s methods all the same.
 *
 * <p>The method examples build their RDDs with {@code ssc.parallelize} on a context {@code ssc}; inside
 * {@code foreachRDD} or {@code transform} the same operations apply to each batch's RDD. After a shuffle,
 * records come in no particular order.
 *
 * @param <T> the record type
 */
public class RDD<T> extends RddActions<T> {

  RDD(RddNode<T> node) {
    super(node);
  }

  /**
   * Creates an RDD that is another one under a further type: for a source whose batches offer more than their
   * records (the RDDs of dstream-kafka's direct stream tell their offset ranges). The two share their records,
   * lineage and persistence.
   *
   * @param same the RDD
   */
  protected RDD(RDD<T> same) {
    this(same.node);
  }

  // ---- narrow transformations --------------------------------------------------------------------

  /**
   * Applies a function to every record. Narrow: no shuffle.
   *
   * <pre>{@code
   * RDD<Integer> lengths = ssc.parallelize(List.of("a", "bb", "ccc")).map(String::length);
   * lengths.collect();   // [1, 2, 3]
   * }</pre>
   *
   * @param f the function
   * @param <R> the result type
   * @return the mapped RDD
   */
  public <R> RDD<R> map(Function<T, R> f) {
    Arguments.requireNonNull(f, "f");
    return new RDD<>(NarrowOperation.map(f).on(node));
  }

  /**
   * Replaces every record by zero or more records. Narrow: no shuffle.
   *
   * <pre>{@code
   * RDD<String> lines = ssc.parallelize(List.of("a b", "b c"));
   * RDD<String> words = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator());
   * words.collect();   // [a, b, b, c]
   * }</pre>
   *
   * @param f returns an iterator over the records that replace one record
   * @param <R> the result type
   * @return the flattened RDD
   */
  public <R> RDD<R> flatMap(FlatMapFunction<T, R> f) {
    Arguments.requireNonNull(f, "f");
    return new RDD<>(NarrowOperation.flatMap(f).on(node));
  }

  /**
   * Keeps the records for which a predicate is true. Narrow: no shuffle; keeps the partitioner.
   *
   * <pre>{@code
   * List<Integer> even = ssc.parallelize(List.of(1, 2, 3, 4)).filter(x -> x % 2 == 0).collect();   // [2, 4]
   * }</pre>
   *
   * @param f the predicate
   * @return the filtered RDD
   */
  public RDD<T> filter(Function<T, Boolean> f) {
    Arguments.requireNonNull(f, "f");
    return new RDD<>(NarrowOperation.filter(f).on(node));
  }

  /**
   * Transforms each partition as a whole: the place to set up something costly once per
   * partition. Narrow: no shuffle.
   *
   * <pre>{@code
   * List<Integer> sums = ssc.parallelize(List.of(1, 2, 3, 4), 2).mapPartitions(partition -> {
   *   int sum = 0;
   *   while (partition.hasNext()) {
   *     sum += partition.next();
   *   }
   *   return List.of(sum).iterator();
   * }).collect();   // [3, 7]
   * }</pre>
   *
   * @param f turns a partition's records into the new partition's records
   * @param <R> the result type
   * @return the transformed RDD
   */
  public <R> RDD<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f) {
    Arguments.requireNonNull(f, "f");
    return mapPartitions(f, false);
  }

  /**
   * Transforms each partition as a whole; otherwise as {@link #mapPartitions(FlatMapFunction)}.
   * Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<String, Integer> placed = ssc.parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2)))
   *     .partitionBy(new HashPartitioner(2));
   * RDD<Tuple2<String, Integer>> large = placed.mapPartitions(partition -> {
   *   List<Tuple2<String, Integer>> kept = new ArrayList<>();
   *   partition.forEachRemaining(kv -> {
   *     if (kv._2() > 1) {
   *       kept.add(kv);
   *     }
   *   });
   *   return kept.iterator();
   * }, true);   // keys stay in place: PairRDD.fromRDD(large).reduceByKey(Integer::sum) needs no shuffle
   * }</pre>
   *
   * @param f turns a partition's records into the new partition's records
   * @param preservesPartitioning true if {@code f} keeps keys where they were, so the partitioner is kept
   * @param <R> the result type
   * @return the transformed RDD
   */
  public <R> RDD<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f, boolean preservesPartitioning) {
    Arguments.requireNonNull(f, "f");
    return new RDD<>(NarrowOperation.mapPartitions(f, preservesPartitioning).on(node));
  }

  /**
   * Transforms each partition as a whole, knowing its index. Narrow: no shuffle.
   *
   * <pre>{@code
   * RDD<String> letters = ssc.parallelize(List.of("a", "b", "c", "d"), 2);
   * RDD<String> tagged = letters.mapPartitionsWithIndex((index, partition) -> {
   *   List<String> out = new ArrayList<>();
   *   partition.forEachRemaining(x -> out.add(index + ":" + x));
   *   return out.iterator();
   * }, false);
   * tagged.collect();   // [0:a, 0:b, 1:c, 1:d]
   * }</pre>
   *
   * @param f gets the partition index and records and returns the new records
   * @param preservesPartitioning true if {@code f} keeps keys where they were
   * @param <R> the result type
   * @return the transformed RDD
   */
  public <R> RDD<R> mapPartitionsWithIndex(Function2<Integer, Iterator<T>, Iterator<R>> f,
      boolean preservesPartitioning) {
    Arguments.requireNonNull(f, "f");
    return new RDD<>(NarrowOperation.mapPartitionsWithIndex(f, preservesPartitioning).on(node));
  }

  /**
   * Turns every record into a key-value pair. Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<String, Integer> pairs = ssc.parallelize(List.of("a", "b", "a")).mapToPair(w -> new Tuple2<>(w, 1));
   * pairs.collect();   // [(a,1), (b,1), (a,1)]
   * }</pre>
   *
   * @param f the function
   * @param <K> the key type
   * @param <V> the value type
   * @return a pair RDD
   */
  public <K, V> PairRDD<K, V> mapToPair(PairFunction<T, K, V> f) {
    Arguments.requireNonNull(f, "f");
    return new PairRDD<>(NarrowOperation.mapToPair(f).on(node));
  }

  /**
   * Turns every record into zero or more key-value pairs. Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<String, Integer> pairs = ssc.parallelize(List.of("a b", "b c"))
   *     .flatMapToPair(l -> Arrays.stream(l.split(" ")).map(w -> new Tuple2<>(w, 1)).iterator());
   * pairs.collect();   // [(a,1), (b,1), (b,1), (c,1)]
   * }</pre>
   *
   * @param f the function
   * @param <K> the key type
   * @param <V> the value type
   * @return a pair RDD
   */
  public <K, V> PairRDD<K, V> flatMapToPair(PairFlatMapFunction<T, K, V> f) {
    Arguments.requireNonNull(f, "f");
    return new PairRDD<>(NarrowOperation.flatMapToPair(f).on(node));
  }

  /**
   * Turns each partition as a whole into key-value pairs. Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<Integer, Integer> sizes = ssc.parallelize(List.of("a", "b", "c"), 2).mapPartitionsToPair(partition -> {
   *   int n = 0;
   *   for (; partition.hasNext(); partition.next()) {
   *     n++;
   *   }
   *   return List.of(new Tuple2<>(n, 1)).iterator();
   * });
   * sizes.collect();   // [(1,1), (2,1)]
   * }</pre>
   *
   * @param f turns a partition's records into the new partition's pairs
   * @param <K> the key type
   * @param <V> the value type
   * @return a pair RDD
   */
  public <K, V> PairRDD<K, V> mapPartitionsToPair(PairFlatMapFunction<Iterator<T>, K, V> f) {
    return mapPartitionsToPair(f, false);
  }

  /**
   * Turns each partition as a whole into key-value pairs; otherwise as
   * {@link #mapPartitionsToPair(PairFlatMapFunction)}. Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<String, Integer> kept = placed.mapPartitionsToPair(partition -> partition, true);   // partitioner kept
   * }</pre>
   *
   * @param f turns a partition's records into the new partition's pairs
   * @param preservesPartitioning true if this RDD holds pairs and {@code f} keeps their keys where they were, so
   *     the partitioner is kept
   * @param <K> the key type
   * @param <V> the value type
   * @return a pair RDD
   */
  public <K, V> PairRDD<K, V> mapPartitionsToPair(PairFlatMapFunction<Iterator<T>, K, V> f,
      boolean preservesPartitioning) {
    Arguments.requireNonNull(f, "f");
    return new PairRDD<>(NarrowOperation.mapPartitionsToPair(f, preservesPartitioning).on(node));
  }

  /**
   * Turns every record into a number, giving an RDD with numeric actions ({@code sum}, {@code mean},
   * {@code stats}, {@code histogram}...). Narrow: no shuffle.
   *
   * <pre>{@code
   * double mean = ssc.parallelize(List.of("a", "bb", "ccc")).mapToDouble(String::length).mean();   // 2.0
   * }</pre>
   *
   * @param f the function
   * @return a numeric RDD
   */
  public DoubleRDD mapToDouble(DoubleFunction<T> f) {
    Arguments.requireNonNull(f, "f");
    return new DoubleRDD(NarrowOperation.mapToDouble(f).on(node));
  }

  /**
   * Pairs every record with a key computed from it: {@code (f(x), x)}. Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<Integer, String> byLength = ssc.parallelize(List.of("a", "bb")).keyBy(String::length);
   * byLength.collect();   // [(1,a), (2,bb)]
   * }</pre>
   *
   * @param f computes the key
   * @param <K> the key type
   * @return a pair RDD
   */
  public <K> PairRDD<K, T> keyBy(Function<T, K> f) {
    Arguments.requireNonNull(f, "f");
    return mapToPair(x -> new Tuple2<>(f.call(x), x));
  }

  /**
   * Turns each partition into one record: the list of its records. Narrow: no shuffle.
   *
   * <pre>{@code
   * List<List<Integer>> partitions = ssc.parallelize(List.of(1, 2, 3, 4), 2).glom().collect();
   * // [[1, 2], [3, 4]]
   * }</pre>
   *
   * @return one list per partition
   */
  public RDD<List<T>> glom() {
    return new RDD<>(NarrowOperation.<T>glom().on(node));
  }

  /**
   * Pairs the {@code n}-th record of each partition with the {@code n}-th record of the same partition of
   * another RDD. Both must have the same number of partitions and of records in each, as when one is a map of
   * the other. Narrow: no shuffle.
   *
   * <pre>{@code
   * RDD<String> words = ssc.parallelize(List.of("a", "bb"), 2);
   * PairRDD<String, Integer> withLength = words.zip(words.map(String::length));   // [(a,1), (bb,2)]
   * }</pre>
   *
   * @param other the other RDD
   * @param <U> the other's record type
   * @return the pairs
   * @throws IllegalArgumentException if the partition counts differ
   * @throws JobFailedException from an action, if a partition of one has more records than that of the other
   */
  public <U> PairRDD<T, U> zip(RDD<U> other) {
    Arguments.requireNonNull(other, "other");
    return new PairRDD<>(Zips.zip(node, other.node));
  }

  /**
   * Pairs every record with its index: its position in the RDD, counting partition by partition from 0.
   * Runs a job now, to count the records of every partition but the last (none for one partition); no
   * shuffle. The indexes follow the records' order within partitions, so give an RDD whose order is fixed
   * (a sorted one, or one persisted after a shuffle).
   *
   * <pre>{@code
   * PairRDD<String, Long> indexed = ssc.parallelize(List.of("a", "b", "c"), 2).zipWithIndex();
   * indexed.collect();   // [(a,0), (b,1), (c,2)]
   * }</pre>
   *
   * @return the records with their index
   * @throws JobFailedException if the counting job fails
   */
  public PairRDD<T, Long> zipWithIndex() {
    return new PairRDD<>(Zips.withIndex(node));
  }

  /**
   * Pairs every record with an id unique in the RDD: the {@code i}-th record of partition {@code k} gets
   * {@code i * n + k}, for {@code n} partitions. Runs no job, unlike {@link #zipWithIndex()}, but the ids have
   * gaps. Narrow: no shuffle.
   *
   * <pre>{@code
   * PairRDD<String, Long> ids = ssc.parallelize(List.of("a", "b", "c"), 2).zipWithUniqueId();
   * ids.collect();   // [(a,0), (b,1), (c,3)]
   * }</pre>
   *
   * @return the records with their ids
   */
  public PairRDD<T, Long> zipWithUniqueId() {
    return new PairRDD<>(Zips.withUniqueId(node));
  }

  /**
   * Returns every pair of a record of this RDD and a record of another: the Cartesian product. Narrow: no
   * shuffle; the result has the product of the partition counts, each task holding one partition of the
   * other RDD in memory.
   *
   * <pre>{@code
   * PairRDD<Integer, String> grid = ssc.parallelize(List.of(1, 2)).cartesian(ssc.parallelize(List.of("x", "y")));
   * grid.count();   // 4: (1,x), (1,y), (2,x), (2,y)
   * }</pre>
   *
   * @param other the other RDD
   * @param <U> the other's record type
   * @return the pairs
   * @throws IllegalArgumentException if the product of the partition counts does not fit in an int
   */
  public <U> PairRDD<T, U> cartesian(RDD<U> other) {
    Arguments.requireNonNull(other, "other");
    return new PairRDD<>(SetOperations.cartesian(node, other.node));
  }

  /**
   * Returns the records of this RDD and another, side by side (duplicates kept). Narrow: the result's
   * partitions are this RDD's followed by the other's.
   *
   * <pre>{@code
   * List<Integer> both = ssc.parallelize(List.of(1, 2)).union(ssc.parallelize(List.of(2, 3))).collect();
   * // [1, 2, 2, 3]
   * }</pre>
   *
   * @param other the other RDD
   * @return the union
   */
  public RDD<T> union(RDD<T> other) {
    Arguments.requireNonNull(other, "other");
    return new RDD<>(RddOperations.union(List.of(node, other.node)));
  }

  /**
   * Returns an RDD with fewer partitions, merging neighbouring ones without a shuffle.
   *
   * <pre>{@code
   * RDD<Integer> fewer = ssc.parallelize(List.of(1, 2, 3, 4), 4).coalesce(2);
   * fewer.glom().collect();   // [[1, 2], [3, 4]]
   * }</pre>
   *
   * @param numPartitions the target number of partitions; more than the current count keeps the count
   * @return the coalesced RDD
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public RDD<T> coalesce(int numPartitions) {
    return coalesce(numPartitions, false);
  }

  /**
   * Returns an RDD with the given number of partitions; shuffles only if {@code shuffle} is true.
   *
   * <pre>{@code
   * RDD<Integer> spread = ssc.parallelize(List.of(1, 2, 3, 4), 1).coalesce(4, true);   // 4 partitions
   * }</pre>
   *
   * @param numPartitions the target number of partitions
   * @param shuffle true to redistribute records evenly through a shuffle (allows more partitions); false to
   *     merge neighbouring partitions without moving data
   * @return the coalesced RDD
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public RDD<T> coalesce(int numPartitions, boolean shuffle) {
    return new RDD<>(RddOperations.coalesce(node, numPartitions, shuffle));
  }

  /**
   * Redistributes the records evenly over the given number of partitions. Shuffles.
   *
   * <pre>{@code
   * RDD<Integer> spread = ssc.parallelize(List.of(1, 2, 3, 4), 1).repartition(2);
   * spread.getNumPartitions();   // 2, each with about half the records
   * }</pre>
   *
   * @param numPartitions the number of partitions
   * @return the repartitioned RDD
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public RDD<T> repartition(int numPartitions) {
    return new RDD<>(RddOperations.repartition(node, numPartitions));
  }

  /**
   * Returns the distinct records. Shuffles.
   *
   * <pre>{@code
   * List<String> distinct = ssc.parallelize(List.of("a", "b", "a")).distinct().collect();   // [a, b] in any order
   * }</pre>
   *
   * @return the records without duplicates
   */
  public RDD<T> distinct() {
    return distinct(node.engine().defaultShufflePartitions(getNumPartitions()));
  }

  /**
   * Returns the distinct records in the given number of partitions. Shuffles.
   *
   * <pre>{@code
   * RDD<String> distinct = ssc.parallelize(List.of("a", "b", "a")).distinct(4);   // a, b in 4 partitions
   * }</pre>
   *
   * @param numPartitions the number of partitions
   * @return the records without duplicates
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public RDD<T> distinct(int numPartitions) {
    return new RDD<>(RddOperations.distinct(node, numPartitions));
  }

  /**
   * Returns the records that do not occur in another RDD, each as often as it occurs here; in as many
   * partitions as this RDD has. Shuffles both.
   *
   * <pre>{@code
   * List<Integer> left = ssc.parallelize(List.of(1, 2, 2, 3)).subtract(ssc.parallelize(List.of(3, 4))).collect();
   * // [1, 2, 2] in any order
   * }</pre>
   *
   * @param other the records to remove
   * @return the remaining records
   */
  public RDD<T> subtract(RDD<T> other) {
    return subtract(other, Math.max(1, getNumPartitions()));
  }

  /**
   * Returns the records that do not occur in another RDD, in the given number of partitions; otherwise as
   * {@link #subtract(RDD)}. Shuffles both.
   *
   * <pre>{@code
   * RDD<Integer> left = ssc.parallelize(List.of(1, 2, 3)).subtract(ssc.parallelize(List.of(3)), 4);   // 1, 2
   * }</pre>
   *
   * @param other the records to remove
   * @param numPartitions the number of partitions
   * @return the remaining records
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public RDD<T> subtract(RDD<T> other, int numPartitions) {
    return subtract(other, PairOperations.hash("subtract", numPartitions));
  }

  /**
   * Returns the records that do not occur in another RDD, placed by a partitioner (which gets whole records as
   * keys); otherwise as {@link #subtract(RDD)}. Shuffles both.
   *
   * <pre>{@code
   * RDD<Integer> left = ssc.parallelize(List.of(1, 2, 3))
   *     .subtract(ssc.parallelize(List.of(3)), new HashPartitioner(2));   // 1, 2
   * }</pre>
   *
   * @param other the records to remove
   * @param partitioner where records go
   * @return the remaining records
   */
  public RDD<T> subtract(RDD<T> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new RDD<>(SetOperations.subtract(node, other.node, partitioner));
  }

  /**
   * Returns the distinct records that occur in both this RDD and another. Shuffles both.
   *
   * <pre>{@code
   * List<Integer> common = ssc.parallelize(List.of(1, 2, 2, 3)).intersection(ssc.parallelize(List.of(2, 3, 4)))
   *     .collect();   // [2, 3] in any order
   * }</pre>
   *
   * @param other the other RDD
   * @return the common records, each once
   */
  public RDD<T> intersection(RDD<T> other) {
    Arguments.requireNonNull(other, "other");
    return new RDD<>(SetOperations.intersection(node, other.node));
  }

  /**
   * Groups the records by a key computed from each. Shuffles, into the default number of partitions
   * ({@code dstream.default.parallelism}, or this RDD's partition count).
   *
   * <pre>{@code
   * PairRDD<Integer, Iterable<String>> byLength = ssc.parallelize(List.of("a", "bb", "c")).groupBy(String::length);
   * // (1,[a, c]), (2,[bb])
   * }</pre>
   *
   * @param f computes a record's key
   * @param <K> the key type
   * @return one record per key with all its records
   */
  public <K> PairRDD<K, Iterable<T>> groupBy(Function<T, K> f) {
    Arguments.requireNonNull(f, "f");
    return keyBy(f).groupByKey();
  }

  /**
   * Groups the records by a key computed from each, into the given number of partitions. Shuffles.
   *
   * <pre>{@code
   * PairRDD<Integer, Iterable<String>> byLength = ssc.parallelize(List.of("a", "bb", "c")).groupBy(String::length, 4);
   * }</pre>
   *
   * @param f computes a record's key
   * @param numPartitions the number of partitions
   * @param <K> the key type
   * @return one record per key with all its records
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <K> PairRDD<K, Iterable<T>> groupBy(Function<T, K> f, int numPartitions) {
    Arguments.requireNonNull(f, "f");
    return keyBy(f).groupByKey(numPartitions);
  }

  /**
   * Sorts the records by a key computed from each, in the key's natural order: partition {@code i} holds
   * records whose keys are all before those of partition {@code i + 1}, each partition sorted. Runs a job now
   * to sample the keys, then shuffles by range, as {@link PairRDD#sortByKey(boolean, int)} does.
   *
   * <pre>{@code
   * List<String> byLength = ssc.parallelize(List.of("ccc", "a", "bb")).sortBy(String::length, true, 2).collect();
   * // [a, bb, ccc]
   * }</pre>
   *
   * @param f computes a record's key, which must be {@link Comparable}
   * @param ascending true for ascending order
   * @param numPartitions the number of partitions; fewer may result when there are few distinct keys
   * @param <S> the key type
   * @return the sorted records
   * @throws IllegalArgumentException if {@code numPartitions} is not positive, or a sampled key is null or
   *     not {@link Comparable}
   * @throws JobFailedException if the sampling job fails
   */
  public <S> RDD<T> sortBy(Function<T, S> f, boolean ascending, int numPartitions) {
    Arguments.requireNonNull(f, "f");
    return keyBy(f).sortByKey(ascending, numPartitions).values();
  }

  // ---- sampling --------------------------------------------------------------------------------------

  /**
   * Returns a random sample of the records, with a seed chosen now; otherwise as
   * {@link #sample(boolean, double, long)}.
   *
   * <pre>{@code
   * RDD<Integer> tenth = numbers.sample(false, 0.1);   // about a tenth of the numbers
   * }</pre>
   *
   * @param withReplacement whether a record may be drawn more than once
   * @param fraction without replacement, the probability of keeping each record (0 to 1); with replacement,
   *     the expected number of times each record is drawn (0 or more)
   * @return the sample
   * @throws IllegalArgumentException if {@code fraction} is negative or NaN, or above 1 without replacement
   */
  public RDD<T> sample(boolean withReplacement, double fraction) {
    return sample(withReplacement, fraction, ThreadLocalRandom.current().nextLong());
  }

  /**
   * Returns a random sample of the records: without replacement each record is kept with probability
   * {@code fraction}; with replacement each is drawn a Poisson-distributed number of times of mean
   * {@code fraction}. So the sample's size is about {@code fraction} times the count, not exactly (use
   * {@link #takeSample} for an exact size). Narrow: no shuffle; keeps the partitioner. Each partition draws
   * from its own generator seeded from {@code seed} and the partition's index: the same seed and records give
   * the same sample, however many worker threads run it, and every action on the sample sees the same records
   * as long as the partitions give their records in the same order (persist this RDD first if it comes
   * from a shuffle).
   *
   * <pre>{@code
   * RDD<Integer> half = ssc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 2).sample(false, 0.5, 42L);
   * }</pre>
   *
   * @param withReplacement whether a record may be drawn more than once
   * @param fraction without replacement, the probability of keeping each record (0 to 1); with replacement,
   *     the expected number of times each record is drawn (0 or more)
   * @param seed the seed of the random draws
   * @return the sample
   * @throws IllegalArgumentException if {@code fraction} is negative or NaN, or above 1 without replacement
   */
  public RDD<T> sample(boolean withReplacement, double fraction, long seed) {
    return new RDD<>(Sampling.sample(node, withReplacement, fraction, seed));
  }

  /**
   * Splits the records at random into RDDs whose sizes are about proportional to the weights, with a seed
   * chosen now; otherwise as {@link #randomSplit(double[], long)}.
   *
   * <pre>{@code
   * RDD<Integer>[] trainAndTest = numbers.randomSplit(new double[] {0.8, 0.2});
   * }</pre>
   *
   * @param weights the relative sizes, normalized to sum to 1
   * @return one RDD per weight
   * @throws IllegalArgumentException if a weight is negative or NaN, or they do not sum to a positive number
   */
  public RDD<T>[] randomSplit(double[] weights) {
    return randomSplit(weights, ThreadLocalRandom.current().nextLong());
  }

  /**
   * Splits the records at random into RDDs whose sizes are about proportional to the weights: every record
   * is in exactly one of them. Narrow: no shuffle; each split computes this RDD again and keeps its share of
   * the records (persist this RDD first if it is costly, and if it comes from a shuffle, so that every split
   * sees the records of a partition in the same order). Reproducible with a seed as {@link #sample} is.
   *
   * <pre>{@code
   * RDD<Integer>[] parts = ssc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8)).randomSplit(new double[] {3, 1}, 7L);
   * // parts[0] has about three quarters of the numbers, parts[1] the others
   * }</pre>
   *
   * @param weights the relative sizes, normalized to sum to 1
   * @param seed the seed of the random draws
   * @return one RDD per weight, in order: an array, as Spark's
   * @throws IllegalArgumentException if a weight is negative or NaN, or they do not sum to a positive number
   */
  public RDD<T>[] randomSplit(double[] weights, long seed) {
    Arguments.requireNonNull(weights, "weights");
    List<RddNode<T>> nodes = Sampling.randomSplit(node, weights, seed);
    @SuppressWarnings("unchecked")
    RDD<T>[] splits = (RDD<T>[]) new RDD<?>[nodes.size()];
    for (int i = 0; i < splits.length; i++) {
      splits[i] = new RDD<>(nodes.get(i));
    }
    return splits;
  }

  // ---- persistence and description ------------------------------------------------------------------

  /**
   * Keeps the records after they are first computed, so later actions reuse them.
   *
   * <pre>{@code
   * RDD<String> words = ssc.parallelize(List.of("a b", "b c"))
   *     .flatMap(l -> Arrays.asList(l.split(" ")).iterator()).persist(StorageLevel.MEMORY_ONLY);
   * long total = words.count();                // computes the words and keeps them
   * long distinct = words.distinct().count();  // reads the kept words
   * }</pre>
   *
   * @param level the storage level; for now every level keeps the records in memory as objects
   * @return this RDD
   * @throws IllegalStateException if the RDD is already persisted at another level
   */
  public RDD<T> persist(StorageLevel level) {
    Arguments.requireNonNull(level, "level");
    node.persist(level);
    return this;
  }

  /**
   * Persists at {@link StorageLevel#MEMORY_ONLY}.
   *
   * <pre>{@code
   * RDD<String> words = ssc.parallelize(List.of("a b", "b c"))
   *     .flatMap(l -> Arrays.asList(l.split(" ")).iterator()).cache();
   * words.count();   // 4, computed once
   * words.first();   // a, read from the cache
   * }</pre>
   *
   * @return this RDD
   */
  public RDD<T> cache() {
    return persist(StorageLevel.MEMORY_ONLY);
  }

  /**
   * Drops the persisted records, if any, and marks the RDD as not persisted.
   *
   * <pre>{@code
   * words.unpersist();   // the next action computes the words again
   * }</pre>
   *
   * @return this RDD
   */
  public RDD<T> unpersist() {
    node.unpersist();
    return this;
  }

  /**
   * Names this RDD: the name shows in {@link #toDebugString()} and in the messages of failed tasks.
   *
   * <pre>{@code
   * RDD<Integer> numbers = ssc.parallelize(List.of(1, 2, 3)).setName("numbers");
   * numbers.toDebugString();   // (2) numbers ParallelCollection[0]
   * }</pre>
   *
   * @param name the name
   * @return this RDD
   */
  public RDD<T> setName(String name) {
    Arguments.requireNonNull(name, "name");
    node.setName(name);
    return this;
  }

  static {
    RddBridge.install();
  }
}
