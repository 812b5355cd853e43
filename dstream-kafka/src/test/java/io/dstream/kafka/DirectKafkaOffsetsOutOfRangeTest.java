package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.CapturedLog;
import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.StreamingConf;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Offsets a direct stream can no longer read, against a real broker: records deleted by retention before their
 * batch was generated (a reset with one WARN under {@code auto.offset.reset=earliest|latest}, a clear error
 * otherwise), records deleted while their batch runs, and a deleted topic. Never a silent skip.
 */
class DirectKafkaOffsetsOutOfRangeTest extends BrokerPerClass {
  private static final String POLICY_LOGGER = "io.dstream.kafka.internal.OutOfRangeOffsets";
  private TestStreamingContext t;

  @AfterEach
  void closeContext() {
    if (t != null) {
      t.close();
    }
  }

  /** Consumer settings with {@code auto.offset.reset} as given, or without it for null. */
  private static Map<String, Object> params(String reset) {
    Map<String, Object> params = kafka().consumerConfig(null);
    params.remove("auto.offset.reset");
    if (reset != null) {
      params.put("auto.offset.reset", reset);
    }
    return params;
  }

  /** A stream that reads a partition from offset 0, at most 2 records per batch. */
  private RecordedBatches run(String topic, Map<String, Object> params) {
    t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.kafka.maxRatePerPartition", "2").set("dstream.task.maxFailures", "1"));
    TopicPartition partition = new TopicPartition(topic, 0);
    return RecordedBatches.of(t, ConsumerStrategies.Assign(List.of(partition), params, Map.of(partition, 0L)));
  }

  private static void deleteRecordsBefore(String topic, long offset) {
    try {
      kafka().admin().deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(offset)))
          .all().get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("could not delete the records of " + topic + " before " + offset, e);
    }
  }

  @Test
  void withEarliestRecordsDeletedBeforeTheirBatchAreReportedOnceAndTheStreamGoesOnFromTheFirstOffsetLeft() {
    String topic = TestTopics.create(kafka(), 1);
    kafka().produce(topic, 0, List.of("a", "b", "c", "d", "e"));
    RecordedBatches batches = run(topic, params("earliest"));
    try (CapturedLog log = CapturedLog.of(POLICY_LOGGER)) {
      t.runBatches(1);
      deleteRecordsBefore(topic, 4);
      t.runBatches(2);

      assertThat(batches.values).containsExactly(List.of("a", "b"), List.of("e"), List.of());
      assertThat(batches.ranges.get(1)).containsExactly(OffsetRange.create(topic, 0, 4, 5));
      assertThat(log.messagesAt("WARN")).singleElement().asString()
          .contains(topic + "-0 from offset 2, which is out of its range [4, 5]")
          .contains("the records at offsets [2, 4) were deleted (retention) before they were read")
          .contains("auto.offset.reset=earliest: reading on from offset 4");
    }
  }

  @Test
  void withLatestRecordsDeletedBeforeTheirBatchAreReportedOnceAndTheStreamGoesOnFromTheEnd() {
    String topic = TestTopics.create(kafka(), 1);
    kafka().produce(topic, 0, List.of("a", "b", "c", "d", "e"));
    RecordedBatches batches = run(topic, params("latest"));
    try (CapturedLog log = CapturedLog.of(POLICY_LOGGER)) {
      t.runBatches(1);
      deleteRecordsBefore(topic, 3);
      t.runBatches(1);
      kafka().produce(topic, 0, List.of("f"));
      t.runBatches(1);

      assertThat(batches.values).containsExactly(List.of("a", "b"), List.of(), List.of("f"));
      assertThat(log.messagesAt("WARN")).singleElement().asString()
          .contains(topic + "-0 from offset 2, which is out of its range [3, 5]")
          .contains("offsets [2, 5) are not read")
          .contains("auto.offset.reset=latest: reading on from offset 5");
    }
  }

  @Test
  void withNoneOrWithoutAutoOffsetResetAnOffsetOutOfRangeFailsTheBatchNamingThePartitionAndOffsets() {
    for (String reset : new String[] {"none", null}) {
      String topic = TestTopics.create(kafka(), 1);
      kafka().produce(topic, 0, List.of("a", "b", "c"));
      TopicPartition partition = new TopicPartition(topic, 0);
      t = TestStreamingContext.create(Durations.seconds(1));
      RecordedBatches.of(t, ConsumerStrategies.Assign(List.of(partition), params(reset), Map.of(partition, 100L)));

      assertThatThrownBy(() -> t.runBatches(1)).as("auto.offset.reset=%s", reset)
          .satisfies(failure -> assertThat(FailureMessages.of(failure)).anyMatch(message ->
              message.contains(topic + "-0 from offset 100, which is out of its range [0, 3]")
                  && message.contains("the offset is past the partition's end")
                  && message.contains("(it is " + (reset == null ? "unset" : "'none'") + ")")));
      t.close();
    }
  }

  @Test
  void recordsDeletedWhileTheirBatchRunsFailTheBatchNamingThePartitionAndOffset() {
    String topic = TestTopics.create(kafka(), 1);
    kafka().produce(topic, 0, List.of("a", "b", "c"));
    t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf().set("dstream.task.maxFailures", "1"));
    InputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(t.context(),
        LocationStrategies.PreferConsistent(), ConsumerStrategies.Subscribe(List.of(topic), params("earliest")));
    stream.foreachRDD(rdd -> {
      deleteRecordsBefore(topic, 2);
      rdd.count();
    });

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .satisfies(failure -> assertThat(FailureMessages.of(failure)).anyMatch(message ->
            message.contains("offset 0 of " + topic + "-0 is out of range on the broker (batch range "
                + OffsetRange.create(topic, 0, 0, 3) + "): its records were deleted (retention) after the batch "
                + "was generated")));
  }

  @Test
  void aDeletedTopicFailsTheNextBatchNamingThePartitionAndOffset() throws Exception {
    String topic = TestTopics.create(kafka(), 1);
    kafka().produce(topic, 0, List.of("a", "b"));
    t = TestStreamingContext.create(Durations.seconds(1));
    RecordedBatches batches = RecordedBatches.of(t,
        ConsumerStrategies.Subscribe(List.of(topic), params("earliest")));
    t.runBatches(1);

    kafka().admin().deleteTopics(List.of(topic)).all().get();

    assertThatThrownBy(() -> t.runBatches(1)).satisfies(failure -> assertThat(FailureMessages.of(failure))
        .anyMatch(message -> message.contains("reads " + topic + "-0 up to offset 2, but the broker no longer has "
            + "that partition (was its topic deleted?)")));
    assertThat(batches.values).containsExactly(List.of("a", "b"));
  }

  @Test
  void anAssignedPartitionTheBrokerDoesNotHaveFailsTheBatchNamingIt() {
    String topic = TestTopics.create(kafka(), 1);
    TopicPartition missing = new TopicPartition(topic, 3);
    t = TestStreamingContext.create(Durations.seconds(1));
    RecordedBatches.of(t, ConsumerStrategies.Assign(List.of(missing), params("earliest")));

    assertThatThrownBy(() -> t.runBatches(1)).satisfies(failure -> assertThat(FailureMessages.of(failure))
        .anyMatch(message -> message.contains("is assigned " + topic + "-3, which the broker does not have")));
  }
}
