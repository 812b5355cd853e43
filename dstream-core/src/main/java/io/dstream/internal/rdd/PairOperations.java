package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.function.Function2;
import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.Partitioner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The key-value operations on nodes of {@link Tuple2}: combining by key, partitioning, joins and sorting.
 * The one implementation of each, which the public {@code PairRDD} methods and the stream operators both
 * call. An input already partitioned by the target partitioner is not shuffled again.
 */
public final class PairOperations {
  private PairOperations() {}

  /**
   * Combines the values of each key into the partitioner's layout: in place when the node is partitioned so
   * already, otherwise through a shuffle.
   *
   * @param node the pairs
   * @param name the operation's name, such as {@code reduceByKey}
   * @param aggregator how values become a key's combiner
   * @param partitioner where keys go
   * @param mapSideCombine whether to combine before the shuffle
   * @param <K> the key type
   * @param <V> the value type
   * @param <C> the combiner type
   * @return one record per key with its combiner
   */
  public static <K, V, C> RddNode<Tuple2<K, C>> combineByKey(RddNode<Tuple2<K, V>> node, String name,
      Aggregator<K, V, C> aggregator, Partitioner partitioner, boolean mapSideCombine) {
    if (partitioner.equals(node.partitioner())) {
      // Every key is already in its partition: combine in place, no shuffle.
      return new NarrowOperation<Tuple2<K, V>, Tuple2<K, C>>(name, (p, it) -> {
        CombineMap combiners = new CombineMap();
        while (it.hasNext()) {
          Tuple2<K, V> kv = it.next();
          aggregator.addValue(combiners, kv._1(), kv._2());
        }
        return Aggregator.records(combiners);
      }, true).on(node);
    }
    return new ShuffledRddNode<>(new ShuffleDependency<>(node, partitioner, aggregator, mapSideCombine), name);
  }

  /**
   * {@code reduceByKey}: the values of each key merged with an associative and commutative function,
   * combining on the map side first.
   *
   * @param node the pairs
   * @param partitioner where keys go
   * @param f the reduce function
   * @param <K> the key type
   * @param <V> the value type
   * @return one record per key
   */
  public static <K, V> RddNode<Tuple2<K, V>> reduceByKey(RddNode<Tuple2<K, V>> node, Partitioner partitioner,
      Function2<V, V, V> f) {
    return combineByKey(node, "reduceByKey", Aggregator.reducing(f, node.engine().valueCopier()), partitioner, true);
  }

  /**
   * {@code groupByKey}: the values of each key in one list, without map-side combine.
   *
   * @param node the pairs
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the value type
   * @return one record per key with all its values
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <K, V> RddNode<Tuple2<K, Iterable<V>>> groupByKey(RddNode<Tuple2<K, V>> node,
      Partitioner partitioner) {
    // The lists are the Iterables: widening the type needs no pass over the records.
    return (RddNode) combineByKey(node, "groupByKey", Aggregator.<K, V>grouping(), partitioner, false);
  }

  /**
   * {@code aggregateByKey}: the values of each key folded into its own copy of a zero value.
   *
   * @param node the pairs
   * @param zeroValue the initial accumulator of every key; copied per key
   * @param partitioner where keys go
   * @param seqOp folds a value into an accumulator
   * @param combOp merges two accumulators of one key
   * @param <K> the key type
   * @param <V> the value type
   * @param <U> the accumulator type
   * @return one record per key with its accumulator
   * @throws IllegalArgumentException if {@code zeroValue} cannot be copied
   */
  public static <K, V, U> RddNode<Tuple2<K, U>> aggregateByKey(RddNode<Tuple2<K, V>> node, U zeroValue,
      Partitioner partitioner, Function2<U, V, U> seqOp, Function2<U, U, U> combOp) {
    ValueCopier copier = node.engine().valueCopier();
    copier.requireCopyable(zeroValue);
    return combineByKey(node, "aggregateByKey",
        Aggregator.of(v -> seqOp.call(copier.copy(zeroValue), v), seqOp, combOp, copier), partitioner, true);
  }

