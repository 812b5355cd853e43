package io.dstream.examples;

import io.dstream.kafka.testing.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The output topic of {@link ScaleOutWordCount} as a {@code read_committed} consumer sees it while the application
 * runs: every record from the beginning, each key's latest count (a key's records are in one partition, in the
 * order its batches were committed).
 */
final class CommittedOutput implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, String> consumer;
  private final String topic;
  private final Map<String, Integer> latest = new TreeMap<>();
  private long records;

  /**
   * Opens a consumer on every partition of the topic, from its beginning.
   *
   * @param kafka the broker
   * @param topic the topic, which exists
   * @param partitions its number of partitions (a topic just created may not be in the consumer's metadata yet)
   */
  CommittedOutput(EmbeddedKafka kafka, String topic, int partitions) {
    Map<String, Object> config = kafka.consumerConfig(null);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer = new KafkaConsumer<>(config);
    this.topic = topic;
    List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
    consumer.assign(all);
    consumer.seekToBeginning(all);
  }

  /**
   * Reads on until each key's latest count fulfils a condition.
   *
   * @param condition what the latest counts must be
   * @param timeout how long to read at most
   * @param what what is waited for, for the failure message
   * @throws AssertionError if the time ran out first
   */
  void awaitLatest(Predicate<Map<String, Integer>> condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(latest)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + " on " + topic + "; after "
            + records + " records the latest counts are " + latest);
      }
      for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
        latest.put(record.key(), countOf(record.value()));
        records++;
      }
    }
  }

  /**
   * Returns the count of an output value {@code <count>@<batch time>}.
   *
   * @param value the value
   * @return the count
   */
  static int countOf(String value) {
    return Integer.parseInt(value.substring(0, value.indexOf('@')));
  }

  /**
   * Returns the batch time of an output value {@code <count>@<batch time>}.
   *
   * @param value the value
   * @return the batch time in ms
   */
  static long batchOf(String value) {
    return Long.parseLong(value.substring(value.indexOf('@') + 1));
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(10));
  }
}
