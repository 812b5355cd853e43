package io.dstream;

import static io.dstream.StateTestSupport.checkpointInMemory;
import static io.dstream.StateTestSupport.runningState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.PairRDD;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code mapWithState}: the mapping function runs once per new record with its key's state, its results
 * are the mapped stream, {@code stateSnapshots()} is the state; removal, the time-aware function form, the
 * initial state, partitioning, and the failures of the function and of misuse of {@link State}.
 */
@ExtendWith(TestStreamingContextExtension.class)
class MapWithStateTest {

  /** Adds each record's value to its key's sum and maps the record to (key, new sum). */
  private static final StateSpec<Integer, Integer, Integer, Tuple2<Integer, Integer>> RUNNING_SUM =
      StateSpec.function((Integer key, Optional<Integer> value, State<Integer> state) -> {
        int sum = value.orElse(0) + state.getOption().orElse(0);
        state.update(sum);
        return new Tuple2<>(key, sum);
      });

  /** The mapped records of each batch in plain Java: each record with its key's sum so far. */
  private static List<Map<Tuple2<Integer, Integer>, Long>> expectedRunningSums(
      List<List<Tuple2<Integer, Integer>>> batches) {
    Map<Integer, Integer> sums = new HashMap<>();
    List<Map<Tuple2<Integer, Integer>, Long>> expected = new ArrayList<>();
    for (List<Tuple2<Integer, Integer>> batch : batches) {
      List<Tuple2<Integer, Integer>> mapped = new ArrayList<>();
      for (Tuple2<Integer, Integer> record : batch) {
        mapped.add(new Tuple2<>(record._1(), sums.merge(record._1(), record._2(), Integer::sum)));
      }
      expected.add(TestData.multiset(mapped));
    }
    return expected;
  }

  private static List<List<String>> sortedBatches(CollectedOutput<String> out) {
    return out.batches().stream().map(batch -> batch.stream().sorted().toList()).toList();
  }

  private static <T> List<Map<T, Long>> asMultisets(CollectedOutput<T> out) {
    return out.batches().stream().map(TestData::multiset).toList();
  }

  @Test
  void eachRecordIsMappedWithItsKeysRunningSumAsPlainJavaComputesIt(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = TestData.thenEmpty(TestData.randomPairs(401, 12, 20, 0, 6), 2);
    checkpointInMemory(t);
    CollectedOutput<Tuple2<Integer, Integer>> out = t.collect(t.pairInputStream(input).mapWithState(RUNNING_SUM));

    t.runBatches(input.size());

    assertThat(asMultisets(out)).isEqualTo(expectedRunningSums(input));
  }

  @Test
  void onlyNewRecordsAreMappedWhileStateSnapshotsHoldEveryKey(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = TestData.thenEmpty(TestData.randomPairs(402, 10, 12, 0, 30), 2);
    checkpointInMemory(t);
    AtomicInteger calls = new AtomicInteger();
    List<Integer> callsPerBatch = Collections.synchronizedList(new ArrayList<>());
    MapWithStateDStream<Integer, Integer, Integer, Tuple2<Integer, Integer>> mapped = t.pairInputStream(input)
        .mapWithState(StateSpec.function((Integer key, Optional<Integer> value, State<Integer> state) -> {
          calls.incrementAndGet();
          int sum = value.orElse(0) + state.getOption().orElse(0);
          state.update(sum);
          return new Tuple2<>(key, sum);
        }));
    mapped.foreachRDD(rdd -> {
      rdd.count();
      callsPerBatch.add(calls.getAndSet(0));
    });
    CollectedOutput<Tuple2<Integer, Integer>> snapshots = t.collect(mapped.stateSnapshots());

    t.runBatches(input.size());

    assertThat(callsPerBatch).isEqualTo(input.stream().map(List::size).toList());
    assertThat(snapshots.batches().stream().map(TestData::asMap).toList())
        .isEqualTo(runningState(input, Map.of(), StateTestSupport::sum));
  }

