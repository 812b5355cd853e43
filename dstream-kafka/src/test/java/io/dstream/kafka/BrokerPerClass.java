package io.dstream.kafka;

import io.dstream.kafka.testing.EmbeddedKafka;
import io.dstream.kafka.testing.EmbeddedKafkaExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The base of the test classes that run against a real broker: one {@link EmbeddedKafka} per test class
 * (starting one takes about two seconds), started before its first test and closed after its last.
 */
abstract class BrokerPerClass {
  @RegisterExtension
  static final EmbeddedKafkaExtension BROKER = new EmbeddedKafkaExtension();

  /** Returns the broker of the running test class. */
  static EmbeddedKafka kafka() {
    return BROKER.kafka();
  }
}
