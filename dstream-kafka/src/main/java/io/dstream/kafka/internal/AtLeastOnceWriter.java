package io.dstream.kafka.internal;

import io.dstream.Time;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Writes without transactions, through one producer that every task shares (a Kafka producer is thread-safe
 * and batches better when shared). A task returns once the broker acknowledged its records; a failed send
 * fails the task, so the batch is not complete and a restart writes it again: records may then appear twice.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class AtLeastOnceWriter<K, V> implements PartitionWriter<K, V> {
  private final Map<String, Object> config;
  private final Duration closeTimeout;
  // Made on first use: a sink of a context that never runs a batch opens no connection.
  private Producer<K, V> producer;
  private boolean closed;

  /**
   * Creates the writer; its producer is made when it first writes.
   *
   * @param config the producer's settings
   * @param closeTimeout how long {@link #close} waits for records still being sent
   */
  public AtLeastOnceWriter(Map<String, Object> config, Duration closeTimeout) {
    this.config = Map.copyOf(config);
    this.closeTimeout = closeTimeout;
  }

  private synchronized Producer<K, V> producer() {
    if (closed) {
      throw new IllegalStateException("the at-least-once Kafka sink is closed: its context has stopped");
    }
    if (producer == null) {
      producer = new KafkaProducer<>(config);
    }
    return producer;
  }

  @Override
  public void write(Time batch, int partition, int partitions, Iterator<ProducerRecord<K, V>> records) {
    Producer<K, V> shared = producer();
    FirstFailure failure = new FirstFailure();
    while (records.hasNext()) {
      shared.send(records.next(), failure);
    }
    shared.flush();
    failure.rethrow(batch, partition);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (producer != null) {
      producer.close(closeTimeout);
    }
  }

  /** Keeps the first error of a task's sends: one object per task, not one per record. */
  private static final class FirstFailure implements Callback {
    private volatile Exception first;

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      if (exception != null && first == null) {
        first = exception;
      }
    }

    void rethrow(Time batch, int partition) {
      Exception failed = first;
      if (failed != null) {
        throw new KafkaException("a record of partition " + partition + " of batch " + batch + " could not be "
            + "written to Kafka: " + failed.getMessage(), failed);
      }
    }
  }
}
