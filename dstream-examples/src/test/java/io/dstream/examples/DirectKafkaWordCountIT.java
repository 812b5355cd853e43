package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.kafka.testing.EmbeddedKafka;
import io.dstream.kafka.testing.EmbeddedKafkaExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * {@link DirectKafkaWordCount}'s pipeline against a Kafka broker in this JVM ({@link EmbeddedKafka}, on
 * 127.0.0.1), on the system clock, reading two topics of two partitions each: each run goes until the printed
 * counts add up to as many words as expected, then stops gracefully, and its printed counts must equal the
 * plain-Java count of the lines it should have read.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DirectKafkaWordCountIT {
  private static final List<String> TOPICS = List.of("lines-a", "lines-b");
  private static final int PARTITIONS = 2;
  private static final String GROUP = "word-count";

  @RegisterExtension
  static final EmbeddedKafkaExtension BROKER = new EmbeddedKafkaExtension();

  @BeforeAll
  static void createTheTopics() {
    TOPICS.forEach(topic -> BROKER.kafka().createTopic(topic, PARTITIONS));
  }

  @Test
  void countsWhatIsWrittenOnceItRunsAndGoesOnWhereItsGroupLeftOff() throws Exception {
    List<List<String>> lines = SelfFeedingWordCount.generateLines(3, 40, 13);
    KafkaLines.write(BROKER.kafka(), TOPICS, PARTITIONS, lines.get(0));

    Map<String, Integer> firstRun = run(lines.get(1), PlainWordCount.count(lines.get(1)));
    KafkaLines.write(BROKER.kafka(), TOPICS, PARTITIONS, lines.get(2));
    Map<String, Integer> secondRun = run(List.of(), PlainWordCount.count(lines.get(2)));

    assertThat(firstRun).as("a new group: the lines written once it ran, not those written before")
        .isEqualTo(PlainWordCount.count(lines.get(1)));
    assertThat(secondRun).as("the same group again: the lines written while it was down, and only those")
        .isEqualTo(PlainWordCount.count(lines.get(2)));
    assertThat(KafkaLines.committedOffsets(BROKER.kafka(), GROUP)).as("the group's committed offsets")
        .isEqualTo(KafkaLines.endOffsets(BROKER.kafka(), TOPICS, PARTITIONS));
  }

  /**
   * Runs the pipeline (in 200 ms batches) until the printed counts add up to as many words as expected, writing
   * some lines once its first batch has completed.
   *
   * @return the printed counts after the graceful stop
   */
  private static Map<String, Integer> run(List<String> linesOnceRunning, Map<String, Integer> expected)
      throws Exception {
    int words = expected.values().stream().mapToInt(Integer::intValue).sum();
    try (PrintedBatches.Capture stdout = PrintedBatches.captureStdout()) {
      StreamingContext ssc = new StreamingContext(
          new StreamingConf().setMaster("local[2]").setAppName("DirectKafkaWordCountIT"), Durations.milliseconds(200));
      DirectKafkaWordCount.printWordCounts(ssc, BROKER.kafka().bootstrapServers(), GROUP, TOPICS);
      CompletableFuture<Void> writing = KafkaLines.writeAfterABatch(ssc, BROKER.kafka(), TOPICS, PARTITIONS, linesOnceRunning);

      boolean counted = BatchRunner.runUntil(ssc, () -> PrintedBatches.totalCount(stdout.text()) >= words,
          Durations.minutes(1));

      writing.join();
      assertThat(counted).as("the printed counts reached %d words; printed:%n%s", words, stdout.text()).isTrue();
      return PrintedBatches.summedCounts(stdout.text());
    }
  }
}
