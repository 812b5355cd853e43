package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import io.dstream.testing.TestStreamingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a scale-out application refuses when it is defined, with a message that says what to do. No broker is
 * needed: each refusal comes before any connection.
 */
class ScaleOutMisuseTest {
  private TestStreamingContext t;

  @AfterEach
  void close() {
    t.close();
  }

  private static Map<String, Object> params() {
    Map<String, Object> params = new HashMap<>();
    params.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    params.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    params.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return params;
  }

  private TestStreamingContext context(StreamingConf conf) {
    t = TestStreamingContext.create(Durations.seconds(1), conf);
    return t;
  }

  private TestStreamingContext scaleOut() {
    return context(new StreamingConf().set("dstream.application.id", "orders"));
  }

  @Test
  void throughOutsideAScaleOutApplicationSaysToSetTheApplicationId() {
    context(new StreamingConf());
    PairDStream<String, Integer> pairs = t.pairInputStream(List.of(List.of(new Tuple2<>("a", 1))));

    assertThatThrownBy(() -> KafkaUtils.through(pairs, "by-key", params()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("set dstream.application.id");
  }

  @Test
  void aStreamThatAssignsPartitionsIsRefusedInAScaleOutApplication() {
    scaleOut();

    assertThatThrownBy(() -> KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Assign(List.of(new TopicPartition("lines", 0)), params())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ConsumerStrategies.Subscribe").hasMessageContaining("assign=[lines-0]");
  }

  @Test
  void anotherGroupIdOrACooperativeAssignorIsRefused() {
    scaleOut();
    Map<String, Object> otherGroup = params();
    otherGroup.put(ConsumerConfig.GROUP_ID_CONFIG, "billing");
    assertThatThrownBy(() -> KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("lines"), otherGroup)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group.id 'billing'")
        .hasMessageContaining("remove group.id");
    t.close();

    scaleOut();
    Map<String, Object> cooperative = params();
    cooperative.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class);
    assertThatThrownBy(() -> KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("lines"), cooperative)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eager RangeAssignor");
  }

  @Test
  void committingOffsetsByHandIsRefusedBecauseEachBatchCommitsItsOwn() {
    scaleOut();
    var stream = KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("lines"), params()));

    assertThatThrownBy(() -> ((CanCommitOffsets) stream).commitAsync(new OffsetRange[0]))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("remove the commitAsync call");
  }

  @Test
  void aSecondClusterIsRefused() {
    scaleOut();
    KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("lines"), params()));
    Map<String, Object> elsewhere = params();
    elsewhere.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:10");

    assertThatThrownBy(() -> KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("orders"), elsewhere)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one Kafka cluster");
  }

  @Test
  void aTopicReadByTwoStreamsIsRefused() {
    scaleOut();
    KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("lines"), params()));

    assertThatThrownBy(() -> KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
        ConsumerStrategies.<String, String>Subscribe(List.of("orders", "lines"), params())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic lines is read by another");
  }
}
