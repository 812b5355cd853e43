package io.dstream.kafka;

import io.dstream.InputDStream;
import io.dstream.kafka.internal.DirectKafkaInputStreamNode;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;

/** The stream {@link KafkaUtils#createDirectStream} returns: an input stream that can commit offsets. */
final class DirectKafkaInputDStream<K, V> extends InputDStream<ConsumerRecord<K, V>> implements CanCommitOffsets {
  private final DirectKafkaInputStreamNode<K, V> node;

  DirectKafkaInputDStream(InputDStream<ConsumerRecord<K, V>> stream, DirectKafkaInputStreamNode<K, V> node) {
    super(stream);
    this.node = node;
  }

  @Override
  public void commitAsync(OffsetRange[] offsetRanges) {
    commitAsync(offsetRanges, null, "offsetRanges");
  }

  @Override
  public void commitAsync(OffsetRange[] offsetRanges, OffsetCommitCallback callback) {
    if (callback == null) {
      throw new IllegalArgumentException("callback is null; use commitAsync(offsetRanges) to commit without one");
    }
    commitAsync(offsetRanges, callback, "offsetRanges");
  }

  private void commitAsync(OffsetRange[] offsetRanges, OffsetCommitCallback callback, String name) {
    if (offsetRanges == null) {
      throw new IllegalArgumentException(name + " is null; give the ranges of a batch (HasOffsetRanges)");
    }
    node.commitAsync(Arrays.asList(offsetRanges), callback);
  }
}
