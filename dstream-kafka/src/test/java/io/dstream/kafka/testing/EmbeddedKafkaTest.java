package io.dstream.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker is a real Kafka: what is produced to it is consumed back, partition by partition, also
 * after it was stopped and restarted.
 */
class EmbeddedKafkaTest {
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
  void recordsProducedToTwoPartitionsAreConsumedBackInOffsetOrder() {
    kafka.createTopic("produced", 2);
    kafka.produce("produced", 0, List.of("a", "b"));
    kafka.produce("produced", 1, List.of("c"));

    List<ConsumerRecord<String, String>> read = kafka.consume("produced", 3, Duration.ofSeconds(30));

    assertThat(read).filteredOn(r -> r.partition() == 0).extracting(ConsumerRecord::value, ConsumerRecord::offset)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 0L), org.assertj.core.groups.Tuple.tuple("b", 1L));
    assertThat(read).filteredOn(r -> r.partition() == 1).extracting(ConsumerRecord::value).containsExactly("c");
    assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
  }

  @Test
  void aRestartedBrokerHasTheRecordsWrittenBeforeOnTheSameAddress() {
    kafka.createTopic("restarted", 1);
    kafka.produce("restarted", 0, List.of("before"));
    String address = kafka.bootstrapServers();

    kafka.stopBroker();
    assertThatThrownBy(kafka::stopBroker).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is stopped already; call restartBroker()");
    kafka.restartBroker();
    kafka.produce("restarted", 0, List.of("after"));

    assertThat(kafka.bootstrapServers()).isEqualTo(address);
    assertThat(kafka.consume("restarted", 2, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
        .containsExactly("before", "after");
    assertThatThrownBy(kafka::restartBroker).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runs; call stopBroker() first");
  }
}
