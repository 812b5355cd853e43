package io.dstream.kafka;

import io.dstream.kafka.testing.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of the test classes that run against a real broker: one {@link EmbeddedKafka} per test class
 * (starting one takes about two seconds), started before its first test and closed after its last.
 */
abstract class BrokerPerClass {
  /** The broker of the running test class. */
  static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }
}
