package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.InjectedFaults;
import io.dstream.checkpoint.internal.store.CheckpointStore;
import io.dstream.internal.EngineKryoRegistrator;
import io.dstream.internal.checkpoint.GraphFingerprint;
import io.dstream.internal.checkpoint.MetadataCheckpoint;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.FileStreamProgress;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the metadata checkpoint holds, when it is written, and what becomes of it when the context stops
 * gracefully, stops at once, or cannot write.
 */
class MetadataCheckpointTest {
  private final MemoryInputDirectory input = new MemoryInputDirectory();
  private final String checkpoints = input.uri("/checkpoints");
  private final List<TestStreamingContext> runs = new ArrayList<>();

  @AfterEach
  void close() {
    runs.forEach(TestStreamingContext::close);
    input.close();
  }

  private TestStreamingContext newRun(StreamingConf conf) {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf);
    runs.add(t);
    return t;
  }

  private TestStreamingContext newRun() {
    return newRun(new StreamingConf());
  }

  private MetadataCheckpoint latest() throws IOException {
    return new CheckpointStore(FileSystems.resolve(checkpoints + "/metadata")).readLatest().orElseThrow()
        .value(EngineKryoRegistrator.defaultSerializer());
  }

  private List<Long> checkpointTimes() throws IOException {
    return new CheckpointStore(FileSystems.resolve(checkpoints + "/metadata")).times();
  }

  @Test
  void itHoldsTheScheduleTheGraphTheConfigurationAndTheFilesEachBatchTookAsItTookThem() throws IOException {
    TestStreamingContext t = newRun(new StreamingConf().setAppName("orders"));
    t.context().textFileStream(input.uri()).name("orders").count().print();
    t.context().checkpoint(checkpoints);
    input.put("a", 500, "a");
    input.put("b", 1_500, "b");
    t.runBatches(2);

    MetadataCheckpoint checkpoint = latest();
    assertThat(checkpoint.formatVersion()).isEqualTo(MetadataCheckpoint.FORMAT_VERSION);
    assertThat(checkpoint.batchDurationMs()).isEqualTo(1_000);
    assertThat(checkpoint.zeroTimeMs()).isZero();
    assertThat(checkpoint.lastGeneratedTimeMs()).isEqualTo(2_000);
    assertThat(checkpoint.unfinishedTimesMs()).isEmpty();
    assertThat(checkpoint.configuration()).containsEntry("dstream.app.name", "orders");
    assertThat(checkpoint.graph().streams().get(0))
        .isEqualTo(new GraphFingerprint.Stream("orders", "fileStream", List.of(),
            Map.of("directory", input.uri(), "newFilesOnly", "true")));
    assertThat(checkpoint.graph().streams()).last().extracting(GraphFingerprint.Stream::operation)
        .isEqualTo("print");
    assertThat(checkpoint.inputProgress()).containsOnlyKeys("orders");
    assertThat(((FileStreamProgress) checkpoint.inputProgress().get("orders")).batches()).containsExactly(
        new FileStreamProgress.BatchFiles(1_000, List.of(new FileStreamProgress.TakenFile("a", 2, 500))),
        new FileStreamProgress.BatchFiles(2_000, List.of(new FileStreamProgress.TakenFile("b", 2, 1_500))));
  }

  @Test
  void onlyTheRetainedNumberOfCheckpointsIsKept() throws IOException {
    TestStreamingContext t = newRun(new StreamingConf().set("dstream.checkpoint.retained", "2"));
    t.context().textFileStream(input.uri()).print();
    t.context().checkpoint(checkpoints);
    t.runBatches(5);

    assertThat(checkpointTimes()).containsExactly(4_000L, 5_000L);
  }

  @Test
  void withoutACheckpointDirectoryNothingIsCheckpointed() throws IOException {
    TestStreamingContext t = newRun();
    t.context().textFileStream(input.uri()).print();
    t.runBatches(2);

    assertThat(t.context().runtime.checkpointer()).isEmpty();
    assertThat(input.fileSystem().exists("/checkpoints")).isFalse();
  }

  @Test
  void whenWritesFailTheBatchesGoOnAndTheFailureIsLoggedOnceUntilWritesWorkAgain() throws IOException {
    TestStreamingContext t = newRun();
    CollectedOutput<String> out = t.collect(t.context().textFileStream(input.uri()));
    t.context().checkpoint(checkpoints);
    t.runBatches(1);

    input.put("a", 1_500, "a");
    try (CapturedLog log = CapturedLog.of("io.dstream.internal.checkpoint.CheckpointWriter")) {
      InjectedFaults.into(input.fileSystem()).fail(InMemoryFileSystem.Operation.CREATE);
      t.runBatches(3);
      InjectedFaults.into(input.fileSystem()).clear();
      t.runBatches(1);

      assertThat(log.messagesStartingWith("Could not write the metadata checkpoint")).singleElement().asString()
          .contains("of batch 2000").contains("the application goes on");
      assertThat(log.messagesStartingWith("Metadata checkpoints are written again")).hasSize(1);
    }
    assertThat(out.batches()).hasSize(5);
    assertThat(out.batches().get(1)).containsExactly("a");
    assertThat(checkpointTimes()).containsExactly(0L, 1_000L, 5_000L);
  }

  @Test
  void theStartIsCheckpointedBeforeTheFirstBatchSoARunThatDiesEarlyIsRecovered() throws IOException {
    TestStreamingContext first = newRun();
    first.collect(first.context().textFileStream(input.uri()));
    first.context().checkpoint(checkpoints);
    first.runBatches(0);
    assertThat(latest().lastGeneratedTimeMs()).isZero();
    first.close();
    input.put("a", 500, "a");
    input.put("b", 1_500, "b");

    TestStreamingContext second = newRun();
    CollectedOutput<String> out = second.collect(second.context().textFileStream(input.uri()));
    second.recoverFrom(checkpoints);
    second.clock().setTime(2_500);
    second.runBatches(0);

    assertThat(out.batches()).containsExactly(List.of("a"), List.of("b"));
  }

  /** A run of the program of the fresh-start tests: the files of a directory, collected. */
  private CollectedOutput<String> collectFiles(TestStreamingContext t) {
    return t.collect(t.context().textFileStream(input.uri()));
  }

  /** Runs the program for five batches, leaving the checkpoints of 3, 4 and 5 s, and stops. */
  private void leaveCheckpointsOfFiveBatches() throws IOException {
    TestStreamingContext earlier = newRun();
    collectFiles(earlier);
    earlier.context().checkpoint(checkpoints);
    earlier.runBatches(5);
    earlier.close();
    assertThat(checkpointTimes()).containsExactly(3_000L, 4_000L, 5_000L);
  }

  @Test
  void aFreshStartDeletesTheCheckpointsOfAnEarlierRunSoRecoveryRestoresTheNewRunEvenIfItsTimesAreEarlier()
      throws IOException {
    leaveCheckpointsOfFiveBatches();
    input.put("a", 500, "a");

    // The fresh run's clock starts at 0 again: all its batch times are before the earlier run's.
    try (CapturedLog log = CapturedLog.of("io.dstream.internal.checkpoint.MetadataCheckpointer")) {
      TestStreamingContext fresh = newRun();
      CollectedOutput<String> freshOut = collectFiles(fresh);
      fresh.context().checkpoint(checkpoints);
      fresh.runBatches(2);
      fresh.close();

      assertThat(freshOut.batches()).containsExactly(List.of("a"), List.of());
      assertThat(log.messagesStartingWith("Deleted 3 metadata checkpoints that an earlier run left in "
          + checkpoints + "/metadata")).hasSize(1);
    }
    assertThat(checkpointTimes()).containsExactly(0L, 1_000L, 2_000L);
    input.put("b", 2_500, "b");

    TestStreamingContext recovered = newRun();
    CollectedOutput<String> out = collectFiles(recovered);
    assertThat(recovered.recoverFrom(checkpoints)).isTrue();
    recovered.runBatches(1);

    assertThat(recovered.context().runtime.recoveredSchedule().orElseThrow().lastGeneratedTime())
        .isEqualTo(new Time(2_000));
    // The fresh run's progress is restored: "a" was taken at 1 s and is not taken again.
    assertThat(out.batches()).containsExactly(List.of("b"));
  }

  @Test
  void aFreshStartThatCannotDeleteAnEarlierRunsCheckpointsFailsNamingTheDirectory() throws IOException {
    leaveCheckpointsOfFiveBatches();
    TestStreamingContext fresh = newRun();
    collectFiles(fresh);
    fresh.context().checkpoint(checkpoints);
    InjectedFaults.into(input.fileSystem()).fail(InMemoryFileSystem.Operation.DELETE);

    assertThatThrownBy(() -> fresh.runBatches(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot delete the metadata checkpoints that an earlier run left in "
            + checkpoints + "/metadata")
        .hasMessageContaining("a later recovery would restore that run instead of this one")
        .hasMessageContaining("Make the checkpoint directory writable, or choose another one");
    assertThat(fresh.context().getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void aCheckpointDirectoryThatBecameUnwritableBeforeTheStartFailsTheStartNamingIt() {
    TestStreamingContext t = newRun();
    t.context().textFileStream(input.uri()).print();
    t.context().checkpoint(checkpoints);
    InjectedFaults.into(input.fileSystem()).fail(InMemoryFileSystem.Operation.CREATE);

    assertThatThrownBy(() -> t.runBatches(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot write the first metadata checkpoint")
        .hasMessageContaining(checkpoints + "/metadata")
        .hasMessageContaining("make the checkpoint directory writable, or choose another one");
    assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void aGracefulStopCompletesTheDueBatchesAndCheckpointsThatTheyCompleted() throws IOException {
    TestStreamingContext t = newRun();
    t.context().textFileStream(input.uri()).print();
    t.context().checkpoint(checkpoints);
    t.runBatches(1);
    // Two more batches become due; the graceful stop runs them before it returns.
    t.clock().setTime(3_000);
    t.context().stop(true);

    MetadataCheckpoint checkpoint = latest();
    assertThat(checkpoint.lastGeneratedTimeMs()).isEqualTo(3_000);
    assertThat(checkpoint.unfinishedTimesMs()).isEmpty();
  }

  @Test
  void aBatchInterruptedByAnImmediateStopIsRunAgainByTheNextRun() throws Exception {
    CountDownLatch inBatchTwo = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    TestStreamingContext first = newRun();
    first.context().textFileStream(input.uri()).foreachRDD((rdd, time) -> {
      if (time.milliseconds() == 2_000) {
        inBatchTwo.countDown();
        never.await();
      }
    });
    first.context().checkpoint(checkpoints);
    first.runBatches(1);
    input.put("b", 1_500, "b");
    first.clock().setTime(2_000);
    assertThat(inBatchTwo.await(30, TimeUnit.SECONDS)).isTrue();
    first.close();

    TestStreamingContext second = newRun();
    CollectedOutput<String> out = second.collect(second.context().textFileStream(input.uri()));
    second.recoverFrom(checkpoints);
    second.runBatches(0);

    assertThat(latest().unfinishedTimesMs()).isEmpty();
    assertThat(out.batches()).containsExactly(List.of("b"));
  }

  @Test
  void theLatestSnapshotOfEachStatefulStreamIsRecordedAndRestoredBeforeTheFirstBatch() {
    TestStreamingContext first = newRun();
    DStream<String> lines = first.context().textFileStream(input.uri());
    SnapshotProbeStreamNode.over(lines).asStream(first.context()).name("state").print();
    first.context().checkpoint(checkpoints);
    first.runBatches(3);
    first.close();

    TestStreamingContext second = newRun();
    SnapshotProbeStreamNode<String> probe = SnapshotProbeStreamNode.over(second.context().textFileStream(input.uri()));
    probe.asStream(second.context()).name("state").print();
    second.recoverFrom(checkpoints);
    second.runBatches(0);

    assertThat(probe.restored).containsExactly(new Time(2_000));
  }

  @Test
  void aSnapshotThatCannotBeRestoredFailsTheStartNamingTheStreamAndWhatToDo() {
    TestStreamingContext first = newRun();
    SnapshotProbeStreamNode.over(first.context().textFileStream(input.uri())).asStream(first.context()).print();
    first.context().checkpoint(checkpoints);
    first.runBatches(2);
    first.close();

    TestStreamingContext second = newRun();
    IOException missing = new IOException("state/1/checkpoint-2000 does not exist");
    SnapshotProbeStreamNode.over(second.context().textFileStream(input.uri()), missing).asStream(second.context())
        .print();
    second.recoverFrom(checkpoints);

    assertThatThrownBy(() -> second.runBatches(1))
        .isInstanceOf(IllegalStateException.class)
        .hasCauseReference(missing)
        .hasMessageContaining("cannot restore the state of snapshotProbe[1] from its snapshot of 2000 ms")
        .hasMessageContaining("restore the snapshot files, or delete the checkpoint directory");
    assertThat(second.context().getState()).isEqualTo(StreamingContextState.STOPPED);
  }

  @Test
  void aStreamThatWritesNoSnapshotsHoldsNoBatchForRecovery() {
    TestStreamingContext run = newRun();
    DStream<String> lines = run.inputStream(List.of(List.of("a"), List.of("b"), List.of("c")));
    SnapshotProbeStreamNode<String> probe = SnapshotProbeStreamNode.over(lines);
    probe.asStream(run.context()).print();
    run.runBatches(1);
    DStreamGraph graph = run.context().runtime.graph();
    // The probe claims no snapshot before 2 s: a stream that writes snapshots needs every batch since the zero time.
    assertThat(graph.neededByRecovery(new Time(1_000), Set.of())).containsExactly(new Time(1_000));

    probe.writingNoSnapshots();

    assertThat(graph.neededByRecovery(new Time(1_000), Set.of())).isEmpty();
  }
}
