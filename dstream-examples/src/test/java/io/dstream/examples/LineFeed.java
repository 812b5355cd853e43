package io.dstream.examples;

import io.dstream.kafka.testing.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Lines of random words written to a Kafka topic continuously, at a fixed pace, spread over its partitions in
 * turn, until {@link #stop()}: the load of the tests that change a running application under it. The words come
 * from a seeded {@link Random}, and every line written is kept, for the expected result.
 */
final class LineFeed implements AutoCloseable {
  private static final int VOCABULARY = 60;
  private static final int MAX_WORDS = 6;

  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final int partitions;
  private final int linesEach;
  private final Random random;
  private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "line-feed");
    thread.setDaemon(true);
    return thread;
  });
  // Belong to the pace's thread until stop() has ended it.
  private final List<String> lines = new ArrayList<>();
  private final List<Future<?>> sent = new ArrayList<>();

  private LineFeed(EmbeddedKafka kafka, String topic, int partitions, int linesEach, long seed) {
    this.producer = new KafkaProducer<>(kafka.producerConfig(), new StringSerializer(), new StringSerializer());
    this.topic = topic;
    this.partitions = partitions;
    this.linesEach = linesEach;
    this.random = new Random(seed);
  }

  /**
   * Starts writing {@code linesEach} lines every {@code every}.
   *
   * @param kafka the broker
   * @param topic the topic, which exists
   * @param partitions its number of partitions
   * @param every how often lines are written
   * @param linesEach how many lines each time
   * @param seed the seed of the words
   * @return the running feed
   */
  static LineFeed start(EmbeddedKafka kafka, String topic, int partitions, Duration every, int linesEach,
      long seed) {
    LineFeed feed = new LineFeed(kafka, topic, partitions, linesEach, seed);
    feed.pace.scheduleAtFixedRate(feed::writeSome, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return feed;
  }

  private void writeSome() {
    for (int i = 0; i < linesEach; i++) {
      StringBuilder line = new StringBuilder();
      int words = 1 + random.nextInt(MAX_WORDS);
      for (int w = 0; w < words; w++) {
        line.append(w == 0 ? "" : " ").append("w").append(random.nextInt(VOCABULARY));
      }
      lines.add(line.toString());
      sent.add(producer.send(new ProducerRecord<>(topic, lines.size() % partitions, null, line.toString())));
    }
  }

  /**
   * Stops writing and returns every line written, once the broker has them all.
   *
   * @return the lines, in the order written
   * @throws IllegalStateException if a write failed
   * @throws InterruptedException if interrupted while waiting for the writes
   */
  List<String> stop() throws InterruptedException {
    pace.shutdown();
    if (!pace.awaitTermination(1, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the line feed did not stop within a minute");
    }
    producer.flush();
    for (Future<?> write : sent) {
      try {
        write.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a line could not be written to " + topic, e.getCause());
      }
    }
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    pace.shutdownNow();
    producer.close(Duration.ofSeconds(10));
  }
}
