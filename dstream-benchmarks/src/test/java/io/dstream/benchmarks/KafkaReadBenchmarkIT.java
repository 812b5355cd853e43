package io.dstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.kafka.testing.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plumbing of {@link KafkaReadBenchmark} on a tiny topic of a real broker: the fill writes every record,
 * both readers count all of them (each checks its count and throws otherwise), and the report holds their rates.
 */
class KafkaReadBenchmarkIT {
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void fillsATopicAndCountsItWithBothReaders() throws Exception {
    KafkaReadBenchmark.Result result = KafkaReadBenchmark.measure(kafka, 3, 3_001, 1);

    assertThat(result.partitions()).isEqualTo(3);
    assertThat(result.records()).isEqualTo(3_001);
    assertThat(result.fillSeconds()).isPositive();
    assertThat(result.pollLoop().min()).isPositive();
    assertThat(result.directStream().min()).isPositive();
    assertThat(result.ratio()).isPositive();
    assertThat(result.toString()).contains("3 partitions: filled 3001 records", "poll loop", "direct stream");
    // The topic is deleted afterwards, so that the next measurement of the same partition count can create it.
    assertThat(kafka.admin().listTopics().names().get()).doesNotContain("read-benchmark-3");
  }

  @Test
  void refusesANonPositiveCount() {
    assertThatThrownBy(() -> KafkaReadBenchmark.measure(kafka, 2, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 2, 0 and 1");
  }
}
