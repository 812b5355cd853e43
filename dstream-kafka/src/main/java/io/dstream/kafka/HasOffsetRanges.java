package io.dstream.kafka;

/**
 * An RDD that knows which Kafka records it holds: every batch RDD of a direct stream, as {@code foreachRDD} and
 * {@code transform} receive it (not an RDD derived from it by {@code map} and the like).
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
   * Returns the ranges of this batch, one per partition of the stream's topics, in the order of the RDD's
   * partitions: partition {@code i} of the RDD holds the records of range {@code i}.
   *
   * @return a new array of the ranges
   */
  OffsetRange[] offsetRanges();
}
