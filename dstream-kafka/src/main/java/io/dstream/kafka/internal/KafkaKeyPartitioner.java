package io.dstream.kafka.internal;

import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.rdd.Partitioner;
import org.apache.kafka.common.utils.Utils;

/**
 * Places keys as Kafka's default partitioner places the records a repartition topic is written with: by the
 * murmur2 hash of the key's bytes (the context's serializer writes them), so that partition {@code p} of a
 * batch holds the keys of the topic's partition {@code p}, in every instance alike.
 */
public final class KafkaKeyPartitioner extends Partitioner {
  private final String topic;
  private final int partitions;
  private final Serializer serializer;

  /**
   * Creates the partitioner of a topic.
   *
   * @param topic the topic
   * @param partitions its number of partitions
   * @param serializer writes the keys' bytes
   */
  public KafkaKeyPartitioner(String topic, int partitions, Serializer serializer) {
    this.topic = topic;
    this.partitions = partitions;
    this.serializer = serializer;
  }

  /**
   * Returns the partition of a key's bytes.
   *
   * @param keyBytes the serialized key
   * @return the partition, in {@code [0, numPartitions())}
   */
  public int partitionOf(byte[] keyBytes) {
    return Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return partitionOf(serializer.serialize(key));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KafkaKeyPartitioner that && topic.equals(that.topic) && partitions == that.partitions;
  }

  @Override
  public int hashCode() {
    return topic.hashCode() * 31 + partitions;
  }

  @Override
  public String toString() {
    return "KafkaKeyPartitioner(" + topic + ", " + partitions + ")";
  }
}
