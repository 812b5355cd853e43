package io.dstream.rdd;

import io.dstream.Tuple2;
import io.dstream.checkpoint.internal.Arguments;
import io.dstream.function.Function2;
import io.dstream.function.VoidFunction;
import io.dstream.internal.output.PartFileFormat;
import io.dstream.internal.output.RddFileOutput;
import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.Iterators;
import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.PartitionByPartitionIterator;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import io.dstream.internal.rdd.Sampling;
import io.dstream.internal.rdd.ShuffleDependency;
import io.dstream.internal.rdd.TakeOrdered;
import io.dstream.internal.rdd.TaskFunction;
import io.dstream.internal.rdd.TreeAggregation;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The half of {@link RDD} that runs jobs and returns to the caller: its actions, and what describes it. Users
 * see these methods as {@code RDD}'s own; they live here so that each file holds one concern (the JDK's
 * {@code AbstractStringBuilder} does the same for {@code StringBuilder}). {@code RDD} holds the
 * transformations and persistence.
 *
 * @param <T> the record type
 */
abstract class RddActions<T> {
  final RddNode<T> node;

  RddActions(RddNode<T> node) {
    this.node = Objects.requireNonNull(node);
  }

  // ---- actions that return records ------------------------------------------------------------------

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
   * Returns an iterator over every record, partition by partition, holding one partition in memory at a
   * time: each partition is computed by its own job when the iterator reaches it; no shuffle. Needs memory
   * for the largest partition only, where {@link #collect()} needs it for all of them.
   *
   * <pre>{@code
   * Iterator<Integer> all = ssc.parallelize(List.of(1, 2, 3, 4), 2).toLocalIterator();
   * all.next();   // 1: computes partition 0 only
   * }</pre>
   *
   * @return an iterator that computes partitions as it goes; its {@code hasNext} and {@code next} throw
   *     {@link JobFailedException} if a task fails
   */
  public Iterator<T> toLocalIterator() {
    return new PartitionByPartitionIterator<>(node);
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
    for (long c : runJob((p, it) -> Iterators.count(it))) {
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
   * Returns the {@code n} smallest records in their natural order, smallest first. Runs a job, no shuffle:
   * each task keeps only its partition's {@code n} smallest.
   *
   * <pre>{@code
   * List<Integer> smallest = ssc.parallelize(List.of(5, 1, 4, 2, 3), 2).takeOrdered(2);   // [1, 2]
   * }</pre>
   *
   * @param n how many records
   * @return a new mutable list of at most {@code n} records
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws JobFailedException if a task fails (a {@link ClassCastException} if the records are not
   *     {@link Comparable})
   */
  public List<T> takeOrdered(int n) {
    return takeOrdered(n, naturalOrder());
  }

  /**
   * Returns the {@code n} first records in a comparator's order. Runs a job, no shuffle.
   *
   * <pre>{@code
   * List<String> shortest = ssc.parallelize(List.of("ccc", "a", "bb")).takeOrdered(2,
   *     Comparator.comparing(String::length));   // [a, bb]
   * }</pre>
   *
   * @param n how many records
   * @param comparator the order
   * @return a new mutable list of at most {@code n} records, first first
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws JobFailedException if a task or the comparator fails
   */
  public List<T> takeOrdered(int n, Comparator<T> comparator) {
    Arguments.requireNonNull(comparator, "comparator");
    return TakeOrdered.first(node, n, comparator, "takeOrdered");
  }

  /**
   * Returns the {@code n} largest records in their natural order, largest first. Runs a job, no shuffle.
   *
   * <pre>{@code
   * List<Integer> largest = ssc.parallelize(List.of(5, 1, 4, 2, 3), 2).top(2);   // [5, 4]
   * }</pre>
   *
   * @param n how many records
   * @return a new mutable list of at most {@code n} records
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws JobFailedException if a task fails (a {@link ClassCastException} if the records are not
   *     {@link Comparable})
   */
  public List<T> top(int n) {
    return top(n, naturalOrder());
  }

  /**
   * Returns the {@code n} largest records in a comparator's order, largest first. Runs a job, no shuffle.
   *
   * <pre>{@code
   * List<String> longest = ssc.parallelize(List.of("ccc", "a", "bb")).top(2,
   *     Comparator.comparing(String::length));   // [ccc, bb]
   * }</pre>
   *
   * @param n how many records
   * @param comparator the order
   * @return a new mutable list of at most {@code n} records, largest first
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws JobFailedException if a task or the comparator fails
   */
  public List<T> top(int n, Comparator<T> comparator) {
    Arguments.requireNonNull(comparator, "comparator");
    return TakeOrdered.first(node, n, comparator.reversed(), "top");
  }

  /**
   * Returns the largest record in a comparator's order. Runs a job, no shuffle.
   *
   * <pre>{@code
   * String longest = ssc.parallelize(List.of("ccc", "a", "bb")).max(Comparator.comparing(String::length));   // ccc
   * }</pre>
   *
   * @param comparator the order
   * @return a largest record (of several equal ones, any)
   * @throws NoSuchElementException if the RDD is empty
   * @throws JobFailedException if a task or the comparator fails
   */
  public T max(Comparator<T> comparator) {
    Arguments.requireNonNull(comparator, "comparator");
    return TreeAggregation.reduce(node, (a, b) -> comparator.compare(a, b) >= 0 ? a : b, 1, "max()",
        "check isEmpty() first");
  }

  /**
   * Returns the smallest record in a comparator's order. Runs a job, no shuffle.
   *
   * <pre>{@code
   * String shortest = ssc.parallelize(List.of("ccc", "a", "bb")).min(Comparator.comparing(String::length));   // a
   * }</pre>
   *
   * @param comparator the order
   * @return a smallest record (of several equal ones, any)
   * @throws NoSuchElementException if the RDD is empty
   * @throws JobFailedException if a task or the comparator fails
   */
  public T min(Comparator<T> comparator) {
    Arguments.requireNonNull(comparator, "comparator");
    return TreeAggregation.reduce(node, (a, b) -> comparator.compare(a, b) <= 0 ? a : b, 1, "min()",
        "check isEmpty() first");
  }

  /**
   * Returns {@code num} records drawn at random, in random order, with a random seed; otherwise as
   * {@link #takeSample(boolean, int, long)}.
   *
   * <pre>{@code
   * List<Integer> three = ssc.parallelize(List.of(1, 2, 3, 4, 5)).takeSample(false, 3);   // 3 of them, shuffled
   * }</pre>
   *
   * @param withReplacement whether a record may be drawn more than once
   * @param num how many records
   * @return a new mutable list
   * @throws IllegalArgumentException if {@code num} is negative
   * @throws JobFailedException if a task fails
   */
  public List<T> takeSample(boolean withReplacement, int num) {
    return takeSample(withReplacement, num, ThreadLocalRandom.current().nextLong());
  }

  /**
   * Returns {@code num} records drawn at random, in random order: the same ones for the same seed and
   * records, however many worker threads there are. Runs two jobs, no shuffle: one counts the records, one
   * (rarely more) draws a sample slightly larger than needed; so persist a costly RDD first. Without
   * replacement, asking for at least as many records as there are returns all of them, shuffled.
   *
   * <pre>{@code
   * List<Integer> sample = ssc.parallelize(List.of(1, 2, 3)).takeSample(true, 5, 42L);   // 5, some repeated
   * }</pre>
   *
   * @param withReplacement whether a record may be drawn more than once
   * @param num how many records
   * @param seed the seed of the random draws
   * @return a new mutable list of {@code num} records (fewer only without replacement, when there are fewer)
   * @throws IllegalArgumentException if {@code num} is negative
   * @throws JobFailedException if a task fails
   */
  public List<T> takeSample(boolean withReplacement, int num, long seed) {
    return Sampling.takeSample(node, withReplacement, num, seed);
  }

  // ---- actions that combine records -------------------------------------------------------------------

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
    return TreeAggregation.reduce(node, f, 1, "reduce()", "use fold() with a zero value instead");
  }

  /**
   * Combines all records in a tree of depth 2; see {@link #treeReduce(Function2, int)}.
   *
   * <pre>{@code
   * int sum = ssc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8).treeReduce(Integer::sum);   // 36
   * }</pre>
   *
   * @param f an associative and commutative function
   * @return the combined value
   * @throws NoSuchElementException if the RDD is empty
   * @throws JobFailedException if a task fails
   */
  public T treeReduce(Function2<T, T, T> f) {
    return treeReduce(f, 2);
  }

  /**
   * Combines all records as {@link #reduce} does, but combines the partitions' results in a tree of the given
   * depth: with many partitions, worker tasks combine groups of them level by level, so the caller's thread
   * combines only a few. Runs one job, then a job per level; never shuffles. Worth it when the partitions'
   * results are large (arrays, models) and there are many partitions.
   *
   * <pre>{@code
   * int sum = ssc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8).treeReduce(Integer::sum, 3);   // 36
   * }</pre>
   *
   * @param f an associative and commutative function; may modify and return its first argument (a level's task
   *     merges into a copy of its group's first result, so that a retried task finds the results unchanged;
   *     values of immutable classes are not copied)
   * @param depth the depth of the tree: 1 combines every partition's result in the caller, as {@code reduce}
   * @return the combined value
   * @throws IllegalArgumentException if {@code depth} is less than 1
   * @throws NoSuchElementException if the RDD is empty
   * @throws JobFailedException if a task fails (also if a level's task cannot copy a result)
   */
  public T treeReduce(Function2<T, T, T> f, int depth) {
    Arguments.requireNonNull(f, "f");
    return TreeAggregation.reduce(node, f, depth, "treeReduce()", "use treeAggregate() with a zero value instead");
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
    return TreeAggregation.aggregate(node, zeroValue, seqOp, combOp, 1, "aggregate()");
  }

  /**
   * Aggregates all records in a tree of depth 2; see {@link #treeAggregate(Object, Function2, Function2, int)}.
   *
   * <pre>{@code
   * long sum = ssc.parallelize(List.of(1, 2, 3, 4), 4).treeAggregate(0L, (acc, x) -> acc + x, Long::sum);   // 10
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
  public <U> U treeAggregate(U zeroValue, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
    return treeAggregate(zeroValue, seqOp, combOp, 2);
  }

  /**
   * Aggregates all records as {@link #aggregate} does, but merges the partitions' results in a tree of the
   * given depth: with many partitions, worker tasks merge groups of them level by level, each group into a copy
   * of {@code zeroValue}, so the caller's thread merges only a few. Runs one job, then a job per level; never
   * shuffles.
   *
   * <pre>{@code
   * long[] sumAndCount = ssc.parallelize(List.of(1, 2, 3, 4), 4).treeAggregate(new long[2],
   *     (acc, x) -> { acc[0] += x; acc[1]++; return acc; },
   *     (a, b) -> { a[0] += b[0]; a[1] += b[1]; return a; }, 3);   // [10, 4]
   * }</pre>
   *
   * @param zeroValue the neutral value; copied, so it may be mutable
   * @param seqOp folds a record into an accumulator; may modify and return its first argument
   * @param combOp merges two accumulators; may modify and return its first argument
   * @param depth the depth of the tree: 1 merges every partition's result in the caller, as {@code aggregate}
   * @param <U> the accumulator type
   * @return the aggregate; a copy of {@code zeroValue} for an empty RDD
   * @throws IllegalArgumentException if {@code depth} is less than 1 or {@code zeroValue} cannot be copied
   * @throws JobFailedException if a task fails
   */
  public <U> U treeAggregate(U zeroValue, Function2<U, T, U> seqOp, Function2<U, U, U> combOp, int depth) {
    Arguments.requireNonNull(seqOp, "seqOp");
    Arguments.requireNonNull(combOp, "combOp");
    return TreeAggregation.aggregate(node, zeroValue, seqOp, combOp, depth, "treeAggregate()");
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
    return new PairRDD<>(NarrowOperation.<T, T, Long>mapToPair(x -> new Tuple2<>(x, 1L)).on(node))
        .reduceByKey(Long::sum).collectAsMap();
  }

  // ---- actions with side effects ----------------------------------------------------------------------

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
   * Saves the records as text: the directory {@code path} gets one part file per partition
   * ({@code part-00000}, ...), each record's {@code toString()} on its own line in UTF-8, and an empty
   * {@code _SUCCESS} marker, written as {@link io.dstream.DStream#saveAsTextFiles(String)} writes a batch:
   * under a hidden name, then renamed into place. Runs a job, one task per part file; no shuffle. Unlike
   * Spark outside a streaming job, an existing directory is replaced (as Spark allows in the jobs of a
   * streaming context, so that a batch that runs again can write again); a reader never sees a half-written
   * directory.
   *
   * <pre>{@code
   * ssc.parallelize(List.of("a", "b"), 2).saveAsTextFile("/tmp/letters");   // /tmp/letters/part-00000, ...
   * }</pre>
   *
   * @param path the directory; parent directories are created as needed
   * @throws IllegalArgumentException if the path is blank or not a valid path
   * @throws java.io.UncheckedIOException if the directory cannot be written
   * @throws JobFailedException if a task fails
   */
  public void saveAsTextFile(String path) {
    Arguments.requireNonNull(path, "path");
    RddFileOutput.write("saveAsTextFile", path, node, PartFileFormat.text());
  }

  /**
   * Saves the records as object files, which {@link io.dstream.StreamingContext#objectFile(String)} reads
   * back: the directory {@code path} gets one part file per partition, each a checksummed stream of the
   * records serialized with the context's serializer (Kryo; records need not be {@code Serializable}), and a
   * {@code _SUCCESS} marker. Written, and an existing directory replaced, as {@link #saveAsTextFile(String)}
   * does. Runs a job, one task per part file; no shuffle.
   *
   * <pre>{@code
   * ssc.parallelize(List.of(1, 2, 3)).saveAsObjectFile("/tmp/numbers");
   * RDD<Integer> back = ssc.objectFile("/tmp/numbers");   // 1, 2, 3
   * }</pre>
   *
   * @param path the directory; parent directories are created as needed
   * @throws IllegalArgumentException if the path is blank or not a valid path
   * @throws java.io.UncheckedIOException if the directory cannot be written
   * @throws JobFailedException if a task fails (a record the serializer cannot write fails it)
   */
  public void saveAsObjectFile(String path) {
    Arguments.requireNonNull(path, "path");
    RddFileOutput.write("saveAsObjectFile", path, node, PartFileFormat.objects(node.engine().serializer()));
  }

  // ---- description -----------------------------------------------------------------------------------

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
   * Returns the partitions, in index order: Spark's {@code rdd.partitions()}, as in
   * {@code rdd.partitions().size()}.
   *
   * <pre>{@code
   * List<Partition> parts = ssc.parallelize(List.of(1, 2, 3), 3).partitions();
   * parts.get(2).index();   // 2
   * }</pre>
   *
   * @return an unmodifiable list of {@link #getNumPartitions()} partitions
   */
  public List<Partition> partitions() {
    List<Partition> partitions = new ArrayList<>(node.numPartitions());
    for (int i = 0; i < node.numPartitions(); i++) {
      partitions.add(new IndexedPartition(node.id(), i));
    }
    return List.copyOf(partitions);
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
   * Returns the name given with {@link RDD#setName(String)}.
   *
   * <pre>{@code
   * ssc.parallelize(List.of(1, 2, 3)).setName("numbers").name();   // numbers
   * }</pre>
   *
   * @return the name, or null if none was given
   */
  public String name() {
    return node.name();
  }

  /**
   * Returns the lineage as indented text, one line per RDD with its partition count, as in Spark's
   * {@code toDebugString}: lines of one stage share an indentation and hang off a {@code |}; a shuffle
   * starts a new, deeper stage with {@code +-}. An RDD with a name shows it first. For
   * {@code pairs.reduceByKey(f).mapValues(g)}:
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

  // ---- helpers shared with the subclasses --------------------------------------------------------------

  <U> List<U> runJob(TaskFunction<T, U> f) {
    return node.engine().jobRunner().runJob(node, f);
  }

  @SuppressWarnings("unchecked")
  private static <T> Comparator<T> naturalOrder() {
    return (Comparator<T>) Comparator.naturalOrder();
  }
}
