package io.dstream.kafka;

import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one Kafka partition that one batch holds: offsets {@code [fromOffset, untilOffset)}. Every batch
 * RDD of a direct stream tells its ranges ({@link HasOffsetRanges}); hand them to
 * {@link CanCommitOffsets#commitAsync} once the batch's output is stored to keep progress in Kafka too.
 *
 * <pre>{@code
 * OffsetRange range = OffsetRange.create("orders", 0, 100, 150);   // 50 offsets: 100 to 149
 * }</pre>
 */
public final class OffsetRange {
  private final String topic;
  private final int partition;
  private final long fromOffset;
  private final long untilOffset;

  private OffsetRange(String topic, int partition, long fromOffset, long untilOffset) {
    if (topic == null) {
      throw new IllegalArgumentException("the topic of an offset range is null; give the topic's name");
    }
    if (partition < 0 || fromOffset < 0 || untilOffset < fromOffset) {
      throw new IllegalArgumentException("offset range " + topic + "-" + partition + " [" + fromOffset + ", "
          + untilOffset + ") is invalid; use a partition >= 0 and 0 <= fromOffset <= untilOffset");
    }
    this.topic = topic;
    this.partition = partition;
    this.fromOffset = fromOffset;
    this.untilOffset = untilOffset;
  }

  /**
   * Returns a range.
   *
   * @param topic the topic
   * @param partition the partition
   * @param fromOffset the first offset, inclusive
   * @param untilOffset the end, exclusive
   * @return the range
   * @throws IllegalArgumentException if the topic is null, the partition negative, or the offsets not
   *     {@code 0 <= fromOffset <= untilOffset}
   */
  public static OffsetRange create(String topic, int partition, long fromOffset, long untilOffset) {
    return new OffsetRange(topic, partition, fromOffset, untilOffset);
  }

  /**
   * Returns a range.
   *
   * @param topicPartition the topic and partition
   * @param fromOffset the first offset, inclusive
   * @param untilOffset the end, exclusive
   * @return the range
   * @throws IllegalArgumentException if the offsets are not {@code 0 <= fromOffset <= untilOffset}
   */
  public static OffsetRange create(TopicPartition topicPartition, long fromOffset, long untilOffset) {
    return new OffsetRange(topicPartition.topic(), topicPartition.partition(), fromOffset, untilOffset);
  }

  /**
   * Returns the topic.
   *
   * @return the topic's name
   */
  public String topic() {
    return topic;
  }

  /**
   * Returns the partition.
   *
   * @return the partition number
   */
  public int partition() {
    return partition;
  }

  /**
   * Returns the topic and partition.
   *
   * @return a new {@link TopicPartition}
   */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /**
   * Returns the first offset of the range.
   *
   * @return the offset, inclusive
   */
  public long fromOffset() {
    return fromOffset;
  }

  /**
   * Returns the end of the range.
   *
   * @return the offset after the last one, exclusive
   */
  public long untilOffset() {
    return untilOffset;
  }

  /**
   * Returns the number of offsets in the range: an upper bound of its records, since a compacted topic or
   * transaction markers leave offsets without a record.
   *
   * @return {@code untilOffset - fromOffset}
   */
  public long count() {
    return untilOffset - fromOffset;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OffsetRange range && topic.equals(range.topic) && partition == range.partition
        && fromOffset == range.fromOffset && untilOffset == range.untilOffset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, partition, fromOffset, untilOffset);
  }

  /** Shows the range as {@code OffsetRange(topic: 'orders', partition: 0, range: [100 -> 150])}, as Spark does. */
  @Override
  public String toString() {
    return "OffsetRange(topic: '" + topic + "', partition: " + partition + ", range: [" + fromOffset + " -> "
        + untilOffset + "])";
  }
}
