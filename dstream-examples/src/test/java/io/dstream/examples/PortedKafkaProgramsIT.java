package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingContext;
import io.dstream.kafka.testing.EmbeddedKafkaExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark programs that use spark-streaming-kafka-0-10, ported by docs/porting.sed, compiled against dstream and
 * run (their own {@code main}, in this JVM) against a Kafka broker on 127.0.0.1 ({@link EmbeddedKafka}):
 * a word count with the arguments of Spark's {@code JavaDirectKafkaWordCount} counts the words written to its
 * topics, and a program in the idioms of Spark's Kafka integration guide commits its offset ranges to its group.
 * Both are written for these tests in Spark's API (the test resources {@code porting/}). Skipped where no
 * {@code sed} is on the PATH.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PortedKafkaProgramsIT {
  private static final int PARTITIONS = 2;

  @RegisterExtension
  static final EmbeddedKafkaExtension BROKER = new EmbeddedKafkaExtension();

  @TempDir
  Path work;

  @Test
  void aWordCountInSparksKafkaApiCountsTheWordsWrittenToItsTopics() throws Exception {
    List<String> topics = List.of("spark-lines-a", "spark-lines-b");
    topics.forEach(topic -> BROKER.kafka().createTopic(topic, PARTITIONS));
    List<String> lines = SelfFeedingWordCount.generateLines(1, 40, 17).get(0);
    Map<String, Integer> expected = PlainWordCount.count(lines);
    int words = expected.values().stream().mapToInt(Integer::intValue).sum();

    try (PortedProgram program = PortedProgram.compile(work, "example.KafkaTopicsWordCount",
            PortingSedScriptTest.KAFKA_WORD_COUNT);
        PrintedBatches.Capture stdout = PrintedBatches.captureStdout()) {
      StreamingContext ssc = program.start(BROKER.kafka().bootstrapServers(), "spark-word-count", String.join(",", topics));
      // The program's new group starts at the end of the topics (auto.offset.reset=latest).
      CompletableFuture<Void> writing = KafkaLines.writeAfterABatch(ssc, BROKER.kafka(), topics, PARTITIONS, lines);
      boolean counted = BatchRunner.stopWhen(ssc, () -> PrintedBatches.totalCount(stdout.text()) >= words,
          Durations.minutes(1));
      writing.join();
      program.awaitMainReturned();

      assertThat(counted).as("the printed counts reached %d words; printed:%n%s", words, stdout.text()).isTrue();
      assertThat(PrintedBatches.summedCounts(stdout.text())).isEqualTo(expected);
    }
  }

  @Test
  void theOffsetIdiomsOfSparksKafkaGuideReadEveryRangeAndCommitIt() throws Exception {
    String topic = "spark-offsets";
    String group = "spark-offsets-group";
    BROKER.kafka().createTopic(topic, PARTITIONS);
    List<String> lines = SelfFeedingWordCount.generateLines(1, 40, 19).get(0);
    KafkaLines.write(BROKER.kafka(), List.of(topic), PARTITIONS, lines);
    Map<TopicPartition, Long> ends = KafkaLines.endOffsets(BROKER.kafka(), List.of(topic), PARTITIONS);

    String printed;
    try (PortedProgram program = PortedProgram.compile(work, "example.JavaKafkaOffsetCommits",
            PortingSedScriptTest.KAFKA_OFFSET_COMMITS);
        PrintedBatches.Capture stdout = PrintedBatches.captureStdout()) {
      StreamingContext ssc = program.start(BROKER.kafka().bootstrapServers(), group, topic);
      boolean committed = BatchRunner.stopWhen(ssc, () -> committedOffsets(group).equals(ends), Durations.minutes(1));
      program.awaitMainReturned();
      printed = stdout.text();
      assertThat(committed).as("the group's offsets reached %s; printed:%n%s", ends, printed).isTrue();
    }

    assertThat(printed.lines().filter(line -> line.startsWith("records "))
        .mapToLong(line -> Long.parseLong(line.substring("records ".length()))).sum())
        .as("the records of every batch (rdd.count())").isEqualTo(lines.size());
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      String partition = topic + " " + end.getKey().partition() + " ";
      assertThat(untilOffsetsOfContiguousRanges(printed, partition)).as("the ranges of %s", end.getKey())
          .endsWith(end.getValue());
      assertThat(printed).as("the commit callback").contains("committed " + partition + end.getValue());
    }
  }

  private static Map<TopicPartition, Long> committedOffsets(String group) {
    try {
      return KafkaLines.committedOffsets(BROKER.kafka(), group);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the offsets of group " + group, e);
    }
  }

  /**
   * Reads the printed ranges {@code range <topic> <partition> <from> <until>} of one partition, checking that
   * they start at 0 and each starts where the one before ended.
   *
   * @return the until offsets, in the order printed
   */
  private static List<Long> untilOffsetsOfContiguousRanges(String printed, String partition) {
    List<Long> untils = new ArrayList<>();
    long next = 0;
    for (String line : printed.lines().filter(line -> line.startsWith("range " + partition)).toList()) {
      String[] fields = line.split(" ");
      assertThat(Long.parseLong(fields[3])).as("the from offset of '%s'", line).isEqualTo(next);
      next = Long.parseLong(fields[4]);
      untils.add(next);
    }
    return untils;
  }
}
