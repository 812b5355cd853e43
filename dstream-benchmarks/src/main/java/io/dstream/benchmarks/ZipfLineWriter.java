package io.dstream.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes lines of {@link ZipfWordStream} (ten words of a vocabulary of 10,000) to a topic, round-robin over its
 * partitions: either all at once inside one transaction that the caller commits later (a pre-filled topic that
 * {@code read_committed} readers see only from the commit on), or continuously at a fixed pace.
 */
final class ZipfLineWriter implements AutoCloseable {
  private static final int VOCABULARY = 10_000;
  private static final int TRANSACTION_TIMEOUT_MS = 600_000;

  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final int partitions;
  private final ZipfWordStream words = new ZipfWordStream(VOCABULARY);
  private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "line-feed");
    thread.setDaemon(true);
    return thread;
  });
  private long written; // belongs to the thread that writes

  private ZipfLineWriter(String bootstrapServers, String topic, int partitions, String transactionalId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
    if (transactionalId != null) {
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
      config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
    }
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    this.topic = topic;
    this.partitions = partitions;
  }

  /**
   * Writes lines inside a transaction that stays open until {@link #commit()} (at most 10 minutes).
   *
   * @param bootstrapServers the broker
   * @param topic the topic
   * @param partitions its number of partitions
   * @param lines how many lines
   * @return the writer, its transaction open and every line sent
   */
  static ZipfLineWriter prefill(String bootstrapServers, String topic, int partitions, long lines) {
    ZipfLineWriter writer = new ZipfLineWriter(bootstrapServers, topic, partitions, topic + "-fill");
    writer.producer.initTransactions();
    writer.producer.beginTransaction();
    writer.write(lines);
    writer.producer.flush();
    return writer;
  }

  /**
   * Starts writing {@code lines} lines every {@code everyMillis}, until closed.
   *
   * @param bootstrapServers the broker
   * @param topic the topic
   * @param partitions its number of partitions
   * @param lines how many lines each time
   * @param everyMillis how often
   * @return the running writer
   */
  static ZipfLineWriter feed(String bootstrapServers, String topic, int partitions, int lines, long everyMillis) {
    ZipfLineWriter writer = new ZipfLineWriter(bootstrapServers, topic, partitions, null);
    writer.pace.scheduleAtFixedRate(() -> writer.write(lines), 0, everyMillis, TimeUnit.MILLISECONDS);
    return writer;
  }

  private void write(long lines) {
    for (long i = 0; i < lines; i++) {
      producer.send(new ProducerRecord<>(topic, (int) (written++ % partitions), null, words.nextLine()));
    }
  }

  /** Commits the transaction of {@link #prefill}: its lines become visible to {@code read_committed} readers. */
  void commit() {
    producer.commitTransaction();
  }

  /** Stops the writes of {@link #feed}: no new lines are started, one set of lines in progress may still end. */
  void stopFeeding() {
    pace.shutdownNow();
  }

  @Override
  public void close() {
    stopFeeding();
    // A write in progress ends with the producer's close, which waits for it (the producer is thread-safe).
    producer.close();
  }
}
