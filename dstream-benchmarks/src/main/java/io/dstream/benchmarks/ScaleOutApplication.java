package io.dstream.benchmarks;

import io.dstream.kafka.testing.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One run's scale-out word count: its topics (lines and output created here; the words topic by the instances),
 * its instances ({@link InstanceJvm}), and what the broker says of its progress ({@link GroupProgress}).
 */
final class ScaleOutApplication implements AutoCloseable {
  /** Partitions of the lines topic, and of the words topic the instances create. */
  static final int PARTITIONS = 6;
  private static final int OUTPUT_PARTITIONS = 3;
  private static final String BATCH_MILLIS = "1000";
  private static final String HEAP = "1g";
  /** Lines per partition and second a batch reads at most: 24,000 lines (240,000 words) a second in all. */
  static final String MAX_LINES_PER_PARTITION = "4000";
  private static final long POLL_MILLIS = 100;

  private final EmbeddedKafka kafka;
  private final String id;
  private final Path logs;
  private final GroupProgress progress;
  private final List<InstanceJvm> instances = new ArrayList<>();

  /**
   * Creates the topics of a new application.
   *
   * @param kafka the broker
   * @param id the application id, new
   * @param logs where the instances' logs go
   */
  ScaleOutApplication(EmbeddedKafka kafka, String id, Path logs) {
    this.kafka = kafka;
    this.id = id;
    this.logs = logs;
    kafka.createTopic(linesTopic(), PARTITIONS);
    kafka.createTopic(outputTopic(), OUTPUT_PARTITIONS);
    this.progress = new GroupProgress(kafka.bootstrapServers(), id);
  }

  String linesTopic() {
    return id + "-lines";
  }

  String wordsTopic() {
    return id + "-words";
  }

  private String outputTopic() {
    return id + "-counts";
  }

  GroupProgress progress() {
    return progress;
  }

  List<InstanceJvm> instances() {
    return instances;
  }

  /**
   * Starts instances, each a child JVM with a heap of 1 GiB.
   *
   * @param count how many
   * @throws IOException if a JVM cannot be started
   */
  void start(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      instances.add(InstanceJvm.start(id + "-" + instances.size(), HEAP, logs, kafka.bootstrapServers(), id,
          linesTopic(), outputTopic(), BATCH_MILLIS, MAX_LINES_PER_PARTITION));
    }
  }

  /**
   * Every partition of the lines and words topics, as the instances name them.
   *
   * @return {@code topic-partition} names
   */
  Set<String> partitionNames() {
    Set<String> names = new TreeSet<>();
    for (int p = 0; p < PARTITIONS; p++) {
      names.add(linesTopic() + "-" + p);
      names.add(wordsTopic() + "-" + p);
    }
    return names;
  }

  /**
   * Polls a condition on the broker or the instances' output every 100 ms until it holds.
   *
   * @param condition what to wait for
   * @param timeoutMillis how long to wait at most
   * @param what what is waited for, for the failure message
   * @return {@link System#nanoTime()} when it was seen to hold
   * @throws IllegalStateException if the time ran out first
   * @throws InterruptedException if interrupted while waiting
   */
  long await(BooleanSupplier condition, long timeoutMillis, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (!condition.getAsBoolean()) {
      for (InstanceJvm instance : instances) {
        if (instance.endedByItself()) {
          throw new IllegalStateException(instance.name() + " ended by itself while waiting for " + what
              + "; its log is " + logs.resolve(instance.name() + ".log"));
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waited " + timeoutMillis + " ms for " + what + " in " + id + "; group "
            + progress.stateAndMembers() + "; instances' logs in " + logs);
      }
      Thread.sleep(POLL_MILLIS);
    }
    return System.nanoTime();
  }

  /**
   * Reads the output topic as a {@code read_committed} consumer sees it now and returns each word's latest count.
   *
   * @return the counts by word
   */
  Map<String, Long> latestCounts() {
    Map<String, Object> config = kafka.consumerConfig(null);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, Long> latest = new HashMap<>();
    List<TopicPartition> partitions = KafkaTopicFiller.partitions(outputTopic(), OUTPUT_PARTITIONS);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(java.time.Duration.ofMillis(500))) {
          latest.put(record.key(), Long.parseLong(record.value()));
        }
      }
    }
    return latest;
  }

  /**
   * Stops the instances that still run, gracefully, one after the other.
   *
   * @throws InterruptedException if interrupted while waiting
   * @throws IOException if a stop line cannot be sent
   */
  void stopAll() throws InterruptedException, IOException {
    for (InstanceJvm instance : instances) {
      instance.stop();
    }
  }

  @Override
  public void close() {
    for (InstanceJvm instance : instances) {
      instance.kill();
    }
    progress.close();
  }
}
