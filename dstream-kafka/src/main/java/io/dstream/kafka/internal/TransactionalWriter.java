package io.dstream.kafka.internal;

import io.dstream.Time;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each partition of a batch in its own Kafka transaction, with the transactional id
 * {@code <prefix>.<partition index>} ({@link TransactionalPartitionProducer}): a batch run again after a crash
 * uses the same ids, so it fences the crashed run's producers, ends their open transactions, and writes only the
 * partitions that no attempt committed. Read with {@code isolation.level=read_committed}, the output holds each
 * record once.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class TransactionalWriter<K, V> implements PartitionWriter<K, V> {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalWriter.class);

  private final String prefix;
  private final Map<String, Object> config;
  private final Duration timeout;
  private final Map<Integer, TransactionalPartitionProducer<K, V>> producers = new ConcurrentHashMap<>();
  // Made on first use: a sink of a context that never runs a batch opens no connection.
  private Admin admin;
  private boolean closed;

  /**
   * Creates the writer; producers are opened when a partition is first written.
   *
   * @param prefix the transactional ids' prefix
   * @param config the producers' settings, without a transactional id
   * @param timeout how long reading a producer's committed batches, and closing, may take
   */
  public TransactionalWriter(String prefix, Map<String, Object> config, Duration timeout) {
    this.prefix = prefix;
    this.config = Map.copyOf(config);
    this.timeout = timeout;
  }

  private synchronized Admin admin() {
    if (closed) {
      throw new IllegalStateException("the Kafka sink " + prefix + " is closed: its context has stopped");
    }
    if (admin == null) {
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
          config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)));
    }
    return admin;
  }

  @Override
  public void write(Time batch, int partition, Iterator<ProducerRecord<K, V>> records) {
    TransactionalPartitionProducer<K, V> producer = producers.computeIfAbsent(partition,
        index -> TransactionalPartitionProducer.open(prefix + "." + index, config, admin(), timeout));
    try {
      producer.write(batch, records);
    } finally {
      if (producer.isBroken() && producers.remove(partition, producer)) {
        closeQuietly(producer);
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    producers.values().forEach(TransactionalWriter::closeQuietly);
    producers.clear();
    synchronized (this) {
      if (admin != null) {
        admin.close(timeout);
      }
    }
  }

  private static void closeQuietly(TransactionalPartitionProducer<?, ?> producer) {
    try {
      producer.close();
    } catch (RuntimeException e) {
      LOG.debug("Could not close a transactional Kafka producer", e);
    }
  }
}
