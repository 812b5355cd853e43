package io.dstream.kafka;

import io.dstream.rdd.RDD;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A batch of a direct stream as {@code foreachRDD} and {@code transform} receive it, or the RDD of
 * {@link KafkaUtils#createRDD}: it knows its ranges.
 */
final class KafkaBatchRDD<K, V> extends RDD<ConsumerRecord<K, V>> implements HasOffsetRanges {
  private final List<OffsetRange> ranges;

  KafkaBatchRDD(RDD<ConsumerRecord<K, V>> plain, List<OffsetRange> ranges) {
    super(plain);
    this.ranges = ranges;
  }

  @Override
  public OffsetRange[] offsetRanges() {
    return ranges.toArray(new OffsetRange[0]);
  }
}
