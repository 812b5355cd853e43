package io.dstream;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.function.FlatMapFunction;
import io.dstream.function.Function2;
import io.dstream.function.Function3;
import io.dstream.function.Function;
import io.dstream.function.PairFlatMapFunction;
import io.dstream.function.PairFunction;
import io.dstream.function.VoidFunction2;
import io.dstream.function.VoidFunction;
import io.dstream.internal.CallSite;
import io.dstream.internal.output.BatchFileOutput;
import io.dstream.internal.output.PartFileFormat;
import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import io.dstream.internal.stream.BatchOutput;
import io.dstream.internal.stream.BatchPrinter;
import io.dstream.internal.stream.CountedStreamNode;
import io.dstream.internal.stream.ForEachStreamNode;
import io.dstream.internal.stream.NarrowStreamNode;
import io.dstream.internal.stream.ReducedStreamNode;
import io.dstream.internal.stream.RepartitionedStreamNode;
import io.dstream.internal.stream.StreamNode;
import io.dstream.internal.stream.TransformedStreamNode;
import io.dstream.internal.stream.UnionStreamNode;
import io.dstream.internal.stream.WindowSpec;
import io.dstream.internal.stream.WindowedStreamNode;
import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.Partitioner;
import io.dstream.rdd.RDD;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * What every discretized stream can do, whatever its records: the counterpart of Spark's {@code JavaDStreamLike}.
 * {@link DStream} is a stream of any records and hands its functions {@link RDD}s; {@link PairDStream} is a
 * stream of key-value pairs and hands them {@link PairRDD}s, so that {@code rdd.collectAsMap()} or
 * {@code rdd.join(other)} work inside {@code foreachRDD} and {@code transform} as in Spark. The operations that
 * keep the records' type ({@code filter}, {@code window}, {@code union}, {@code cache}, ...) return the same kind
 * of stream. See {@link DStream} for how streams run, and for the examples' input.
 *
 * @param <T> the record type
 * @param <S> the kind of stream: the type the operations that keep the records' type return
 * @param <R> the kind of RDD the stream's batches are handed to user functions as
 */
public abstract class DStreamLike<T, S extends DStreamLike<T, S, R>, R extends RDD<T>> {
  final StreamingContext ssc;
  final StreamNode<T> node;

  DStreamLike(StreamingContext ssc, StreamNode<T> node) {
    this.ssc = ssc;
    this.node = node;
  }

  /**
   * Returns a stream of this kind over another node of the same records: what the operations that keep the
   * records' type (filter, window, union, ...) return.
   */
  abstract S sameKind(StreamNode<T> other);

  /** Returns a batch's RDD as this kind of stream hands it to user functions. */
  abstract R rddOf(RddNode<T> batch);

  /** Returns a batch's RDD as {@link #rddOf} does, for a caller that knows the batch only as some RDD node. */
  @SuppressWarnings("unchecked")
  final R rddOfAny(RddNode<?> batch) {
    return rddOf((RddNode<T>) batch);
  }

  /** Returns this stream, typed as its kind. */
  @SuppressWarnings("unchecked")
  final S self() {
    return (S) this;
  }

  /**
   * Returns the context this stream belongs to.
   *
   * <pre>{@code
   * StreamingContext ssc = words.context();   // the context lines was created by
   * }</pre>
   *
   * @return the context
   */
  public StreamingContext context() {
    return ssc;
  }

  /**
   * Returns the interval between two RDDs of this stream: the batch duration, or a window's slide.
   *
   * <pre>{@code
   * Duration everyBatch = words.slideDuration();   // the batch duration, e.g. 1000 ms
   * Duration slide = words.window(Durations.seconds(30), Durations.seconds(10)).slideDuration();   // 10000 ms
   * }</pre>
   *
   * @return the slide duration
   */
  public Duration slideDuration() {
    return node.slideDuration();
  }

  // ---- stateless transformations -------------------------------------------------------------------------

  /**
   * Applies a function to every record. Narrow: no shuffle; keeps no state.
   *
   * <pre>{@code
   * DStream<String> upper = words.map(String::toUpperCase);   // A, B, B, C
   * }</pre>
   *
   * @param f the function
   * @param <R> the result type
   * @return the mapped stream
   * @throws IllegalStateException if the context has already started
   */
  public <R> DStream<R> map(Function<T, R> f) {
    Arguments.requireNonNull(f, "f");
    return narrow(NarrowOperation.map(f));
  }

  /**
   * Replaces every record by zero or more records. Narrow: no shuffle; keeps no state.
   *
   * <pre>{@code
   * DStream<String> words = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator());   // a, b, b, c
   * }</pre>
   *
   * @param f returns an iterator over the records that replace one record
   * @param <R> the result type
   * @return the flattened stream
   * @throws IllegalStateException if the context has already started
   */
  public <R> DStream<R> flatMap(FlatMapFunction<T, R> f) {
    Arguments.requireNonNull(f, "f");
    return narrow(NarrowOperation.flatMap(f));
  }

  /**
   * Keeps the records for which a predicate is true. Narrow: no shuffle; keeps no state.
   *
   * <pre>{@code
   * DStream<String> notA = words.filter(w -> !w.equals("a"));   // b, b, c
   * }</pre>
   *
   * @param f the predicate
   * @return the filtered stream
   * @throws IllegalStateException if the context has already started
   */
  public S filter(Function<T, Boolean> f) {
    Arguments.requireNonNull(f, "f");
    return sameKind(new NarrowStreamNode<>(node, NarrowOperation.filter(f)));
  }

