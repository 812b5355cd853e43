package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.kafka.testing.EmbeddedKafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScaleOutWordCount} as several instances, each a child JVM running its {@code main}, against a real broker
 * in this JVM: lines are written to a topic of 6 partitions all along, while instances are started, stopped
 * gracefully and killed with SIGKILL. Once the lines stop, the test reads the output until the latest counts are
 * those of all the lines, then stops the instances and checks, on what a {@code read_committed} consumer sees:
 *
 * <ul>
 *   <li>each word's latest count is the plain-Java count of all the lines (what one JVM computes);
 *   <li>each word's counts rise from record to record: no count is written twice (a batch committed twice, or
 *       state restored from before a committed batch) and none goes back;
 *   <li>each word's batch times rise from record to record: no word has two records of one batch time, also
 *       across owners (an instance whose schedule runs behind the previous owner's takes a partition only after
 *       the last batch time that owner committed), so writers may key by batch time.
 * </ul>
 *
 * <p>The test waits on what the instances print (the partitions each owns) and on the output, never for a time.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ScaleOutWordCountIT {
  private static final int PARTITIONS = 6;
  private static final int OUTPUT_PARTITIONS = 3;
  private static final String BATCH_MILLIS = "500";
  private static final Duration FEED_EVERY = Duration.ofMillis(100);
  private static final int LINES_EACH = 5;
  /** A start or a graceful stop moves partitions within a few batches, once the new JVM runs. */
  private static final Duration REBALANCE_WAIT = Duration.ofSeconds(60);
  /**
   * After a kill: the group's session timeout (10 s), then the killed instance's open transaction must end
   * (the broker aborts it after 10 s) before its partitions' offsets and state can be read.
   */
  private static final Duration TAKEOVER_WAIT = Duration.ofSeconds(90);
  private static final Duration COUNTED_WAIT = Duration.ofSeconds(120);
  private static final int REBALANCES = 10;

  @RegisterExtension
  static final EmbeddedKafkaExtension BROKER = new EmbeddedKafkaExtension();

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path work;

  @Test
  void aKilledInstanceAndALaterOneLeaveTheCountsThoseOfOneJvm() throws Exception {
    Application app = Application.create("wc-kill");
    Map<String, Integer> expected;
    try (ScaleOutInstances instances = app.instances(work);
        LineFeed feed = LineFeed.start(BROKER.kafka(), app.lines, PARTITIONS, FEED_EVERY, LINES_EACH, 14);
        CommittedOutput output = new CommittedOutput(BROKER.kafka(), app.output, OUTPUT_PARTITIONS)) {
      instances.start("a");
      instances.start("b");
      instances.start("c");
      Duration threeShare = instances.awaitBalanced(REBALANCE_WAIT);
      output.awaitLatest(counts -> total(counts) >= 500, COUNTED_WAIT, "500 words counted");

      instances.kill("b");
      Duration takeover = instances.awaitBalanced(TAKEOVER_WAIT);
      output.awaitLatest(counts -> total(counts) >= 1500, COUNTED_WAIT, "1500 words counted");
      instances.start("d");
      Duration fourthTakesPart = instances.awaitBalanced(REBALANCE_WAIT);

      expected = PlainWordCount.count(feed.stop());
      long start = System.nanoTime();
      output.awaitLatest(expected::equals, COUNTED_WAIT, "the counts of all " + total(expected) + " words");
      Duration caughtUp = Duration.ofNanos(System.nanoTime() - start);
      instances.stopAll();
      System.out.printf("ScaleOutWordCountIT kill: 3 instances shared the partitions after %d ms; after the "
          + "SIGKILL the other two took over in %d ms; a fourth took part after %d ms; the output counted all "
          + "%d words %d ms after the last line; restores:%n  %s%n", threeShare.toMillis(), takeover.toMillis(),
          fourthTakesPart.toMillis(), total(expected), caughtUp.toMillis(), String.join("\n  ",
          instances.restores()));
    }
    checkOutput(BROKER.kafka().readCommitted(app.output, COUNTED_WAIT), expected);
  }

  @Test
  void instancesAddedAndRemovedTenTimesLeaveTheCountsThoseOfOneJvm() throws Exception {
    Application app = Application.create("wc-churn");
    Map<String, Integer> expected;
    try (ScaleOutInstances instances = app.instances(work);
        LineFeed feed = LineFeed.start(BROKER.kafka(), app.lines, PARTITIONS, FEED_EVERY, LINES_EACH, 41);
        CommittedOutput output = new CommittedOutput(BROKER.kafka(), app.output, OUTPUT_PARTITIONS)) {
      List<String> running = new ArrayList<>(List.of("i0", "i1", "i2"));
      for (String name : running) {
        instances.start(name);
      }
      instances.awaitBalanced(REBALANCE_WAIT);
      List<Long> stepMillis = new ArrayList<>();
      for (int step = 0; step < REBALANCES; step++) {
        // Adds one, then removes the oldest: 3 and 4 instances in turn, each instance leaving after two steps.
        if (step % 2 == 0) {
          String added = "i" + (3 + step / 2);
          instances.start(added);
          running.add(added);
        } else {
          instances.stop(running.remove(0));
        }
        stepMillis.add(instances.awaitBalanced(REBALANCE_WAIT).toMillis());
      }

      expected = PlainWordCount.count(feed.stop());
      output.awaitLatest(expected::equals, COUNTED_WAIT, "the counts of all " + total(expected) + " words");
      instances.stopAll();
      System.out.printf("ScaleOutWordCountIT churn: ms from each start or stop until the partitions were shared "
          + "again: %s; group generations that moved partitions: %s; %d words%n", stepMillis,
          instances.generations(), total(expected));
      assertThat(instances.generations()).as("group generations at which partitions moved")
          .hasSizeGreaterThanOrEqualTo(REBALANCES);
    }
    checkOutput(BROKER.kafka().readCommitted(app.output, COUNTED_WAIT), expected);
  }

  /** The topics and arguments of one application. */
  private record Application(String id, String lines, String output) {
    static Application create(String id) {
      Application app = new Application(id, id + "-lines", id + "-counts");
      BROKER.kafka().createTopic(app.lines, PARTITIONS);
      BROKER.kafka().createTopic(app.output, OUTPUT_PARTITIONS);
      return app;
    }

    ScaleOutInstances instances(Path logs) {
      return new ScaleOutInstances(logs, List.of(BROKER.kafka().bootstrapServers(), id, lines, output, BATCH_MILLIS),
          PARTITIONS);
    }
  }

  private static long total(Map<String, Integer> counts) {
    return counts.values().stream().mapToLong(Integer::longValue).sum();
  }

  /** The checks of the class comment, on every record of the output topic. */
  private static void checkOutput(List<ConsumerRecord<String, String>> output, Map<String, Integer> expected) {
    Map<String, List<String>> byWord = new TreeMap<>();
    for (ConsumerRecord<String, String> record : output) {
      byWord.computeIfAbsent(record.key(), word -> new ArrayList<>()).add(record.value());
    }
    Map<String, Integer> latest = new TreeMap<>();
    byWord.forEach((word, values) -> latest.put(word, CommittedOutput.countOf(values.get(values.size() - 1))));
    assertThat(latest).as("each word's latest count").isEqualTo(expected);
    for (Map.Entry<String, List<String>> word : byWord.entrySet()) {
      int previousCount = 0;
      long previousBatch = Long.MIN_VALUE;
      for (String value : word.getValue()) {
        assertThat(CommittedOutput.countOf(value)).as("the count after %d of '%s'; its records: %s", previousCount,
            word.getKey(), word.getValue()).isGreaterThan(previousCount);
        assertThat(CommittedOutput.batchOf(value)).as("the batch time after %d of '%s'; its records: %s",
            previousBatch, word.getKey(), word.getValue()).isGreaterThan(previousBatch);
        previousCount = CommittedOutput.countOf(value);
        previousBatch = CommittedOutput.batchOf(value);
      }
    }
  }
}
