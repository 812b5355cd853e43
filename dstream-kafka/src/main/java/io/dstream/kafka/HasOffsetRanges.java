package io.dstream.kafka;

/**
 * An RDD that knows which Kafka records it holds: every batch RDD of a direct stream, as {@code foreachRDD} and
 * {@code transform} receive it, and the RDD of {@link KafkaUtils#createRDD} (not an RDD derived from them by
 * {@code map} and the like).
 *
 * <pre>{@code
 * stream.foreachRDD(rdd -> {
 *   OffsetRange[] ranges = ((HasOffsetRanges) rdd).offsetRanges();
 *   // ... store the batch's results ...
 *   ((CanCommitOffsets) stream).commitAsync(ranges);
 * });
 * }</pre>
 */
public interface HasOffsetRanges {
  /**
   * Returns the ranges of this batch, one per Kafka partition of the stream's topics (sorted by topic and
   * partition), as Spark reports them. Each range is read by one partition of the RDD, in the same order, unless
   * it is large: then several consecutive partitions of the RDD read pieces of it
   * ({@code dstream.kafka.minRecordsPerTask}), so use the records' own topic, partition and offset rather than
   * the RDD's partition index to tell where a record comes from.
   *
   * @return a new array of the ranges
   */
  OffsetRange[] offsetRanges();
}
