package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.function.Function2;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Recovery of stateful streams through {@link TestStreamingContext#recoverFrom} (the code of
 * {@code getOrCreate}): a run counts the words of new files with {@code updateStateByKey} and
 * {@code mapWithState}, stops, and a new run of the same program continues the counts from the state's
 * latest snapshot (the files before it may be gone), computing the state of the batches after it again from
 * the files they took.
 */
class StateRecoveryTest {
  private static final Function2<List<Integer>, Optional<Integer>, Optional<Integer>> RUNNING_SUM =
      (ones, sum) -> Optional.of(StateTestSupport.sum(ones, sum.orElse(null)));

  private final MemoryInputDirectory input = new MemoryInputDirectory();
  private final String checkpoints = input.uri("/checkpoints");
  private final List<TestStreamingContext> runs = new ArrayList<>();

  @AfterEach
  void close() {
    runs.forEach(TestStreamingContext::close);
    input.close();
  }

  /** One run of the program: each batch's word counts so far, by batch time, from both state operations. */
  private final class Run {
    final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
    final Map<Long, Map<String, Integer>> updated = new ConcurrentHashMap<>();
    final Map<Long, Map<String, Integer>> mapped = new ConcurrentHashMap<>();

    Run() {
      runs.add(t);
      PairDStream<String, Integer> pairs = t.context().textFileStream(input.uri())
          .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
          .mapToPair(word -> new Tuple2<>(word, 1));
      pairs.updateStateByKey(RUNNING_SUM).checkpoint(Durations.seconds(2)).name("counts")
          .foreachRDD((rdd, time) -> updated.put(time.milliseconds(), TestData.asMap(rdd.collect())));
      pairs.mapWithState(StateSpec.function((String word, Optional<Integer> one, State<Integer> count) -> {
        count.update(one.orElse(0) + count.getOption().orElse(0));
        return word;
      })).checkpoint(Durations.seconds(2)).name("seen").stateSnapshots()
          .foreachRDD((rdd, time) -> mapped.put(time.milliseconds(), TestData.asMap(rdd.collect())));
    }
  }

  @Test
  void aRestartContinuesTheCountsFromTheLatestSnapshotAndRunsTheBatchesAfterItAgain() throws Exception {
    Run first = new Run();
    first.t.recoverFrom(checkpoints);
    input.put("f1", 500, "a b");
    input.put("f2", 1_500, "a");
    input.put("f3", 2_500, "b c");
    first.t.runBatches(3);
    first.t.close();
    // The snapshot of 2 s holds what the first two files brought: a restart that needed them would fail.
    input.fileSystem().delete("/in/f1");
    input.fileSystem().delete("/in/f2");
    input.put("f4", 3_500, "a");

    Run second = new Run();
    assertThat(second.t.recoverFrom(checkpoints)).isTrue();
    second.t.runBatches(1);

    Map<String, Integer> expected = new TreeMap<>(Map.of("a", 3, "b", 2, "c", 1));
    assertThat(first.updated.get(3_000L)).isEqualTo(Map.of("a", 2, "b", 2, "c", 1));
    assertThat(second.updated.get(4_000L)).isEqualTo(expected);
    assertThat(second.mapped.get(4_000L)).isEqualTo(expected);
  }

  @Test
  void aCheckpointDirectoryDeletedWhileRunningIsCreatedAgainAndTheNextRestartRecoversFromIt() throws Exception {
    try (CapturedLog stores = CapturedLog.of("io.dstream.checkpoint.internal.store.CheckpointStore");
        CapturedLog writer = CapturedLog.of("io.dstream.internal.checkpoint.CheckpointWriter")) {
      Run first = new Run();
      first.t.recoverFrom(checkpoints);
      input.put("f1", 500, "a b");
      input.put("f2", 1_500, "a");
      first.t.runBatches(2);
      input.deleteTree("/checkpoints");
      input.put("f3", 2_500, "b c");
      input.put("f4", 3_500, "a");
      first.t.runBatches(2);
      first.t.close();

      assertThat(stores.messagesStartingWith("The checkpoint directory ")).as("one for each directory created again")
          .containsExactlyInAnyOrder(
              "The checkpoint directory " + checkpoints + "/metadata was deleted while the application ran; created "
                  + "it again to write checkpoint-3000. The checkpoints it held before are lost",
              "The checkpoint directory " + checkpoints + "/state/counts was deleted while the application ran; "
                  + "created it again to write checkpoint-4000. The checkpoints it held before are lost",
              "The checkpoint directory " + checkpoints + "/state/seen.state was deleted while the application ran; "
                  + "created it again to write checkpoint-4000. The checkpoints it held before are lost");
      assertThat(writer.messagesStartingWith("")).as("no failed checkpoint").isEmpty();
    }
    input.put("f5", 4_500, "c");
    Run second = new Run();
    assertThat(second.t.recoverFrom(checkpoints)).as("a checkpoint to recover from").isTrue();
    second.t.runBatches(1);

    Map<String, Integer> expected = new TreeMap<>(Map.of("a", 3, "b", 2, "c", 2));
    assertThat(second.updated.get(5_000L)).isEqualTo(expected);
    assertThat(second.mapped.get(5_000L)).isEqualTo(expected);
  }

