package io.dstream.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.StreamingConf;
import io.dstream.Time;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.rdd.HashPartitioner;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/**
 * Where a repartition topic's keys go: where Kafka's own default partitioner puts a keyed record, so that the
 * state of a key lives in the partition its records arrive on; and the batch time each committed offset carries.
 */
class KafkaKeyPartitionerTest {
  private final Serializer serializer = new StreamingConf().serializer();

  @Test
  void aKeyGoesToThePartitionKafkasDefaultPartitionerGivesItsBytes() {
    KafkaKeyPartitioner partitioner = new KafkaKeyPartitioner("words", 6, serializer);
    for (Object key : new Object[] {"a", "word", "", 42, 7L, null}) {
      byte[] bytes = serializer.serialize(key);
      assertThat(partitioner.getPartition(key)).as("the partition of %s", key)
          .isEqualTo(BuiltInPartitioner.partitionForKey(bytes, 6)).isEqualTo(partitioner.partitionOf(bytes));
    }
  }

  @Test
  void partitionersAreEqualForTheSameTopicAndCountOnly() {
    assertThat(new KafkaKeyPartitioner("words", 6, serializer))
        .isEqualTo(new KafkaKeyPartitioner("words", 6, serializer))
        .hasSameHashCodeAs(new KafkaKeyPartitioner("words", 6, serializer))
        .isNotEqualTo(new KafkaKeyPartitioner("words", 3, serializer))
        .isNotEqualTo(new KafkaKeyPartitioner("lines", 6, serializer))
        .isNotEqualTo(new HashPartitioner(6));
  }

  @Test
  void anOffsetNamesItsBatchAndOffsetsOfOtherToolsNameNone() {
    assertThat(BatchOffsets.batchTimeOf(BatchOffsets.of(12, new Time(3000)))).isEqualTo(3000);
    assertThat(BatchOffsets.of(12, new Time(3000)).offset()).isEqualTo(12);
    assertThat(BatchOffsets.batchTimeOf(null)).isEqualTo(Long.MIN_VALUE);
    assertThat(BatchOffsets.batchTimeOf(new OffsetAndMetadata(5))).isEqualTo(Long.MIN_VALUE);
    assertThat(BatchOffsets.batchTimeOf(new OffsetAndMetadata(5, "dstream-batch=soon"))).isEqualTo(Long.MIN_VALUE);
  }
}
