package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.StreamingConf;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.TestStreamingContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The direct stream against a real broker (one per class), batch by batch on the test kit's manual clock
 * (1 s batches): ranges, rate limit, new partitions, commits and bad records. Offsets out of range, deleted
 * topics, backpressure, split ranges, gaps in offsets and broker outages have classes of their own.
 */
class DirectKafkaStreamTest extends BrokerPerClass {
  private TestStreamingContext t;

  @AfterEach
  void closeContext() {
    if (t != null) {
      t.close();
    }
  }

  private static String newTopic(int partitions) {
    return TestTopics.create(kafka(), partitions);
  }

  private RecordedBatches run(StreamingConf conf, ConsumerStrategy<String, String> strategy) {
    t = TestStreamingContext.create(Durations.seconds(1), conf);
    return RecordedBatches.of(t, strategy);
  }

  private static Map<String, Object> params() {
    return kafka().consumerConfig(null);
  }

  @Test
  void eachBatchReadsFromWhereTheLastEndedToTheLatestOffsetAndTellsItsRanges() {
    String topic = newTopic(2);
    kafka().produce(topic, 0, List.of("a", "b", "c"));
    kafka().produce(topic, 1, List.of("d", "e"));
    RecordedBatches batches = run(new StreamingConf(), ConsumerStrategies.Subscribe(List.of(topic), params()));

    t.runBatches(1);
    kafka().produce(topic, 1, List.of("f"));
    t.runBatches(2);

    assertThat(batches.values).containsExactly(List.of("a", "b", "c", "d", "e"), List.of("f"), List.of());
    assertThat(batches.ranges).containsExactly(
        List.of(OffsetRange.create(topic, 0, 0, 3), OffsetRange.create(topic, 1, 0, 2)),
        List.of(OffsetRange.create(topic, 0, 3, 3), OffsetRange.create(topic, 1, 2, 3)),
        List.of(OffsetRange.create(topic, 0, 3, 3), OffsetRange.create(topic, 1, 3, 3)));
  }

  @Test
  void commitAsyncStoresABatchsUntilOffsetsInTheConsumerGroupAndTellsTheCallback() throws Exception {
    String topic = newTopic(2);
    kafka().produce(topic, 0, List.of("a", "b", "c"));
    kafka().produce(topic, 1, List.of("d", "e"));
    String group = "committer-" + topic;
    t = TestStreamingContext.create(Durations.seconds(1));
    InputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(t.context(),
        LocationStrategies.PreferConsistent(),
        ConsumerStrategies.Subscribe(List.of(topic), kafka().consumerConfig(group)));
    CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> committed = new CompletableFuture<>();
    AtomicBoolean committedOnce = new AtomicBoolean();
    stream.foreachRDD(rdd -> {
      OffsetRange[] ranges = ((HasOffsetRanges) rdd).offsetRanges();
      if (Arrays.stream(ranges).anyMatch(range -> range.count() > 0) && committedOnce.compareAndSet(false, true)) {
        ((CanCommitOffsets) stream).commitAsync(ranges, (offsets, error) -> {
          if (error != null) {
            committed.completeExceptionally(error);
          } else {
            committed.complete(offsets);
          }
        });
      }
    });

    t.runBatches(2);
    t.close();

    Map<TopicPartition, OffsetAndMetadata> expected = Map.of(
        new TopicPartition(topic, 0), new OffsetAndMetadata(3),
        new TopicPartition(topic, 1), new OffsetAndMetadata(2));
    assertThat(committed.get(30, TimeUnit.SECONDS)).as("the offsets the callback was told of").isEqualTo(expected);
    assertThat(kafka().admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS))
        .as("the group's offsets, as the broker has them").isEqualTo(expected);
  }

  @Test
  void maxRatePerPartitionCapsEachPartitionsRange() {
    String topic = newTopic(2);
    kafka().produce(topic, 0, List.of("a", "b", "c", "d", "e"));
    kafka().produce(topic, 1, List.of("x"));
    RecordedBatches batches = run(new StreamingConf().set("dstream.kafka.maxRatePerPartition", "2"),
        ConsumerStrategies.Subscribe(List.of(topic), params()));

    t.runBatches(3);

    assertThat(batches.values).containsExactly(List.of("a", "b", "x"), List.of("c", "d"), List.of("e"));
    assertThat(batches.ranges.get(0)).containsExactly(OffsetRange.create(topic, 0, 0, 2),
        OffsetRange.create(topic, 1, 0, 1));
  }

  @Test
  void aPartitionAddedToASubscribedTopicJoinsAtTheNextBatchFromItsBeginning() {
    String topic = newTopic(1);
    kafka().produce(topic, 0, List.of("a"));
    RecordedBatches batches = run(new StreamingConf(), ConsumerStrategies.Subscribe(List.of(topic), params()));
    t.runBatches(1);

    kafka().addPartitions(topic, 2);
    kafka().produce(topic, 1, List.of("new-1", "new-2"));
    t.runBatches(1);

    assertThat(batches.values).containsExactly(List.of("a"), List.of("new-1", "new-2"));
    assertThat(batches.ranges.get(1)).containsExactly(OffsetRange.create(topic, 0, 1, 1),
        OffsetRange.create(topic, 1, 0, 2));
  }

  @Test
  void givenStartingOffsetsAreWhereTheFirstBatchStarts() {
    String topic = newTopic(1);
    kafka().produce(topic, 0, List.of("a", "b", "c"));
    TopicPartition partition = new TopicPartition(topic, 0);
    RecordedBatches batches = run(new StreamingConf(),
        ConsumerStrategies.Assign(List.of(partition), params(), Map.of(partition, 2L)));

    t.runBatches(1);

    assertThat(batches.values).containsExactly(List.of("c"));
  }

  @Test
  void aDeserializerThatThrowsFailsTheBatchNamingThePartitionAndOffset() {
    String topic = newTopic(1);
    kafka().produce(topic, 0, List.of("ok", "bad", "ok"));
    Map<String, Object> params = params();
    params.put("value.deserializer", RefusingDeserializer.class);
    run(new StreamingConf().set("dstream.task.maxFailures", "1"),
        ConsumerStrategies.Subscribe(List.of(topic), params));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .satisfies(failure -> assertThat(FailureMessages.of(failure))
            .anyMatch(message -> message.contains("value of the record of " + topic + "-0 at offset 1")))
        .rootCause().hasMessageContaining("refused 'bad'");
  }

  /** A value deserializer that refuses the value "bad". */
  public static final class RefusingDeserializer implements Deserializer<String> {
    @Override
    public String deserialize(String topic, byte[] data) {
      String value = new String(data, StandardCharsets.UTF_8);
      if (value.equals("bad")) {
        throw new IllegalArgumentException("refused '" + value + "'");
      }
      return value;
    }
  }
}