  /**
   * {@code partitionBy}: every record moved to the partition the partitioner gives its key.
   *
   * @param node the pairs
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the value type
   * @return the node itself if it is partitioned so already, otherwise the shuffled pairs
   */
  public static <K, V> RddNode<Tuple2<K, V>> partitionBy(RddNode<Tuple2<K, V>> node, Partitioner partitioner) {
    if (partitioner.equals(node.partitioner())) {
      return node;
    }
    return new ShuffledRddNode<>(new ShuffleDependency<>(node, partitioner, null, false), "partitionBy");
  }

  /**
   * {@code cogroup}: for each key present in either node, both lists of values.
   *
   * @param node the left pairs
   * @param other the right pairs
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the left value type
   * @param <W> the right value type
   * @return one record per key
   */
  @SuppressWarnings("unchecked")
  public static <K, V, W> RddNode<Tuple2<K, Tuple2<Iterable<V>, Iterable<W>>>> cogroup(RddNode<Tuple2<K, V>> node,
      RddNode<Tuple2<K, W>> other, Partitioner partitioner) {
    RddNode<Tuple2<K, List<List<Object>>>> grouped =
        new CoGroupedRddNode<>(node.engine(), List.of(node, other), partitioner);
    return NarrowOperation.<K, List<List<Object>>, Tuple2<Iterable<V>, Iterable<W>>>mapValues(
        lists -> new Tuple2<>((Iterable<V>) (List<?>) lists.get(0), (Iterable<W>) (List<?>) lists.get(1)))
        .on(grouped);
  }

  /**
   * {@code join}: a record {@code (k, (v, w))} for every pair of values of a key present in both.
   *
   * @param node the left pairs
   * @param other the right pairs
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the left value type
   * @param <W> the right value type
   * @return the joined pairs
   */
  public static <K, V, W> RddNode<Tuple2<K, Tuple2<V, W>>> join(RddNode<Tuple2<K, V>> node,
      RddNode<Tuple2<K, W>> other, Partitioner partitioner) {
    return NarrowOperation.<K, Tuple2<Iterable<V>, Iterable<W>>, Tuple2<V, W>>flatMapValues(
        g -> Joins.inner(g._1(), g._2())).on(cogroup(node, other, partitioner));
  }

  /**
   * {@code leftOuterJoin}: every left value with each matching right value, or with an empty one.
   *
   * @param node the left pairs
   * @param other the right pairs
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the left value type
   * @param <W> the right value type
   * @return the joined pairs
   */
  public static <K, V, W> RddNode<Tuple2<K, Tuple2<V, Optional<W>>>> leftOuterJoin(RddNode<Tuple2<K, V>> node,
      RddNode<Tuple2<K, W>> other, Partitioner partitioner) {
    return NarrowOperation.<K, Tuple2<Iterable<V>, Iterable<W>>, Tuple2<V, Optional<W>>>flatMapValues(
        g -> Joins.leftOuter(g._1(), g._2())).on(cogroup(node, other, partitioner));
  }

  /**
   * {@code rightOuterJoin}: every right value with each matching left value, or with an empty one.
   *
   * @param node the left pairs
   * @param other the right pairs
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the left value type
   * @param <W> the right value type
   * @return the joined pairs
   */
  public static <K, V, W> RddNode<Tuple2<K, Tuple2<Optional<V>, W>>> rightOuterJoin(RddNode<Tuple2<K, V>> node,
      RddNode<Tuple2<K, W>> other, Partitioner partitioner) {
    return NarrowOperation.<K, Tuple2<Iterable<V>, Iterable<W>>, Tuple2<Optional<V>, W>>flatMapValues(
        g -> Joins.rightOuter(g._1(), g._2())).on(cogroup(node, other, partitioner));
  }

  /**
   * {@code fullOuterJoin}: every value of either side with each matching value of the other, or with an
   * empty one.
   *
   * @param node the left pairs
   * @param other the right pairs
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the left value type
   * @param <W> the right value type
   * @return the joined pairs
   */
  public static <K, V, W> RddNode<Tuple2<K, Tuple2<Optional<V>, Optional<W>>>> fullOuterJoin(
      RddNode<Tuple2<K, V>> node, RddNode<Tuple2<K, W>> other, Partitioner partitioner) {
    return NarrowOperation.<K, Tuple2<Iterable<V>, Iterable<W>>, Tuple2<Optional<V>, Optional<W>>>flatMapValues(
        g -> Joins.fullOuter(g._1(), g._2())).on(cogroup(node, other, partitioner));
  }

