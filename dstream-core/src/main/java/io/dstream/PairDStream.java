package io.dstream;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.function.FlatMapFunction;
import io.dstream.function.Function2;
import io.dstream.function.Function;
import io.dstream.internal.CallSite;
import io.dstream.internal.rdd.Aggregator;
import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.ValueCopier;
import io.dstream.internal.state.KeyWindowRules;
import io.dstream.internal.stream.CombinedByKeyStreamNode;
import io.dstream.internal.stream.JoinedStreamNode;
import io.dstream.internal.stream.KeyedWindowStreamNode;
import io.dstream.internal.stream.MapWithStateStreamNode;
import io.dstream.internal.stream.NarrowStreamNode;
import io.dstream.internal.stream.ReducedWindowedStreamNode;
import io.dstream.internal.stream.StateByKeyStreamNode;
import io.dstream.internal.stream.StateEnvironment;
import io.dstream.internal.stream.StreamNode;
import io.dstream.internal.stream.WindowSpec;
import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.Partitioner;
import io.dstream.rdd.RDD;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A discretized stream of key-value pairs, with the by-key operations applied to every batch: reduce, group,
 * combine, join. The counterpart of Spark's {@code JavaPairDStream}: it has every operation of a stream
 * ({@link DStreamLike}), and its functions get each batch as a {@link PairRDD}, so that {@code collectAsMap},
 * {@code join} or {@code sortByKey} work inside {@code foreachRDD} and {@code transform}:
 *
 * <pre>{@code
 * PairDStream<String, Integer> counts = words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum);
 * }</pre>
 *
 * <p>Every by-key operation shuffles each batch (see {@link PairRDD} for partitioning). Given no partition
 * count or partitioner, it hash-partitions each batch into the context's default parallelism
 * ({@code dstream.default.parallelism}, else the number of worker threads), as Spark Streaming does, whatever
 * the batch's own partition count; a batch that is partitioned already keeps its partitioner. Only the window
 * operations ({@code groupByKeyAndWindow}, {@code reduceByKeyAndWindow}; see {@link DStream} on windows) and
 * the state operations ({@link #updateStateByKey(Function2)}, {@link #mapWithState(StateSpec)}) keep state
 * across batches; the state operations need a checkpoint directory.
 *
 * <pre>{@code
 * wordCounts.foreachRDD(rdd -> System.out.println(rdd.collectAsMap()));   // {a=1, b=2, c=1}
 * }</pre>
 *
 * <p>A pair stream is not a {@code DStream<Tuple2<K, V>>}, as in Spark: {@link #toJavaDStream()} views it as
 * one, and {@link #fromDStream} views a stream of pairs as a pair stream.
 *
 * <p>The method examples below use the streams of {@link DStream}'s examples: from a batch whose lines are
 * {@code "a b"} and {@code "b c"}, {@code pairs} holds {@code (a,1), (b,1), (b,1), (c,1)} and
 * {@code wordCounts} holds {@code (a,1), (b,2), (c,1)}. The joins use {@code otherCounts}, another
 * {@code PairDStream<String, Integer>} whose same batch holds {@code (b,5), (d,7)}. After a shuffle, records
 * come in no particular order.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class PairDStream<K, V> extends DStreamLike<Tuple2<K, V>, PairDStream<K, V>, PairRDD<K, V>> {

  PairDStream(StreamingContext ssc, StreamNode<Tuple2<K, V>> node) {
    super(ssc, node);
  }

  @Override
  PairDStream<K, V> sameKind(StreamNode<Tuple2<K, V>> other) {
    return new PairDStream<>(ssc, other);
  }

  @Override
  PairRDD<K, V> rddOf(RddNode<Tuple2<K, V>> batch) {
    return UserRdds.wrapPair(batch);
  }

  /**
   * Views this pair stream as a plain stream of pairs (no copy, no new stream): what a method that takes a
   * {@code DStream} needs, such as {@code KafkaSink.write} of pairs or {@code union} with a plain stream of
   * pairs. Spark's {@code toJavaDStream()}.
   *
   * <pre>{@code
   * DStream<Tuple2<String, Integer>> tuples = wordCounts.toJavaDStream();   // (a,1), (b,2), (c,1)
   * }</pre>
   *
   * @return the same stream as a {@code DStream}
   */
  public DStream<Tuple2<K, V>> toJavaDStream() {
    return new DStream<>(ssc, node);
  }

  /**
   * Views a stream of pairs as a pair stream (no copy, no new stream): the way back to the by-key operations
   * after an operation that returns a plain {@code DStream} of pairs.
   *
   * <pre>{@code
   * DStream<Tuple2<String, Integer>> tuples = words.map(w -> new Tuple2<>(w, 1));
   * PairDStream<String, Integer> pairs = PairDStream.fromDStream(tuples);
   * }</pre>
   *
   * @param stream a stream of {@link Tuple2}
   * @param <K> the key type
   * @param <V> the value type
   * @return the same stream as a pair stream
   */
  public static <K, V> PairDStream<K, V> fromDStream(DStream<Tuple2<K, V>> stream) {
    Arguments.requireNonNull(stream, "stream");
    return new PairDStream<>(stream.ssc, stream.node);
  }

  // ---- by-key combining ---------------------------------------------------------------------------------

  /**
   * Groups the values of each key in each batch. Shuffles each batch; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Iterable<Integer>> grouped = pairs.groupByKey();   // (a,[1]), (b,[1, 1]), (c,[1])
   * }</pre>
   *
   * @return one record per key and batch, with all its values
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, Iterable<V>> groupByKey() {
    return grouped(null);
  }

  /**
   * Groups the values of each key in each batch into a number of partitions. Shuffles each batch; keeps no
   * state.
   *
   * <pre>{@code
   * PairDStream<String, Iterable<Integer>> grouped = pairs.groupByKey(4);   // (a,[1]), (b,[1, 1]), (c,[1])
   * }</pre>
   *
   * @param numPartitions the number of partitions
   * @return one record per key and batch
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, Iterable<V>> groupByKey(int numPartitions) {
    return groupByKey(new HashPartitioner(numPartitions));
  }

  /**
   * Groups the values of each key in each batch into a partitioner's layout. Shuffles each batch; keeps no
   * state.
   *
   * <pre>{@code
   * PairDStream<String, Iterable<Integer>> grouped = pairs.groupByKey(new HashPartitioner(4));
   * }</pre>
   *
   * @param partitioner where keys go
   * @return one record per key and batch
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, Iterable<V>> groupByKey(Partitioner partitioner) {
    Arguments.requireNonNull(partitioner, "partitioner");
    return grouped(partitioner);
  }

  /**
   * Merges the values of each key in each batch with an associative and commutative function. Shuffles each
   * batch, combining on the map side first; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Integer> wordCounts = pairs.reduceByKey(Integer::sum);   // (a,1), (b,2), (c,1)
   * }</pre>
   *
   * @param f the reduce function
   * @return one record per key and batch
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f) {
    Arguments.requireNonNull(f, "f");
    return combined("reduceByKey", Aggregator.reducing(f, copier()), null, true);
  }

  /**
   * Merges the values of each key in each batch into a number of partitions. Shuffles each batch; keeps no
   * state.
   *
   * <pre>{@code
   * PairDStream<String, Integer> wordCounts = pairs.reduceByKey(Integer::sum, 4);   // (a,1), (b,2), (c,1)
   * }</pre>
   *
   * @param f the reduce function
   * @param numPartitions the number of partitions
   * @return one record per key and batch
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
    Arguments.requireNonNull(f, "f");
    return reduceByKey(f, new HashPartitioner(numPartitions));
  }

  /**
   * Merges the values of each key in each batch into a partitioner's layout. Shuffles each batch; keeps no
   * state.
   *
   * <pre>{@code
   * PairDStream<String, Integer> wordCounts = pairs.reduceByKey(Integer::sum, new HashPartitioner(4));
   * }</pre>
   *
   * @param f the reduce function
   * @param partitioner where keys go
   * @return one record per key and batch
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f, Partitioner partitioner) {
    Arguments.requireNonNull(f, "f");
    Arguments.requireNonNull(partitioner, "partitioner");
    return combined("reduceByKey", Aggregator.reducing(f, copier()), partitioner, true);
  }

  /**
   * Combines the values of each key in each batch with three functions into a number of partitions.
   * Shuffles each batch, combining on the map side; keeps no state.
   *
   * <pre>{@code
   * // (sum, count) per key, for the average value of each key
   * PairDStream<String, Tuple2<Integer, Integer>> sumCounts = pairs.combineByKey(
   *     v -> new Tuple2<>(v, 1),
   *     (acc, v) -> new Tuple2<>(acc._1() + v, acc._2() + 1),
   *     (x, y) -> new Tuple2<>(x._1() + y._1(), x._2() + y._2()), 4);   // (a,(1,1)), (b,(2,2)), (c,(1,1))
   * PairDStream<String, Double> averages = sumCounts.mapValues(sc -> (double) sc._1() / sc._2());
   * }</pre>
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of one key
   * @param numPartitions the number of partitions
   * @param <C> the combiner type
   * @return one record per key and batch
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public <C> PairDStream<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, int numPartitions) {
    Arguments.requireNonNull(createCombiner, "createCombiner");
    Arguments.requireNonNull(mergeValue, "mergeValue");
    Arguments.requireNonNull(mergeCombiners, "mergeCombiners");
    return combineByKey(createCombiner, mergeValue, mergeCombiners, new HashPartitioner(numPartitions));
  }

  /**
   * Combines the values of each key in each batch with three functions into a partitioner's layout.
   * Shuffles each batch, combining on the map side; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Integer, Integer>> sumCounts = pairs.combineByKey(v -> new Tuple2<>(v, 1),
   *     (acc, v) -> new Tuple2<>(acc._1() + v, acc._2() + 1),
   *     (x, y) -> new Tuple2<>(x._1() + y._1(), x._2() + y._2()), new HashPartitioner(4));
   * }</pre>
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of one key
   * @param partitioner where keys go
   * @param <C> the combiner type
   * @return one record per key and batch
   * @throws IllegalStateException if the context has already started
   */
  public <C> PairDStream<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, Partitioner partitioner) {
    Arguments.requireNonNull(createCombiner, "createCombiner");
    Arguments.requireNonNull(mergeValue, "mergeValue");
    Arguments.requireNonNull(mergeCombiners, "mergeCombiners");
    Arguments.requireNonNull(partitioner, "partitioner");
    return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, true);
  }

  /**
   * Combines the values of each key in each batch with three functions into a partitioner's layout. Shuffles
   * each batch, combining on the map side first only if {@code mapSideCombine}; keeps no state.
   *
   * <pre>{@code
   * // The distinct values of each key; few values share a key, so combining first would not pay.
   * PairDStream<String, Set<Integer>> distinctValues = pairs.combineByKey(v -> new HashSet<>(Set.of(v)),
   *     (set, v) -> { set.add(v); return set; },
   *     (x, y) -> { x.addAll(y); return x; }, new HashPartitioner(4), false);   // (a,[1]), (b,[1]), (c,[1])
   * }</pre>
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of one key
   * @param partitioner where keys go
   * @param mapSideCombine whether to combine before the shuffle
   * @param <C> the combiner type
   * @return one record per key and batch
   * @throws IllegalStateException if the context has already started
   */
  public <C> PairDStream<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, Partitioner partitioner, boolean mapSideCombine) {
    Arguments.requireNonNull(createCombiner, "createCombiner");
    Arguments.requireNonNull(mergeValue, "mergeValue");
    Arguments.requireNonNull(mergeCombiners, "mergeCombiners");
    Arguments.requireNonNull(partitioner, "partitioner");
    return combined("combineByKey", Aggregator.of(createCombiner, mergeValue, mergeCombiners, copier()), partitioner,
        mapSideCombine);
  }

  // ---- per-value transformations --------------------------------------------------------------------------

  /**
   * Applies a function to every value, keeping the keys. Narrow: no shuffle; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, String> labels = wordCounts.mapValues(n -> n + "x");   // (a,1x), (b,2x), (c,1x)
   * }</pre>
   *
   * @param f the function
   * @param <U> the new value type
   * @return the mapped pair stream
   * @throws IllegalStateException if the context has already started
   */
  public <U> PairDStream<K, U> mapValues(Function<V, U> f) {
    Arguments.requireNonNull(f, "f");
    return new PairDStream<>(ssc, new NarrowStreamNode<>(node, NarrowOperation.mapValues(f)));
  }

  /**
   * Replaces every value by zero or more values, keeping the keys. Narrow: no shuffle; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Integer> ones = wordCounts.flatMapValues(n -> Collections.nCopies(n, 1).iterator());
   * // (a,1), (b,1), (b,1), (c,1)
   * }</pre>
   *
   * @param f returns an iterator over the values that replace one value
   * @param <U> the new value type
   * @return the flattened pair stream
   * @throws IllegalStateException if the context has already started
   */
  public <U> PairDStream<K, U> flatMapValues(FlatMapFunction<V, U> f) {
    Arguments.requireNonNull(f, "f");
    return new PairDStream<>(ssc, new NarrowStreamNode<>(node, NarrowOperation.flatMapValues(f)));
  }

  // ---- joins of two streams, batch by batch ------------------------------------------------------------------

  /**
   * Cogroups each batch with the same batch of another stream: for each key in either, both lists of values.
   * Shuffles each batch; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Iterable<Integer>, Iterable<Integer>>> both = wordCounts.cogroup(otherCounts);
   * // (a,([1],[])), (b,([2],[5])), (c,([1],[])), (d,([],[7]))
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param <W> the other's value type
   * @return one record per key and batch
   * @throws IllegalArgumentException if the slide durations differ
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairDStream<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return joined("cogroup", other, PairOperations::cogroup, null);
  }

  /**
   * Cogroups each batch with another stream's into a number of partitions. Shuffles each batch; keeps no
   * state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Iterable<Integer>, Iterable<Integer>>> both = wordCounts.cogroup(otherCounts, 4);
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return one record per key and batch
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairDStream<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return cogroup(other, new HashPartitioner(numPartitions));
  }

  /**
   * Cogroups each batch with another stream's into a partitioner's layout. Shuffles each batch; keeps no
   * state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Iterable<Integer>, Iterable<Integer>>> both =
   *     wordCounts.cogroup(otherCounts, new HashPartitioner(4));
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return one record per key and batch
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairDStream<K, W> other,
      Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return joined("cogroup", other, PairOperations::cogroup, partitioner);
  }

  /**
   * Inner-joins each batch with the same batch of another stream. Shuffles each batch; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Integer, Integer>> joined = wordCounts.join(otherCounts);   // (b,(2,5))
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param <W> the other's value type
   * @return {@code (k, (v, w))} for every pair of values of a key present in both
   * @throws IllegalArgumentException if the slide durations differ
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return joined("join", other, PairOperations::join, null);
  }

  /**
   * Inner-joins each batch with another stream's into a number of partitions. Shuffles each batch; keeps no
   * state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Integer, Integer>> joined = wordCounts.join(otherCounts, 4);   // (b,(2,5))
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return join(other, new HashPartitioner(numPartitions));
  }

  /**
   * Inner-joins each batch with another stream's into a partitioner's layout. Shuffles each batch; keeps no
   * state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Integer, Integer>> joined = wordCounts.join(otherCounts, new HashPartitioner(4));
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other, Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return joined("join", other, PairOperations::join, partitioner);
  }

  /**
   * Left-outer-joins each batch with the same batch of another stream. Shuffles each batch; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Integer, Optional<Integer>>> joined = wordCounts.leftOuterJoin(otherCounts);
   * // (a,(1,Optional.empty)), (b,(2,Optional[5])), (c,(1,Optional.empty))
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param <W> the other's value type
   * @return every value of this stream, with each matching value of the other or {@code Optional.empty()}
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return joined("leftOuterJoin", other, PairOperations::leftOuterJoin, null);
  }

  /**
   * Left-outer-joins each batch with another stream's into a number of partitions. Shuffles each batch; keeps
   * no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Integer, Optional<Integer>>> joined = wordCounts.leftOuterJoin(otherCounts, 4);
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return leftOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /**
   * Left-outer-joins each batch with another stream's into a partitioner's layout. Shuffles each batch; keeps
   * no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Integer, Optional<Integer>>> joined =
   *     wordCounts.leftOuterJoin(otherCounts, new HashPartitioner(4));
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other,
      Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return joined("leftOuterJoin", other, PairOperations::leftOuterJoin, partitioner);
  }

  /**
   * Right-outer-joins each batch with the same batch of another stream. Shuffles each batch; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Optional<Integer>, Integer>> joined = wordCounts.rightOuterJoin(otherCounts);
   * // (b,(Optional[2],5)), (d,(Optional.empty,7))
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param <W> the other's value type
   * @return every value of the other stream, with each matching value of this one or {@code Optional.empty()}
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return joined("rightOuterJoin", other, PairOperations::rightOuterJoin, null);
  }

  /**
   * Right-outer-joins each batch with another stream's into a number of partitions. Shuffles each batch;
   * keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Optional<Integer>, Integer>> joined = wordCounts.rightOuterJoin(otherCounts, 4);
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other, int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return rightOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /**
   * Right-outer-joins each batch with another stream's into a partitioner's layout. Shuffles each batch;
   * keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Optional<Integer>, Integer>> joined =
   *     wordCounts.rightOuterJoin(otherCounts, new HashPartitioner(4));
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other,
      Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return joined("rightOuterJoin", other, PairOperations::rightOuterJoin, partitioner);
  }

  /**
   * Full-outer-joins each batch with the same batch of another stream. Shuffles each batch; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Optional<Integer>, Optional<Integer>>> joined =
   *     wordCounts.fullOuterJoin(otherCounts);
   * // (a,(Optional[1],Optional.empty)), (b,(Optional[2],Optional[5])), (c,(Optional[1],Optional.empty)),
   * // (d,(Optional.empty,Optional[7]))
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param <W> the other's value type
   * @return every value of either side, with each matching value of the other side or {@code Optional.empty()}
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other) {
    Arguments.requireNonNull(other, "other");
    return joined("fullOuterJoin", other, PairOperations::fullOuterJoin, null);
  }

  /**
   * Full-outer-joins each batch with another stream's into a number of partitions. Shuffles each batch; keeps
   * no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Optional<Integer>, Optional<Integer>>> joined =
   *     wordCounts.fullOuterJoin(otherCounts, 4);
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other,
      int numPartitions) {
    Arguments.requireNonNull(other, "other");
    return fullOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /**
   * Full-outer-joins each batch with another stream's into a partitioner's layout. Shuffles each batch; keeps
   * no state.
   *
   * <pre>{@code
   * PairDStream<String, Tuple2<Optional<Integer>, Optional<Integer>>> joined =
   *     wordCounts.fullOuterJoin(otherCounts, new HashPartitioner(4));
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalStateException if the context has already started
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other,
      Partitioner partitioner) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(partitioner, "partitioner");
    return joined("fullOuterJoin", other, PairOperations::fullOuterJoin, partitioner);
  }

  // ---- window operations by key ---------------------------------------------------------------------------------
  // Windows are described on DStream. Every by-key window uses one partitioner for the batches and the
  // windows (by default a HashPartitioner over the context's default parallelism), so that each batch is
  // shuffled once and windows are combined without another shuffle.
  // In a scale-out application (dstream.application.id) a by-key window is a state per key instead
  // (keyedWindow), kept in the partitions of the topic its keys came through, so that it moves with them.

  /**
   * Groups the values of each key over the last {@code windowDuration}, every batch. Shuffles each batch
   * once; keeps state (see {@link DStream} on windows).
   *
   * <pre>{@code
   * // Every batch, each word with the 1s of its occurrences in the last 30 seconds.
   * PairDStream<String, Iterable<Integer>> lastHalfMinute = pairs.groupByKeyAndWindow(Durations.seconds(30));
   * }</pre>
   *
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @return one record per key and window, with all the key's values in the window
   * @throws IllegalArgumentException if the window length is not a positive multiple of the slide duration
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    return groupByKeyAndWindow(windowDuration, slideDuration());
  }

  /**
   * Groups the values of each key over a sliding window. Shuffles each batch once; keeps state.
   *
   * <pre>{@code
   * PairDStream<String, Iterable<Double>> lastMinute =
   *     pricesBySymbol.groupByKeyAndWindow(Durations.minutes(1), Durations.seconds(10));
   * }</pre>
   *
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @return one record per key and window, with all the key's values in the window
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration, Duration slideDuration) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    return groupByKeyAndWindow(windowDuration, slideDuration, defaultParallelism());
  }

  /**
   * Groups the values of each key over a sliding window into a number of partitions. Shuffles each batch
   * once; keeps state.
   *
   * <pre>{@code
   * PairDStream<String, Iterable<Integer>> lastHalfMinute =
   *     pairs.groupByKeyAndWindow(Durations.seconds(30), Durations.seconds(10), 4);
   * }</pre>
   *
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @param numPartitions the number of partitions
   * @return one record per key and window
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide
   *     duration, or {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration, Duration slideDuration,
      int numPartitions) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    WindowSpec.of("groupByKeyAndWindow", node, windowDuration, slideDuration);
    return groupByKeyAndWindow(windowDuration, slideDuration, new HashPartitioner(numPartitions));
  }

  /**
   * Groups the values of each key over a sliding window into a partitioner's layout. Shuffles each batch
   * once; keeps state.
   *
   * <pre>{@code
   * PairDStream<String, Iterable<Integer>> lastHalfMinute =
   *     pairs.groupByKeyAndWindow(Durations.seconds(30), Durations.seconds(10), new HashPartitioner(4));
   * }</pre>
   *
   * <p>In a scale-out application the window is kept as a state per key, in the partitions of the Kafka topic
   * its keys came through, and the partitioner is not used (see docs/scaling.md).
   *
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @param partitioner where keys go
   * @return one record per key and window
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration, Duration slideDuration,
      Partitioner partitioner) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    WindowSpec spec = WindowSpec.of("groupByKeyAndWindow", node, windowDuration, slideDuration);
    Arguments.requireNonNull(partitioner, "partitioner");
    if (isScaleOut()) {
      return widened(keyedWindow("groupByKeyAndWindow", spec, KeyWindowRules.Combining.grouping(), null));
    }
    PairDStream<K, Iterable<V>> windowed = new PairDStream<>(ssc, groupByKey(partitioner).windowNode(spec));
    // The combiners are new lists: the groups of the persisted batches are read again by later windows.
    return widened(windowed.combined("groupByKeyAndWindow",
        Aggregator.of(PairDStream::copyOf, PairDStream::addAll, PairDStream::addAll, copier()), partitioner, true));
  }

  /**
   * Merges the values of each key over the last {@code windowDuration}, every batch, with an associative
   * and commutative function. Each batch is reduced once, and each window merges the results of its
   * batches. Shuffles each batch once; keeps state.
   *
   * <pre>{@code
   * // Every batch, the word counts of the last 30 seconds.
   * PairDStream<String, Integer> windowedCounts =
   *     pairs.reduceByKeyAndWindow(Integer::sum, Durations.seconds(30));
   * }</pre>
   *
   * @param reduceFunc the reduce function
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @return one record per key and window
   * @throws IllegalArgumentException if the window length is not a positive multiple of the slide duration
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> reduceFunc, Duration windowDuration) {
    Arguments.requireNonNull(reduceFunc, "reduceFunc");
    Arguments.requireNonNull(windowDuration, "windowDuration");
    return reduceByKeyAndWindow(reduceFunc, windowDuration, slideDuration());
  }

  /**
   * Merges the values of each key over a sliding window. Each window merges the per-batch results of its
   * batches, so it costs work in proportion to the window length; see the variant with an inverse function
   * for an incremental window. Shuffles each batch once; keeps state.
   *
   * <pre>{@code
   * // Word counts of the last 30 seconds, every 10 seconds.
   * PairDStream<String, Integer> windowedCounts =
   *     pairs.reduceByKeyAndWindow(Integer::sum, Durations.seconds(30), Durations.seconds(10));
   * }</pre>
   *
   * @param reduceFunc the reduce function
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @return one record per key and window
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> reduceFunc, Duration windowDuration,
      Duration slideDuration) {
    Arguments.requireNonNull(reduceFunc, "reduceFunc");
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    return reduceByKeyAndWindow(reduceFunc, windowDuration, slideDuration, defaultParallelism());
  }

  /**
   * Merges the values of each key over a sliding window into a number of partitions. Shuffles each batch
   * once; keeps state.
   *
   * <pre>{@code
   * PairDStream<String, Integer> windowedCounts =
   *     pairs.reduceByKeyAndWindow(Integer::sum, Durations.seconds(30), Durations.seconds(10), 4);
   * }</pre>
   *
   * @param reduceFunc the reduce function
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @param numPartitions the number of partitions
   * @return one record per key and window
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide
   *     duration, or {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> reduceFunc, Duration windowDuration,
      Duration slideDuration, int numPartitions) {
    Arguments.requireNonNull(reduceFunc, "reduceFunc");
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    WindowSpec.of("reduceByKeyAndWindow", node, windowDuration, slideDuration);
    return reduceByKeyAndWindow(reduceFunc, windowDuration, slideDuration, new HashPartitioner(numPartitions));
  }

  /**
   * Merges the values of each key over a sliding window into a partitioner's layout. Shuffles each batch
   * once; keeps state.
   *
   * <pre>{@code
   * PairDStream<String, Integer> windowedCounts = pairs.reduceByKeyAndWindow(Integer::sum,
   *     Durations.seconds(30), Durations.seconds(10), new HashPartitioner(4));
   * }</pre>
   *
   * <p>In a scale-out application the window is kept as a state per key, in the partitions of the Kafka topic
   * its keys came through, and the partitioner is not used (see docs/scaling.md).
   *
   * @param reduceFunc the reduce function
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @param partitioner where keys go
   * @return one record per key and window
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> reduceFunc, Duration windowDuration,
      Duration slideDuration, Partitioner partitioner) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    WindowSpec spec = WindowSpec.of("reduceByKeyAndWindow", node, windowDuration, slideDuration);
    Arguments.requireNonNull(reduceFunc, "reduceFunc");
    Arguments.requireNonNull(partitioner, "partitioner");
    if (isScaleOut()) {
      return keyedWindow("reduceByKeyAndWindow", spec, KeyWindowRules.Combining.reducing(reduceFunc, null, copier()),
          null);
    }
    PairDStream<K, V> windowed = new PairDStream<>(ssc, reduceByKey(reduceFunc, partitioner).windowNode(spec));
    return windowed.combined("reduceByKeyAndWindow", Aggregator.reducing(reduceFunc, copier()), partitioner, true);
  }

  /**
   * Merges the values of each key over a sliding window incrementally: each window is the previous window's
   * result, with the values of the batches that left the window removed by {@code invReduceFunc} and those
   * of the batches that entered it added by {@code reduceFunc}. A window costs work in proportion to the
   * batches that move and the keys in the window, not to its length. Keys stay in the result, with the value
   * the inverse leaves (0 for a count), after their values have left the window; use the variant with a
   * filter function to drop them. Shuffles each batch once; keeps state and checkpoints it every checkpoint
   * interval ({@link #checkpoint(Duration)}).
   *
   * <pre>{@code
   * PairDStream<String, Integer> windowedCounts = pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
   *     Durations.seconds(30), Durations.seconds(10));
   * }</pre>
   *
   * @param reduceFunc the associative and commutative reduce function
   * @param invReduceFunc its inverse: {@code invReduceFunc(reduceFunc(a, b), b)} equals {@code a}
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @return one record per key that has been in the window
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> reduceFunc, Function2<V, V, V> invReduceFunc,
      Duration windowDuration, Duration slideDuration) {
    Arguments.requireNonNull(reduceFunc, "reduceFunc");
    Arguments.requireNonNull(invReduceFunc, "invReduceFunc");
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    return reduceByKeyAndWindow(reduceFunc, invReduceFunc, windowDuration, slideDuration, defaultParallelism());
  }

  /**
   * Merges the values of each key over a sliding window incrementally, into a number of partitions.
   * Shuffles each batch once; keeps state and checkpoints it.
   *
   * <pre>{@code
   * PairDStream<String, Integer> windowedCounts = pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
   *     Durations.seconds(30), Durations.seconds(10), 4);
   * }</pre>
   *
   * @param reduceFunc the associative and commutative reduce function
   * @param invReduceFunc its inverse
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @param numPartitions the number of partitions
   * @return one record per key that has been in the window
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide
   *     duration, or {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> reduceFunc, Function2<V, V, V> invReduceFunc,
      Duration windowDuration, Duration slideDuration, int numPartitions) {
    Arguments.requireNonNull(reduceFunc, "reduceFunc");
    Arguments.requireNonNull(invReduceFunc, "invReduceFunc");
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    return reduceByKeyAndWindow(reduceFunc, invReduceFunc, windowDuration, slideDuration, numPartitions, null);
  }

  /**
   * Merges the values of each key over a sliding window incrementally, into a number of partitions, keeping
   * only the keys a filter accepts. Shuffles each batch once; keeps state and checkpoints it.
   *
   * <pre>{@code
   * PairDStream<String, Integer> windowedCounts = pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
   *     Durations.seconds(30), Durations.seconds(10), 4, kv -> kv._2() != 0);
   * }</pre>
   *
   * @param reduceFunc the associative and commutative reduce function
   * @param invReduceFunc its inverse
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @param numPartitions the number of partitions
   * @param filterFunc keeps a key in the window's result when true; null keeps all. It must drop only keys
   *     with no value left in the window (such as a zero count): a later window that meets values of a
   *     dropped key leaving it fails with {@link IllegalStateException}
   * @return one record per key kept
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide
   *     duration, or {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> reduceFunc, Function2<V, V, V> invReduceFunc,
      Duration windowDuration, Duration slideDuration, int numPartitions, Function<Tuple2<K, V>, Boolean> filterFunc) {
    Arguments.requireNonNull(reduceFunc, "reduceFunc");
    Arguments.requireNonNull(invReduceFunc, "invReduceFunc");
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    WindowSpec.of("reduceByKeyAndWindow", node, windowDuration, slideDuration);
    return reduceByKeyAndWindow(reduceFunc, invReduceFunc, windowDuration, slideDuration,
        new HashPartitioner(numPartitions), filterFunc);
  }

  /**
   * Merges the values of each key over a sliding window incrementally, into a partitioner's layout, keeping
   * only the keys a filter accepts. Shuffles each batch once; keeps state and checkpoints it.
   *
   * <pre>{@code
   * // Words whose count in the window falls to 0 are dropped.
   * PairDStream<String, Integer> windowedCounts = pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
   *     Durations.seconds(30), Durations.seconds(10), new HashPartitioner(4), kv -> kv._2() != 0);
   * }</pre>
   *
   * <p>In a scale-out application the window is kept as a state per key, in the partitions of the Kafka topic
   * its keys came through, and the partitioner is not used (see docs/scaling.md).
   *
   * @param reduceFunc the associative and commutative reduce function
   * @param invReduceFunc its inverse
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @param partitioner where keys go
   * @param filterFunc keeps a key in the window's result when true; null keeps all; it must drop only keys
   *     with no value left in the window
   * @return one record per key kept
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> reduceFunc, Function2<V, V, V> invReduceFunc,
      Duration windowDuration, Duration slideDuration, Partitioner partitioner,
      Function<Tuple2<K, V>, Boolean> filterFunc) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    WindowSpec spec = WindowSpec.of("reduceByKeyAndWindow", node, windowDuration, slideDuration);
    Arguments.requireNonNull(reduceFunc, "reduceFunc");
    Arguments.requireNonNull(invReduceFunc, "invReduceFunc");
    Arguments.requireNonNull(partitioner, "partitioner");
    if (isScaleOut()) {
      return keyedWindow("reduceByKeyAndWindow", spec,
          KeyWindowRules.Combining.reducing(reduceFunc, invReduceFunc, copier()), filterFunc);
    }
    PairDStream<K, V> reduced = reduceByKey(reduceFunc, partitioner);
    return new PairDStream<>(ssc, new ReducedWindowedStreamNode<>(reduced.node, spec, reduceFunc, invReduceFunc,
        filterFunc, partitioner));
  }

  private boolean isScaleOut() {
    return ssc.runtime.graph().scaleOutApplication().isPresent();
  }

  /** A by-key window of a scale-out application: see {@link KeyedWindowStreamNode}. */
  private <C> PairDStream<K, C> keyedWindow(String operation, WindowSpec spec, KeyWindowRules.Combining<V, C> combining,
      Function<Tuple2<K, C>, Boolean> filter) {
    return new PairDStream<>(ssc, new KeyedWindowStreamNode<>(node, spec, ssc.runtime.stateEnvironment(),
        CallSite.describe(operation), operation, combining, filter));
  }

  // ---- state ------------------------------------------------------------------------------------------------------
  // updateStateByKey and mapWithState keep a state per key across batches. The state stays partitioned by one
  // partitioner, so each batch shuffles only its new records, and is checkpointed every checkpoint interval into
  // the checkpoint directory (ssc.checkpoint(dir)), without which start() refuses to start.

  /**
   * Keeps a state per key across batches. In every batch, {@code updateFunc} is called once for every key that
   * has a state or new values: with the key's values in the batch (an empty list if it has none) and its
   * previous state ({@code Optional.empty()} for a new key). What it returns is the key's new state;
   * {@code Optional.empty()} removes the key. Each batch of the returned stream holds every key's state after
   * that batch. The list of values is read-only and stays valid after the call, so the function may keep it
   * (in the state, for example), as Spark's {@code Seq} of values. It is a view over all of its batch
   * partition's values, which it keeps alive: to keep a few values of a key for many batches, keep a copy
   * ({@code new ArrayList<>(values)}).
   *
   * <pre>{@code
   * ssc.checkpoint("/var/lib/myapp/checkpoints");   // required by stateful streams
   * PairDStream<String, Integer> runningCounts = pairs.updateStateByKey(
   *     (List<Integer> ones, Optional<Integer> count) -> Optional.of(count.orElse(0) + ones.size()));
   * }</pre>
   *
   * <p>Shuffles each batch's new records once, into the context's default parallelism; the previous state is
   * read without a shuffle. Since the function sees every key in every batch, a batch costs work in
   * proportion to the state's size; {@link #mapWithState} calls its function only for keys with new records.
   * Each batch's state holds its records once computed and keeps no lineage back to earlier batches. Every
   * checkpoint interval (by default the smallest multiple of the slide duration that is at least 10 seconds;
   * see {@link #checkpoint(Duration)}), a snapshot of the state is written to the checkpoint directory after
   * the batch. Return a new state object rather than changing the previous one.
   *
   * @param updateFunc computes a key's new state from its new values and previous state; must not return
   *     null (a null fails the batch with an {@link IllegalStateException})
   * @param <S> the state type
   * @return the stream of every key's state, batch by batch
   * @throws IllegalStateException if the context has already started; {@link StreamingContext#start()} throws
   *     it if no checkpoint directory is set
   */
  public <S> PairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> updateFunc) {
    Arguments.requireNonNull(updateFunc, "updateFunc");
    return updateStateByKey(updateFunc, defaultParallelism());
  }

  /**
   * Keeps a state per key across batches, in a number of hash partitions; otherwise as
   * {@link #updateStateByKey(Function2)}.
   *
   * <pre>{@code
   * PairDStream<String, Integer> runningCounts = pairs.updateStateByKey(
   *     (List<Integer> ones, Optional<Integer> count) -> Optional.of(count.orElse(0) + ones.size()), 4);
   * // after two batches of "a b", "b c": (a,2), (b,4), (c,2)
   * }</pre>
   *
   * @param updateFunc computes a key's new state from its new values and previous state
   * @param numPartitions the number of partitions of the state
   * @param <S> the state type
   * @return the stream of every key's state, batch by batch
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public <S> PairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> updateFunc,
      int numPartitions) {
    Arguments.requireNonNull(updateFunc, "updateFunc");
    return updateStateByKey(updateFunc, new HashPartitioner(numPartitions));
  }

  /**
   * Keeps a state per key across batches, placed by a partitioner; otherwise as
   * {@link #updateStateByKey(Function2)}. If this stream's batches are already partitioned by the same
   * partitioner, no batch is shuffled at all.
   *
   * <pre>{@code
   * PairDStream<String, Integer> runningCounts = pairs.updateStateByKey(
   *     (List<Integer> ones, Optional<Integer> count) -> Optional.of(count.orElse(0) + ones.size()),
   *     new HashPartitioner(4));
   * }</pre>
   *
   * @param updateFunc computes a key's new state from its new values and previous state
   * @param partitioner where keys go
   * @param <S> the state type
   * @return the stream of every key's state, batch by batch
   * @throws IllegalStateException if the context has already started
   */
  public <S> PairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> updateFunc,
      Partitioner partitioner) {
    Arguments.requireNonNull(updateFunc, "updateFunc");
    Arguments.requireNonNull(partitioner, "partitioner");
    return stateByKey(updateFunc, partitioner, null);
  }

  /**
   * Keeps a state per key across batches, placed by a partitioner and starting from an initial state: the
   * first batch's previous states are the initial RDD's (a key given twice keeps one of its states);
   * otherwise as {@link #updateStateByKey(Function2)}.
   *
   * <pre>{@code
   * PairRDD<String, Integer> yesterday = ssc.parallelizePairs(List.of(new Tuple2<>("dstream", 42)));
   * PairDStream<String, Integer> runningCounts = pairs.updateStateByKey(
   *     (List<Integer> ones, Optional<Integer> count) -> Optional.of(count.orElse(0) + ones.size()),
   *     new HashPartitioner(4), yesterday);
   * }</pre>
   *
   * @param updateFunc computes a key's new state from its new values and previous state
   * @param partitioner where keys go
   * @param initialRDD the state before the first batch
   * @param <S> the state type
   * @return the stream of every key's state, batch by batch
   * @throws IllegalStateException if the context has already started
   */
  public <S> PairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> updateFunc,
      Partitioner partitioner, PairRDD<K, S> initialRDD) {
    Arguments.requireNonNull(updateFunc, "updateFunc");
    Arguments.requireNonNull(partitioner, "partitioner");
    return stateByKey(updateFunc, partitioner, Arguments.requireNonNull(initialRDD, "initialRDD"));
  }

  /**
   * Keeps a state per key across batches, calling the spec's mapping function only for each new record (with
   * its key's state, which it may read, update or remove) and, if the spec has a timeout, once for each key
   * idle for longer than the timeout, just before its state is removed. The returned stream holds, each
   * batch, what the function returned; {@link MapWithStateDStream#stateSnapshots()} gives the state itself.
   *
   * <pre>{@code
   * ssc.checkpoint("/var/lib/myapp/checkpoints");   // required by stateful streams
   * MapWithStateDStream<String, Integer, Long, Tuple2<String, Long>> runningCounts = pairs.mapWithState(
   *     StateSpec.function((String word, Optional<Integer> one, State<Long> count) -> {
   *       long sum = one.orElse(0) + count.getOption().orElse(0L);
   *       count.update(sum);
   *       return new Tuple2<>(word, sum);
   *     }));
   * }</pre>
   *
   * <p>Shuffles each batch's new records once (into the spec's partitioner, by default the context's default
   * parallelism); the previous state is read without a shuffle. A batch costs work in proportion to its
   * records, not to the state's size: each partition's state is the previous batch's with the batch's changes
   * layered over it, and the layers are compacted every checkpoint interval (by default the smallest multiple
   * of the slide duration that is at least 10 seconds; see {@link MapWithStateDStream#checkpoint(Duration)}),
   * when a snapshot of the state is also written to the checkpoint directory after the batch. A timeout adds a
   * scan of the state to every batch.
   *
   * @param spec the mapping function, and optionally the initial state, partitioning and timeout
   * @param <S> the state type
   * @param <T> the mapped record type
   * @return the stream of mapped records
   * @throws IllegalStateException if the context has already started; {@link StreamingContext#start()} throws
   *     it if no checkpoint directory is set
   */
  public <S, T> MapWithStateDStream<K, V, S, T> mapWithState(StateSpec<K, V, S, T> spec) {
    Arguments.requireNonNull(spec, "spec");
    Partitioner partitioner = spec.getPartitioner().orElseGet(() -> new HashPartitioner(defaultParallelism()));
    return new MapWithStateDStream<>(ssc, new MapWithStateStreamNode<>(node, ssc.runtime.stateEnvironment(),
        CallSite.describe("mapWithState"), spec.mappingFunction(), partitioner,
        UserRdds.unwrap(spec.getInitialState().orElse(null)), spec.getTimeout().orElse(null)));
  }

  private <S> PairDStream<K, S> stateByKey(Function2<List<V>, Optional<S>, Optional<S>> updateFunc,
      Partitioner partitioner, PairRDD<K, S> initialRDD) {
    Arguments.requireNonNull(updateFunc, "updateFunc");
    Arguments.requireNonNull(partitioner, "partitioner");
    return new PairDStream<>(ssc, new StateByKeyStreamNode<>(node, ssc.runtime.stateEnvironment(),
        CallSite.describe("updateStateByKey"), "updateStateByKey",
        (batch, key, values, previous) -> updateFunc.call(values, previous), partitioner,
        UserRdds.unwrap(initialRDD)));
  }


  // ---- helpers -------------------------------------------------------------------------------------------------

  /** The context's copier of borrowed combiners (its serializer's registrations apply). */
  private ValueCopier copier() {
    return ssc.runtime.engine().valueCopier();
  }

  private <C> PairDStream<K, C> combined(String name, Aggregator<K, V, C> aggregator, Partitioner partitioner,
      boolean mapSideCombine) {
    return new PairDStream<>(ssc, new CombinedByKeyStreamNode<>(node, name, aggregator, partitioner, mapSideCombine));
  }

  private PairDStream<K, Iterable<V>> grouped(Partitioner partitioner) {
    return widened(combined("groupByKey", Aggregator.grouping(), partitioner, false));
  }

  /** Views groups as Iterables: the lists are the Iterables, so widening the type needs no pass over them. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <K, V> PairDStream<K, Iterable<V>> widened(PairDStream<K, List<V>> groups) {
    return (PairDStream) groups;
  }

  private static <V> List<V> copyOf(Iterable<V> values) {
    List<V> copy = new ArrayList<>();
    values.forEach(copy::add);
    return copy;
  }

  private static <V> List<V> addAll(List<V> list, Iterable<V> values) {
    values.forEach(list::add);
    return list;
  }

  private <W, R> PairDStream<K, R> joined(String name, PairDStream<K, W> other, JoinedStreamNode.Join<K, V, W, R> join,
      Partitioner partitioner) {
    return new PairDStream<>(ssc, new JoinedStreamNode<>(name, node, other.node, join, partitioner));
  }
}
