package io.dstream.kafka.internal;

import io.dstream.Time;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
  // Set once a producer was fenced: another run owns these transactional ids now, and this one writes no more.
  private volatile String fenced;

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
      admin = Admin.create(adminConfig(config));
    }
    return admin;
  }

  @Override
  public void write(Time batch, int partition, int partitions, Iterator<ProducerRecord<K, V>> records) {
    if (fenced != null) {
      throw new IllegalStateException(fenced);
    }
    if (!records.hasNext()) {
      // Nothing to write, nothing to record: an empty partition opens no producer.
      return;
    }
    TransactionalPartitionProducer<K, V> producer = producerOf(partition);
    try {
      producer.write(batch, partitions, records);
    } catch (TransactionalPartitionProducer.FencedException e) {
      // Terminal: a retry would open a producer that fences the newer run in turn.
      fenced = e.getMessage();
      throw new IllegalStateException(fenced, e.getCause());
    } finally {
      if (producer.isBroken() && producers.remove(partition, producer)) {
        closeQuietly(producer);
      }
    }
  }

  /** Returns the producer of a partition index, opened (outside the map's lock: it talks to the broker) if new. */
  private TransactionalPartitionProducer<K, V> producerOf(int partition) {
    TransactionalPartitionProducer<K, V> producer = producers.get(partition);
    if (producer != null) {
      return producer;
    }
    TransactionalPartitionProducer<K, V> opened =
        TransactionalPartitionProducer.open(prefix + "." + partition, config, admin(), timeout);
    TransactionalPartitionProducer<K, V> raced = producers.putIfAbsent(partition, opened);
    if (raced != null) {
      closeQuietly(opened);
      return raced;
    }
    return opened;
  }

  /**
   * The admin client's settings: those of a producer's or consumer's settings that an admin client knows (the
   * brokers, and security: SASL, SSL, client id), so that it reaches the same cluster; what every client of a
   * scale-out instance shares too.
   *
   * @param producerConfig the producer's or consumer's settings
   * @return the admin client's settings
   */
  static Map<String, Object> adminConfig(Map<String, Object> producerConfig) {
    Map<String, Object> admin = new HashMap<>();
    producerConfig.forEach((key, value) -> {
      if (AdminClientConfig.configNames().contains(key)) {
        admin.put(key, value);
      }
    });
    return admin;
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