  @Test
  void theBatchesAfterASnapshotOlderThanTheFileStreamsWindowAreComputedAgainFromTheFilesTheyTook() {
    Map<Long, Map<String, Integer>> counts = new ConcurrentHashMap<>();
    TestStreamingContext first = countingWithRareSnapshots(counts);
    first.recoverFrom(checkpoints);
    for (int batch = 1; batch <= 9; batch++) {
      input.put("f" + batch, batch * 1_000L - 500, "a");
      first.runBatches(1);
    }
    first.close();
    input.put("f10", 9_500, "a");

    TestStreamingContext second = countingWithRareSnapshots(counts);
    assertThat(second.recoverFrom(checkpoints)).isTrue();
    second.runBatches(1);

    assertThat(counts.get(9_000L)).isEqualTo(Map.of("a", 9));
    assertThat(counts.get(10_000L)).as("the count on the snapshot of 5 s and batches 6 to 9 computed again, "
        + "although the file stream's window of 2 s no longer covers batch 6").isEqualTo(Map.of("a", 10));
  }

  /** A run of running word counts snapshotted every 5 s, over a file stream whose window is 2 s. */
  private TestStreamingContext countingWithRareSnapshots(Map<Long, Map<String, Integer>> counts) {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.fileStream.minRememberDuration", "2s"));
    runs.add(t);
    t.context().textFileStream(input.uri()).mapToPair(word -> new Tuple2<>(word, 1))
        .updateStateByKey(RUNNING_SUM).checkpoint(Durations.seconds(5)).name("counts")
        .foreachRDD((rdd, time) -> counts.put(time.milliseconds(), TestData.asMap(rdd.collect())));
    return t;
  }

  /** Runs four batches of one file each, leaving snapshots of 2 and 4 s and metadata checkpoints of 2 to 4 s. */
  private void runFourBatches() {
    Run first = new Run();
    first.t.recoverFrom(checkpoints);
    input.put("f1", 500, "a b");
    input.put("f2", 1_500, "a");
    input.put("f3", 2_500, "b c");
    input.put("f4", 3_500, "a");
    first.t.runBatches(4);
    first.t.close();
  }

  private void damage(String file) throws IOException {
    byte[] bytes = input.fileSystem().readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x5A;
    input.fileSystem().writeAtomically(file, bytes);
  }

  @Test
  void aDamagedSnapshotMakesRecoveryFallBackToTheNewestCheckpointWhoseSnapshotsAreIntact() throws Exception {
    runFourBatches();
    damage("/checkpoints/state/counts/checkpoint-4000");
    input.put("f5", 4_500, "c");

    Run second = new Run();
    try (CapturedLog log = CapturedLog.of("io.dstream.checkpoint.internal.store.CheckpointStore")) {
      assertThat(second.t.recoverFrom(checkpoints)).isTrue();
      assertThat(log.messagesStartingWith("Skipping")).singleElement().asString()
          .startsWith("Skipping the checkpoint " + checkpoints + "/metadata/checkpoint-4000: the state snapshot of "
              + "4000 ms of stream 'counts' that it needs cannot be used (the checkpoint " + checkpoints
              + "/state/counts/checkpoint-4000 is damaged")
          .endsWith("falling back to an older checkpoint");
    }
    second.t.runBatches(2);

    assertThat(second.updated.get(4_000L)).isEqualTo(Map.of("a", 3, "b", 2, "c", 1));
    assertThat(second.updated.get(5_000L)).isEqualTo(Map.of("a", 3, "b", 2, "c", 2));
    assertThat(second.mapped.get(5_000L)).isEqualTo(Map.of("a", 3, "b", 2, "c", 2));
  }

  @Test
  void whenNoCheckpointHasIntactSnapshotsRecoveryFailsBeforeStartNamingEach() {
    runFourBatches();
    input.deleteTree("/checkpoints/state/counts");

    Run second = new Run();
    assertThatThrownBy(() -> second.t.recoverFrom(checkpoints))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("none is intact and usable")
        .hasMessageContaining("checkpoint-4000 (the state snapshot of 4000 ms of stream 'counts' that it needs cannot "
            + "be used (there is no state snapshot of time 4000 ms in " + checkpoints + "/state/counts")
        .hasMessageContaining("checkpoint-2000 (the state snapshot of 2000 ms of stream 'counts' that it needs cannot "
            + "be used (there is no state snapshot of time 2000 ms");
  }

  @Test
  void snapshotsAreStoredUnderTheStreamsNames() throws Exception {
    Run run = new Run();
    run.t.recoverFrom(checkpoints);
    input.put("f1", 500, "a");
    run.t.runBatches(2);

    assertThat(input.fileSystem().list("/checkpoints/state")).containsExactlyInAnyOrder("counts", "seen.state");
  }
}
