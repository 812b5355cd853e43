package io.dstream.kafka.internal;

import io.dstream.Time;
import io.dstream.internal.scaleout.BatchCommitter;
import io.dstream.rdd.JobFailedException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka transaction per batch of an instance of a scale-out application: every record the batch writes
 * (to a repartition topic, a state changelog, an exactly-once sink's topics) is sent in it, and at the batch's
 * commit point the offsets the batch read up to are added ({@code sendOffsetsToTransaction}, with the group
 * generation the batch was generated under) and the transaction is committed. A crash at any moment therefore
 * commits all of a batch or none of it, and an instance that was dropped from the group (a zombie) cannot
 * commit: its offsets carry a stale generation.
 *
 * <p>A batch that failed is aborted and ends the context ({@code awaitTermination} throws the failure): a later
 * batch would commit offsets beyond it. Restarting the instance goes on from the last committed batch.
 *
 * <p>The transactional id is the application id and a random suffix: the group generation, not the id,
 * fences zombies (KIP-447), and a crashed instance's open transaction is aborted by the broker after
 * {@code transaction.timeout.ms}.
 */
public final class BatchTransaction implements BatchCommitter, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchTransaction.class);

  private final Map<String, Object> producerConfig;
  private final InstanceGroup group;
  private final Consumer<JobFailedException> stopContext;
  private final Consumer<Map<TopicPartition, OffsetAndMetadata>> afterCommit;
  private final Duration closeTimeout;
  private Producer<byte[], byte[]> producer; // guarded by this
  private Time open; // guarded by this: the batch whose transaction is open
  private String failure; // guarded by this: why no batch may write any more
  private boolean closed; // guarded by this

  /**
   * Creates the transaction's producer on first use.
   *
   * @param producerConfig the producer's settings, transactional id included
   * @param group tells each batch's offsets and group generation, and learns when a batch has ended
   * @param stopContext ends the context after a failed batch
   * @param afterCommit told the offsets of each committed batch
   * @param closeTimeout how long closing the producer may take
   */
  public BatchTransaction(Map<String, Object> producerConfig, InstanceGroup group,
      Consumer<JobFailedException> stopContext, Consumer<Map<TopicPartition, OffsetAndMetadata>> afterCommit,
      Duration closeTimeout) {
    this.producerConfig = Map.copyOf(producerConfig);
    this.group = group;
    this.stopContext = stopContext;
    this.afterCommit = afterCommit;
    this.closeTimeout = closeTimeout;
  }

  /**
   * Sends a record in a batch's transaction, beginning it if it is the batch's first. Thread-safe; the send is
   * asynchronous, and a failed send fails the batch's commit.
   *
   * @param batch the batch that writes the record
   * @param record the record
   * @throws IllegalStateException if another batch's transaction is open, or an earlier batch failed
   */
  public void send(Time batch, ProducerRecord<byte[], byte[]> record) {
    Producer<byte[], byte[]> current;
    synchronized (this) {
      current = begin(batch);
    }
    current.send(record);
  }

  private Producer<byte[], byte[]> begin(Time batch) {
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    if (closed) {
      throw new IllegalStateException("batch " + batch + " writes to Kafka after its context stopped");
    }
    if (open != null && !open.equals(batch)) {
      throw new IllegalStateException("batch " + batch + " writes to Kafka while the transaction of batch " + open
          + " is open; in a scale-out application batches run one at a time");
    }
    if (producer == null) {
      producer = new KafkaProducer<>(producerConfig);
      producer.initTransactions();
    }
    if (open == null) {
      producer.beginTransaction();
      open = batch;
    }
    return producer;
  }

  /**
   * Commits the batch's transaction with its offsets, or aborts it if the batch failed and then stops the
   * context.
   *
   * @throws JobFailedException if the transaction could not be committed (the context then stops)
   */
  @Override
  public void commit(Time time, JobFailedException batchFailure) {
    try {
      if (batchFailure != null) {
        abort(time, batchFailure.getMessage());
        stopContext.accept(batchFailure);
        return;
      }
      commitOffsets(time);
    } catch (KafkaException | IllegalStateException e) {
      String hint = e instanceof InvalidProducerEpochException || e instanceof ProducerFencedException
          ? " (did the batch run longer than dstream.kafka.transactionTimeout? The broker then aborts its "
              + "transaction: raise the timeout, or bound the batches with dstream.kafka.maxRatePerPartition)"
          : e instanceof CommitFailedException
              ? " (the instance had left its consumer group, so another one owns its partitions now)" : "";
      JobFailedException failed = new JobFailedException("batch " + time + " could not be committed to Kafka: "
          + e + hint, e);
      abort(time, failed.getMessage());
      stopContext.accept(failed);
      throw failed;
    } finally {
      group.batchEnded(time);
    }
  }

  private synchronized void commitOffsets(Time time) {
    Map<TopicPartition, OffsetAndMetadata> offsets = group.offsetsOf(time);
    if (open == null && offsets.isEmpty()) {
      return;
    }
    Producer<byte[], byte[]> current = begin(time);
    if (!offsets.isEmpty()) {
      current.sendOffsetsToTransaction(offsets, group.metadataOf(time));
    }
    current.commitTransaction();
    open = null;
    LOG.debug("Committed batch {} with offsets {}", time, offsets);
    afterCommit.accept(offsets);
  }

  /** Aborts the open transaction, if any; no batch writes after this one. */
  private synchronized void abort(Time time, String why) {
    failure = "no batch of this instance may write to Kafka after batch " + time + " failed (" + why + "); "
        + "the context stops";
    if (open == null) {
      return;
    }
    try {
      producer.abortTransaction();
      LOG.info("Aborted the Kafka transaction of batch {}", open);
    } catch (KafkaException e) {
      // A fenced producer cannot abort; the broker aborts its transaction after transaction.timeout.ms.
      LOG.warn("Could not abort the Kafka transaction of batch {} ({}); the broker aborts it when it times out",
          open, e.toString());
    }
    open = null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (producer != null) {
      producer.close(closeTimeout);
      producer = null;
    }
  }
}