  /**
   * Transforms each partition of each batch as a whole: the place to set up something costly once per
   * partition. Narrow: no shuffle; keeps no state.
   *
   * <pre>{@code
   * // One digest per partition rather than one per record.
   * DStream<String> hashes = words.mapPartitions(partition -> {
   *   MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
   *   List<String> out = new ArrayList<>();
   *   HexFormat hex = HexFormat.of();
   *   partition.forEachRemaining(w -> out.add(hex.formatHex(sha256.digest(w.getBytes(StandardCharsets.UTF_8)))));
   *   return out.iterator();
   * });
   * }</pre>
   *
   * @param f turns a partition's records into the new partition's records
   * @param <R> the result type
   * @return the transformed stream
   * @throws IllegalStateException if the context has already started
   */
  public <R> DStream<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f) {
    Arguments.requireNonNull(f, "f");
    return narrow(NarrowOperation.mapPartitions(f, false));
  }

  /**
   * Transforms each partition of each batch as a whole into key-value pairs; otherwise as
   * {@link #mapPartitions}. Narrow: no shuffle; keeps no state.
   *
   * <pre>{@code
   * // Each partition's words counted in the partition.
   * PairDStream<String, Integer> partial = words.mapPartitionsToPair(partition -> {
   *   Map<String, Integer> counts = new HashMap<>();
   *   partition.forEachRemaining(w -> counts.merge(w, 1, Integer::sum));
   *   return counts.entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator();
   * });
   * }</pre>
   *
   * @param f turns a partition's records into the new partition's pairs
   * @param <K> the key type
   * @param <V> the value type
   * @return the transformed pair stream
   * @throws IllegalStateException if the context has already started
   */
  public <K, V> PairDStream<K, V> mapPartitionsToPair(PairFlatMapFunction<Iterator<T>, K, V> f) {
    Arguments.requireNonNull(f, "f");
    return narrowToPair(NarrowOperation.mapPartitionsToPair(f, false));
  }

  /**
   * Turns each partition of each batch into one record: the list of its records. Narrow: no shuffle; keeps no
   * state.
   *
   * <pre>{@code
   * DStream<List<String>> partitions = words.glom();   // [a, b], [b, c] if the batch has two partitions
   * }</pre>
   *
   * @return a stream of lists
   * @throws IllegalStateException if the context has already started
   */
  public DStream<List<T>> glom() {
    return narrow(NarrowOperation.glom());
  }

  /**
   * Redistributes each batch's records evenly over a number of partitions. Shuffles each batch; keeps no
   * state.
   *
   * <pre>{@code
   * DStream<String> spread = words.repartition(8);   // a, b, b, c over 8 partitions, in any order
   * }</pre>
   *
   * @param numPartitions the number of partitions
   * @return the repartitioned stream
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public S repartition(int numPartitions) {
    if (numPartitions <= 0) {
      throw new IllegalArgumentException("repartition(" + numPartitions + "): the number of partitions must be "
          + "positive");
    }
    return sameKind(new RepartitionedStreamNode<>(node, numPartitions));
  }

  /**
   * Returns a stream whose every batch holds this stream's and another's records of that batch. Narrow: no
   * shuffle; keeps no state.
   *
   * <pre>{@code
   * DStream<String> allLines = lines.union(ssc.socketTextStream("localhost", 9998));   // both sockets' lines
   * }</pre>
   *
   * @param other a stream with the same slide duration
   * @return the union
   * @throws IllegalArgumentException if the slide durations differ
   * @throws IllegalStateException if the context has already started
   */
  public S union(S other) {
    Arguments.requireNonNull(other, "other");
    return sameKind(new UnionStreamNode<>(List.of(node, other.node)));
  }

  /**
   * Returns a stream with one record per batch: the number of records in the batch (0 for an empty batch).
   * Narrow: partitions are counted in place and the counts summed in one partition. Keeps no state.
   *
   * <pre>{@code
   * DStream<Long> wordsPerBatch = words.count();   // 4
   * }</pre>
   *
   * @return the counts
   * @throws IllegalStateException if the context has already started
   */
  public DStream<Long> count() {
    return new DStream<>(ssc, new CountedStreamNode<>(node));
  }

  /**
   * Returns a stream with at most one record per batch: the batch's records combined with an associative and
   * commutative function (no record for an empty batch). No shuffle: partitions are reduced in place and
   * their results in one partition. Keeps no state.
   *
   * <pre>{@code
   * DStream<Integer> letters = words.map(String::length).reduce(Integer::sum);   // 4
   * }</pre>
   *
   * @param f the function
   * @return the reduced stream
   * @throws IllegalStateException if the context has already started
   */
  public DStream<T> reduce(Function2<T, T, T> f) {
    Arguments.requireNonNull(f, "f");
    return new DStream<>(ssc, new ReducedStreamNode<>(node, f));
  }

  /**
   * Counts each distinct record in each batch. Shuffles each batch; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Long> counts = words.countByValue();   // (a,1), (b,2), (c,1)
   * }</pre>
   *
   * @return a pair stream of (record, count)
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<T, Long> countByValue() {
    return mapToPair(x -> new Tuple2<>(x, 1L)).reduceByKey(Long::sum);
  }

  /**
   * Counts each distinct record in each batch, into a number of partitions. Shuffles each batch; keeps no
   * state.
   *
   * <pre>{@code
   * PairDStream<String, Long> counts = words.countByValue(4);   // (a,1), (b,2), (c,1) in 4 partitions
   * }</pre>
   *
   * @param numPartitions the number of partitions
   * @return a pair stream of (record, count)
   * @throws IllegalArgumentException if {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<T, Long> countByValue(int numPartitions) {
    return mapToPair(x -> new Tuple2<>(x, 1L)).reduceByKey(Long::sum, numPartitions);
  }

  /**
   * Turns every record into a key-value pair. Narrow: no shuffle; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Integer> pairs = words.mapToPair(w -> new Tuple2<>(w, 1));   // (a,1), (b,1), (b,1), (c,1)
   * }</pre>
   *
   * @param f the function
   * @param <K> the key type
   * @param <V> the value type
   * @return a pair stream
   * @throws IllegalStateException if the context has already started
   */
  public <K, V> PairDStream<K, V> mapToPair(PairFunction<T, K, V> f) {
    Arguments.requireNonNull(f, "f");
    return narrowToPair(NarrowOperation.mapToPair(f));
  }

  /**
   * Turns every record into zero or more key-value pairs. Narrow: no shuffle; keeps no state.
   *
   * <pre>{@code
   * PairDStream<String, Integer> pairs = lines.flatMapToPair(
   *     l -> Arrays.stream(l.split(" ")).map(w -> new Tuple2<>(w, 1)).iterator());   // (a,1), (b,1), (b,1), (c,1)
   * }</pre>
   *
   * @param f the function
   * @param <K> the key type
   * @param <V> the value type
   * @return a pair stream
   * @throws IllegalStateException if the context has already started
   */
  public <K, V> PairDStream<K, V> flatMapToPair(PairFlatMapFunction<T, K, V> f) {
    Arguments.requireNonNull(f, "f");
    return narrowToPair(NarrowOperation.flatMapToPair(f));
  }

  /**
   * Applies an arbitrary RDD-to-RDD function to every batch: the way to use RDD operations that DStream does
   * not offer, such as joining with a static dataset. The function runs once per batch, on the job
   * generator's thread; the RDD it returns is computed by the batch's jobs. Shuffles if the RDD operations
   * do; keeps no state. An exception the function throws fails the batch.
   *
   * <pre>{@code
   * // Drop the words of a static list of spam words from every batch.
   * PairRDD<String, Boolean> spam = ssc.parallelizePairs(List.of(new Tuple2<>("b", true)));
   * DStream<String> cleaned = words.transform(rdd -> rdd.keyBy(w -> w).subtractByKey(spam).values());   // a, c
   * }</pre>
   *
   * @param f builds the batch's RDD; must not return null
   * @param <U> the result type
   * @return the transformed stream
   * @throws IllegalStateException if the context has already started
   */
  public <U> DStream<U> transform(Function<R, RDD<U>> f) {
    Arguments.requireNonNull(f, "f");
    return new DStream<>(ssc, transformNode("transform", (rdd, time) -> f.call(rdd)));
  }

  /**
   * Applies an arbitrary RDD-to-RDD function, which also gets the batch time, to every batch; otherwise as
   * {@link #transform(Function)}.
   *
   * <pre>{@code
   * DStream<String> stamped = words.transform((rdd, time) -> rdd.map(w -> time + " " + w));
   * // at time 1000 ms: "1000 ms a", "1000 ms b", "1000 ms b", "1000 ms c"
   * }</pre>
   *
   * @param f builds the batch's RDD from the batch's RDD and time; must not return null
   * @param <U> the result type
   * @return the transformed stream
   * @throws IllegalStateException if the context has already started
   */
  public <U> DStream<U> transform(Function2<R, Time, RDD<U>> f) {
    Arguments.requireNonNull(f, "f");
    return new DStream<>(ssc, transformNode("transform", f));
  }

  /**
   * Applies an arbitrary RDD-to-pair-RDD function to every batch; otherwise as {@link #transform(Function)}.
   *
   * <pre>{@code
   * PairDStream<String, Integer> sortedCounts = words.transformToPair(
   *     rdd -> rdd.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum).sortByKey());
   * // (a,1), (b,2), (c,1), in this order
   * }</pre>
   *
   * @param f builds the batch's pair RDD; must not return null
   * @param <K> the key type
   * @param <V> the value type
   * @return the transformed pair stream
   * @throws IllegalStateException if the context has already started
   */
  public <K, V> PairDStream<K, V> transformToPair(Function<R, PairRDD<K, V>> f) {
    Arguments.requireNonNull(f, "f");
    return new PairDStream<>(ssc, transformNode("transformToPair", (rdd, time) -> f.call(rdd)));
  }

  /**
   * Applies an arbitrary RDD-to-pair-RDD function, which also gets the batch time, to every batch; otherwise
   * as {@link #transform(Function)}.
   *
   * <pre>{@code
   * PairDStream<Time, String> byBatch = words.transformToPair((rdd, time) -> rdd.keyBy(w -> time));
   * // at time 1000 ms: (1000 ms,a), (1000 ms,b), (1000 ms,b), (1000 ms,c)
   * }</pre>
   *
   * @param f builds the batch's pair RDD from the batch's RDD and time; must not return null
   * @param <K> the key type
   * @param <V> the value type
   * @return the transformed pair stream
   * @throws IllegalStateException if the context has already started
   */
  public <K, V> PairDStream<K, V> transformToPair(Function2<R, Time, PairRDD<K, V>> f) {
    Arguments.requireNonNull(f, "f");
    return new PairDStream<>(ssc, transformNode("transformToPair", f));
  }

  /**
   * Combines every batch of this stream with the same batch of another through an arbitrary function, once
   * per batch on the job generator's thread. Shuffles if the RDD operations do; keeps no state.
   *
   * <pre>{@code
   * // The words that occur in the same batch of both streams.
   * DStream<String> common = words.transformWith(otherWords, (mine, theirs, time) ->
   *     mine.keyBy(w -> w).join(theirs.keyBy(w -> w)).keys().distinct());
   * }</pre>
   *
   * @param other a stream with the same slide duration
   * @param f builds the batch's RDD from both streams' RDDs and the time; must not return null
   * @param <U> the other stream's record type
   * @param <W> the result type
   * @return the combined stream
   * @throws IllegalArgumentException if the slide durations differ
   * @throws IllegalStateException if the context has already started
   */
  public <U, W> DStream<W> transformWith(DStream<U> other, Function3<R, RDD<U>, Time, RDD<W>> f) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(f, "f");
    return new DStream<>(ssc, transformWithNode("transformWith", other, f));
  }

  /**
   * Combines every batch of this stream with the same batch of another into a pair RDD; otherwise as
   * {@link #transformWith}.
   *
   * <pre>{@code
   * // (word, (count here, count there)) for the words of both streams.
   * PairDStream<String, Tuple2<Integer, Integer>> both = words.transformWithToPair(otherWords,
   *     (mine, theirs, time) -> mine.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum)
   *         .join(theirs.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum)));
   * }</pre>
   *
   * @param other a stream with the same slide duration
   * @param f builds the batch's pair RDD from both streams' RDDs and the time; must not return null
   * @param <U> the other stream's record type
   * @param <K> the key type
   * @param <V> the value type
   * @return the combined pair stream
   * @throws IllegalArgumentException if the slide durations differ
   * @throws IllegalStateException if the context has already started
   */
  public <U, K, V> PairDStream<K, V> transformWithToPair(DStream<U> other,
      Function3<R, RDD<U>, Time, PairRDD<K, V>> f) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(f, "f");
    return new PairDStream<>(ssc, transformWithNode("transformWithToPair", other, f));
  }

  /**
   * Combines every batch of this stream with the same batch of a pair stream, whose RDDs the function gets as
   * {@link PairRDD}s; otherwise as {@link #transformWith(DStream, Function3)}.
   *
   * <pre>{@code
   * // The counts of the words of this batch of lines.
   * DStream<String> counted = words.transformWith(wordCounts, (mine, counts, time) ->
   *     mine.keyBy(w -> w).join(counts).map(p -> p._1() + "=" + p._2()._2()).distinct());   // a=1, b=2, c=1
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param f builds the batch's RDD from both streams' RDDs and the time; must not return null
   * @param <K2> the other stream's key type
   * @param <V2> the other stream's value type
   * @param <W> the result type
   * @return the combined stream
   * @throws IllegalArgumentException if the slide durations differ
   * @throws IllegalStateException if the context has already started
   */
  public <K2, V2, W> DStream<W> transformWith(PairDStream<K2, V2> other,
      Function3<R, PairRDD<K2, V2>, Time, RDD<W>> f) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(f, "f");
    return new DStream<>(ssc, transformWithNode("transformWith", other, f));
  }

  /**
   * Combines every batch of this stream with the same batch of a pair stream into a pair RDD; otherwise as
   * {@link #transformWith(PairDStream, Function3)}.
   *
   * <pre>{@code
   * // (word, count) for this batch's words.
   * PairDStream<String, Integer> counted = words.transformWithToPair(wordCounts, (mine, counts, time) ->
   *     mine.keyBy(w -> w).join(counts).mapValues(Tuple2::_2).distinct());   // (a,1), (b,2), (c,1)
   * }</pre>
   *
   * @param other a pair stream with the same slide duration
   * @param f builds the batch's pair RDD from both streams' RDDs and the time; must not return null
   * @param <K2> the other stream's key type
   * @param <V2> the other stream's value type
   * @param <K> the key type
   * @param <V> the value type
   * @return the combined pair stream
   * @throws IllegalArgumentException if the slide durations differ
   * @throws IllegalStateException if the context has already started
   */
  public <K2, V2, K, V> PairDStream<K, V> transformWithToPair(PairDStream<K2, V2> other,
      Function3<R, PairRDD<K2, V2>, Time, PairRDD<K, V>> f) {
    Arguments.requireNonNull(other, "other");
    Arguments.requireNonNull(f, "f");
    return new PairDStream<>(ssc, transformWithNode("transformWithToPair", other, f));
  }

  // ---- window operations ----------------------------------------------------------------------------------

  /**
   * Returns a stream whose every batch holds this stream's records of the last {@code windowDuration},
   * sliding by this stream's slide duration (every batch). Keeps state: see the class description.
   *
   * <pre>{@code
   * DStream<String> lastMinute = lines.window(Durations.minutes(1));
   * }</pre>
   *
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @return the windowed stream
   * @throws IllegalArgumentException if the window length is not a positive multiple of the slide duration
   * @throws IllegalStateException if the context has already started
   */
  public S window(Duration windowDuration) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    return window(windowDuration, slideDuration());
  }

  /**
   * Returns a stream that, every {@code slideDuration}, holds this stream's records of the last
   * {@code windowDuration}: the union of the batches in the window, without a shuffle. Keeps state.
   *
   * <pre>{@code
   * // Every 10 seconds, the records of the last 30 seconds.
   * DStream<String> windowed = lines.window(Durations.seconds(30), Durations.seconds(10));
   * }</pre>
   *
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @return the windowed stream
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public S window(Duration windowDuration, Duration slideDuration) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    return sameKind(windowNode(WindowSpec.of("window", node, windowDuration, slideDuration)));
  }

  /**
   * Returns a stream with one record per window: the number of records in the window (0 for a window
   * without records). Incremental: the counts of the batches that enter the window are added and those of
   * the batches that leave it subtracted. Keeps state.
   *
   * <pre>{@code
   * DStream<Long> eventsPerMinute = events.countByWindow(Durations.minutes(1), Durations.seconds(5));
   * }</pre>
   *
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @return the counts
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public DStream<Long> countByWindow(Duration windowDuration, Duration slideDuration) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    WindowSpec.of("countByWindow", node, windowDuration, slideDuration);
    return count().reduceByWindow(Long::sum, (a, b) -> a - b, windowDuration, slideDuration);
  }

  /**
   * Returns a stream with at most one record per window: the window's records combined with an associative
   * and commutative function (no record for a window without records). Each batch is reduced once, and each
   * window combines the results of its batches. Keeps state.
   *
   * <pre>{@code
   * DStream<Integer> maxOfLastMinute = values.reduceByWindow(Math::max, Durations.minutes(1),
   *     Durations.seconds(10));
   * }</pre>
   *
   * @param reduceFunc the reduce function
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @return the reduced stream
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public DStream<T> reduceByWindow(Function2<T, T, T> reduceFunc, Duration windowDuration,
      Duration slideDuration) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    WindowSpec spec = WindowSpec.of("reduceByWindow", node, windowDuration, slideDuration);
    Arguments.requireNonNull(reduceFunc, "reduceFunc");
    return new DStream<>(ssc, reduce(reduceFunc).windowNode(spec)).reduce(reduceFunc);
  }

  /**
   * Returns a stream with at most one record per window, computed incrementally: the previous window's
   * value, with the batches that left the window removed by {@code invReduceFunc} and the batches that
   * entered it added by {@code reduceFunc}. Costs work in proportion to the batches that move, not to the
   * window length. Once the window has seen a record, every window has a record, even when all records have
   * left it (then the value is what the inverse left, such as 0 for a sum). Keeps state and checkpoints it
   * (see {@link #checkpoint(Duration)}).
   *
   * <pre>{@code
   * DStream<Long> sumOfLastMinute = amounts.reduceByWindow(Long::sum, (a, b) -> a - b,
   *     Durations.minutes(1), Durations.seconds(10));
   * }</pre>
   *
   * @param reduceFunc the associative and commutative reduce function
   * @param invReduceFunc its inverse: {@code invReduceFunc(reduceFunc(a, b), b)} equals {@code a}
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @return the reduced stream
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public DStream<T> reduceByWindow(Function2<T, T, T> reduceFunc, Function2<T, T, T> invReduceFunc,
      Duration windowDuration, Duration slideDuration) {
    Arguments.requireNonNull(reduceFunc, "reduceFunc");
    Arguments.requireNonNull(invReduceFunc, "invReduceFunc");
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    WindowSpec.of("reduceByWindow", node, windowDuration, slideDuration);
    return mapToPair(x -> new Tuple2<>(Boolean.TRUE, x))
        .reduceByKeyAndWindow(reduceFunc, invReduceFunc, windowDuration, slideDuration, 1)
        .map(Tuple2::_2);
  }

  /**
   * Counts each distinct record in every window, incrementally (see
   * {@link #reduceByWindow(Function2, Function2, Duration, Duration)}); records whose count drops to zero
   * are left out. Shuffles each batch; keeps state and checkpoints it.
   *
   * <pre>{@code
   * PairDStream<String, Long> pageViews = pages.countByValueAndWindow(Durations.minutes(5),
   *     Durations.seconds(30));
   * }</pre>
   *
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @return a pair stream of (record, count in the window)
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide duration
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<T, Long> countByValueAndWindow(Duration windowDuration, Duration slideDuration) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    return countByValueAndWindow(windowDuration, slideDuration, defaultParallelism());
  }

  /**
   * Counts each distinct record in every window into a number of partitions, incrementally; records whose
   * count drops to zero are left out. Shuffles each batch; keeps state and checkpoints it.
   *
   * <pre>{@code
   * PairDStream<String, Long> pageViews = pages.countByValueAndWindow(Durations.minutes(5),
   *     Durations.seconds(30), 4);
   * }</pre>
   *
   * @param windowDuration the window length, a multiple of this stream's slide duration
   * @param slideDuration how often a window is computed, a multiple of this stream's slide duration
   * @param numPartitions the number of partitions
   * @return a pair stream of (record, count in the window)
   * @throws IllegalArgumentException if a duration is not a positive multiple of this stream's slide
   *     duration, or {@code numPartitions} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public PairDStream<T, Long> countByValueAndWindow(Duration windowDuration, Duration slideDuration,
      int numPartitions) {
    Arguments.requireNonNull(windowDuration, "windowDuration");
    Arguments.requireNonNull(slideDuration, "slideDuration");
    WindowSpec.of("countByValueAndWindow", node, windowDuration, slideDuration);
    Partitioner partitioner = new HashPartitioner(numPartitions);
    return mapToPair(x -> new Tuple2<>(x, 1L)).reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, windowDuration,
        slideDuration, partitioner, kv -> kv._2() != 0L);
  }

  // ---- persistence --------------------------------------------------------------------------------------

  /**
   * Persists every batch's RDD at {@link StorageLevel#MEMORY_ONLY_SER} (the DStream default, as in Spark), so
   * that several output operations over this stream compute it once. Keeps each batch's RDD only until no
   * later batch needs it.
   *
   * <pre>{@code
   * DStream<String> words = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator()).cache();
   * words.count().print();          // both outputs read the batch's words,
   * words.countByValue().print();   // which are computed once
   * }</pre>
   *
   * @return this stream
   * @throws IllegalStateException if the context has already started
   */
  public S cache() {
    return persist();
  }

  /**
   * Persists every batch's RDD at {@link StorageLevel#MEMORY_ONLY_SER}; the same as {@link #cache()}.
   *
   * <pre>{@code
   * DStream<String> words = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator()).persist();
   * }</pre>
   *
   * @return this stream
   * @throws IllegalStateException if the context has already started
   */
  public S persist() {
    return persist(StorageLevel.MEMORY_ONLY_SER);
  }

  /**
   * Persists every batch's RDD at a storage level; the RDDs are unpersisted once no later batch needs them.
   *
   * <pre>{@code
   * DStream<String> words = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator())
   *     .persist(StorageLevel.MEMORY_AND_DISK_SER);
   * }</pre>
   *
   * @param level the level
   * @return this stream
   * @throws IllegalStateException if the context has already started
   */
  public S persist(StorageLevel level) {
    node.persist(Arguments.requireNonNull(level, "level"));
    return self();
  }

  /**
   * Checkpoints this stream every interval: the RDD of every batch whose time is a multiple of the interval
   * after the start is computed when the batch is generated, kept in memory, and its lineage dropped. Streams
   * that build each batch on the previous one ({@code reduceByKeyAndWindow} with an inverse function) are
   * checkpointed by default every smallest multiple of their slide duration that is at least 10 seconds;
   * without it, their lineage, and the memory it holds, would grow with every batch. A shorter interval
   * bounds the lineage more tightly at the cost of computing more often at generation time. The state
   * streams of {@code updateStateByKey} and {@code mapWithState} are checkpointed by default the same way,
   * but differently: their RDDs keep no lineage anyway, and at each checkpoint time a snapshot of the state
   * is written to the checkpoint directory once the batch has run.
   *
   * <pre>{@code
   * windowedCounts.checkpoint(Durations.seconds(20));
   * }</pre>
   *
   * @param interval the checkpoint interval, a positive multiple of this stream's slide duration
   * @return this stream
   * @throws IllegalArgumentException if the interval is not a positive multiple of the slide duration
   * @throws IllegalStateException if the context has already started
   */
  public S checkpoint(Duration interval) {
    Arguments.requireNonNull(interval, "interval");
    node.checkpoint(interval);
    return self();
  }

  // ---- identity -----------------------------------------------------------------------------------------

  /**
   * Names this stream, so that recovery from a checkpoint ({@link StreamingContext#getOrCreate}) recognizes it
   * by its name rather than by its position in creation order: name the stateful and input streams of a
   * pipeline whose code may create its streams in another order between runs. Names do not let the graph
   * change: a checkpoint of a graph with a stream more or less than the current one is still refused. The
   * name also names the stream's data in the checkpoint directory and appears in logs.
   *
   * <pre>{@code
   * PairDStream<String, Integer> totals = pairs.reduceByKey(Integer::sum).name("totals");
   * }</pre>
   *
   * @param name starts with a letter, then letters, digits, '.', '_' or '-'; unique within the context
   * @return this stream
   * @throws IllegalArgumentException if the name is malformed or another stream of the context has it
   * @throws IllegalStateException if the context has already started
   */
  public S name(String name) {
    Arguments.requireNonNull(name, "name");
    node.name(name);
    return self();
  }

  /**
   * Returns the name given with {@link #name(String)}.
   *
   * <pre>{@code
   * Optional<String> name = pairs.reduceByKey(Integer::sum).name("totals").name();   // Optional[totals]
   * Optional<String> none = words.name();                                               // Optional.empty
   * }</pre>
   *
   * @return the name, or empty if the stream has none
   */
  public Optional<String> name() {
    return Optional.ofNullable(node.name());
  }

  // ---- output operations ----------------------------------------------------------------------------------

  /**
   * Prints the first ten records of every batch to standard output, under a header with the batch time.
   *
   * <pre>{@code
   * wordCounts.print();
   * // -------------------------------------------
   * // Time: 1000 ms
   * // -------------------------------------------
   * // (a,1)
   * // (b,2)
   * // (c,1)
   * }</pre>
   *
   * @throws IllegalStateException if the context has already started
   */
  public void print() {
    print(10);
  }

  /**
   * Prints the first {@code num} records of every batch to standard output, under a header with the batch
   * time, and {@code ...} if the batch has more. Computes only the partitions it needs.
   *
   * <pre>{@code
   * words.print(2);
   * // -------------------------------------------
   * // Time: 1000 ms
   * // -------------------------------------------
   * // a
   * // b
   * // ...
   * }</pre>
   *
   * @param num how many records to print
   * @throws IllegalArgumentException if {@code num} is not positive
   * @throws IllegalStateException if the context has already started
   */
  public void print(int num) {
    if (num <= 0) {
      throw new IllegalArgumentException("print(" + num + "): the number of records must be positive");
    }
    output("print", (batch, time) -> System.out.print(BatchPrinter.format(time, RddOperations.take(batch, num + 1),
        num)));
  }

  /**
   * Runs a function on every batch's RDD, on the job thread: the general output operation. The function must
   * run an action on the RDD (such as {@code foreachPartition}) for anything to be computed. An exception the
   * function or the action throws fails the batch.
   *
   * <pre>{@code
   * wordCounts.foreachRDD(rdd -> rdd.foreachPartition(partition -> {
   *   try (Socket socket = new Socket("dashboard.example.com", 7000);   // one connection per partition
   *       PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
   *     partition.forEachRemaining(count -> out.println(count._1() + "\t" + count._2()));
   *   }
   * }));
   * }</pre>
   *
   * @param f the function
   * @throws IllegalStateException if the context has already started
   */
  public void foreachRDD(VoidFunction<R> f) {
    Arguments.requireNonNull(f, "f");
    output("foreachRDD", (batch, time) -> f.call(rddOf(batch)));
  }

  /**
   * Runs a function on every batch's RDD and time, on the job thread; otherwise as
   * {@link #foreachRDD(VoidFunction)}.
   *
   * <pre>{@code
   * wordCounts.foreachRDD((rdd, time) -> System.out.println(time + ": " + rdd.count() + " distinct words"));
   * // 1000 ms: 3 distinct words
   * }</pre>
   *
   * @param f the function
   * @throws IllegalStateException if the context has already started
   */
  public void foreachRDD(VoidFunction2<R, Time> f) {
    Arguments.requireNonNull(f, "f");
    output("foreachRDD", (batch, time) -> f.call(rddOf(batch), time));
  }

  /**
   * Saves every batch as text files: the batch at time {@code T} becomes the directory
   * {@code prefix-T_IN_MS} holding one part file per partition ({@code part-00000}, ...), each record's
   * {@code toString()} on its own line in UTF-8, and an empty {@code _SUCCESS} marker. Each directory is
   * written under a hidden name and renamed into place, so readers never see a half-written batch; a batch
   * that runs again replaces its directory with the same files.
   *
   * <pre>{@code
   * wordCounts.saveAsTextFiles("/data/counts"); // /data/counts-1357008430000/part-00000, ...
   * }</pre>
   *
   * @param prefix the path prefix of every batch's directory; parent directories are created as needed
   * @throws IllegalArgumentException if the prefix is null or blank or does not make a valid path
   * @throws IllegalStateException if the context has already started
   */
  public void saveAsTextFiles(String prefix) {
    Arguments.requireNonNull(prefix, "prefix");
    saveAsTextFiles(prefix, "");
  }

  /**
   * Saves every batch as text files in the directory {@code prefix-T_IN_MS.suffix}; otherwise as
   * {@link #saveAsTextFiles(String)}. A write that fails (for example because a file is in the way) fails
   * the batch with the {@link java.io.IOException} as the cause.
   *
   * <pre>{@code
   * wordCounts.saveAsTextFiles("/data/counts", "txt");   // /data/counts-1357008430000.txt/part-00000, ...
   * }</pre>
   *
   * @param prefix the path prefix of every batch's directory
   * @param suffix the suffix after the batch time, without the dot; null or empty for none
   * @throws IllegalArgumentException if the prefix is null or blank or does not make a valid path
   * @throws IllegalStateException if the context has already started
   */
  public void saveAsTextFiles(String prefix, String suffix) {
    Arguments.requireNonNull(prefix, "prefix");
    output("saveAsTextFiles", new BatchFileOutput<>("saveAsTextFiles", prefix, suffix, PartFileFormat.text()));
  }

  /**
   * Saves every batch as object files: the directory {@code prefix-T_IN_MS} holds one part file per
   * partition, each a checksummed stream of the records serialized with Kryo (records need not be
   * {@code Serializable}), and a {@code _SUCCESS} marker. Written atomically like
   * {@link #saveAsTextFiles(String)}; read a batch back with {@link StreamingContext#objectFile(String)}.
   *
   * <pre>{@code
   * wordCounts.saveAsObjectFiles("/data/counts");   // /data/counts-1357008430000/part-00000, ...
   * // later: RDD<Tuple2<String, Integer>> batch = ssc.objectFile("/data/counts-1357008430000");
   * }</pre>
   *
   * @param prefix the path prefix of every batch's directory
   * @throws IllegalArgumentException if the prefix is null or blank or does not make a valid path
   * @throws IllegalStateException if the context has already started
   */
  public void saveAsObjectFiles(String prefix) {
    Arguments.requireNonNull(prefix, "prefix");
    saveAsObjectFiles(prefix, "");
  }

  /**
   * Saves every batch as object files in the directory {@code prefix-T_IN_MS.suffix}; otherwise as
   * {@link #saveAsObjectFiles(String)}.
   *
   * <pre>{@code
   * wordCounts.saveAsObjectFiles("/data/counts", "bin");   // /data/counts-1357008430000.bin/part-00000, ...
   * }</pre>
   *
   * @param prefix the path prefix of every batch's directory
   * @param suffix the suffix after the batch time, without the dot; null or empty for none
   * @throws IllegalArgumentException if the prefix is null or blank or does not make a valid path
   * @throws IllegalStateException if the context has already started
   */
  public void saveAsObjectFiles(String prefix, String suffix) {
    Arguments.requireNonNull(prefix, "prefix");
    output("saveAsObjectFiles", new BatchFileOutput<>("saveAsObjectFiles", prefix, suffix,
        PartFileFormat.objects(ssc.runtime.serializer())));
  }

  // ---- access to generated RDDs ----------------------------------------------------------------------------

  /**
   * Returns the RDDs of this stream's batches from {@code fromTime} to {@code toTime}, both inclusive
   * (times off the stream's slide grid are moved down onto it). Batches not remembered any more are
   * recomputed from their inputs where possible (not for a queue stream, which cannot replay what it handed
   * out); see {@link StreamingContext#remember}. Times after the latest batch are computed now, as in Spark,
   * if the stream is computed from queue streams only: each queue stream hands the batches from the next one
   * up to {@code toTime} the RDDs they would take at their time, in batch order, and those batches later run
   * with them (an RDD queued afterwards goes to a later batch; a batch that found the queue empty stays
   * empty). A stream fed by a receiver, files or Kafka cannot compute a batch before its data arrives, so
   * there, and before the first batch, times after the latest batch are left out.
   *
   * <pre>{@code
   * ssc.remember(Durations.minutes(1));   // before start()
   * // ... once the context runs, the words of the last 10 seconds up to a batch time:
   * List<RDD<String>> last10s = words.slice(batchTime.minus(Durations.seconds(9)), batchTime);
   * long total = last10s.stream().mapToLong(RDD::count).sum();
   * }</pre>
   *
   * @param fromTime the first batch time
   * @param toTime the last batch time
   * @return the RDDs, oldest first
   * @throws IllegalStateException if the context has not started
   */
  public List<R> slice(Time fromTime, Time toTime) {
    Arguments.requireNonNull(fromTime, "fromTime");
    Arguments.requireNonNull(toTime, "toTime");
    try {
      List<R> rdds = new ArrayList<>();
      node.slice(fromTime, toTime).forEach(batch -> rdds.add(rddOf(batch)));
      return rdds;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new io.dstream.rdd.JobFailedException("slice failed while computing a batch: " + e, e);
    }
  }

  /**
   * Returns the RDD of this stream's batch at a time: the batch's RDD if it was generated (or can be, from its
   * inputs), as {@link #slice} does for one time. Spark's {@code compute(validTime)}.
   *
   * <pre>{@code
   * // once the context runs:
   * long wordsThen = words.compute(batchTime).count();
   * }</pre>
   *
   * @param validTime a batch time of this stream (on its slide grid, after the start)
   * @return the RDD, or null if the stream has none at that time (a time after the latest batch of a stream
   *     that {@link #slice} does not compute ahead, or a batch forgotten that cannot be recomputed)
   * @throws IllegalArgumentException if the time is not a batch time of this stream
   * @throws IllegalStateException if the context has not started
   */
  public R compute(Time validTime) {
    Arguments.requireNonNull(validTime, "validTime");
    if (!node.isTimeValid(validTime)) {
      throw new IllegalArgumentException("compute(" + validTime + "): not a batch time of " + node + ", whose "
          + "batches come every " + slideDuration() + " after the start; use a time on that grid");
    }
    List<R> batch = slice(validTime, validTime);
    return batch.isEmpty() ? null : batch.get(0);
  }

  @Override
  public String toString() {
    return node.toString();
  }

  // ---- helpers shared with PairDStream ------------------------------------------------------------------

  <U> DStream<U> narrow(NarrowOperation<T, U> operation) {
    return new DStream<>(ssc, new NarrowStreamNode<>(node, operation));
  }

  <K, V> PairDStream<K, V> narrowToPair(NarrowOperation<T, Tuple2<K, V>> operation) {
    return new PairDStream<>(ssc, new NarrowStreamNode<>(node, operation));
  }

  /** Returns a stream whose batches a user function builds from this stream's batch, as public RDDs. */
  <U> StreamNode<U> transformNode(String name, Function2<R, Time, ? extends RDD<U>> f) {
    return new TransformedStreamNode<>(name, List.of(node),
        (batches, time) -> UserRdds.unwrap(f.call(rddOf(UserRdds.<T>cast(batches.get(0))), time)));
  }

  <U, Q extends RDD<U>, W> StreamNode<W> transformWithNode(String name, DStreamLike<U, ?, Q> other,
      Function3<R, Q, Time, ? extends RDD<W>> f) {
    return new TransformedStreamNode<>(name, List.of(node, other.node), (batches, time) -> UserRdds.unwrap(
        f.call(rddOf(UserRdds.<T>cast(batches.get(0))), other.rddOf(UserRdds.<U>cast(batches.get(1))), time)));
  }

  StreamNode<T> windowNode(WindowSpec spec) {
    return new WindowedStreamNode<>(node, spec, ssc.runtime.engine());
  }

  /** Returns the number of partitions of by-key windows by default: the context's default parallelism. */
  int defaultParallelism() {
    return ssc.runtime.engine().defaultParallelism();
  }


  /**
   * Registers an output operation after those defined before it.
   *
   * @param name the operation's name, for listeners and logs
   * @param output what to do with each batch's RDD
   */
  void output(String name, BatchOutput<T> output) {
    new ForEachStreamNode<>(node, output, CallSite.describe(name));
  }
}
