package io.dstream.rdd;

import io.dstream.Tuple2;
import io.dstream.checkpoint.internal.Arguments;
import io.dstream.function.FlatMapFunction;
import io.dstream.function.Function2;
import io.dstream.function.Function;
import io.dstream.function.PairFlatMapFunction;
import io.dstream.function.PairFunction;
import io.dstream.function.VoidFunction;
import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import io.dstream.internal.rdd.ShuffleDependency;
import io.dstream.internal.rdd.ValueCopier;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

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
 * <p>The method examples build their RDDs with {@code ssc.parallelize} on a context {@code ssc}; inside
 * {@code foreachRDD} or {@code transform} the same operations apply to each batch's RDD. After a shuffle,
 * records come in no particular order.
 *
 * @param <T> the record type
 */
public class RDD<T> {
  final RddNode<T> node;

  RDD(RddNode<T> node) {
    this.node = Objects.requireNonNull(node);
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

  // ---- actions ---------------------------------------------------------------------------------------

  /**
   * Returns every record, partition by partition: runs a job and brings the whole RDD into one list,
   * so use it only on RDDs that fit in memory.
   *
   * <pre>{@code
   * List<String> all = ssc.parallelize(List.of("a", "b", "c")).collect();   // [a, b, c]
   * }</pre>
   *
   * @return a new mutable list
   * @throws JobFailedException if a task fails
   */
  public List<T> collect() {
    List<List<T>> parts = runJob((p, it) -> {
      List<T> list = new ArrayList<>();
      it.forEachRemaining(list::add);
      return list;
    });
    List<T> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }

  /**
   * Returns the number of records. Runs a job.
   *
   * <pre>{@code
   * long n = ssc.parallelize(List.of("a", "b", "a")).count();   // 3
   * }</pre>
   *
   * @return the count
   * @throws JobFailedException if a task fails
   */
  public long count() {
    long total = 0;
    for (long c : runJob((p, it) -> {
      long n = 0;
      for (; it.hasNext(); it.next()) {
        n++;
      }
      return n;
    })) {
      total += c;
    }
    return total;
  }

  /**
   * Returns the first record. Runs a job over as few partitions as it can.
   *
   * <pre>{@code
   * String head = ssc.parallelize(List.of("a", "b")).first();   // a
   * }</pre>
   *
   * @return the first record of the first non-empty partition
   * @throws NoSuchElementException if the RDD is empty
   * @throws JobFailedException if a task fails
   */
  public T first() {
    List<T> one = take(1);
    if (one.isEmpty()) {
      throw new NoSuchElementException("first() on an empty RDD; check isEmpty() or use take(1)");
    }
    return one.get(0);
  }

  /**
   * Returns the first {@code n} records, computing as few partitions as it can: first one partition, then
   * four times as many as long as records are missing.
   *
   * <pre>{@code
   * List<Integer> firstTwo = ssc.parallelize(List.of(1, 2, 3, 4), 4).take(2);   // [1, 2]
   * }</pre>
   *
   * @param n how many records
   * @return up to {@code n} records
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws JobFailedException if a task fails
   */
  public List<T> take(int n) {
    return RddOperations.take(node, n);
  }

  /**
   * Combines all records with an associative and commutative function. Runs a job: each
   * partition is reduced on a worker thread, and the partitions' results in the caller's thread.
   *
   * <pre>{@code
   * int sum = ssc.parallelize(List.of(1, 2, 3, 4)).reduce(Integer::sum);   // 10
   * }</pre>
   *
   * @param f the function
   * @return the combined value
   * @throws NoSuchElementException if the RDD is empty
   * @throws JobFailedException if a task fails
   */
  public T reduce(Function2<T, T, T> f) {
    Arguments.requireNonNull(f, "f");
    List<Object[]> parts = runJob((p, it) -> {
      if (!it.hasNext()) {
        return new Object[0];
      }
      T acc = it.next();
      while (it.hasNext()) {
        acc = f.call(acc, it.next());
      }
      return new Object[] {acc};
    });
    boolean found = false;
    T result = null;
    for (Object[] part : parts) {
      if (part.length == 1) {
        @SuppressWarnings("unchecked")
        T value = (T) part[0];
        result = found ? callUser(f, result, value) : value;
        found = true;
      }
    }
    if (!found) {
      throw new NoSuchElementException("reduce() on an empty RDD; use fold() with a zero value instead");
    }
    return result;
  }

  /**
   * Folds all records into a value: each partition from a copy of {@code zeroValue}, then the partitions'
   * results from another copy. Runs a job.
   *
   * <pre>{@code
   * int sum = ssc.parallelize(List.of(1, 2, 3, 4)).fold(0, Integer::sum);   // 10, and 0 for an empty RDD
   * }</pre>
   *
   * @param zeroValue the neutral value of {@code f}; copied, so it may be mutable
   * @param f an associative function
   * @return the folded value ({@code zeroValue} for an empty RDD)
   * @throws IllegalArgumentException if {@code zeroValue} cannot be copied
   * @throws JobFailedException if a task fails
   */
  public T fold(T zeroValue, Function2<T, T, T> f) {
    Arguments.requireNonNull(f, "f");
    return aggregate(zeroValue, f, f);
  }

  /**
   * Aggregates all records: each partition with {@code seqOp} from a copy of {@code zeroValue}, then the
   * partitions' results with {@code combOp} from another copy. Runs a job.
   *
   * <pre>{@code
   * // (sum, count) in one pass, for the average
   * Tuple2<Integer, Integer> sumCount = ssc.parallelize(List.of(1, 2, 3, 4)).aggregate(new Tuple2<>(0, 0),
   *     (acc, x) -> new Tuple2<>(acc._1() + x, acc._2() + 1),
   *     (x, y) -> new Tuple2<>(x._1() + y._1(), x._2() + y._2()));   // (10,4)
   * }</pre>
   *
   * @param zeroValue the neutral value; copied, so it may be mutable
   * @param seqOp folds a record into an accumulator
   * @param combOp merges two accumulators
   * @param <U> the accumulator type
   * @return the aggregate
   * @throws IllegalArgumentException if {@code zeroValue} cannot be copied
   * @throws JobFailedException if a task fails
   */
  public <U> U aggregate(U zeroValue, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
    Arguments.requireNonNull(seqOp, "seqOp");
    Arguments.requireNonNull(combOp, "combOp");
    ValueCopier copier = node.engine().valueCopier();
    U result = copier.copy(zeroValue);
    List<U> parts = runJob((p, it) -> {
      U acc = copier.copy(zeroValue);
      while (it.hasNext()) {
        acc = seqOp.call(acc, it.next());
      }
      return acc;
    });
    for (U part : parts) {
      result = callUser(combOp, result, part);
    }
    return result;
  }

  /**
   * Applies a function to every record, on the worker threads. Runs a job.
   *
   * <pre>{@code
   * ssc.parallelize(List.of("a", "b")).foreach(System.out::println);   // prints a and b, in any order
   * }</pre>
   *
   * @param f the function
   * @throws JobFailedException if a task fails
   */
  public void foreach(VoidFunction<T> f) {
    Arguments.requireNonNull(f, "f");
    runJob((p, it) -> {
      while (it.hasNext()) {
        f.call(it.next());
      }
      return null;
    });
  }

  /**
   * Applies a function to every partition, on the worker threads: the place to open one connection per
   * partition rather than per record. Runs a job.
   *
   * <pre>{@code
   * ssc.parallelize(List.of("a", "b", "c"), 2).foreachPartition(partition -> {
   *   StringBuilder lines = new StringBuilder();   // one buffer (or connection) per partition
   *   partition.forEachRemaining(w -> lines.append(w).append('\n'));
   *   System.out.print(lines);
   * });
   * }</pre>
   *
   * @param f the function
   * @throws JobFailedException if a task fails
   */
  public void foreachPartition(VoidFunction<Iterator<T>> f) {
    Arguments.requireNonNull(f, "f");
    runJob((p, it) -> {
      f.call(it);
      return null;
    });
  }

  /**
   * Tells whether the RDD has no records, computing at most what {@code take(1)} computes.
   *
   * <pre>{@code
   * boolean none = ssc.parallelize(List.of("a", "b")).filter(w -> w.startsWith("z")).isEmpty();   // true
   * }</pre>
   *
   * @return true if empty
   * @throws JobFailedException if a task fails
   */
  public boolean isEmpty() {
    return getNumPartitions() == 0 || take(1).isEmpty();
  }

  /**
   * Counts how many times each distinct record occurs. Shuffles and runs a job; the result must fit
   * in memory.
   *
   * <pre>{@code
   * Map<String, Long> counts = ssc.parallelize(List.of("a", "b", "a")).countByValue();   // {a=2, b=1}
   * }</pre>
   *
   * @return a new map from record to count
   * @throws JobFailedException if a task fails
   */
  public Map<T, Long> countByValue() {
    return mapToPair(x -> new Tuple2<>(x, 1L)).reduceByKey(Long::sum).collectAsMap();
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
   * Returns the storage level.
   *
   * <pre>{@code
   * StorageLevel level = ssc.parallelize(List.of(1)).cache().getStorageLevel();   // MEMORY_ONLY
   * }</pre>
   *
   * @return {@link StorageLevel#NONE} unless persisted
   */
  public StorageLevel getStorageLevel() {
    return node.storageLevel();
  }

  /**
   * Returns the number of partitions.
   *
   * <pre>{@code
   * int n = ssc.parallelize(List.of(1, 2, 3), 3).getNumPartitions();   // 3
   * }</pre>
   *
   * @return zero or more
   */
  public int getNumPartitions() {
    return node.numPartitions();
  }

  /**
   * Returns this RDD's id, unique within its context.
   *
   * <pre>{@code
   * RDD<Integer> numbers = ssc.parallelize(List.of(1, 2, 3));
   * int id = numbers.id();   // also shown in toDebugString(), as in ParallelCollection[0]
   * }</pre>
   *
   * @return the id
   */
  public int id() {
    return node.id();
  }

  /**
   * Returns the lineage as indented text, one line per RDD with its partition count, as in Spark's
   * {@code toDebugString}: lines of one stage share an indentation and hang off a {@code |}; a shuffle
   * starts a new, deeper stage with {@code +-}. For {@code pairs.reduceByKey(f).mapValues(g)}:
   *
   * <pre>
   * (2) mapValues[3]
   *  |  (2) reduceByKey[2]
   *  +- (2) mapToPair[1]
   *      |  (2) ParallelCollection[0]
   * </pre>
   *
   * @return the lineage
   */
  public String toDebugString() {
    StringBuilder out = new StringBuilder();
    describe(node, "", "", out);
    return out.toString().stripTrailing();
  }

  private static void describe(RddNode<?> n, String marker, String stageIndent, StringBuilder out) {
    out.append(marker).append('(').append(n.numPartitions()).append(") ").append(n).append('\n');
    for (Dependency dep : n.dependencies()) {
      if (dep instanceof ShuffleDependency<?, ?, ?>) {
        describe(dep.parent(), stageIndent + " +- ", stageIndent + "    ", out);
      } else {
        describe(dep.parent(), stageIndent + " |  ", stageIndent, out);
      }
    }
  }

  @Override
  public String toString() {
    return node.toString();
  }

  // ---- helpers shared with PairRDD ---------------------------------------------------------------------

  <U> List<U> runJob(io.dstream.internal.rdd.TaskFunction<T, U> f) {
    return node.engine().jobRunner().runJob(node, f);
  }

  static <A, B, C> C callUser(Function2<A, B, C> f, A a, B b) {
    try {
      return f.call(a, b);
    } catch (Exception e) {
      throw new JobFailedException("a function failed while merging the tasks' results: " + e, e);
    }
  }


  static {
    RddBridge.install();
  }
}
