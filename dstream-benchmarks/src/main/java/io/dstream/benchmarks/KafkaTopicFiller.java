package io.dstream.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills a topic for {@link KafkaReadBenchmark} as fast as one producer can: records without keys whose values
 * are a fixed number of bytes, spread round-robin over the partitions so that each holds the same number, sent
 * in large uncompressed batches with {@code acks=1}.
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
   * @throws IllegalStateException if a write failed
   */
  static double fill(String bootstrapServers, String topic, int partitions, long records, int valueBytes) {
    byte[] value = new byte[valueBytes];
    for (int i = 0; i < valueBytes; i++) {
      value[i] = (byte) ('a' + i % 26);
    }
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config(bootstrapServers),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < records && failure.get() == null; i++) {
        producer.send(new ProducerRecord<>(topic, (int) (i % partitions), null, value), (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failure.get() != null) {
      throw new IllegalStateException("could not fill topic " + topic + " with " + records + " records",
          failure.get());
    }
    return seconds;
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
