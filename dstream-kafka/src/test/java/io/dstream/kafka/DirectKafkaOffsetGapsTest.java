package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.testing.TestStreamingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Offsets without a record, against a real broker: a topic the log cleaner compacted, and transactions (their
 * markers take an offset each; aborted records are skipped under {@code isolation.level=read_committed}). A range
 * that holds no record, or ends on an offset without one, completes; nothing is read twice or lost.
 */
class DirectKafkaOffsetGapsTest extends BrokerPerClass {
  private static final long WAIT_MILLIS = 30_000;
  private TestStreamingContext t;

  @AfterEach
  void closeContext() {
    if (t != null) {
      t.close();
    }
  }

  /** A stream of one partition from its beginning, at most 2 offsets per batch (ranges [0, 2), [2, 4), ...). */
  private RecordedBatches twoOffsetsPerBatch(String topic, Map<String, Object> params) {
    t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf()
        .set("dstream.kafka.maxRatePerPartition", "2").set("dstream.kafka.pollTimeout", "10s"));
    return RecordedBatches.of(t, ConsumerStrategies.Subscribe(List.of(topic), params));
  }

  @Test
  void aCompactedTopicIsReadWithItsGapsAndARangeWithoutRecordsCompletes() {
    String topic = TestTopics.create(kafka(), 1, Map.of("cleanup.policy", "compact", "segment.ms", "100",
        "min.cleanable.dirty.ratio", "0", "min.compaction.lag.ms", "0"));
    kafka().send(List.of(record(topic, "k1", "a"), record(topic, "k2", "b"), record(topic, "k1", "c"),
        record(topic, "k2", "d"), record(topic, "k3", "e")));
    List<ConsumerRecord<String, String>> left = awaitCompactionOfTheFirstTwoOffsets(topic);
    RecordedBatches batches = twoOffsetsPerBatch(topic, kafka().consumerConfig(null));
    int batchCount = (int) (left.get(left.size() - 1).offset() + 2) / 2;

    t.runBatches(batchCount);

    assertThat(batches.values.get(0)).as("the range [0, 2) of compacted records").isEmpty();
    assertThat(batches.values.get(1)).as("the range [2, 4)").containsExactly("c", "d");
    assertThat(batches.values.stream().flatMap(List::stream).toList()).as("every record the broker kept, once")
        .isEqualTo(left.stream().map(ConsumerRecord::value).toList());
  }

  private static ProducerRecord<String, String> record(String topic, String key, String value) {
    return new ProducerRecord<>(topic, 0, key, value);
  }

  /**
   * Waits until the cleaner has removed offsets 0 and 1 (overwritten by the keys of offsets 2 and 3): a segment is
   * compacted once a later write rolled it, so each look that finds them still there writes one more record of a
   * key of its own once the segment's 100 ms are up. Returns the records the topic holds then.
   */
  private static List<ConsumerRecord<String, String>> awaitCompactionOfTheFirstTwoOffsets(String topic) {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    long lastWrite = System.currentTimeMillis();
    int extra = 0;
    while (true) {
      List<ConsumerRecord<String, String>> held = readAll(topic);
      if (held.get(0).offset() == 2) {
        return held;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the log cleaner did not compact " + topic + " within " + WAIT_MILLIS
            + " ms; it holds " + held);
      }
      if (System.currentTimeMillis() - lastWrite > 100) {
        kafka().send(List.of(record(topic, "roll-" + extra++, "roll")));
        lastWrite = System.currentTimeMillis();
      }
    }
  }

  /** Reads the whole partition 0 of a topic with a plain consumer. */
  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka().consumerConfig(null))) {
      consumer.assign(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      consumer.seekToBeginning(List.of(partition));
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(100)).records(partition).forEach(read::add);
      }
    }
    return read;
  }

  @Test
  void underReadCommittedAbortedRecordsAreNeverSeenAndRangesEndingOnMarkersComplete() {
    String topic = TestTopics.create(kafka(), 1);
    try (KafkaProducer<String, String> producer = transactionalProducer("gaps-" + topic)) {
      producer.initTransactions();
      inTransaction(producer, topic, true, "a", "b");      // offsets 0, 1; commit marker 2
      inTransaction(producer, topic, false, "x", "y");     // offsets 3, 4; abort marker 5
      inTransaction(producer, topic, true, "c");           // offset 6; commit marker 7
    }
    // The markers land a moment after commit and abort return; a batch generated before would stop short of them.
    awaitLastStableOffset(topic, 8);
    Map<String, Object> params = kafka().consumerConfig(null);
    params.put("isolation.level", "read_committed");
    RecordedBatches batches = twoOffsetsPerBatch(topic, params);

    t.runBatches(5);

    assertThat(batches.values).containsExactly(List.of("a", "b"), List.of(), List.of(), List.of("c"), List.of());
    assertThat(batches.ranges).extracting(ranges -> ranges.get(0).untilOffset()).containsExactly(2L, 4L, 6L, 8L, 8L);
  }

  @Test
  void anOpenTransactionHoldsReadCommittedBatchesBackUntilItIsCommitted() {
    String topic = TestTopics.create(kafka(), 1);
    Map<String, Object> params = kafka().consumerConfig(null);
    params.put("isolation.level", "read_committed");
    t = TestStreamingContext.create(Durations.seconds(1));
    RecordedBatches batches = RecordedBatches.of(t, ConsumerStrategies.Subscribe(List.of(topic), params));
    try (KafkaProducer<String, String> producer = transactionalProducer("open-" + topic)) {
      producer.initTransactions();
      inTransaction(producer, topic, true, "a");
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, 0, null, "b"));
      producer.flush();
      awaitLastStableOffset(topic, 2); // "a", its commit marker; then "b", open

      t.runBatches(1);
      producer.commitTransaction();
    }
    awaitLastStableOffset(topic, 4); // "b"'s commit marker written
    t.runBatches(1);

    assertThat(batches.values).containsExactly(List.of("a"), List.of("b"));
  }

  /** Waits until a read_committed consumer may read a topic's partition 0 up to an offset. */
  private static void awaitLastStableOffset(String topic, long offset) {
    Map<String, Object> config = kafka().consumerConfig(null);
    config.put("isolation.level", "read_committed");
    TopicPartition partition = new TopicPartition(topic, 0);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      while (consumer.endOffsets(List.of(partition)).get(partition) < offset) {
        assertThat(System.nanoTime()).as("the last stable offset of %s reaching %d", partition, offset)
            .isLessThan(deadline);
        Thread.onSpinWait();
      }
    }
  }

  private static KafkaProducer<String, String> transactionalProducer(String transactionalId) {
    Map<String, Object> config = kafka().producerConfig();
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static void inTransaction(KafkaProducer<String, String> producer, String topic, boolean commit,
      String... values) {
    producer.beginTransaction();
    for (String value : values) {
      producer.send(new ProducerRecord<>(topic, 0, null, value));
    }
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.flush();
      producer.abortTransaction();
    }
  }
}
