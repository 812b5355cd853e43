package io.dstream;

import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.StreamNode;
import io.dstream.rdd.RDD;

/**
 * A discretized stream: a sequence of RDDs, one per batch interval, each holding the records of that
 * batch. The counterpart of Spark's {@code JavaDStream}; its operations are {@link DStreamLike}'s, and its
 * functions get each batch as an {@link RDD}. A stream of key-value pairs is a {@link PairDStream}, whose
 * functions get {@link io.dstream.rdd.PairRDD}s.
 *
 * <p>Transformations return new streams and compute nothing until the context starts; then, every batch,
 * each output operation ({@link #print()}, {@link #foreachRDD}, {@code saveAs...}) runs one job over
 * that batch's RDD. Stateless transformations apply the same RDD operation to every batch:
 *
 * <pre>{@code
 * DStream<String> words = lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator());
 * PairDStream<String, Integer> counts = words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum);
 * counts.print();
 * }</pre>
 *
 * <p>All transformations and output operations must be defined before {@link StreamingContext#start()};
 * defining one afterwards throws {@link IllegalStateException}. Functions passed here run on the worker
 * threads (per record or per partition) or, for {@code transform}, on the job generator's thread once per
 * batch; an exception they throw fails that batch's job and is reported to listeners and
 * {@code awaitTermination}.
 *
 * <p><b>Window operations</b> ({@link #window}, {@link #countByWindow}, {@link #reduceByWindow}, and the
 * by-key windows of {@link PairDStream}) combine the batches of a sliding window: at every time {@code t}
 * that is a multiple of the <i>slide duration</i> after the start, the window covers this stream's batches
 * in {@code (t - windowDuration, t]}. The windowed stream produces an RDD only at those times, and its own
 * slide duration is the slide given. Both durations must be positive multiples of this stream's slide
 * duration; otherwise the operation throws {@link IllegalArgumentException} when it is defined. Windows at
 * the start of the stream cover only the batches that exist. Window operations keep state: the batches of
 * a window are persisted ({@link io.dstream.storage.StorageLevel#MEMORY_ONLY_SER}) and remembered until no window needs them
 * any more, so memory grows with the window length, not with the number of batches run.
 *
 * <p>The method examples below start from {@code lines}, a {@code DStream<String>} of text lines (such as
 * {@code ssc.socketTextStream("localhost", 9999)}), and their comments show what they make of one batch whose
 * lines are {@code "a b"} and {@code "b c"}. There {@code words} is
 * {@code lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator())}, the words {@code a, b, b, c};
 * {@code pairs} is {@code words.mapToPair(w -> new Tuple2<>(w, 1))}, the pairs
 * {@code (a,1), (b,1), (b,1), (c,1)}; and {@code wordCounts} is {@code pairs.reduceByKey(Integer::sum)}, the
 * pairs {@code (a,1), (b,2), (c,1)}. After a shuffle, records come in no particular order.
 *
 * @param <T> the record type
 */
public class DStream<T> extends DStreamLike<T, DStream<T>, RDD<T>> {

  DStream(StreamingContext ssc, StreamNode<T> node) {
    super(ssc, node);
  }

  @Override
  DStream<T> sameKind(StreamNode<T> other) {
    return new DStream<>(ssc, other);
  }

  @Override
  RDD<T> rddOf(RddNode<T> batch) {
    return UserRdds.wrap(batch);
  }
}
