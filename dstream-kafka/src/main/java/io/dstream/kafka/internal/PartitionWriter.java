package io.dstream.kafka.internal;

import io.dstream.Time;
import java.util.Iterator;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes the records of one partition of a batch to Kafka, from the task that computes the partition. Called
 * on the worker threads, concurrently for different partitions.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface PartitionWriter<K, V> extends AutoCloseable {
  /**
   * Writes a partition's records and returns once Kafka has them (acknowledged, or committed).
   *
   * @param batch the batch time
   * @param partition the partition's index in the batch's RDD
   * @param partitions how many partitions the batch's RDD has
   * @param records the records, read once
   * @throws RuntimeException what reading the records threw (the user's exception), or a Kafka error; the
   *     batch then fails
   */
  void write(Time batch, int partition, int partitions, Iterator<ProducerRecord<K, V>> records);

  /** Closes the producers, waiting a bounded time for what they still send. */
  @Override
  void close();
}
