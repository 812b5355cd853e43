package io.dstream.kafka.internal;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a direct stream does when the offset a partition's next range starts at is out of the partition's range on
 * the broker (its records were deleted by retention before they were read, or it was never written): with
 * {@code auto.offset.reset} set to {@code earliest} or {@code latest} by the user, one WARN that names the
 * partition, the offsets lost and where the stream goes on, and a reset there; otherwise ({@code none}, unset,
 * anything else) an {@link IllegalStateException} that fails the batch. Never a silent skip.
 */
final class OutOfRangeOffsets {
  private static final Logger LOG = LoggerFactory.getLogger(OutOfRangeOffsets.class);

  private final Object stream;
  private final String reset;

  /**
   * Creates the policy of a stream.
   *
   * @param stream the stream, for messages
   * @param kafkaParams the consumer settings the user gave
   */
  OutOfRangeOffsets(Object stream, Map<String, Object> kafkaParams) {
    this.stream = stream;
    Object value = kafkaParams.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
    this.reset = value == null ? null : value.toString();
  }

  /**
   * Returns where a partition's next range starts.
   *
   * @param partition the partition
   * @param from where the stream would go on
   * @param first the partition's first offset on the broker
   * @param end the partition's end on the broker (the offset after its last record)
   * @return {@code from} if it is within {@code [first, end]}; else the reset's offset, after one WARN
   * @throws IllegalStateException if it is out of range and {@code auto.offset.reset} is not earliest or latest
   */
  long startOf(TopicPartition partition, long from, long first, long end) {
    if (from >= first && from <= end) {
      return from;
    }
    String cause = from < first
        ? "the records at offsets [" + from + ", " + first + ") were deleted (retention) before they were read"
        : "the offset is past the partition's end (was the topic deleted and created again, or its log cut "
            + "back?)";
    String problem = stream + " would read " + partition + " from offset " + from + ", which is out of its range ["
        + first + ", " + end + "] on the broker: " + cause;
    long target;
    if ("earliest".equals(reset)) {
      target = first;
    } else if ("latest".equals(reset)) {
      target = end;
    } else {
      throw new IllegalStateException(problem + "; start the stream from an offset in range, or set "
          + "auto.offset.reset to earliest or latest to go on from there with a warning (it is "
          + (reset == null ? "unset" : "'" + reset + "'") + ")");
    }
    String lost = target > from ? "; offsets [" + from + ", " + target + ") are not read" : "";
    LOG.warn("{}{}; auto.offset.reset={}: reading on from offset {}", problem, lost, reset, target);
    return target;
  }
}
