package io.dstream;

import static io.dstream.StateTestSupport.runningState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.InjectedFaults;
import io.dstream.function.Function2;
import io.dstream.internal.stream.SnapshottingStream;
import io.dstream.internal.stream.StatefulStreamNode;
import io.dstream.internal.stream.StreamNode;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stateful streams need a checkpoint directory, write a snapshot of their state there every checkpoint
 * interval (keeping the newest few), and a new context with the same pipeline continues from a snapshot
 * restored into it.
 */
class StateCheckpointTest {
  private static final Function2<List<Integer>, Optional<Integer>, Optional<Integer>> RUNNING_SUM =
      (values, sum) -> Optional.of(StateTestSupport.sum(values, sum.orElse(null)));
  private static final StateSpec<Integer, Integer, Integer, Integer> MAPPED_SUM = StateSpec.function(
      (Integer key, Optional<Integer> value, State<Integer> state) -> {
        state.update(value.orElse(0) + state.getOption().orElse(0));
        return state.get();
      });

  private final List<TestStreamingContext> contexts = new ArrayList<>();
  private final InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();
  private final String checkpointDir = fs.toUri("/checkpoints").toString();

  @AfterEach
  void closeContextsAndDiscardFiles() {
    contexts.forEach(TestStreamingContext::close);
    fs.discard();
  }

