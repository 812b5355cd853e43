package io.dstream.benchmarks;

import io.dstream.kafka.testing.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One throughput run of {@link ScaleOutInstancesBenchmark}: N instances of {@link WordCountInstance} count a
 * pre-filled lines topic. The lines are written in one open transaction before the instances start, and committed
 * once all N are in the group with partitions assigned ("go"), so that no instance starts on the lines alone.
 * It times, from go, until the group's committed offsets of the lines topic reach its end (every line split and
 * sent on) and until those of the words topic reach its end (every word counted, in the same transactions as the
 * output); it then checks that the output's latest counts add up to every word.
 *
 * @param instances N
 * @param lines the lines in the topic (ten words each)
 * @param startSeconds from the JVMs' launch until all N were in the group with partitions
 * @param firstCommitSeconds from go until the group first committed a lines offset past 0
 * @param linesSeconds from go until every line's offset was committed
 * @param wordsSeconds from go until every word's offset was committed
 * @param loadAverage the machine's 1-minute load average before the run
 */
record InstancesThroughputRun(int instances, long lines, double startSeconds, double firstCommitSeconds,
    double linesSeconds, double wordsSeconds, double loadAverage) {
  private static final long START_TIMEOUT_MS = 120_000;
  private static final long COUNT_TIMEOUT_MS = 600_000;

  /**
   * Runs once.
   *
   * @param kafka the broker
   * @param id the application id, new
   * @param instances N
   * @param lines how many lines to fill the topic with
   * @param logs where the instances' logs go
   * @return what was measured
   * @throws IOException if a JVM cannot be started
   * @throws InterruptedException if interrupted while waiting
   * @throws IllegalStateException if the output's counts do not add up to the words written, or a wait timed out
   */
  static InstancesThroughputRun run(EmbeddedKafka kafka, String id, int instances, long lines, Path logs)
      throws IOException, InterruptedException {
    double load = ScaleOutInstancesBenchmark.loadAverage();
    try (ScaleOutApplication app = new ScaleOutApplication(kafka, id, logs);
        ZipfLineWriter fill = ZipfLineWriter.prefill(kafka.bootstrapServers(), app.linesTopic(),
            ScaleOutApplication.PARTITIONS, lines)) {
      GroupProgress group = app.progress();
      long launched = System.nanoTime();
      app.start(instances);
      long joined = app.await(() -> group.balancedAmong(instances), START_TIMEOUT_MS,
          instances + " instances in the group");
      fill.commit();
      long go = System.nanoTime();
      Map<TopicPartition, Long> linesEnds = group.ends(app.linesTopic(), ScaleOutApplication.PARTITIONS);
      long firstCommit = app.await(() -> group.committed().entrySet().stream().anyMatch(offset ->
          offset.getKey().topic().equals(app.linesTopic()) && offset.getValue().offset() > 0), COUNT_TIMEOUT_MS,
          "a committed line");
      long linesDone = app.await(() -> group.reached(linesEnds), COUNT_TIMEOUT_MS, "every line committed");
      Map<TopicPartition, Long> wordsEnds = group.ends(app.wordsTopic(), ScaleOutApplication.PARTITIONS);
      long wordsDone = app.await(() -> group.reached(wordsEnds), COUNT_TIMEOUT_MS, "every word committed");
      long counted = app.latestCounts().values().stream().mapToLong(Long::longValue).sum();
      long words = lines * ZipfWordStream.WORDS_PER_LINE;
      if (counted != words) {
        throw new IllegalStateException("the output of " + id + " counts " + counted + " words, but " + words
            + " were written; the instances' logs are in " + logs);
      }
      app.stopAll();
      return new InstancesThroughputRun(instances, lines, seconds(launched, joined), seconds(go, firstCommit),
          seconds(go, linesDone), seconds(go, wordsDone), load);
    }
  }

  private static double seconds(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }

  /**
   * Lines per second from go until every line was committed.
   *
   * @return the rate
   */
  double linesPerSecond() {
    return lines / linesSeconds;
  }

  /**
   * Words per second from go until every word was counted.
   *
   * @return the rate
   */
  double wordsPerSecond() {
    return lines * ZipfWordStream.WORDS_PER_LINE / wordsSeconds;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d instance(s), %d lines: in the group after %.1f s; from go: first commit "
            + "%.1f s, lines done %.1f s (%.0f lines/s), words done %.1f s (%.0f words/s); load before %.2f",
        instances, lines, startSeconds, firstCommitSeconds, linesSeconds, linesPerSecond(), wordsSeconds,
        wordsPerSecond(), loadAverage);
  }
}
