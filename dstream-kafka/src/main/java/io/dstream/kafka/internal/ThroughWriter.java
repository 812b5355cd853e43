package io.dstream.kafka.internal;

import io.dstream.PairDStream;
import io.dstream.Tuple2;
import io.dstream.checkpoint.serializer.Serializer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The write side of a repartition topic ({@code KafkaUtils.through}): an output operation of the sent stream. */
public final class ThroughWriter {
  private ThroughWriter() {}

  /**
   * Writes every batch of a pair stream to a topic, in the batch's transaction: each record to the partition its
   * key's bytes hash to.
   *
   * @param pairs the stream
   * @param topic the topic
   * @param partitioner the topic's partitioner
   * @param serializer writes keys and values
   * @param transaction the batches' transaction
   * @param <K> the key type
   * @param <V> the value type
   */
  public static <K, V> void write(PairDStream<K, V> pairs, String topic, KafkaKeyPartitioner partitioner,
      Serializer serializer, BatchTransaction transaction) {
    pairs.foreachRDD((rdd, time) -> rdd.foreachPartition(records -> {
      while (records.hasNext()) {
        Tuple2<K, V> record = records.next();
        byte[] key = serializer.serialize(record._1());
        transaction.send(time, new ProducerRecord<>(topic, partitioner.partitionOf(key), key,
            serializer.serialize(record._2())));
      }
    }));
  }
}
