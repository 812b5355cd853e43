package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Time;
import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Kafka sink against a real broker (one per class): what a {@code read_committed} consumer of the output
 * sees when batches are written, written again by a restarted run, left open by a crashed one, or fail.
 */
class KafkaSinkTest extends BrokerPerClass {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private final List<TestStreamingContext> runs = new ArrayList<>();

  @AfterEach
  void closeRuns() {
    runs.forEach(TestStreamingContext::close);
  }

  private static String newTopic() {
    String topic = "out-" + TOPICS.incrementAndGet();
    kafka().createTopic(topic, 2);
    return topic;
  }

  /**
   * A run of the application "orders", as each restart of it would be. Each test names its sink after its own
   * topic: a sink's transactional ids, and the batches they committed, outlive a test on the shared broker.
   */
  private TestStreamingContext newRun() {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().setAppName("orders").set("dstream.kafka.pollTimeout", "20s"));
    runs.add(t);
    return t;
  }

  private static Map<String, Object> producerParams() {
    Map<String, Object> params = new HashMap<>(kafka().producerConfig());
    params.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    params.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return params;
  }

  private static RDD<ProducerRecord<String, String>> records(TestStreamingContext t, String topic,
      String... values) {
    return t.context().parallelize(List.of(values), 2).map(value -> new ProducerRecord<>(topic, value, value));
  }

  private static List<String> committedValues(String topic) {
    return kafka().readCommitted(topic, WAIT).stream().map(ConsumerRecord::value).sorted().toList();
  }

  @Test
  void eachPartitionOfABatchIsOneTransactionThatAlsoCommitsTheBatchsMarker() throws Exception {
    String topic = newTopic();
    TestStreamingContext t = newRun();
    KafkaSink<String, String> sink = KafkaSink.exactlyOnce(t.context(), producerParams(), topic);

    sink.write(records(t, topic, "a", "b", "c", "d"), new Time(1_000));
    sink.write(records(t, topic, "e", "f"), new Time(2_000));

    assertThat(committedValues(topic)).containsExactly("a", "b", "c", "d", "e", "f");
    assertThat(sink.transactionalIdPrefix()).isEqualTo("dstream.orders." + topic);
    Map<TopicPartition, OffsetAndMetadata> marker = kafka().admin()
        .listConsumerGroupOffsets("dstream.orders." + topic + ".0").partitionsToOffsetAndMetadata()
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(marker).containsOnlyKeys(new TopicPartition(topic, 0));
    assertThat(marker.get(new TopicPartition(topic, 0)).offset()).isEqualTo(2_000);
    assertThat(marker.get(new TopicPartition(topic, 0)).metadata()).isEqualTo("dstream-sink batches=1000:2,2000:2");
  }

  @Test
  void aBatchThatARestartedRunWritesAgainIsNotWrittenTwice() {
    String topic = newTopic();
    TestStreamingContext first = newRun();
    KafkaSink.<String, String>exactlyOnce(first.context(), producerParams(), topic)
        .write(records(first, topic, "a", "b", "c", "d"), new Time(1_000));
    first.close();

    TestStreamingContext second = newRun();
    KafkaSink<String, String> again = KafkaSink.exactlyOnce(second.context(), producerParams(), topic);
    again.write(records(second, topic, "a", "b", "c", "d"), new Time(1_000));
    again.write(records(second, topic, "e"), new Time(2_000));

    assertThat(committedValues(topic)).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void theOpenTransactionOfACrashedRunIsAbortedAndItsProducerFenced() {
    String topic = newTopic();
    Map<String, Object> zombieConfig = producerParams();
    zombieConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dstream.orders." + topic + ".0");
    try (KafkaProducer<String, String> zombie = new KafkaProducer<>(zombieConfig)) {
      zombie.initTransactions();
      zombie.beginTransaction();
      zombie.send(new ProducerRecord<>(topic, 0, "stale", "stale"));
      zombie.flush();

      TestStreamingContext t = newRun();
      KafkaSink.<String, String>exactlyOnce(t.context(), producerParams(), topic)
          .write(records(t, topic, "a", "b"), new Time(1_000));

      assertThat(committedValues(topic)).containsExactly("a", "b");
      assertThatThrownBy(zombie::commitTransaction).isInstanceOf(ProducerFencedException.class);
    }
  }

  @Test
  void aBatchWhoseRecordsFailToComputeIsAbortedAndItsUsersErrorSurfaces() {
    String topic = newTopic();
    TestStreamingContext t = newRun();
    KafkaSink<String, String> sink = KafkaSink.exactlyOnce(t.context(), producerParams(), topic);
    RDD<ProducerRecord<String, String>> failing = t.context().parallelize(List.of("a", "b", "boom", "c"), 1)
        .map(value -> {
          if (value.equals("boom")) {
            throw new IllegalArgumentException("bad order: " + value);
          }
          return new ProducerRecord<>(topic, value, value);
        });

    assertThatThrownBy(() -> sink.write(failing, new Time(1_000))).isInstanceOf(JobFailedException.class)
        .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessage("bad order: boom");
    sink.write(records(t, topic, "d"), new Time(2_000));

    assertThat(committedValues(topic)).containsExactly("d");
  }

  @Test
  void aStreamWrittenExactlyOnceReachesTheTopicBatchByBatch() {
    String topic = newTopic();
    TestStreamingContext t = newRun();
    KafkaSink<String, String> sink = KafkaSink.exactlyOnce(t.context(), producerParams(), topic);
    sink.write(t.inputStream(List.of(List.of("a", "b"), List.of(), List.of("c")))
        .map(value -> new ProducerRecord<>(topic, value, value)));

    t.runBatches(3);

    assertThat(committedValues(topic)).containsExactly("a", "b", "c");
  }

  @Test
  void aBatchRunAgainWithAnotherNumberOfPartitionsFailsRatherThanLoseOrDuplicateRecords() {
    String topic = newTopic();
    TestStreamingContext first = newRun();
    KafkaSink.<String, String>exactlyOnce(first.context(), producerParams(), topic)
        .write(records(first, topic, "a", "b", "c", "d"), new Time(1_000));
    first.close();

    TestStreamingContext second = newRun();
    KafkaSink<String, String> again = KafkaSink.exactlyOnce(second.context(), producerParams(), topic);
    RDD<ProducerRecord<String, String>> inFour = second.context().parallelize(List.of("a", "b", "c", "d"), 4)
        .map(value -> new ProducerRecord<>(topic, value, value));

    assertThatThrownBy(() -> again.write(inFour, new Time(1_000))).isInstanceOf(JobFailedException.class)
        .rootCause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("committed by an earlier attempt in 2 partitions, and has 4 now")
        .hasMessageContaining("repartition(n)");
    assertThat(committedValues(topic)).containsExactly("a", "b", "c", "d");
  }

  @Test
  void aFencedSinkWritesNoMoreEvenWhenItsTaskIsRetried() {
    String topic = newTopic();
    TestStreamingContext old = newRun();
    KafkaSink<String, String> zombie = KafkaSink.exactlyOnce(old.context(), producerParams(), topic);
    zombie.write(records(old, topic, "a", "b"), new Time(1_000));
    TestStreamingContext current = newRun();
    KafkaSink.<String, String>exactlyOnce(current.context(), producerParams(), topic)
        .write(records(current, topic, "c", "d"), new Time(2_000));

    assertThatThrownBy(() -> zombie.write(records(old, topic, "stale"), new Time(2_000)))
        .isInstanceOf(JobFailedException.class).rootCause().hasMessageContaining("was fenced");
    assertThatThrownBy(() -> zombie.write(records(old, topic, "later"), new Time(3_000)))
        .isInstanceOf(JobFailedException.class).rootCause().hasMessageContaining("was fenced");
    assertThat(committedValues(topic)).containsExactly("a", "b", "c", "d");
  }

  @Test
  void anExactlyOnceSinkWritesOneOutputAndEachBatchOnce() {
    String topic = newTopic();
    TestStreamingContext t = newRun();
    KafkaSink<String, String> sink = KafkaSink.exactlyOnce(t.context(), producerParams(), topic);
    sink.write(t.inputStream(List.of(List.of("a"))).map(value -> new ProducerRecord<>(topic, value, value)));
    sink.write(records(t, topic, "b"), new Time(5_000));

    assertThatThrownBy(() -> sink.write(t.inputStream(List.of(List.of("c")))
        .map(value -> new ProducerRecord<>(topic, value, value)))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("writes a stream already");
    assertThatThrownBy(() -> sink.write(records(t, topic, "d"), new Time(5_000)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("was given batch 5000 ms twice");
  }

  @Test
  void anAtLeastOnceSinkWritesWithoutTransactions() {
    String topic = newTopic();
    TestStreamingContext t = newRun();
    KafkaSink<String, String> sink = KafkaSink.atLeastOnce(t.context(), producerParams());
    sink.write(t.inputStream(List.of(List.of("a", "b"), List.of("c")))
        .map(value -> new ProducerRecord<>(topic, value, value)));

    t.runBatches(2);

    assertThat(kafka().consume(topic, 3, WAIT).stream().map(ConsumerRecord::value).sorted())
        .containsExactly("a", "b", "c");
    assertThat(sink.transactionalIdPrefix()).isNull();
  }

  @Test
  void settingsThatWouldBreakTheSinksGuaranteeAreRefusedWithTheReason() {
    String topic = "totals";
    TestStreamingContext t = newRun();
    Map<String, Object> withId = producerParams();
    withId.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "mine");
    Map<String, Object> acksOne = producerParams();
    acksOne.put(ProducerConfig.ACKS_CONFIG, "1");
    Map<String, Object> acksZero = producerParams();
    acksZero.put(ProducerConfig.ACKS_CONFIG, 0);
    Map<String, Object> noSerializer = producerParams();
    noSerializer.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

    assertThatThrownBy(() -> KafkaSink.exactlyOnce(t.context(), withId, topic))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transactional.id 'mine'");
    assertThatThrownBy(() -> KafkaSink.exactlyOnce(t.context(), acksOne, topic))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acks=1");
    assertThatThrownBy(() -> KafkaSink.atLeastOnce(t.context(), acksZero))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acks=0");
    assertThatThrownBy(() -> KafkaSink.atLeastOnce(t.context(), noSerializer))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value.serializer");
    assertThatThrownBy(() -> KafkaSink.exactlyOnce(t.context(), producerParams(), " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    // The test kit names its applications; a context of its own does not.
    StreamingContext unnamed = new StreamingContext(new StreamingConf().setMaster("local[2]"), Durations.seconds(1));
    try {
      assertThatThrownBy(() -> KafkaSink.exactlyOnce(unnamed, producerParams(), topic))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dstream.app.name is not set");
    } finally {
      unnamed.stop();
    }
    KafkaSink.exactlyOnce(t.context(), producerParams(), topic);
    assertThatThrownBy(() -> KafkaSink.exactlyOnce(t.context(), producerParams(), topic))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named 'totals' already");
  }
}
