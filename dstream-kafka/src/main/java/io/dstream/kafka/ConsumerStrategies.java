package io.dstream.kafka;

import io.dstream.kafka.internal.PartitionSource;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer strategies of Spark's Kafka integration: subscribe to topics (by name or pattern), or assign
 * partitions. {@code kafkaParams} are the Kafka consumer's settings: {@code bootstrap.servers},
 * {@code key.deserializer} and {@code value.deserializer} are required; {@code group.id} is needed for
 * {@link CanCommitOffsets} and to start from the group's committed offsets; {@code auto.offset.reset}
 * ({@code latest} by default, {@code earliest} or {@code none}) says where partitions without a given or
 * committed offset start at the first batch. Partitions that appear later (new partitions of a subscribed
 * topic) start at their beginning, so that none of their records is skipped.
 *
 * <pre>{@code
 * Map<String, Object> kafkaParams = Map.of("bootstrap.servers", "localhost:9092",
 *     "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class,
 *     "group.id", "wordcount", "auto.offset.reset", "earliest");
 * ConsumerStrategy<String, String> strategy = ConsumerStrategies.Subscribe(List.of("words"), kafkaParams);
 * }</pre>
 */
public final class ConsumerStrategies {
  private ConsumerStrategies() {}

  /**
   * Reads every partition of some topics, as they are at each batch.
   *
   * @param topics the topics
   * @param kafkaParams the consumer's settings
   * @param <K> the key type
   * @param <V> the value type
   * @return the strategy
   * @throws IllegalArgumentException if an argument is null or empty, or a required setting is missing
   */
  public static <K, V> ConsumerStrategy<K, V> Subscribe(Collection<String> topics, Map<String, Object> kafkaParams) {
    return Subscribe(topics, kafkaParams, Map.of());
  }

  /**
   * Reads every partition of some topics, as they are at each batch, starting the given partitions at the
   * given offsets.
   *
   * @param topics the topics
   * @param kafkaParams the consumer's settings
   * @param offsets where partitions start at the first batch (others: committed, or {@code auto.offset.reset})
   * @param <K> the key type
   * @param <V> the value type
   * @return the strategy
   * @throws IllegalArgumentException if an argument is null or empty, or a required setting is missing
   */
  public static <K, V> ConsumerStrategy<K, V> Subscribe(Collection<String> topics, Map<String, Object> kafkaParams,
      Map<TopicPartition, Long> offsets) {
    requireNotEmpty(topics, "topics");
    return new ConsumerStrategy<>(PartitionSource.subscribe(topics), checkedParams(kafkaParams), checkedOffsets(offsets));
  }

  /**
   * Reads every partition of the topics whose names match a pattern, as they are at each batch.
   *
   * @param pattern the pattern the whole topic name must match
   * @param kafkaParams the consumer's settings
   * @param <K> the key type
   * @param <V> the value type
   * @return the strategy
   * @throws IllegalArgumentException if an argument is null, or a required setting is missing
   */
  public static <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern, Map<String, Object> kafkaParams) {
    return SubscribePattern(pattern, kafkaParams, Map.of());
  }

  /**
   * Reads every partition of the topics whose names match a pattern, starting the given partitions at the
   * given offsets.
   *
   * @param pattern the pattern the whole topic name must match
   * @param kafkaParams the consumer's settings
   * @param offsets where partitions start at the first batch
   * @param <K> the key type
   * @param <V> the value type
   * @return the strategy
   * @throws IllegalArgumentException if an argument is null, or a required setting is missing
   */
  public static <K, V> ConsumerStrategy<K, V> SubscribePattern(Pattern pattern, Map<String, Object> kafkaParams,
      Map<TopicPartition, Long> offsets) {
    if (pattern == null) {
      throw new IllegalArgumentException("pattern is null; give the pattern of the topics to read");
    }
    return new ConsumerStrategy<>(PartitionSource.subscribePattern(pattern), checkedParams(kafkaParams), checkedOffsets(offsets));
  }

  /**
   * Reads a fixed set of partitions.
   *
   * @param topicPartitions the partitions
   * @param kafkaParams the consumer's settings
   * @param <K> the key type
   * @param <V> the value type
   * @return the strategy
   * @throws IllegalArgumentException if an argument is null or empty, or a required setting is missing
   */
  public static <K, V> ConsumerStrategy<K, V> Assign(Collection<TopicPartition> topicPartitions,
      Map<String, Object> kafkaParams) {
    return Assign(topicPartitions, kafkaParams, Map.of());
  }

  /**
   * Reads a fixed set of partitions, starting the given ones at the given offsets.
   *
   * @param topicPartitions the partitions
   * @param kafkaParams the consumer's settings
   * @param offsets where partitions start at the first batch
   * @param <K> the key type
   * @param <V> the value type
   * @return the strategy
   * @throws IllegalArgumentException if an argument is null or empty, or a required setting is missing
   */
  public static <K, V> ConsumerStrategy<K, V> Assign(Collection<TopicPartition> topicPartitions,
      Map<String, Object> kafkaParams, Map<TopicPartition, Long> offsets) {
    requireNotEmpty(topicPartitions, "topicPartitions");
    return new ConsumerStrategy<>(PartitionSource.assign(topicPartitions), checkedParams(kafkaParams), checkedOffsets(offsets));
  }

  private static void requireNotEmpty(Collection<?> values, String name) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(name + " is " + (values == null ? "null" : "empty")
          + "; give at least one to read");
    }
  }

  private static Map<String, Object> checkedParams(Map<String, Object> kafkaParams) {
    if (kafkaParams == null) {
      throw new IllegalArgumentException("kafkaParams is null; give at least bootstrap.servers, key.deserializer "
          + "and value.deserializer");
    }
    for (String required : new String[] {ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG}) {
      if (kafkaParams.get(required) == null) {
        throw new IllegalArgumentException("kafkaParams has no " + required + " (it has " + kafkaParams.keySet()
            + "); a direct stream needs bootstrap.servers, key.deserializer and value.deserializer");
      }
    }
    return kafkaParams;
  }

  private static Map<TopicPartition, Long> checkedOffsets(Map<TopicPartition, Long> offsets) {
    if (offsets == null) {
      throw new IllegalArgumentException("offsets is null; give an empty map to start from committed offsets");
    }
    return offsets;
  }
}