  private TestStreamingContext newContext(StreamingConf conf) {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf);
    contexts.add(t);
    return t;
  }

  private TestStreamingContext newContext() {
    return newContext(new StreamingConf());
  }

  private List<Long> snapshotTimes(SnapshottingStream stream) throws IOException {
    String dir = "/checkpoints/state/" + ((StreamNode<?>) stream).stableKey();
    return fs.list(dir).stream().filter(name -> name.startsWith("checkpoint-"))
        .map(name -> Long.parseLong(name.substring("checkpoint-".length()))).sorted().toList();
  }

  private static SnapshottingStream stateOf(PairDStream<?, ?> stream) {
    return (SnapshottingStream) stream.node;
  }

  @Test
  void startingUpdateStateByKeyWithoutACheckpointDirectoryIsRefusedNamingTheStream() {
    TestStreamingContext t = newContext();
    t.collect(t.pairInputStream(List.of(List.of(new Tuple2<>(1, 1)))).updateStateByKey(RUNNING_SUM));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("updateStateByKey at StateCheckpointTest.java:")
        .hasMessageContaining("needs a checkpoint directory")
        .hasMessageContaining("call ssc.checkpoint(directory) before start()");
  }

  @Test
  void startingMapWithStateWithoutACheckpointDirectoryIsRefusedNamingTheStream() {
    TestStreamingContext t = newContext();
    t.collect(t.pairInputStream(List.of(List.of(new Tuple2<>(1, 1)))).mapWithState(MAPPED_SUM));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mapWithState at StateCheckpointTest.java:")
        .hasMessageContaining("call ssc.checkpoint(directory) before start()");
  }

  @Test
  void theCheckpointDirectoryMayBeSetAfterTheStatefulStreamIsDefined() {
    TestStreamingContext t = newContext();
    CollectedOutput<Tuple2<Integer, Integer>> out =
        t.collect(t.pairInputStream(List.of(List.of(new Tuple2<>(1, 1)))).updateStateByKey(RUNNING_SUM));
    t.context().checkpoint(checkpointDir);

    t.runBatches(1);

    assertThat(out.batches()).containsExactly(List.of(new Tuple2<>(1, 1)));
  }

  @Test
  void aSnapshotIsWrittenEveryCheckpointIntervalAndOnlyTheNewestAreKept() throws IOException {
    TestStreamingContext t = newContext(new StreamingConf().set("dstream.checkpoint.retained", "2"));
    t.context().checkpoint(checkpointDir);
    PairDStream<Integer, Integer> byKey = t.pairInputStream(TestData.randomPairs(601, 9, 10, 0, 5))
        .updateStateByKey(RUNNING_SUM).checkpoint(Durations.seconds(2));
    MapWithStateDStream<Integer, Integer, Integer, Integer> mapped = t.pairInputStream(
        TestData.randomPairs(602, 9, 10, 0, 5)).mapWithState(MAPPED_SUM).checkpoint(Durations.seconds(3));
    t.collect(byKey);
    t.collect(mapped);

    t.runBatches(1);
    assertThat(stateOf(byKey).latestSnapshotTime()).isEmpty();
    t.runBatches(8);

    assertThat(snapshotTimes(stateOf(byKey))).containsExactly(6000L, 8000L);
    assertThat(stateOf(byKey).latestSnapshotTime()).contains(new Time(8000));
    assertThat(snapshotTimes(mapped.stateNode())).containsExactly(6000L, 9000L);
    assertThat(mapped.stateNode().latestSnapshotTime()).contains(new Time(9000));
  }

  @Test
  void aSnapshotIsWrittenEvenWhenNoOutputReadsTheStateAtTheCheckpointTime() throws IOException {
    TestStreamingContext t = newContext();
    t.context().checkpoint(checkpointDir);
    PairDStream<Integer, Integer> state = t.pairInputStream(TestData.randomPairs(607, 4, 5, 0, 5))
        .updateStateByKey(RUNNING_SUM).checkpoint(Durations.seconds(3));
    // The only output reads the state every 2 s, so no job reads the state of 3 s.
    t.collect(state.window(Durations.seconds(2), Durations.seconds(2)));

    t.runBatches(4);

    assertThat(stateOf(state).latestSnapshotTime()).contains(new Time(3000));
    assertThat(snapshotTimes(stateOf(state))).containsExactly(3000L);
  }

  @Test
  void statefulStreamsAreCheckpointedByDefaultEveryMultipleOfTheirSlideOfAtLeastTenSeconds() {
    TestStreamingContext t = newContext();
    t.context().checkpoint(checkpointDir);
    PairDStream<Integer, Integer> in = t.pairInputStream(TestData.randomPairs(603, 1, 5, 0, 5));
    PairDStream<Integer, Integer> everySecond = in.updateStateByKey(RUNNING_SUM);
    PairDStream<Integer, Integer> everyThree = in.window(Durations.seconds(3), Durations.seconds(3))
        .updateStateByKey(RUNNING_SUM);
    MapWithStateDStream<Integer, Integer, Integer, Integer> mapped = in.mapWithState(MAPPED_SUM);
    List.of(everySecond, everyThree, mapped).forEach(t::collect);

    t.runBatches(0);

    assertThat(everySecond.node.checkpointInterval()).isEqualTo(Durations.seconds(10));
    assertThat(everyThree.node.checkpointInterval()).isEqualTo(Durations.seconds(12));
    assertThat(mapped.stateNode().checkpointInterval()).isEqualTo(Durations.seconds(10));
  }

  @Test
  void aNewContextContinuesUpdateStateByKeyFromARestoredSnapshot() throws IOException {
    List<List<Tuple2<Integer, Integer>>> before = TestData.randomPairs(604, 6, 12, 0, 10);
    List<List<Tuple2<Integer, Integer>>> after = TestData.randomPairs(605, 3, 12, 0, 10);
    TestStreamingContext first = newContext();
    first.context().checkpoint(checkpointDir);
    first.collect(first.pairInputStream(before).updateStateByKey(RUNNING_SUM).checkpoint(Durations.seconds(2)));
    first.runBatches(before.size());
    first.close();

    // The same pipeline, with another number of partitions: the snapshot's keys are placed anew.
    TestStreamingContext second = newContext();
    second.context().checkpoint(checkpointDir);
    PairDStream<Integer, Integer> state = second.pairInputStream(after).updateStateByKey(RUNNING_SUM, 3)
        .checkpoint(Durations.seconds(2));
    CollectedOutput<Tuple2<Integer, Integer>> out = second.collect(state);
    stateOf(state).restoreSnapshot(new Time(4000));
    second.clock().setTime(4000);
    second.runBatches(after.size());

    List<List<Tuple2<Integer, Integer>>> replayed = new ArrayList<>(before.subList(0, 4));
    replayed.addAll(after);
    List<Map<Integer, Integer>> expected = runningState(replayed, Map.of(), StateTestSupport::sum);
    assertThat(out.batches().stream().map(TestData::asMap).toList()).isEqualTo(expected.subList(4, 7));
    assertThat(stateOf(state).latestSnapshotTime()).contains(new Time(6000));
  }

  /** Sums each key's values, and says so when a key idle for over three seconds times out. */
  private static MapWithStateDStream<String, Integer, Integer, String> timingOutSums(TestStreamingContext t,
      List<List<Tuple2<String, Integer>>> input) {
    return t.pairInputStream(input).mapWithState(StateSpec.function(
        (String key, Optional<Integer> value, State<Integer> state) -> {
          if (state.isTimingOut()) {
            return key + " timed out with " + state.get();
          }
          state.update(value.get() + state.getOption().orElse(0));
          return key + "=" + state.get();
        }).timeout(Durations.seconds(3))).checkpoint(Durations.seconds(3));
  }

  @Test
  void aNewContextContinuesMapWithStateFromARestoredSnapshotWithItsUpdateTimes() throws IOException {
    TestStreamingContext first = newContext();
    first.context().checkpoint(checkpointDir);
    first.collect(timingOutSums(first, List.of(List.of(new Tuple2<>("old", 1)), List.of(new Tuple2<>("busy", 1)),
        List.of(new Tuple2<>("busy", 2)))));
    first.runBatches(3);
    first.close();

    TestStreamingContext second = newContext();
    second.context().checkpoint(checkpointDir);
    MapWithStateDStream<String, Integer, Integer, String> mapped =
        timingOutSums(second, List.of(List.of(new Tuple2<>("busy", 3))));
    CollectedOutput<String> out = second.collect(mapped);
    mapped.stateNode().restoreSnapshot(new Time(3000));
    second.clock().setTime(3000);
    second.runBatches(2);

    // "old" was last updated at 1 s in the first context, so it is idle for 4 s at 5 s.
    assertThat(out.batches()).containsExactly(List.of("busy=6"), List.of("old timed out with 1"));
  }

  @Test
  void aRestoredSnapshotServesTheNextStateEvenWhenNoOutputReadsItInTheFirstBatch() throws IOException {
    List<List<Tuple2<Integer, Integer>>> before = TestData.randomPairs(608, 4, 8, 0, 6);
    List<List<Tuple2<Integer, Integer>>> after = TestData.randomPairs(609, 4, 8, 0, 6);
    TestStreamingContext first = newContext();
    first.context().checkpoint(checkpointDir);
    first.collect(first.pairInputStream(before).updateStateByKey(RUNNING_SUM).checkpoint(Durations.seconds(2)));
    first.runBatches(before.size());
    first.close();

    TestStreamingContext second = newContext();
    second.context().checkpoint(checkpointDir);
    PairDStream<Integer, Integer> state = second.pairInputStream(after).updateStateByKey(RUNNING_SUM)
        .checkpoint(Durations.seconds(2));
    // Read every other batch only: nothing reads the state of the first batch after the restore when it runs.
    CollectedOutput<Tuple2<Integer, Integer>> out = second.collect(state.window(Durations.seconds(1),
        Durations.seconds(2)));
    stateOf(state).restoreSnapshot(new Time(4000));
    second.clock().setTime(4000);
    second.runBatches(4);

    List<List<Tuple2<Integer, Integer>>> replayed = new ArrayList<>(before);
    replayed.addAll(after);
    List<Map<Integer, Integer>> expected = runningState(replayed, Map.of(), StateTestSupport::sum);
    assertThat(out.batches().stream().map(TestData::asMap).toList()).containsExactly(expected.get(5),
        expected.get(7));
  }

  @Test
  void restoringATimeWithoutASnapshotFailsNamingTheDirectory() {
    TestStreamingContext t = newContext();
    t.context().checkpoint(checkpointDir);
    PairDStream<Integer, Integer> state = t.pairInputStream(List.<List<Tuple2<Integer, Integer>>>of())
        .updateStateByKey(RUNNING_SUM);

    assertThatThrownBy(() -> stateOf(state).restoreSnapshot(new Time(5000))).isInstanceOf(IOException.class)
        .hasMessageContaining("there is no state snapshot of time 5000 ms in " + checkpointDir + "/state/");
  }

  @Test
  void aSnapshotThatCannotBeWrittenIsLoggedAndTheNextCheckpointWritesAgain() throws IOException {
    TestStreamingContext t = newContext();
    t.context().checkpoint(checkpointDir);
    PairDStream<Integer, Integer> state = t.pairInputStream(TestData.randomPairs(606, 4, 5, 0, 5))
        .updateStateByKey(RUNNING_SUM).checkpoint(Durations.seconds(2));
    t.collect(state);

    t.runBatches(1);
    try (CapturedLog log = CapturedLog.of(StatefulStreamNode.class.getName())) {
      InjectedFaults.into(fs).fail(InMemoryFileSystem.Operation.CREATE);
      t.runBatches(1);
      InjectedFaults.into(fs).clear();

      assertThat(log.messagesStartingWith("Could not write the state snapshot of updateStateByKey"))
          .singleElement().asString()
          .contains("for 2000 ms to " + checkpointDir + "/state/")
          .contains("the latest snapshot stays none");
      assertThat(stateOf(state).latestSnapshotTime()).isEmpty();
    }
    t.runBatches(2);

    assertThat(stateOf(state).latestSnapshotTime()).contains(new Time(4000));
    assertThat(snapshotTimes(stateOf(state))).containsExactly(4000L);
  }
}
