package io.dstream.kafka.internal;

import io.dstream.Time;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional producer of one partition index of a sink's batches: transactional id
 * {@code <prefix>.<partition>}, one transaction per batch. Opening it fences every earlier producer with that
 * id (a crashed run's, or a zombie's) and ends its open transaction; then it reads which batches that id has
 * committed ({@link CommittedBatches}, the offset metadata of the consumer group named after the id, committed
 * inside each transaction). A batch found there is not written again.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class TransactionalPartitionProducer<K, V> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalPartitionProducer.class);

  private final String transactionalId;
  private final Producer<K, V> producer;
  private final CommittedBatches committed;
  private final Duration closeTimeout;
  // True once the producer is unusable (fenced, or a transaction that could not be aborted): the pool replaces it.
  private boolean broken;

  private TransactionalPartitionProducer(String transactionalId, Producer<K, V> producer,
      CommittedBatches committed, Duration closeTimeout) {
    this.transactionalId = transactionalId;
    this.producer = producer;
    this.committed = committed;
    this.closeTimeout = closeTimeout;
  }

  /**
   * Opens the producer of a transactional id: fences earlier ones, then reads the id's committed batches.
   *
   * @param transactionalId the id
   * @param config the producer's settings, without a transactional id
   * @param admin reads the committed batches
   * @param timeout how long reading them may take
   * @return the producer
   * @throws KafkaException if Kafka refuses or does not answer in time
   */
  static <K, V> TransactionalPartitionProducer<K, V> open(String transactionalId, Map<String, Object> config,
      Admin admin, Duration timeout) {
    Map<String, Object> own = new HashMap<>(config);
    own.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    Producer<K, V> producer = new KafkaProducer<>(own);
    try {
      producer.initTransactions();
      CommittedBatches committed = CommittedBatches.of(committedOffsets(transactionalId, admin, timeout));
      LOG.debug("Opened the transactional producer {}; it has committed {}", transactionalId, committed);
      return new TransactionalPartitionProducer<>(transactionalId, producer, committed, timeout);
    } catch (RuntimeException e) {
      producer.close(Duration.ZERO);
      throw e;
    }
  }

  /** Reads the group's offsets as of the last committed transaction (stable: none is pending any more). */
  private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group, Admin admin,
      Duration timeout) {
    try {
      return admin.listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().requireStable(true))
          .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while reading the batches that " + group + " committed", e);
    } catch (ExecutionException e) {
      throw new KafkaException("cannot read the batches that " + group + " committed: " + e.getCause(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("the batches that " + group + " committed could not be read within "
          + timeout.toMillis() + " ms; check that the broker is reachable", e);
    }
  }

  /**
   * Writes a batch's records of this partition in one transaction, with the marker that records the batch;
   * does nothing if the batch is committed already, or has no record.
   *
   * @param batch the batch time
   * @param partitions how many partitions the batch's RDD has
   * @param records the records
   * @throws FencedException if another producer with this transactional id fenced this one
   * @throws IllegalStateException if an earlier attempt committed the batch with another number of partitions
   * @throws RuntimeException what reading the records threw, or Kafka's error; the transaction is aborted
   */
  synchronized void write(Time batch, int partitions, Iterator<ProducerRecord<K, V>> records) {
    if (broken) {
      throw new IllegalStateException("the transactional producer " + transactionalId + " was replaced after a "
          + "failure; the task runs again with its replacement");
    }
    if (committed.contains(batch)) {
      if (committed.partitionsOf(batch) != partitions) {
        throw new IllegalStateException("batch " + batch + " was committed by an earlier attempt in "
            + committed.partitionsOf(batch) + " partitions, and has " + partitions + " now, so its records are not "
            + "in the partitions they were: writing it again would lose or duplicate records. Give the sink's "
            + "stream the same number of partitions in every run (repartition(n) before the sink, or set "
            + "dstream.default.parallelism as in the earlier run)");
      }
      LOG.info("Batch {} of {} was committed by an earlier attempt; it is not written again", batch,
          transactionalId);
      return;
    }
    if (!records.hasNext()) {
      return;
    }
    if (committed.forgotten(batch)) {
      LOG.warn("Batch {} of {} is older than the {} batches its marker retains: if an earlier attempt committed "
          + "it, its records appear twice", batch, transactionalId, CommittedBatches.RETAINED);
    }
    producer.beginTransaction();
    try {
      ProducerRecord<K, V> first = records.next();
      producer.send(first);
      while (records.hasNext()) {
        producer.send(records.next());
      }
      // Partition 0 of a topic written to exists: the broker refuses offsets of unknown partitions.
      producer.sendOffsetsToTransaction(
          Map.of(new TopicPartition(first.topic(), 0), committed.markerWith(batch, partitions)),
          new ConsumerGroupMetadata(transactionalId));
      producer.commitTransaction();
    } catch (ProducerFencedException | InvalidProducerEpochException e) {
      broken = true;
      throw new FencedException("the Kafka producer " + transactionalId + " was fenced while writing batch "
          + batch + ", and this sink writes no more: either another run of the application (or another "
          + "application with the same dstream.app.name and sink name) writes with the same transactional ids, so "
          + "stop one of them; or the transaction ran longer than transaction.timeout.ms and the broker aborted "
          + "it, so raise that setting or give the sink's stream more, smaller partitions", e);
    } catch (RuntimeException e) {
      abortAfter(e, batch);
      throw e;
    }
    committed.add(batch, partitions);
  }

  /** This producer was fenced: a newer one with its transactional id exists, or the broker aborted on timeout. */
  static final class FencedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FencedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private void abortAfter(RuntimeException cause, Time batch) {
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      // The next batch opens a new producer, whose initialization ends this transaction.
      broken = true;
      cause.addSuppressed(e);
      LOG.debug("Could not abort the transaction of batch {} of {}", batch, transactionalId, e);
    }
  }

  /** Tells whether this producer can write no more and must be replaced. */
  synchronized boolean isBroken() {
    return broken;
  }

  @Override
  public void close() {
    producer.close(closeTimeout);
  }
}
