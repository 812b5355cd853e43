package io.dstream.kafka;

import io.dstream.kafka.internal.PartitionSource;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What a direct stream reads: which partitions, with which consumer settings, from which offsets. Get one from
 * {@link ConsumerStrategies}.
 *
 * @param <K> the records' key type
 * @param <V> the records' value type
 */
public final class ConsumerStrategy<K, V> {
  final PartitionSource source;
  final Map<String, Object> kafkaParams;
  final Map<TopicPartition, Long> offsets;

  ConsumerStrategy(PartitionSource source, Map<String, Object> kafkaParams, Map<TopicPartition, Long> offsets) {
    this.source = source;
    this.kafkaParams = Map.copyOf(kafkaParams);
    this.offsets = Map.copyOf(offsets);
  }

  @Override
  public String toString() {
    return source.describe();
  }
}
