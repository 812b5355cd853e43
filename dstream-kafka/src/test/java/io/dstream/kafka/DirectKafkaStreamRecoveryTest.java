package io.dstream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.InputDStream;
import io.dstream.State;
import io.dstream.StateSpec;
import io.dstream.Tuple2;
import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.PairRDD;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarting a direct-stream pipeline from its checkpoint ({@link TestStreamingContext#recoverFrom}, the code of
 * {@code getOrCreate}) against a real broker: every record is processed by a successful output exactly once, and
 * a batch left unfinished runs again over exactly the records it had, not the ones that arrived since.
 */
class DirectKafkaStreamRecoveryTest extends BrokerPerClass {
  @TempDir
  Path checkpoints;
  private final List<TestStreamingContext> runs = new ArrayList<>();
  // The idempotent output's store, over all runs: how often each record (partition@offset=value) was stored.
  private final Map<String, Integer> stored = new ConcurrentHashMap<>();

  @AfterEach
  void closeRuns() {
    runs.forEach(TestStreamingContext::close);
  }

  /** One run of the program: the batches its output stored, by batch time. */
  private final class Run {
    final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
    final Map<Long, List<String>> batches = new ConcurrentHashMap<>();
    // The output reads its batch, then fails: as a crash after the batch was read, the batch is not done.
    final AtomicBoolean outputFails = new AtomicBoolean();

    Run(String topic) {
      runs.add(t);
      InputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(t.context(),
          LocationStrategies.PreferConsistent(),
          ConsumerStrategies.Subscribe(List.of(topic), kafka().consumerConfig("recovery")));
      stream.foreachRDD((rdd, time) -> {
        List<ConsumerRecord<String, String>> records = rdd.collect();
        if (outputFails.get()) {
          throw new IllegalStateException("the output's target is down");
        }
        List<String> values = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
          stored.merge(record.partition() + "@" + record.offset() + "=" + record.value(), 1, Integer::sum);
          values.add(record.value());
        }
        batches.put(time.milliseconds(), values);
      });
      t.recoverFrom(checkpoints.toUri().toString());
    }

    Map<Long, List<String>> sortedBatches() {
      return new TreeMap<>(batches);
    }
  }

  @Test
  void aBatchLeftUnfinishedRunsAgainAfterARestartOverExactlyItsRecords() {
    kafka().createTopic("unfinished", 1);
    Run first = new Run("unfinished");
    kafka().produce("unfinished", 0, List.of("a", "b"));
    first.t.runBatches(1);
    kafka().produce("unfinished", 0, List.of("c"));
    first.outputFails.set(true);
    assertThatThrownBy(() -> first.t.runBatches(1)).isInstanceOf(JobFailedException.class);
    first.t.close();
    // Written while the program was down: after batch 2's range was decided, so batch 2's rerun must not take it.
    kafka().produce("unfinished", 0, List.of("d"));

    Run second = new Run("unfinished");
    second.t.runBatches(1);

    assertThat(first.sortedBatches()).containsExactly(Map.entry(1_000L, List.of("a", "b")));
    assertThat(second.sortedBatches()).containsExactly(
        Map.entry(2_000L, List.of("c")), Map.entry(3_000L, List.of("d")));
    assertThat(stored).containsOnlyKeys("0@0=a", "0@1=b", "0@2=c", "0@3=d").allSatisfy((record, times) ->
        assertThat(times).as("times %s was stored", record).isEqualTo(1));
  }

  @Test
  void afterACleanStopTheNextRunGoesOnWhereTheLastBatchEnded() {
    kafka().createTopic("stopped", 2);
    Run first = new Run("stopped");
    kafka().produce("stopped", 0, List.of("a"));
    kafka().produce("stopped", 1, List.of("b"));
    first.t.runBatches(2);
    first.t.close();
    kafka().produce("stopped", 1, List.of("c"));

    Run second = new Run("stopped");
    second.t.runBatches(1);

    assertThat(first.sortedBatches()).containsExactly(Map.entry(1_000L, List.of("a", "b")),
        Map.entry(2_000L, List.of()));
    assertThat(second.sortedBatches()).containsExactly(Map.entry(3_000L, List.of("c")));
    assertThat(stored.values()).containsOnly(1);
  }

  /** A run of a program that counts each value since its first run: its counts after each batch. */
  private List<Map<String, Integer>> runningCounts(String topic) {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
    runs.add(t);
    t.context().checkpoint(checkpoints.toUri().toString());
    List<Map<String, Integer>> counts = new CopyOnWriteArrayList<>();
    KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
            ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafka().consumerConfig(null)))
        .mapToPair(record -> new Tuple2<>(record.value(), 1))
        .updateStateByKey((List<Integer> ones, Optional<Integer> count) -> Optional.of(count.orElse(0) + ones.size()))
        .foreachRDD(rdd -> counts.add(PairRDD.fromRDD(rdd).collectAsMap()));
    t.recoverFrom(checkpoints.toUri().toString());
    return counts;
  }

  @Test
  void aRestartBringsTheStateForwardOverTheCompletedBatchesSinceItsLastSnapshot() {
    kafka().createTopic("counted-from-start", 1);
    List<Map<String, Integer>> first = runningCounts("counted-from-start");
    for (int batch = 0; batch < 4; batch++) {
      kafka().produce("counted-from-start", 0, List.of("a", "b"));
      runs.get(runs.size() - 1).runBatches(1);
    }
    runs.get(runs.size() - 1).close();
    kafka().produce("counted-from-start", 0, List.of("a"));

    List<Map<String, Integer>> second = runningCounts("counted-from-start");
    runs.get(runs.size() - 1).runBatches(1);

    assertThat(first.get(3)).isEqualTo(Map.of("a", 4, "b", 4));
    assertThat(second.get(second.size() - 1)).as("no snapshot was written yet (every 10 s): the state after the "
        + "restart is recomputed from the four completed batches").isEqualTo(Map.of("a", 5, "b", 4));
  }

  /** A run of a running count of each value (mapWithState, a snapshot every 3 batches), recovered if it can be. */
  private final class CountingRun {
    final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
    final CollectedOutput<String> counts;

    CountingRun(String topic) {
      runs.add(t);
      counts = t.collect(KafkaUtils.createDirectStream(t.context(), LocationStrategies.PreferConsistent(),
              ConsumerStrategies.<String, String>Subscribe(List.of(topic), kafka().consumerConfig(null)))
          .mapToPair(record -> new Tuple2<>(record.value(), 1))
          .mapWithState(StateSpec.function((String value, Optional<Integer> one, State<Integer> count) -> {
            count.update(count.getOption().orElse(0) + one.orElse(0));
            return value + "=" + count.get();
          })).checkpoint(Durations.seconds(3)).name("counts"));
      t.recoverFrom(checkpoints.toUri().toString());
    }
  }

  @Test
  void aStateRestoredFromASnapshotOlderThanTheLastBatchIsComputedAgainFromTheRangesOfTheBatchesAfterIt() {
    kafka().createTopic("counted", 1);
    CountingRun first = new CountingRun("counted");
    for (int batch = 1; batch <= 5; batch++) {
      kafka().produce("counted", 0, List.of("a"));
      first.t.runBatches(1);
    }
    first.t.close();
    kafka().produce("counted", 0, List.of("a"));

    CountingRun second = new CountingRun("counted");
    second.t.runBatches(1);

    assertThat(first.counts.batches()).containsExactly(List.of("a=1"), List.of("a=2"), List.of("a=3"),
        List.of("a=4"), List.of("a=5"));
    assertThat(second.counts.batches()).as("the count of batch 6, on the snapshot of batch 3 and batches 4 and 5 "
        + "computed again").containsExactly(List.of("a=6"));
  }
}
