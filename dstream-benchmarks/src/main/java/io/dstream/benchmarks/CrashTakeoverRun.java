package io.dstream.benchmarks;

import io.dstream.kafka.testing.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One crash of {@link ScaleOutInstancesBenchmark}: three instances of {@link WordCountInstance} under a
 * continuous feed of lines; once they share every partition and have committed a batch after that, one is
 * killed with SIGKILL. It times, from the kill:
 *
 * <ul>
 *   <li>until the group has dropped the dead member (the broker's session timeout, 10 s);
 *   <li>until the group is stable again with the two others (they rejoin at their next batch);
 *   <li>until a survivor printed that it gained the last of the dead one's partitions (it reads their committed
 *       offsets only once the dead one's open transaction has been aborted: transaction timeout 10 s, checked by
 *       the broker every 10 s) and restored their state;
 *   <li>until each of the dead one's partitions has a committed offset beyond the one it had at the kill, from a
 *       batch later than the kill: the takeover.
 * </ul>
 *
 * @param detectedSeconds from the kill until the group had two members
 * @param rebalancedSeconds from the kill until the group was stable with two members
 * @param gainedSeconds from the kill until the survivors had gained every partition of the dead one
 * @param takeoverSeconds from the kill until every partition of the dead one had moved forward
 * @param restores what the survivors printed about restoring the dead one's state
 * @param loadAverage the machine's 1-minute load average before the run
 */
record CrashTakeoverRun(double detectedSeconds, double rebalancedSeconds, double gainedSeconds,
    double takeoverSeconds, List<String> restores, double loadAverage) {
  private static final int INSTANCES = 3;
  private static final int FEED_LINES = 200;
  private static final long FEED_EVERY_MS = 100;
  private static final long WAIT_MS = 180_000;

  /**
   * Runs once.
   *
   * @param kafka the broker
   * @param id the application id, new
   * @param logs where the instances' logs go
   * @return what was measured
   * @throws IOException if a JVM cannot be started
   * @throws InterruptedException if interrupted while waiting
   */
  static CrashTakeoverRun run(EmbeddedKafka kafka, String id, Path logs) throws IOException, InterruptedException {
    double load = ScaleOutInstancesBenchmark.loadAverage();
    try (ScaleOutApplication app = new ScaleOutApplication(kafka, id, logs);
        ZipfLineWriter feed = ZipfLineWriter.feed(kafka.bootstrapServers(), app.linesTopic(),
            ScaleOutApplication.PARTITIONS, FEED_LINES, FEED_EVERY_MS)) {
      GroupProgress group = app.progress();
      app.start(INSTANCES);
      app.await(() -> shareAll(app), WAIT_MS, "the instances to share every partition");
      long sharedAtMs = System.currentTimeMillis();
      app.await(() -> group.committed().values().stream().filter(o -> GroupProgress.batchTimeOf(o) > sharedAtMs)
          .count() == app.partitionNames().size(), WAIT_MS, "a batch of every partition after sharing them");

      InstanceJvm victim = app.instances().get(1);
      Set<String> victims = victim.owned();
      long killMs = System.currentTimeMillis();
      long kill = System.nanoTime();
      victim.kill();
      Map<String, Long> atKill = offsets(group.committed(), victims);
      long detected = app.await(() -> !group.stateAndMembers().endsWith("/" + INSTANCES), WAIT_MS,
          "the group to drop the killed member");
      long rebalanced = app.await(() -> group.balancedAmong(INSTANCES - 1), WAIT_MS, "the group to rebalance");
      long gained = app.await(() -> gainedAfter(app, victim, kill).containsAll(victims), WAIT_MS,
          "the survivors to gain " + victims);
      long takeover = app.await(() -> movedOn(group.committed(), victims, atKill, killMs), WAIT_MS,
          "commits of " + victims + " after the kill");
      List<String> restores = new ArrayList<>();
      for (InstanceJvm survivor : app.instances()) {
        survivor.printed().stream().filter(line -> line.nanos() > kill
            && line.text().startsWith(WordCountInstance.RESTORED)).forEach(line -> restores.add(line.text()));
      }
      feed.stopFeeding();
      app.stopAll();
      return new CrashTakeoverRun(seconds(kill, detected), seconds(kill, rebalanced), seconds(kill, gained),
          seconds(kill, takeover), restores, load);
    }
  }

  private static boolean shareAll(ScaleOutApplication app) {
    Set<String> owned = new HashSet<>();
    int count = 0;
    for (InstanceJvm instance : app.instances()) {
      Set<String> mine = instance.owned();
      if (mine.isEmpty()) {
        return false;
      }
      owned.addAll(mine);
      count += mine.size();
    }
    return count == owned.size() && owned.equals(app.partitionNames());
  }

  /** The partitions the instances other than the dead one said they gained after the kill. */
  private static Set<String> gainedAfter(ScaleOutApplication app, InstanceJvm dead, long killNanos) {
    Set<String> gained = new HashSet<>();
    for (InstanceJvm instance : app.instances()) {
      if (instance != dead) {
        instance.printed().stream().filter(line -> line.nanos() > killNanos
            && line.text().startsWith(WordCountInstance.OWNS) && line.text().contains(" gained "))
            .forEach(line -> gained.addAll(List.of(line.text().substring(line.text().indexOf(" gained ")
                + " gained ".length()).split(","))));
      }
    }
    return gained;
  }

  private static Map<String, Long> offsets(Map<TopicPartition, OffsetAndMetadata> committed, Set<String> names) {
    Map<String, Long> offsets = new HashMap<>();
    committed.forEach((partition, offset) -> {
      if (names.contains(partition.toString())) {
        offsets.put(partition.toString(), offset.offset());
      }
    });
    return offsets;
  }

  /** Whether each partition's committed offset is past the one at the kill, from a batch after the kill. */
  private static boolean movedOn(Map<TopicPartition, OffsetAndMetadata> committed, Set<String> names,
      Map<String, Long> atKill, long killMs) {
    int moved = 0;
    for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
      String name = offset.getKey().toString();
      if (names.contains(name) && offset.getValue().offset() > atKill.getOrDefault(name, -1L)
          && GroupProgress.batchTimeOf(offset.getValue()) > killMs) {
        moved++;
      }
    }
    return moved == names.size();
  }

  private static double seconds(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1e9;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "after the SIGKILL: dropped from the group %.1f s, group stable %.1f s, "
            + "partitions gained %.1f s, committed offsets moving %.1f s; load before %.2f; restores: %s",
        detectedSeconds, rebalancedSeconds, gainedSeconds, takeoverSeconds, loadAverage, restores);
  }
}
