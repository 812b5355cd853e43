package io.dstream.benchmarks;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.kafka.ConsumerStrategies;
import io.dstream.kafka.KafkaUtils;
import io.dstream.kafka.LocationStrategies;
import io.dstream.kafka.testing.EmbeddedKafka;
import io.dstream.testing.TestStreamingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Measures how fast a Kafka direct stream reads: a topic pre-filled with records of 100-byte values (10 M by
 * default, about 1 GB) on an {@link EmbeddedKafka} broker in this JVM, read from its beginning into
 * {@code KafkaUtils.createDirectStream(...).foreachRDD(rdd -> rdd.count())} in one batch of a
 * {@code TestStreamingContext} on {@code local[2]} (the whole topic is that batch's offset ranges), beside a plain
 * {@code KafkaConsumer} poll loop over all partitions of the same topic with the same consumer settings. The two
 * run back to back, in alternating order, for a number of rounds (5 by default) after one warm-up round; it
 * prints the time the fill took, the records per second of each (median, min, max) and the median of the
 * rounds' ratios, for each partition count (2 and 4 by default).
 *
 * <p>Run it from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@kafka -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>which starts it in a JVM of its own with {@code -Xmx4g -Xms4g -XX:+AlwaysPreTouch} (the {@code kafka}
 * execution in this module's pom). Add {@code -Dkafka.args="records rounds partitionCounts"} for other sizes,
 * e.g. {@code -Dkafka.args="1000000 3 2,4"}.
 */
public final class KafkaReadBenchmark {
  /** The size of each record's value, as the benchmark's definition says. */
  static final int VALUE_BYTES = 100;
  private static final long DEFAULT_RECORDS = 10_000_000;
  private static final int DEFAULT_ROUNDS = 5;
  private static final String DEFAULT_PARTITION_COUNTS = "2,4";
  private static final int WORKERS = 2;
  private static final Duration POLL = Duration.ofMillis(200);

  private KafkaReadBenchmark() {}

  /**
   * What was measured on one topic.
   *
   * @param partitions the topic's partition count
   * @param records the topic's records
   * @param fillSeconds how long filling the topic took
   * @param pollLoop the poll loop's records/s over the measured rounds
   * @param directStream the direct stream's records/s over the measured rounds
   * @param ratio the median over the rounds of the direct stream's rate divided by the poll loop's
   */
  record Result(int partitions, long records, double fillSeconds, ThroughputStats pollLoop,
      ThroughputStats directStream, double ratio) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d partitions: filled %d records in %.1f s (%.0f MB/s of values)%n"
              + "  KafkaConsumer poll loop:             %s%n"
              + "  direct stream -> count(), local[%d]: %s%n"
              + "  direct stream / poll loop: %.2f (median of the rounds' ratios)",
          partitions, records, fillSeconds, records * VALUE_BYTES / fillSeconds / 1e6, rate(pollLoop), WORKERS,
          rate(directStream), ratio);
    }

    private static String rate(ThroughputStats stats) {
      return String.format(Locale.ROOT, "median %.2f M records/s (min %.2f, max %.2f)", stats.median() / 1e6,
          stats.min() / 1e6, stats.max() / 1e6);
    }
  }

  /**
   * Starts a broker, measures each partition count and prints one result per count.
   *
   * @param args optionally the number of records, the number of measured rounds, and the partition counts
   *     separated by commas
   */
  public static void main(String[] args) {
    long records = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_RECORDS;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
    int[] partitionCounts = Arrays.stream((args.length > 2 ? args[2] : DEFAULT_PARTITION_COUNTS).split(","))
        .mapToInt(Integer::parseInt).toArray();
    System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, max heap %d MiB; %d records of %d bytes per "
            + "topic; %d measured rounds after 1 warm-up round%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, records, VALUE_BYTES, rounds);
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      for (int partitions : partitionCounts) {
        System.out.println(measure(kafka, partitions, records, rounds));
      }
    }
  }

  /**
   * Fills a new topic, reads it in one warm-up and {@code rounds} measured rounds, and deletes it.
   *
   * @param kafka the broker
   * @param partitions the topic's partition count
   * @param records how many records to fill it with
   * @param rounds how many measured rounds
   * @return what was measured
   * @throws IllegalArgumentException if a count is not positive
   * @throws IllegalStateException if a reader counted other than {@code records} records
   */
  static Result measure(EmbeddedKafka kafka, int partitions, long records, int rounds) {
    if (partitions < 1 || records < 1 || rounds < 1) {
      throw new IllegalArgumentException("the partition count, the number of records and the number of rounds "
          + "must be positive, got " + partitions + ", " + records + " and " + rounds);
    }
    String topic = "read-benchmark-" + partitions;
    kafka.createTopic(topic, partitions);
    try {
      double fillSeconds = KafkaTopicFiller.fill(kafka.bootstrapServers(), topic, partitions, records,
          VALUE_BYTES);
      Map<String, Object> config = consumerConfig(kafka.bootstrapServers());
      List<Double> loopMillis = new ArrayList<>();
      List<Double> directMillis = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) {
        // Alternating which goes first, so that neither always reads right after the other warmed a cache.
        double loop;
        double direct;
        if (round % 2 == 0) {
          loop = pollLoop(config, topic, partitions, records);
          direct = directStream(config, topic, records);
        } else {
          direct = directStream(config, topic, records);
          loop = pollLoop(config, topic, partitions, records);
        }
        if (round > 0) {
          loopMillis.add(loop);
          directMillis.add(direct);
          ratios.add(loop / direct);
        }
      }
      ratios.sort(null);
      int n = ratios.size();
      double medianRatio = n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
      return new Result(partitions, records, fillSeconds, ThroughputStats.of(records, loopMillis),
          ThroughputStats.of(records, directMillis), medianRatio);
    } finally {
      deleteTopic(kafka, topic);
    }
  }

  /** Deletes the topic and waits, so that its gigabyte leaves the disk and the name can be used again. */
  private static void deleteTopic(EmbeddedKafka kafka, String topic) {
    try {
      kafka.admin().deleteTopics(List.of(topic)).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deleting topic " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not delete topic " + topic + ": " + e.getCause(), e.getCause());
    }
  }

  /** The settings both readers get, as a user would write them: byte arrays, from the earliest offset. */
  private static Map<String, Object> consumerConfig(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return config;
  }

  /** Reads every partition from its beginning with one consumer until all records came; returns the millis. */
  private static double pollLoop(Map<String, Object> config, String topic, int partitions, long records) {
    System.gc();
    long start = System.nanoTime();
    long counted = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> all = KafkaTopicFiller.partitions(topic, partitions);
      consumer.assign(all);
      consumer.seekToBeginning(all);
      while (counted < records) {
        counted += consumer.poll(POLL).count();
      }
    }
    return checked("the poll loop", counted, records, start);
  }

  /** Counts the topic in one batch of a direct stream; returns the millis of that batch. */
  private static double directStream(Map<String, Object> config, String topic, long records) {
    System.gc();
    AtomicLong counted = new AtomicLong();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.minutes(1),
        new StreamingConf().setMaster("local[" + WORKERS + "]").setAppName("kafka-read-benchmark"))) {
      KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
          ConsumerStrategies.<byte[], byte[]>Subscribe(List.of(topic), config))
          .foreachRDD(rdd -> counted.addAndGet(rdd.count()));
      t.runBatches(0);
      long start = System.nanoTime();
      t.runBatches(1);
      return checked("the direct stream", counted.get(), records, start);
    }
  }

  private static double checked(String reader, long counted, long records, long startNanos) {
    double millis = (System.nanoTime() - startNanos) / 1e6;
    if (counted != records) {
      throw new IllegalStateException(reader + " counted " + counted + " records where the topic has " + records);
    }
    return millis;
  }
}
