package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.StreamingConf;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The RDDs of Kafka records against a real broker: a large range of a direct stream's batch read by several
 * worker threads at once, and {@link KafkaUtils#createRDD} for batch jobs.
 */
class KafkaRddTest extends BrokerPerClass {
  private TestStreamingContext t;

  @AfterEach
  void closeContext() {
    if (t != null) {
      t.close();
    }
  }

  private static List<String> values(String prefix, int from, int until) {
    return IntStream.range(from, until).mapToObj(i -> prefix + i).toList();
  }

  @Test
  void aLargeRangeIsReadByTwoWorkerThreadsAtOnceAndTheBatchStillTellsOneRangePerPartition() {
    String topic = TestTopics.create(kafka(), 1);
    kafka().produce(topic, 0, values("v", 0, 10));
    t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster("local[2]")
        .set("dstream.kafka.minRecordsPerTask", "2"));
    InputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(t.context(),
        LocationStrategies.PreferConsistent(),
        ConsumerStrategies.Subscribe(List.of(topic), kafka().consumerConfig(null)));
    List<List<OffsetRange>> ranges = new CopyOnWriteArrayList<>();
    List<Integer> tasks = new CopyOnWriteArrayList<>();
    List<List<String>> values = new CopyOnWriteArrayList<>();
    stream.foreachRDD(rdd -> {
      ranges.add(List.of(((HasOffsetRanges) rdd).offsetRanges()));
      tasks.add(rdd.getNumPartitions());
      values.add(readWithAllTasksAtOnce(rdd));
    });

    t.runBatches(1);
    kafka().produce(topic, 0, values("v", 10, 14));
    t.runBatches(1);

    assertThat(ranges).containsExactly(List.of(OffsetRange.create(topic, 0, 0, 10)),
        List.of(OffsetRange.create(topic, 0, 10, 14)));
    assertThat(tasks).as("tasks of each batch: a share of 5 and of 2 offsets per worker thread").containsExactly(2, 2);
    assertThat(values).containsExactly(values("v", 0, 10), values("v", 10, 14));
  }

  /**
   * Reads each partition of a batch in a task that, after its first record, waits until every task has read one:
   * so the tasks read at the same time, on as many worker threads, each with a consumer of the same partition.
   */
  private static List<String> readWithAllTasksAtOnce(RDD<ConsumerRecord<String, String>> rdd) {
    CountDownLatch everyTaskReading = new CountDownLatch(rdd.getNumPartitions());
    return rdd.mapPartitions(records -> {
      List<String> read = new ArrayList<>();
      read.add(records.next().value());
      everyTaskReading.countDown();
      if (!everyTaskReading.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the tasks of the batch did not read at the same time");
      }
      records.forEachRemaining(record -> read.add(record.value()));
      return read.iterator();
    }).collect();
  }

  @Test
  void createRddReadsTheGivenRangesInABatchJobAndTellsThem() {
    String topic = TestTopics.create(kafka(), 2);
    kafka().produce(topic, 0, List.of("a", "b", "c", "d"));
    kafka().produce(topic, 1, List.of("x", "y"));
    t = TestStreamingContext.create(Durations.seconds(1));
    OffsetRange[] ranges = {OffsetRange.create(topic, 0, 1, 3), OffsetRange.create(topic, 1, 0, 2)};

    RDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(t.context(), kafka().consumerConfig("ignored"),
        ranges, LocationStrategies.PreferConsistent());

    assertThat(rdd.map(ConsumerRecord::value).collect()).containsExactly("b", "c", "x", "y");
    assertThat(((HasOffsetRanges) rdd).offsetRanges()).containsExactly(ranges);
    RDD<ConsumerRecord<String, String>> again = KafkaUtils.createRDD(t.context(), kafka().consumerConfig("ignored"),
        new OffsetRange[] {OffsetRange.create(topic, 0, 3, 4)}, LocationStrategies.PreferBrokers());
    assertThat(again.map(ConsumerRecord::value).collect()).containsExactly("d");
  }

  @Test
  void createRddSplitsALargeRangeLikeAStreamsBatch() {
    String topic = TestTopics.create(kafka(), 1);
    kafka().produce(topic, 0, values("v", 0, 8));
    t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster("local[2]")
        .set("dstream.kafka.minRecordsPerTask", "2"));

    RDD<ConsumerRecord<String, String>> rdd = KafkaUtils.createRDD(t.context(), kafka().consumerConfig(null),
        new OffsetRange[] {OffsetRange.create(topic, 0, 0, 8)}, LocationStrategies.PreferConsistent());

    assertThat(rdd.getNumPartitions()).isEqualTo(2);
    assertThat(readWithAllTasksAtOnce(rdd)).isEqualTo(values("v", 0, 8));
  }

  @Test
  void createRddOnAStoppedContextIsRefused() {
    t = TestStreamingContext.create(Durations.seconds(1));
    t.close();

    assertThatThrownBy(() -> KafkaUtils.createRDD(t.context(), kafka().consumerConfig(null),
        new OffsetRange[] {OffsetRange.create("any", 0, 0, 1)}, LocationStrategies.PreferConsistent()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("the StreamingContext has stopped");
  }

  @Test
  void createRddRefusesANullRangeNamingIt() {
    t = TestStreamingContext.create(Durations.seconds(1));

    assertThatThrownBy(() -> KafkaUtils.createRDD(t.context(), kafka().consumerConfig(null),
        new OffsetRange[] {OffsetRange.create("any", 0, 0, 1), null}, LocationStrategies.PreferConsistent()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("offsetRanges[1] is null");
  }
}
