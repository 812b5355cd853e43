package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.StreamingConf;
import io.dstream.testing.TestStreamingContext;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Backpressure for direct streams against a real broker, on the test kit's manual clock (1 s batches): the
 * stream's rate (the initial rate, then the PID estimate) is shared among the partitions by their lag, each share
 * capped by {@code dstream.kafka.maxRatePerPartition} and kept at least {@code dstream.kafka.minRatePerPartition}.
 * The output moves the clock to simulate how long each batch takes.
 */
class DirectKafkaBackpressureTest extends BrokerPerClass {
  private TestStreamingContext t;

  @AfterEach
  void closeContext() {
    if (t != null) {
      t.close();
    }
  }

  private static StreamingConf backpressure() {
    return new StreamingConf().set("dstream.backpressure.enabled", "true")
        .set("dstream.backpressure.pid.minRate", "1");
  }

  /** Writes {@code count} values to a partition. */
  private static void fill(String topic, int partition, int count) {
    kafka().produce(topic, partition, IntStream.range(0, count).mapToObj(i -> partition + "-" + i).toList());
  }

  /** Runs a stream whose every batch takes {@code processingMillis} of the clock; returns each batch's ranges. */
  private List<List<OffsetRange>> runBatches(StreamingConf conf, String topic, int batches, long processingMillis) {
    t = TestStreamingContext.create(Durations.seconds(1), conf);
    InputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(t.context(),
        LocationStrategies.PreferConsistent(),
        ConsumerStrategies.Subscribe(List.of(topic), kafka().consumerConfig(null)));
    List<List<OffsetRange>> ranges = new CopyOnWriteArrayList<>();
    stream.foreachRDD(rdd -> {
      ranges.add(List.of(((HasOffsetRanges) rdd).offsetRanges()));
      rdd.count();
      t.clock().advance(processingMillis);
    });
    t.runBatches(batches);
    return ranges;
  }

  @Test
  void theInitialRateBoundsTheFirstBatchesThenTheEstimateOfWhatWasProcessedSharedByLag() {
    String topic = TestTopics.create(kafka(), 2);
    fill(topic, 0, 30);
    fill(topic, 1, 10);

    // 4 records in 500 ms each time: the first batch only sets the estimator's starting point (8/s), the second
    // yields 8/s.
    List<List<OffsetRange>> ranges = runBatches(backpressure().set("dstream.backpressure.initialRate", "4"),
        topic, 3, 500);

    assertThat(ranges).containsExactly(
        // lag 30 and 10 share 4/s: 3 and 1
        List.of(OffsetRange.create(topic, 0, 0, 3), OffsetRange.create(topic, 1, 0, 1)),
        // lag 27 and 9 share 4/s: 3 and 1
        List.of(OffsetRange.create(topic, 0, 3, 6), OffsetRange.create(topic, 1, 1, 2)),
        // lag 24 and 8 share the estimate, 8/s: 6 and 2
        List.of(OffsetRange.create(topic, 0, 6, 12), OffsetRange.create(topic, 1, 2, 4)));
  }

  @Test
  void minRatePerPartitionKeepsAPartitionWithLittleLagReading() {
    String topic = TestTopics.create(kafka(), 2);
    fill(topic, 0, 100);
    fill(topic, 1, 5);

    List<List<OffsetRange>> ranges = runBatches(backpressure().set("dstream.backpressure.initialRate", "10")
        .set("dstream.kafka.minRatePerPartition", "3"), topic, 1, 100);

    // lag 100 and 5 share 10/s: 9.5 and 0.48, the second raised to 3
    assertThat(ranges).containsExactly(
        List.of(OffsetRange.create(topic, 0, 0, 9), OffsetRange.create(topic, 1, 0, 3)));
  }

  @Test
  void maxRatePerPartitionCapsEachShareOfTheEstimate() {
    String topic = TestTopics.create(kafka(), 2);
    fill(topic, 0, 30);
    fill(topic, 1, 10);

    List<List<OffsetRange>> ranges = runBatches(backpressure().set("dstream.backpressure.initialRate", "10")
        .set("dstream.kafka.maxRatePerPartition", "5"), topic, 1, 100);

    // shares 7.5, capped at 5, and 2.5
    assertThat(ranges).containsExactly(
        List.of(OffsetRange.create(topic, 0, 0, 5), OffsetRange.create(topic, 1, 0, 2)));
  }

  @Test
  void withoutBackpressureTheRateSettingsOfBackpressureChangeNothing() {
    String topic = TestTopics.create(kafka(), 1);
    fill(topic, 0, 30);

    List<List<OffsetRange>> ranges = runBatches(new StreamingConf().set("dstream.backpressure.initialRate", "4"),
        topic, 1, 100);

    assertThat(ranges).containsExactly(List.of(OffsetRange.create(topic, 0, 0, 30)));
  }

  @Test
  void aMinimumRateAboveTheMaximumIsRefusedNamingBoth() {
    t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf()
        .set("dstream.kafka.maxRatePerPartition", "5").set("dstream.kafka.minRatePerPartition", "8"));

    assertThatThrownBy(() -> KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
        ConsumerStrategies.Subscribe(Collections.singletonList("any"), kafka().consumerConfig(null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dstream.kafka.minRatePerPartition is 8, above dstream.kafka.maxRatePerPartition 5; set it to "
            + "at most 5");
  }
}
