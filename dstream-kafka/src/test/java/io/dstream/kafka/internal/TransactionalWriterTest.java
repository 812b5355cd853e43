package io.dstream.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the sink's admin client takes from the producers' settings. */
class TransactionalWriterTest {
  @Test
  void theAdminClientGetsTheBrokersAndTheSecuritySettingsButNotTheProducersOwn() {
    Map<String, Object> producer = Map.of("bootstrap.servers", "kafka-1:9093", "security.protocol", "SASL_SSL",
        "sasl.mechanism", "PLAIN", "ssl.truststore.location", "/etc/kafka/truststore.jks", "acks", "all",
        "key.serializer", "org.apache.kafka.common.serialization.StringSerializer");

    assertThat(TransactionalWriter.adminConfig(producer)).containsOnlyKeys("bootstrap.servers", "security.protocol",
        "sasl.mechanism", "ssl.truststore.location");
  }
}
