package io.dstream.kafka.internal;

import io.dstream.Tuple2;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.NarrowDependency;
import io.dstream.internal.rdd.RddNode;
import io.dstream.rdd.Partitioner;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One batch of a repartition topic as key-value records placed at their Kafka partitions: partition {@code p}
 * holds the records of the topic's partition {@code p} (empty where the instance does not own it, or read
 * nothing), keys and values read back with the context's serializer. Partitioned by the topic's
 * {@link KafkaKeyPartitioner}, so that a keyed operation after it needs no shuffle.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class PlacedRddNode<K, V> extends RddNode<Tuple2<K, V>> {
  private final RddNode<ConsumerRecord<byte[], byte[]>> records;
  private final int[] source;
  private final Partitioner partitioner;
  private final Serializer serializer;

  /**
   * Creates the node.
   *
   * @param records the batch's records, one partition per Kafka partition read
   * @param source for each Kafka partition, the partition of {@code records} that read it, or -1
   * @param partitioner the topic's partitioner, with one partition per Kafka partition
   * @param serializer reads keys and values
   */
  PlacedRddNode(RddNode<ConsumerRecord<byte[], byte[]>> records, int[] source, Partitioner partitioner,
      Serializer serializer) {
    super(records.engine());
    this.records = records;
    this.source = source.clone();
    this.partitioner = partitioner;
    this.serializer = serializer;
  }

  @Override
  public int numPartitions() {
    return source.length;
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(new NarrowDependency(records));
  }

  @Override
  public Partitioner partitioner() {
    return partitioner;
  }

  @Override
  protected Iterator<Tuple2<K, V>> compute(int partition) {
    if (source[partition] < 0) {
      return Collections.emptyIterator();
    }
    Iterator<ConsumerRecord<byte[], byte[]>> read = records.iterator(source[partition]);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return read.hasNext();
      }

      @Override
      public Tuple2<K, V> next() {
        ConsumerRecord<byte[], byte[]> record = read.next();
        try {
          return new Tuple2<>(serializer.deserialize(record.key()), serializer.deserialize(record.value()));
        } catch (CorruptDataException e) {
          throw new IllegalStateException("the record of " + record.topic() + "-" + record.partition() + " at offset "
              + record.offset() + " cannot be read back: " + e.getMessage() + "; is another program writing to "
              + "this repartition topic, or one with other classes?", e);
        }
      }
    };
  }

  @Override
  public String describe() {
    return "through " + partitioner;
  }
}