  /**
   * {@code subtractByKey}: the records whose key does not occur in the other node.
   *
   * @param node the pairs to keep from
   * @param other the pairs whose keys are removed
   * @param partitioner where keys go
   * @param <K> the key type
   * @param <V> the value type
   * @param <W> the other's value type
   * @return the remaining pairs
   */
  public static <K, V, W> RddNode<Tuple2<K, V>> subtractByKey(RddNode<Tuple2<K, V>> node,
      RddNode<Tuple2<K, W>> other, Partitioner partitioner) {
    return NarrowOperation.<K, Tuple2<Iterable<V>, Iterable<W>>, V>flatMapValues(
        g -> g._2().iterator().hasNext() ? Collections.emptyIterator() : g._1().iterator())
        .on(cogroup(node, other, partitioner));
  }

  /**
   * {@code sortByKey}: runs a job to sample the keys, then shuffles by range: partition {@code i} holds keys
   * smaller than partition {@code i + 1}'s, each partition sorted.
   *
   * @param node the pairs
   * @param comparator the key order
   * @param ascending true for ascending order
   * @param numPartitions the number of partitions; fewer may result when there are few distinct keys
   * @param <K> the key type
   * @param <V> the value type
   * @return the sorted pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws io.dstream.rdd.JobFailedException if the sampling job fails
   */
  public static <K, V> RddNode<Tuple2<K, V>> sortByKey(RddNode<Tuple2<K, V>> node, Comparator<K> comparator,
      boolean ascending, int numPartitions) {
    RddOperations.requirePositive("sortByKey", numPartitions);
    RddNode<K> keys = NarrowOperation.<Tuple2<K, V>, K>map(Tuple2::_1).on(node);
    List<K> sample = new ArrayList<>();
    for (List<K> part : node.engine().jobRunner().runJob(keys, (partition, it) -> RangeSort.sample(it, partition))) {
      sample.addAll(part);
    }
    // Comparing each sampled key with itself makes a key the order cannot handle fail here, in the
    // caller's thread, even when the sample is too small for sorting it to compare anything.
    sample.forEach(key -> comparator.compare(key, key));
    Partitioner ranges = new RangePartitioner<>(numPartitions, sample, comparator, ascending);
    RddNode<Tuple2<K, V>> placed =
        new ShuffledRddNode<>(new ShuffleDependency<>(node, ranges, null, false), "sortByKey");
    return new NarrowOperation<Tuple2<K, V>, Tuple2<K, V>>("sortByKey",
        (p, it) -> RangeSort.sortPartition(it, comparator, ascending), true).on(placed);
  }

  /**
   * Returns the partitioner of a by-key operation that was given none: the largest partitioner among the
   * nodes, or a {@link HashPartitioner} with {@code dstream.default.parallelism} partitions (default: the
   * nodes' largest partition count).
   *
   * @param node the node the operation is on
   * @param others the other nodes it combines, such as the right side of a join
   * @return the partitioner
   */
  public static Partitioner defaultPartitioner(RddNode<?> node, RddNode<?>... others) {
    int largest = node.numPartitions();
    for (RddNode<?> other : others) {
      largest = Math.max(largest, other.numPartitions());
    }
    int partitions = largest;
    return largestPartitioner(node, others)
        .orElseGet(() -> new HashPartitioner(node.engine().defaultShufflePartitions(partitions)));
  }

  /**
   * Returns the partitioner with the most partitions among the nodes that have one, the first of equals.
   *
   * @param node the node the operation is on
   * @param others the other nodes it combines, such as the right side of a join
   * @return the partitioner, or empty if no node has one
   */
  public static Optional<Partitioner> largestPartitioner(RddNode<?> node, RddNode<?>... others) {
    Partitioner best = node.partitioner();
    for (RddNode<?> other : others) {
      Partitioner p = other.partitioner();
      if (p != null && (best == null || p.numPartitions() > best.numPartitions())) {
        best = p;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Returns a hash partitioner for an operation given a partition count.
   *
   * @param operation the operation's name, for the message
   * @param numPartitions the count
   * @return the partitioner
   * @throws IllegalArgumentException if the count is not positive
   */
  public static Partitioner hash(String operation, int numPartitions) {
    RddOperations.requirePositive(operation, numPartitions);
    return new HashPartitioner(numPartitions);
  }
}
