package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.CrashLoop;
import io.dstream.CrashLoopChild;
import io.dstream.kafka.testing.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of exactly once from Kafka to Kafka: a child JVM runs {@link KafkaExactlyOnceChild} (a direct
 * stream, {@code mapWithState} emitting every record with its key's running count, an exactly-once
 * {@link KafkaSink}, 250 ms batches on the real clock), and the {@link CrashLoop} kills it with SIGKILL at random
 * moments, {@value #KILLS} times, restarting it with {@code getOrCreate} each time, while it produces records to
 * the input topic (also while the child is down). The broker ({@link EmbeddedKafka}) runs in this JVM and
 * outlives every kill. Finally the child runs until it has seen the end of the input, and what a
 * {@code read_committed} consumer sees on the output topic must equal, as a multiset, what a run without crashes
 * outputs, computed in plain Java from the input topic: per key, in offset order, each record with its running
 * count. Nothing lost, nothing written twice.
 *
 * <p>A state's output is independent of where batches end (a window's is not), so the crash-free result is
 * defined whatever the batches were. The random choices come from a fixed seed, which
 * {@code -Ddstream.crashTest.seed=N} overrides; the kill moments follow the child's reports, so a seed
 * reproduces the input and the choices, not the exact moments.
 */
class KafkaExactlyOnceCrashIT extends BrokerPerClass {
  private static final int KILLS = 10;
  private static final long BATCH_MILLIS = 250;
  private static final String INPUT = "events";
  private static final int INPUT_PARTITIONS = 3;
  private static final String OUTPUT = "running-counts";
  private static final int KEYS = 12;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int SHOWN = 20;

  /** A quarter of the kills: within 1.5 s of the launch, while the JVM boots, recovers, or runs batches again. */
  private static final CrashLoop.KillMoments EARLY = new CrashLoop.KillMoments(1, true, event -> true, 1_500);
  /**
   * A quarter: right after the sink began a batch (counted from the launch, so also a batch that recovery runs
   * again): the kill lands while its transactions are open, or between their commits and the batch's completion.
   */
  private static final CrashLoop.KillMoments AT_OUTPUT =
      new CrashLoop.KillMoments(6, true, event -> event.startsWith("output"), 0);
  /**
   * The others: after up to about 8 batches of progress, then up to one batch more. {@code submitted} reports
   * are not counted: a restart submits all the batches it runs again at once (see the fault-injection soak).
   */
  private static final CrashLoop.KillMoments LATER = new CrashLoop.KillMoments(24, true,
      event -> !event.startsWith("submitted"), (int) BATCH_MILLIS);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path work;

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void killedAtRandomMomentsTheReadCommittedOutputIsTheCrashFreeResultExactly() throws Exception {
    long seed = Long.getLong("dstream.crashTest.seed", 20_250_301L);
    Random random = new Random(seed);
    kafka().createTopic(INPUT, INPUT_PARTITIONS);
    kafka().createTopic(OUTPUT, 2);
    long start = System.nanoTime();
    CrashFigures figures;
    try (KeyedRecordFeed feed = new KeyedRecordFeed();
        CrashLoop loop = new CrashLoop(work, KafkaExactlyOnceChild.class, BATCH_MILLIS, feed,
            List.of(kafka().bootstrapServers(), INPUT, Integer.toString(INPUT_PARTITIONS), OUTPUT))) {
      for (int kill = 0; kill < KILLS; kill++) {
        int moment = random.nextInt(4);
        loop.runAndKill(random, "run-" + kill, moment == 0 ? EARLY : moment == 1 ? AT_OUTPUT : LATER);
      }
      loop.finish(random);
      figures = CrashFigures.of(loop, feed.recordsFed, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }
    System.out.printf("Kafka exactly-once crash test, seed %d: %s%n", seed, figures);

    List<String> expected = crashFreeResult(kafka().readCommitted(INPUT, WAIT));
    List<String> output = kafka().readCommitted(OUTPUT, WAIT).stream().map(ConsumerRecord::value).toList();
    String context = String.format("seed %d; %s; the runs' logs and events are in %s", seed, figures, work);
    assertThat(expected).as("records of the input topic (%s)", context).hasSize(figures.records());
    assertThat(surplus(expected, output)).as("crash-free results missing from the output (lost, or counted "
        + "wrong), the first %d of them (%s)", SHOWN, context).isEmpty();
    assertThat(surplus(output, expected)).as("output records beyond the crash-free result (duplicated, or "
        + "counted wrong), the first %d of them (%s)", SHOWN, context).isEmpty();
    assertThat(figures.kills()).as("kills").isGreaterThanOrEqualTo(10);
    assertThat(figures.killsWhileABatchWasOutput()).as("kills after a batch's output began and before its "
        + "completion was reported (%s)", context).isPositive();
    assertThat(figures.batchesRunAgain()).as("batches whose output ran in more than one run (%s)", context)
        .isPositive();
  }

  /**
   * What a run without crashes writes: every record of the input, in offset order per key (each key lives in one
   * partition), as {@code key:sequence:running count of the key}; sorted.
   */
  private static List<String> crashFreeResult(List<ConsumerRecord<String, String>> input) {
    List<ConsumerRecord<String, String>> inOrder = new ArrayList<>(input);
    inOrder.sort(Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
        .thenComparingLong(ConsumerRecord::offset));
    Map<String, Long> counts = new HashMap<>();
    List<String> result = new ArrayList<>();
    for (ConsumerRecord<String, String> record : inOrder) {
      if (!CrashLoopChild.END_WORD.equals(record.key())) {
        long count = counts.merge(record.key(), 1L, Long::sum);
        result.add(record.key() + ":" + record.value() + ":" + count);
      }
    }
    return result.stream().sorted().toList();
  }

  /**
   * The records of {@code a} that {@code b} lacks, counting repeats (the multiset difference), with how many
   * times each is missing: the first {@value #SHOWN} in sorted order.
   */
  private static Map<String, Integer> surplus(List<String> a, List<String> b) {
    TreeMap<String, Integer> surplus = new TreeMap<>();
    a.forEach(record -> surplus.merge(record, 1, Integer::sum));
    b.forEach(record -> surplus.computeIfPresent(record, (key, count) -> count == 1 ? null : count - 1));
    while (surplus.size() > SHOWN) {
      surplus.pollLastEntry();
    }
    return surplus;
  }

  /**
   * The loop's input: a unit is 1 to 40 records produced at once, with random keys of {@value #KEYS} (Kafka's
   * partitioner keeps each key in one partition) and consecutive sequence numbers as values; the end is one
   * {@value CrashLoopChild#END_WORD} record in each partition. Each unit is on the broker before the loop goes on.
   */
  private static final class KeyedRecordFeed implements CrashLoop.Feed, AutoCloseable {
    private final KafkaProducer<String, String> producer =
        new KafkaProducer<>(kafka().producerConfig(), new StringSerializer(), new StringSerializer());
    private int recordsFed;

    @Override
    public void feedOne(CrashLoop loop, Random random) {
      int count = 1 + random.nextInt(40);
      List<ProducerRecord<String, String>> records = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        records.add(new ProducerRecord<>(INPUT, "k" + random.nextInt(KEYS), Integer.toString(recordsFed++)));
      }
      send(records);
    }

    @Override
    public void feedEnd(CrashLoop loop) {
      List<ProducerRecord<String, String>> ends = new ArrayList<>(INPUT_PARTITIONS);
      for (int partition = 0; partition < INPUT_PARTITIONS; partition++) {
        ends.add(new ProducerRecord<>(INPUT, partition, CrashLoopChild.END_WORD, CrashLoopChild.END_WORD));
      }
      send(ends);
    }

    private void send(List<ProducerRecord<String, String>> records) {
      List<Future<?>> sent = new ArrayList<>(records.size());
      records.forEach(record -> sent.add(producer.send(record)));
      producer.flush();
      for (Future<?> future : sent) {
        try {
          future.get();
        } catch (Exception e) {
          throw new IllegalStateException("the feed could not produce to " + INPUT, e);
        }
      }
    }

    @Override
    public void close() {
      producer.close();
    }
  }

