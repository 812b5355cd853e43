package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.kafka.testing.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ExactlyOnceKafkaWordCount}'s {@code main} against a real broker, in two runs on one checkpoint
 * directory: the second run recovers the first one's offsets and totals, so the output read with
 * {@code read_committed} holds, for every word occurrence of both runs' lines, the word's total so far, once.
 * (The kill-at-any-moment test of the same pipeline is dstream-kafka's {@code KafkaExactlyOnceCrashIT}.)
 */
class ExactlyOnceKafkaWordCountIT {
  @TempDir
  Path work;

  @Test
  void aSecondRunGoesOnWithTheFirstRunsTotalsAndEveryOccurrenceIsWrittenOnce() throws Exception {
    List<List<String>> lines = SelfFeedingWordCount.generateLines(2, 20, 7);
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic("lines", 2);
      kafka.createTopic("totals", 2);
      String[] args = {kafka.bootstrapServers(), "lines", "totals", work.resolve("checkpoints").toString(), "3"};

      kafka.produce("lines", 0, lines.get(0));
      ExactlyOnceKafkaWordCount.main(args);
      kafka.produce("lines", 1, lines.get(1));
      ExactlyOnceKafkaWordCount.main(args);

      List<ConsumerRecord<String, String>> totals = kafka.readCommitted("totals", Duration.ofSeconds(30));
      assertThat(totals.stream().map(total -> total.key() + "=" + total.value()).sorted())
          .isEqualTo(expectedTotals(lines).stream().sorted().toList());
    }
  }

  /** For each word occurring n times in all lines: the totals 1 to n, as {@code word=total}. */
  private static List<String> expectedTotals(List<List<String>> batches) {
    List<String> allLines = batches.stream().flatMap(List::stream).toList();
    Map<String, Integer> counts = new HashMap<>(PlainWordCount.count(allLines));
    List<String> totals = new ArrayList<>();
    counts.forEach((word, n) -> {
      for (int total = 1; total <= n; total++) {
        totals.add(word + "=" + total);
      }
    });
    return totals;
  }
}
