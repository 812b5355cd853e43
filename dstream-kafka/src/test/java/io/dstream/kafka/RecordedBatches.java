package io.dstream.kafka;

import io.dstream.InputDStream;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A direct stream of string records on a test context, and what its foreachRDD saw: each batch's values and ranges. */
final class RecordedBatches {
  final List<List<String>> values = new CopyOnWriteArrayList<>();
  final List<List<OffsetRange>> ranges = new CopyOnWriteArrayList<>();

  private RecordedBatches() {}

  /**
   * Creates the stream on a context that has not started, and records its batches.
   *
   * @param t the test context
   * @param strategy what the stream reads
   * @return the record of its batches, filled as they run
   */
  static RecordedBatches of(TestStreamingContext t, ConsumerStrategy<String, String> strategy) {
    InputDStream<ConsumerRecord<String, String>> stream =
        KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(), strategy);
    RecordedBatches batches = new RecordedBatches();
    stream.foreachRDD(rdd -> {
      batches.ranges.add(List.of(((HasOffsetRanges) rdd).offsetRanges()));
      batches.values.add(rdd.map(ConsumerRecord::value).collect());
    });
    return batches;
  }
}