  /**
   * What the crash loop did, from the events the child's runs reported.
   *
   * @param records the data records fed
   * @param kills the kills (each followed by a restart)
   * @param killsBeforeStart the kills before the context had started (while booting or recovering)
   * @param killsWhileABatchWasOutput the kills after an {@code output T} or {@code written T} report with no
   *     later report: the batch's output had begun, its completion was not reported
   * @param killsAfterACommit those of them after {@code written T}: the sink had committed the batch
   * @param batchesRunAgain the batches whose output began in more than one run
   * @param seconds how long the kills and the last run took
   */
  private record CrashFigures(int records, int kills, int killsBeforeStart, int killsWhileABatchWasOutput,
      int killsAfterACommit, int batchesRunAgain, long seconds) {
    static CrashFigures of(CrashLoop loop, int records, long seconds) {
      List<List<String>> runs = loop.runEvents();
      int whileOutput = 0;
      int afterCommit = 0;
      Map<String, Integer> runsPerOutput = new HashMap<>();
      for (int run = 0; run < runs.size(); run++) {
        List<String> events = runs.get(run);
        events.stream().filter(event -> event.startsWith("output ")).distinct()
            .forEach(event -> runsPerOutput.merge(event, 1, Integer::sum));
        boolean killed = run < runs.size() - 1;
        String last = events.isEmpty() ? "" : events.get(events.size() - 1);
        if (killed && (last.startsWith("output ") || last.startsWith("written "))) {
          whileOutput++;
          afterCommit += last.startsWith("written ") ? 1 : 0;
        }
      }
      int runAgain = (int) runsPerOutput.values().stream().filter(count -> count > 1).count();
      return new CrashFigures(records, loop.kills(), loop.killsBeforeStart(), whileOutput, afterCommit, runAgain,
          seconds);
    }

    @Override
    public String toString() {
      return String.format("%d records, %d kills and restarts (%d before the context had started, %d after a "
          + "batch's output began and before its completion, %d of them after the sink had committed it), "
          + "%d batches run again, %d s", records, kills, killsBeforeStart, killsWhileABatchWasOutput,
          killsAfterACommit, batchesRunAgain, seconds);
    }
  }
}