  @Test
  void aRemovedStateIsGoneFromTheSnapshotsAndTheNextRecordOfItsKeyStartsAfresh(TestStreamingContext t) {
    // A value of 0 removes its key's state.
    List<List<Tuple2<String, Integer>>> input = List.of(
        List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2)),
        List.of(new Tuple2<>("a", 0)),
        List.of(new Tuple2<>("b", 3)),
        List.of(new Tuple2<>("a", 5)));
    checkpointInMemory(t);
    MapWithStateDStream<String, Integer, Integer, String> mapped = t.pairInputStream(input).mapWithState(
        StateSpec.function((String key, Optional<Integer> value, State<Integer> state) -> {
          if (value.orElse(0) == 0) {
            state.remove();
            return key + " removed, exists=" + state.exists();
          }
          String before = key + " had " + state.getOption().map(String::valueOf).orElse("nothing");
          state.update(value.get() + state.getOption().orElse(0));
          return before;
        }));
    CollectedOutput<String> out = t.collect(mapped);
    CollectedOutput<Tuple2<String, Integer>> snapshots = t.collect(mapped.stateSnapshots());

    t.runBatches(input.size());

    assertThat(sortedBatches(out)).containsExactly(List.of("a had nothing", "b had nothing"),
        List.of("a removed, exists=false"), List.of("b had 2"), List.of("a had nothing"));
    assertThat(snapshots.batches().stream().map(TestData::asMap).toList()).containsExactly(
        Map.of("a", 1, "b", 2), Map.of("b", 2), Map.of("b", 5), Map.of("a", 5, "b", 5));
  }

  @Test
  void theTimeAwareFormGetsTheBatchTimeAndMayMapARecordToNothing(TestStreamingContext t) {
    List<List<Tuple2<String, Integer>>> input = List.of(
        List.of(new Tuple2<>("x", 1), new Tuple2<>("y", 1)),
        List.of(new Tuple2<>("x", 1)),
        List.of(new Tuple2<>("y", 1)));
    checkpointInMemory(t);
    // Emits a key only the first time it is seen, with the time it was seen.
    CollectedOutput<String> firstSeen = t.collect(t.pairInputStream(input).mapWithState(
        StateSpec.function((Time time, String key, Optional<Integer> value, State<Boolean> seen) -> {
          if (seen.exists()) {
            return Optional.<String>empty();
          }
          seen.update(true);
          return Optional.of(key + "@" + time.milliseconds());
        })));

    t.runBatches(3);

    assertThat(sortedBatches(firstSeen)).containsExactly(List.of("x@1000", "y@1000"), List.of(), List.of());
  }

  @Test
  void theInitialStateIsWhatTheFirstRecordsOfItsKeysFind(TestStreamingContext t) {
    PairRDD<Integer, Integer> initial = t.context().parallelizePairs(
        List.of(new Tuple2<>(1, 100), new Tuple2<>(2, 200)), 3);
    List<List<Tuple2<Integer, Integer>>> input = List.of(List.of(new Tuple2<>(1, 1), new Tuple2<>(3, 3)), List.of());
    checkpointInMemory(t);
    MapWithStateDStream<Integer, Integer, Integer, Tuple2<Integer, Integer>> mapped =
        t.pairInputStream(input).mapWithState(RUNNING_SUM.initialState(initial));
    CollectedOutput<Tuple2<Integer, Integer>> out = t.collect(mapped);
    CollectedOutput<Tuple2<Integer, Integer>> snapshots = t.collect(mapped.stateSnapshots());

    t.runBatches(2);

    assertThat(asMultisets(out)).containsExactly(
        Map.of(new Tuple2<>(1, 101), 1L, new Tuple2<>(3, 3), 1L), Map.of());
    assertThat(snapshots.batches().stream().map(TestData::asMap).toList())
        .containsExactly(Map.of(1, 101, 2, 200, 3, 3), Map.of(1, 101, 2, 200, 3, 3));
  }

  @Test
  void theStateIsPlacedByTheSpecsNumberOfPartitionsOrPartitioner(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = TestData.randomPairs(403, 5, 20, -10, 25);
    checkpointInMemory(t);
    PairDStream<Integer, Integer> in = t.pairInputStream(input);
    PartitionedOutput<Tuple2<Integer, Integer>> byCount =
        PartitionedOutput.of(in.mapWithState(RUNNING_SUM.numPartitions(3)).stateSnapshots());
    ReversedModPartitioner custom = new ReversedModPartitioner(4);
    PartitionedOutput<Tuple2<Integer, Integer>> byPartitioner =
        PartitionedOutput.of(in.mapWithState(RUNNING_SUM.partitioner(custom)).stateSnapshots());
    PartitionedOutput<Tuple2<Integer, Integer>> byDefault =
        PartitionedOutput.of(in.mapWithState(RUNNING_SUM).stateSnapshots());

    t.runBatches(input.size());

    byCount.assertPlacedBy(new HashPartitioner(3));
    byPartitioner.assertPlacedBy(custom);
    byDefault.assertPlacedBy(new HashPartitioner(2)); // the test kit's local[2]
    List<Map<Integer, Integer>> expected = runningState(input, Map.of(), StateTestSupport::sum);
    for (PartitionedOutput<Tuple2<Integer, Integer>> out : List.of(byCount, byPartitioner, byDefault)) {
      assertThat(out.records().stream().map(TestData::asMap).toList()).isEqualTo(expected);
    }
  }

  @Test
  void aFailingMappingFunctionFailsTheBatchWithItsOwnException(TestStreamingContext t) {
    ArithmeticException boom = new ArithmeticException("cannot map 13");
    checkpointInMemory(t);
    t.collect(t.pairInputStream(List.of(List.of(new Tuple2<>("a", 1)), List.of(new Tuple2<>("a", 13))))
        .mapWithState(StateSpec.function((String key, Optional<Integer> value, State<Integer> state) -> {
          if (value.get() == 13) {
            throw boom;
          }
          return value.get();
        })));
    t.runBatches(1);

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class).hasCause(boom);
  }

  @Test
  void getWithoutAStateFailsTheBatchSayingToCheckExistsFirst(TestStreamingContext t) {
    checkpointInMemory(t);
    t.collect(t.pairInputStream(List.of(List.of(new Tuple2<>("fresh", 1))))
        .mapWithState(StateSpec.function((String key, Optional<Integer> value, State<Integer> state) -> state.get())));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("the key fresh has no state")
        .hasMessageContaining("check state.exists()");
  }

  @Test
  void updatingARemovedStateFailsTheBatchWithAnIllegalStateException(TestStreamingContext t) {
    checkpointInMemory(t);
    t.collect(t.pairInputStream(List.of(List.of(new Tuple2<>("k", 1))))
        .mapWithState(StateSpec.function((String key, Optional<Integer> value, State<Integer> state) -> {
          state.update(1);
          state.remove();
          state.update(2);
          return key;
        })));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot update the state of the key k after removing it");
  }

  @Test
  void theTimeAwareFormMustNotReturnNull(TestStreamingContext t) {
    checkpointInMemory(t);
    t.collect(t.pairInputStream(List.of(List.of(new Tuple2<>("k", 1)))).mapWithState(
        StateSpec.function((Time time, String key, Optional<Integer> value, State<Integer> state) -> null)));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned null for the key k at 1000 ms")
        .hasMessageContaining("return Optional.empty()");
  }

  @Test
  void checkpointOnTheMappedStreamSetsTheIntervalOfTheState(TestStreamingContext t) {
    checkpointInMemory(t);
    MapWithStateDStream<Integer, Integer, Integer, Tuple2<Integer, Integer>> mapped =
        t.pairInputStream(TestData.randomPairs(404, 2, 5, 0, 5)).mapWithState(RUNNING_SUM);
    MapWithStateDStream<Integer, Integer, Integer, Tuple2<Integer, Integer>> same =
        mapped.checkpoint(Durations.seconds(4));
    t.collect(mapped);

    t.runBatches(0);

    assertThat(same).isSameAs(mapped);
    assertThat(mapped.stateNode().checkpointInterval()).isEqualTo(Durations.seconds(4));
  }

  @Test
  void specSettersRefuseBadValuesAndLeaveTheOriginalSpecAlone() {
    assertThatThrownBy(() -> RUNNING_SUM.timeout(Durations.seconds(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout 0 ms is not positive");
    assertThatThrownBy(() -> RUNNING_SUM.numPartitions(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive, got 0");

    StateSpec<Integer, Integer, Integer, Tuple2<Integer, Integer>> withTimeout =
        RUNNING_SUM.timeout(Durations.seconds(5));

    assertThat(withTimeout.getTimeout()).contains(Durations.seconds(5));
    assertThat(RUNNING_SUM.getTimeout()).isEmpty();
  }
}
