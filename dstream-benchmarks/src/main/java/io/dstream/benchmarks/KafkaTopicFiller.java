package io.dstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills a topic for {@link KafkaReadBenchmark} and {@link ScaleOutBenchmark} as fast as one producer can: records
 * without keys, spread round-robin over the partitions so that each holds the same number, sent in large
 * uncompressed batches with {@code acks=1}.
 */
final class KafkaTopicFiller {
  private static final int BATCH_BYTES = 1 << 20;
  private static final long BUFFER_BYTES = 256L << 20;
  private static final int LINGER_MS = 20;

  private KafkaTopicFiller() {}

  /**
   * Writes the records and waits until the broker acknowledged all of them.
   *
   * @param bootstrapServers the broker
   * @param topic the topic, with {@code partitions} partitions
   * @param partitions its number of partitions
   * @param records how many records to write
   * @param valueBytes the size of each record's value
   * @return the seconds from the first send to the last acknowledgement
   * @throws IllegalStateException if the topic does not hold {@code records} records afterwards
   */
  static double fill(String bootstrapServers, String topic, int partitions, long records, int valueBytes) {
    byte[] value = new byte[valueBytes];
    for (int i = 0; i < valueBytes; i++) {
      value[i] = (byte) ('a' + i % 26);
    }
    return fill(bootstrapServers, topic, partitions, records, i -> value);
  }

  /**
   * Writes records whose values a function gives and waits until the broker acknowledged all of them.
   *
   * @param bootstrapServers the broker
   * @param topic the topic, with {@code partitions} partitions
   * @param partitions its number of partitions
   * @param records how many records to write
   * @param valueOf the value of the record of each index from 0 to {@code records - 1}
   * @return the seconds from the first send to the last acknowledgement
   * @throws IllegalStateException if the topic does not hold {@code records} records afterwards
   */
  static double fill(String bootstrapServers, String topic, int partitions, long records,
      LongFunction<byte[]> valueOf) {
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config(bootstrapServers),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      // No callback per record: the end offsets checked below show whether every write arrived.
      for (long i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, (int) (i % partitions), null, valueOf.apply(i)));
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long written = endOffsetsSum(bootstrapServers, topic, partitions);
    if (written != records) {
      throw new IllegalStateException("topic " + topic + " holds " + written + " records after the fill, not the "
          + records + " sent; a write failed (is the broker short of disk?)");
    }
    return seconds;
  }

  /** Returns partitions 0 to {@code count - 1} of a topic. */
  static List<TopicPartition> partitions(String topic, int count) {
    List<TopicPartition> partitions = new ArrayList<>(count);
    for (int p = 0; p < count; p++) {
      partitions.add(new TopicPartition(topic, p));
    }
    return partitions;
  }

  /**
   * Returns the sum of a topic's end offsets: its records, plus the transaction markers of a transactional topic.
   *
   * @param bootstrapServers the broker
   * @param topic the topic
   * @param partitions its number of partitions
   * @return the sum
   */
  static long endOffsetsSum(String bootstrapServers, String topic, int partitions) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      return consumer.endOffsets(partitions(topic, partitions), Duration.ofMinutes(1)).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static Map<String, Object> config(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "1");
    // acks=1 needs idempotence off; a benchmark's fill does not retry into duplicates (the count is checked).
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
    config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_BYTES);
    return config;
  }
}
