package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The location strategies exist so that Spark programs port: a direct stream takes each of them. (That a stream
 * created with {@code PreferFixed} reads its partitions, the examples' PortedKafkaProgramsIT shows, with a Spark
 * program ported by docs/porting.sed.)
 */
class LocationStrategiesTest {
  private static final Map<String, Object> PARAMS = Map.of("bootstrap.servers", "127.0.0.1:9",
      "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class);

  @Test
  void aDirectStreamTakesEveryStrategy() {
    List<LocationStrategy> strategies = List.of(LocationStrategies.PreferConsistent(),
        LocationStrategies.PreferBrokers(),
        LocationStrategies.PreferFixed(Map.of(new TopicPartition("words", 0), "host1")));

    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      for (LocationStrategy strategy : strategies) {
        InputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(t.context(), strategy,
            ConsumerStrategies.<String, String>Subscribe(List.of("words"), PARAMS));

        assertThat(stream).as("the stream of %s", strategy).isInstanceOf(CanCommitOffsets.class);
      }
    }
  }

  @Test
  void preferFixedSaysWhatItWasGiven() {
    assertThat(LocationStrategies.PreferFixed(Map.of(new TopicPartition("words", 0), "host1")))
        .hasToString("PreferFixed{words-0=host1}");
  }

  @Test
  void preferFixedRefusesANullMap() {
    assertThatThrownBy(() -> LocationStrategies.PreferFixed(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hostMap is null; give each partition's host (an empty map will do), or use PreferConsistent()");
  }
}
