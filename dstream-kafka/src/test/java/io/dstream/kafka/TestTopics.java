package io.dstream.kafka;

import io.dstream.kafka.testing.EmbeddedKafka;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** New topics for tests that share a broker. */
final class TestTopics {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private TestTopics() {}

  /** Creates a topic of a new name on the broker and returns the name. */
  static String create(EmbeddedKafka kafka, int partitions) {
    return create(kafka, partitions, Map.of());
  }

  /** Creates a topic of a new name with topic settings on the broker and returns the name. */
  static String create(EmbeddedKafka kafka, int partitions, Map<String, String> configs) {
    String topic = "topic-" + COUNT.incrementAndGet();
    kafka.createTopic(topic, partitions, configs);
    return topic;
  }
}
