package io.dstream.kafka.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers the tasks of Kafka RDDs read with: one per worker thread and partition, kept for the next
 * batches, closed when the context stops. A consumer is only ever used by the thread that made it, so two tasks
 * that read pieces of one partition's range at once read with two consumers.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class ConsumerPool<K, V> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerPool.class);

  private final Map<String, Object> config;
  private final Map<Thread, Map<TopicPartition, PartitionConsumer<K, V>>> byThread = new ConcurrentHashMap<>();

  /**
   * Creates the pool.
   *
   * @param kafkaParams the consumer settings the user gave; the pool's consumers have no group (they are
   *     assigned their partition), commit nothing and never reset a missing offset silently
   */
  ConsumerPool(Map<String, Object> kafkaParams) {
    Map<String, Object> config = new HashMap<>(kafkaParams);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    this.config = Map.copyOf(config);
  }

  /** Returns this thread's consumer of a partition, made on first use. */
  PartitionConsumer<K, V> acquire(TopicPartition partition) {
    return byThread.computeIfAbsent(Thread.currentThread(), thread -> new HashMap<>())
        .computeIfAbsent(partition, p -> new PartitionConsumer<>(new KafkaConsumer<K, V>(config), p));
  }

  /** Closes and forgets this thread's consumer of a partition, after it failed: the next task starts afresh. */
  void discard(TopicPartition partition) {
    Map<TopicPartition, PartitionConsumer<K, V>> mine = byThread.get(Thread.currentThread());
    PartitionConsumer<K, V> failed = mine == null ? null : mine.remove(partition);
    if (failed != null) {
      closeQuietly(failed);
    }
  }

  @Override
  public void close() {
    byThread.values().forEach(consumers -> consumers.values().forEach(ConsumerPool::closeQuietly));
    byThread.clear();
  }

  private static void closeQuietly(PartitionConsumer<?, ?> consumer) {
    try {
      consumer.close();
    } catch (RuntimeException e) {
      LOG.debug("could not close a Kafka consumer of a direct stream", e);
    }
  }
}
