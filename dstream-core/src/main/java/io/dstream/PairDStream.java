package io.dstream;

import io.dstream.function.FlatMapFunction;
import io.dstream.function.Function;
import io.dstream.function.Function2;
import io.dstream.internal.stream.StreamNode;
import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.Partitioner;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.RDD;
import io.dstream.storage.StorageLevel;
import java.util.Optional;

/**
 * A {@link DStream} of key-value pairs, with the by-key operations applied to every batch: reduce, group,
 * combine, join. The counterpart of Spark's {@code JavaPairDStream}.
 *
 * <pre>{@code
 * PairDStream<String, Integer> counts = words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum);
 * }</pre>
 *
 * <p>Every by-key operation shuffles each batch (see {@link PairRDD} for partitioning); none keeps state
 * across batches. Inside {@code foreachRDD} and {@code transform}, turn the batch's RDD into a pair RDD
 * with {@link PairRDD#fromRDD}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class PairDStream<K, V> extends DStream<Tuple2<K, V>> {

  PairDStream(StreamingContext ssc, StreamNode<Tuple2<K, V>> node) {
    super(ssc, node);
  }

  /**
   * Views a stream of pairs as a pair stream (no copy).
   *
   * @param stream a stream of {@link Tuple2}
   * @param <K> the key type
   * @param <V> the value type
   * @return the same stream as a pair stream
   */
  public static <K, V> PairDStream<K, V> fromDStream(DStream<Tuple2<K, V>> stream) {
    return stream instanceof PairDStream<K, V> pair ? pair : new PairDStream<>(stream.ssc, stream.node);
  }

  // ---- by-key combining ---------------------------------------------------------------------------------

  /**
   * Groups the values of each key in each batch. Shuffles.
   *
   * @return one record per key and batch, with all its values
   */
  public PairDStream<K, Iterable<V>> groupByKey() {
    return byKey("groupByKey", PairRDD::groupByKey);
  }

  /**
   * Groups the values of each key in each batch into a number of partitions. Shuffles.
   *
   * @param numPartitions the number of partitions
   * @return one record per key and batch
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public PairDStream<K, Iterable<V>> groupByKey(int numPartitions) {
    return groupByKey(new HashPartitioner(numPartitions));
  }

  /**
   * Groups the values of each key in each batch into a partitioner's layout. Shuffles.
   *
   * @param partitioner where keys go
   * @return one record per key and batch
   */
  public PairDStream<K, Iterable<V>> groupByKey(Partitioner partitioner) {
    return byKey("groupByKey", rdd -> rdd.groupByKey(partitioner));
  }

  /**
   * Merges the values of each key in each batch with an associative and commutative function. Shuffles,
   * combining on the map side first.
   *
   * @param f the reduce function
   * @return one record per key and batch
   */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f) {
    return byKey("reduceByKey", rdd -> rdd.reduceByKey(f));
  }

  /**
   * Merges the values of each key in each batch into a number of partitions. Shuffles.
   *
   * @param f the reduce function
   * @param numPartitions the number of partitions
   * @return one record per key and batch
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
    return reduceByKey(f, new HashPartitioner(numPartitions));
  }

  /**
   * Merges the values of each key in each batch into a partitioner's layout. Shuffles.
   *
   * @param f the reduce function
   * @param partitioner where keys go
   * @return one record per key and batch
   */
  public PairDStream<K, V> reduceByKey(Function2<V, V, V> f, Partitioner partitioner) {
    return byKey("reduceByKey", rdd -> rdd.reduceByKey(partitioner, f));
  }

  /**
   * Combines the values of each key in each batch with three functions into a number of partitions.
   * Shuffles, combining on the map side.
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of one key
   * @param numPartitions the number of partitions
   * @param <C> the combiner type
   * @return one record per key and batch
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <C> PairDStream<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, int numPartitions) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, new HashPartitioner(numPartitions));
  }

  /**
   * Combines the values of each key in each batch with three functions into a partitioner's layout.
   * Shuffles, combining on the map side.
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of one key
   * @param partitioner where keys go
   * @param <C> the combiner type
   * @return one record per key and batch
   */
  public <C> PairDStream<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, Partitioner partitioner) {
    return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, true);
  }

  /**
   * Combines the values of each key in each batch with three functions into a partitioner's layout.
   *
   * @param createCombiner turns a key's first value into a combiner
   * @param mergeValue folds a value into a combiner
   * @param mergeCombiners merges two combiners of one key
   * @param partitioner where keys go
   * @param mapSideCombine whether to combine before the shuffle
   * @param <C> the combiner type
   * @return one record per key and batch
   */
  public <C> PairDStream<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
      Function2<C, C, C> mergeCombiners, Partitioner partitioner, boolean mapSideCombine) {
    return byKey("combineByKey", rdd -> rdd.combineByKey(createCombiner, mergeValue, mergeCombiners,
        partitioner, mapSideCombine));
  }

  // ---- per-value transformations --------------------------------------------------------------------------

  /**
   * Applies a function to every value, keeping the keys. Narrow.
   *
   * @param f the function
   * @param <U> the new value type
   * @return the mapped pair stream
   */
  public <U> PairDStream<K, U> mapValues(Function<V, U> f) {
    return byKey("mapValues", rdd -> rdd.mapValues(f));
  }

  /**
   * Replaces every value by zero or more values, keeping the keys. Narrow.
   *
   * @param f returns an iterator over the values that replace one value
   * @param <U> the new value type
   * @return the flattened pair stream
   */
  public <U> PairDStream<K, U> flatMapValues(FlatMapFunction<V, U> f) {
    return byKey("flatMapValues", rdd -> rdd.flatMapValues(f));
  }

  // ---- joins of two streams, batch by batch ------------------------------------------------------------------

  /**
   * Cogroups each batch with the same batch of another stream: for each key in either, both lists of values.
   * Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param <W> the other's value type
   * @return one record per key and batch
   * @throws IllegalArgumentException if the slide durations differ
   */
  public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairDStream<K, W> other) {
    return joined("cogroup", other, PairRDD::cogroup);
  }

  /**
   * Cogroups each batch with another stream's into a number of partitions. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return one record per key and batch
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairDStream<K, W> other, int numPartitions) {
    return cogroup(other, new HashPartitioner(numPartitions));
  }

  /**
   * Cogroups each batch with another stream's into a partitioner's layout. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return one record per key and batch
   */
  public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairDStream<K, W> other,
      Partitioner partitioner) {
    return joined("cogroup", other, (a, b) -> a.cogroup(b, partitioner));
  }

  /**
   * Inner-joins each batch with the same batch of another stream. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param <W> the other's value type
   * @return {@code (k, (v, w))} for every pair of values of a key present in both
   * @throws IllegalArgumentException if the slide durations differ
   */
  public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other) {
    return joined("join", other, PairRDD::join);
  }

  /**
   * Inner-joins each batch with another stream's into a number of partitions. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other, int numPartitions) {
    return join(other, new HashPartitioner(numPartitions));
  }

  /**
   * Inner-joins each batch with another stream's into a partitioner's layout. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other, Partitioner partitioner) {
    return joined("join", other, (a, b) -> a.join(b, partitioner));
  }

  /**
   * Left-outer-joins each batch with the same batch of another stream. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param <W> the other's value type
   * @return every value of this stream, with each matching value of the other or {@code Optional.empty()}
   */
  public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
    return joined("leftOuterJoin", other, PairRDD::leftOuterJoin);
  }

  /**
   * Left-outer-joins each batch with another stream's into a number of partitions. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other, int numPartitions) {
    return leftOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /**
   * Left-outer-joins each batch with another stream's into a partitioner's layout. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other,
      Partitioner partitioner) {
    return joined("leftOuterJoin", other, (a, b) -> a.leftOuterJoin(b, partitioner));
  }

  /**
   * Right-outer-joins each batch with the same batch of another stream. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param <W> the other's value type
   * @return every value of the other stream, with each matching value of this one or {@code Optional.empty()}
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other) {
    return joined("rightOuterJoin", other, PairRDD::rightOuterJoin);
  }

  /**
   * Right-outer-joins each batch with another stream's into a number of partitions. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other, int numPartitions) {
    return rightOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /**
   * Right-outer-joins each batch with another stream's into a partitioner's layout. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other,
      Partitioner partitioner) {
    return joined("rightOuterJoin", other, (a, b) -> a.rightOuterJoin(b, partitioner));
  }

  /**
   * Full-outer-joins each batch with the same batch of another stream. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param <W> the other's value type
   * @return every value of either side, with each matching value of the other side or {@code Optional.empty()}
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other) {
    return joined("fullOuterJoin", other, PairRDD::fullOuterJoin);
  }

  /**
   * Full-outer-joins each batch with another stream's into a number of partitions. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param numPartitions the number of partitions
   * @param <W> the other's value type
   * @return the joined pairs
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other,
      int numPartitions) {
    return fullOuterJoin(other, new HashPartitioner(numPartitions));
  }

  /**
   * Full-outer-joins each batch with another stream's into a partitioner's layout. Shuffles.
   *
   * @param other a pair stream with the same slide duration
   * @param partitioner where keys go
   * @param <W> the other's value type
   * @return the joined pairs
   */
  public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other,
      Partitioner partitioner) {
    return joined("fullOuterJoin", other, (a, b) -> a.fullOuterJoin(b, partitioner));
  }

  // ---- covariant overrides ------------------------------------------------------------------------------------

  @Override
  public PairDStream<K, V> filter(Function<Tuple2<K, V>, Boolean> f) {
    return fromDStream(super.filter(f));
  }

  @Override
  public PairDStream<K, V> repartition(int numPartitions) {
    return fromDStream(super.repartition(numPartitions));
  }

  /**
   * Returns a pair stream whose every batch holds this stream's and another's records of that batch.
   *
   * @param other a pair stream with the same slide duration
   * @return the union
   * @throws IllegalArgumentException if the slide durations differ
   */
  public PairDStream<K, V> union(PairDStream<K, V> other) {
    return new PairDStream<>(ssc, unionNode(other));
  }

  @Override
  public PairDStream<K, V> cache() {
    super.cache();
    return this;
  }

  @Override
  public PairDStream<K, V> persist() {
    super.persist();
    return this;
  }

  @Override
  public PairDStream<K, V> persist(StorageLevel level) {
    super.persist(level);
    return this;
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  private <K2, U> PairDStream<K2, U> byKey(String name, Function<PairRDD<K, V>, PairRDD<K2, U>> f) {
    return pairStream(name, rdd -> f.call(PairRDD.fromRDD(rdd)));
  }

  private <W, K2, U> PairDStream<K2, U> joined(String name, PairDStream<K, W> other,
      Function2<PairRDD<K, V>, PairRDD<K, W>, PairRDD<K2, U>> f) {
    return new PairDStream<>(ssc, transformWithNode(name, other,
        (RDD<Tuple2<K, V>> a, RDD<Tuple2<K, W>> b, Time time) -> f.call(PairRDD.fromRDD(a), PairRDD.fromRDD(b))));
  }
}
