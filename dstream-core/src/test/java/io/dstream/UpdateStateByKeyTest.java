package io.dstream;

import static io.dstream.StateTestSupport.checkpointInMemory;
import static io.dstream.StateTestSupport.runningState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.function.Function2;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.rdd.ShuffleDependency;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code updateStateByKey}: the update function runs for every key with state or new values in every batch,
 * its result is the key's new state, {@code Optional.empty()} removes the key; with an initial state, a
 * number of partitions or a partitioner; and its failures are the batch's.
 */
@ExtendWith(TestStreamingContextExtension.class)
class UpdateStateByKeyTest {

  private static final Function2<List<Integer>, Optional<Integer>, Optional<Integer>> RUNNING_SUM =
      (values, sum) -> Optional.of(StateTestSupport.sum(values, sum.orElse(null)));

  private static <K, S> List<Map<K, S>> asMaps(CollectedOutput<Tuple2<K, S>> out) {
    return out.batches().stream().map(TestData::asMap).toList();
  }

  @Test
  void runningSumsMatchPlainJavaOverRandomBatchesAndCarryOnThroughEmptyOnes(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = TestData.thenEmpty(TestData.randomPairs(301, 12, 15, 0, 8), 3);
    checkpointInMemory(t);
    CollectedOutput<Tuple2<Integer, Integer>> out = t.collect(t.pairInputStream(input).updateStateByKey(RUNNING_SUM));

    t.runBatches(input.size());

    assertThat(asMaps(out)).isEqualTo(runningState(input, Map.of(), StateTestSupport::sum));
  }

  @Test
  void valueListsTheFunctionKeepsHoldEachKeysValuesOfTheirBatchAfterLaterBatches(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = TestData.thenEmpty(TestData.randomPairs(303, 10, 40, 0, 12), 1);
    checkpointInMemory(t);
    // The state is the list the function was given: kept past the call, and past later batches.
    CollectedOutput<Tuple2<Integer, List<Integer>>> out = t.collect(t.pairInputStream(input)
        .updateStateByKey((List<Integer> values, Optional<List<Integer>> kept) -> Optional.of(values)));

    t.runBatches(input.size());

    List<Map<Integer, List<Integer>>> expected = new ArrayList<>();
    Map<Integer, List<Integer>> keys = new HashMap<>();
    for (List<Tuple2<Integer, Integer>> batch : input) {
      keys.replaceAll((key, values) -> new ArrayList<>());
      for (Tuple2<Integer, Integer> pair : batch) {
        keys.computeIfAbsent(pair._1(), key -> new ArrayList<>()).add(pair._2());
      }
      expected.add(new HashMap<>(keys));
    }
    // Values in the order of the batch's records: the shuffle reads its map outputs in partition order.
    assertThat(asMaps(out)).isEqualTo(expected);
  }

  @Test
  void theFunctionIsCalledOnceForEveryKeyWithStateOrNewValuesInEveryBatch(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = TestData.thenEmpty(TestData.randomPairs(302, 8, 10, 0, 20), 2);
    checkpointInMemory(t);
    List<Integer> callsPerBatch = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger calls = new AtomicInteger();
    PairDStream<Integer, Integer> state = t.pairInputStream(input).updateStateByKey((values, sum) -> {
      calls.incrementAndGet();
      return RUNNING_SUM.call(values, sum);
    });
    state.foreachRDD(rdd -> {
      rdd.count();
      callsPerBatch.add(calls.getAndSet(0));
    });

    t.runBatches(input.size());

    List<Map<Integer, Integer>> expected = runningState(input, Map.of(), StateTestSupport::sum);
    // With a running sum no key ever leaves, so a batch's calls are the keys in its resulting state.
    assertThat(callsPerBatch).isEqualTo(expected.stream().map(Map::size).toList());
  }

  @Test
  void keysWhoseFunctionReturnsEmptyDisappearAndComeBackFreshWithNewValues(TestStreamingContext t) {
    // A key lives while it gets values: a batch without values for it removes it.
    List<List<Tuple2<String, Integer>>> input = List.of(
        List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2)),
        List.of(new Tuple2<>("a", 3)),
        List.of(),
        List.of(new Tuple2<>("b", 4), new Tuple2<>("a", 5)),
        List.of(new Tuple2<>("b", 6)));
    checkpointInMemory(t);
    CollectedOutput<Tuple2<String, Integer>> out = t.collect(t.pairInputStream(input).updateStateByKey(
        (List<Integer> values, Optional<Integer> sum) -> values.isEmpty()
            ? Optional.<Integer>empty()
            : Optional.of(values.stream().mapToInt(Integer::intValue).sum() + sum.orElse(0))));

    t.runBatches(input.size());

    assertThat(asMaps(out)).containsExactly(Map.of("a", 1, "b", 2), Map.of("a", 4), Map.of(),
        Map.of("a", 5, "b", 4), Map.of("b", 10));
  }

  @Test
  void theInitialStateIsThePreviousStateOfTheFirstBatch(TestStreamingContext t) {
    List<List<Tuple2<String, Integer>>> input = List.of(List.of(new Tuple2<>("a", 1), new Tuple2<>("c", 5)),
        List.of(new Tuple2<>("b", 2)));
    PairRDD<String, Integer> initial = t.context().parallelizePairs(
        List.of(new Tuple2<>("a", 100), new Tuple2<>("b", 200)), 3);
    checkpointInMemory(t);
    CollectedOutput<Tuple2<String, Integer>> out = t.collect(t.pairInputStream(input)
        .updateStateByKey(RUNNING_SUM, new HashPartitioner(2), initial));

    t.runBatches(2);

    assertThat(asMaps(out)).containsExactly(Map.of("a", 101, "b", 200, "c", 5), Map.of("a", 101, "b", 202, "c", 5));
  }

  @Test
  void theStateIsPlacedByTheGivenNumberOfPartitionsOrPartitioner(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = TestData.randomPairs(303, 6, 20, -10, 30);
    checkpointInMemory(t);
    PairDStream<Integer, Integer> in = t.pairInputStream(input);
    PartitionedOutput<Tuple2<Integer, Integer>> byCount = PartitionedOutput.of(in.updateStateByKey(RUNNING_SUM, 3));
    ReversedModPartitioner custom = new ReversedModPartitioner(4);
    PartitionedOutput<Tuple2<Integer, Integer>> byPartitioner =
        PartitionedOutput.of(in.updateStateByKey(RUNNING_SUM, custom));
    PartitionedOutput<Tuple2<Integer, Integer>> byDefault = PartitionedOutput.of(in.updateStateByKey(RUNNING_SUM));

    t.runBatches(input.size());

    byCount.assertPlacedBy(new HashPartitioner(3));
    byPartitioner.assertPlacedBy(custom);
    byDefault.assertPlacedBy(new HashPartitioner(2)); // the test kit's local[2]
    List<Map<Integer, Integer>> expected = runningState(input, Map.of(), StateTestSupport::sum);
    for (PartitionedOutput<Tuple2<Integer, Integer>> out : List.of(byCount, byPartitioner, byDefault)) {
      assertThat(out.records().stream().map(TestData::asMap).toList()).isEqualTo(expected);
    }
  }

  /** Returns, for each batch of a stream, the kinds of its RDD's dependencies before it is computed. */
  private static List<List<String>> dependencyKinds(DStreamLike<?, ?, ?> stream) {
    List<List<String>> kinds = Collections.synchronizedList(new ArrayList<>());
    stream.foreachRDD(rdd -> {
      kinds.add(RddAccess.node(rdd).dependencies().stream()
          .map(dep -> dep instanceof ShuffleDependency<?, ?, ?> ? "shuffle" : "narrow").toList());
      rdd.count();
    });
    return kinds;
  }

  @Test
  void eachBatchShufflesOnlyItsNewRecordsAndReadsThePreviousStateNarrowly(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = TestData.randomPairs(304, 4, 10, 0, 10);
    checkpointInMemory(t);
    PairDStream<Integer, Integer> in = t.pairInputStream(input);
    HashPartitioner four = new HashPartitioner(4);
    List<List<String>> fromRawInput = dependencyKinds(in.updateStateByKey(RUNNING_SUM, four));
    List<List<String>> fromPartitionedInput =
        dependencyKinds(in.reduceByKey(Integer::sum, four).updateStateByKey(RUNNING_SUM, four));

    t.runBatches(input.size());

    assertThat(fromRawInput).containsExactly(List.of("shuffle"), List.of("narrow", "shuffle"),
        List.of("narrow", "shuffle"), List.of("narrow", "shuffle"));
    assertThat(fromPartitionedInput).containsExactly(List.of("narrow"), List.of("narrow", "narrow"),
        List.of("narrow", "narrow"), List.of("narrow", "narrow"));
  }

  @Test
  void aFailingUpdateFunctionFailsTheBatchWithItsOwnException(TestStreamingContext t) {
    IllegalArgumentException boom = new IllegalArgumentException("bad value 13");
    List<List<Tuple2<String, Integer>>> input = List.of(List.of(new Tuple2<>("a", 1)), List.of(new Tuple2<>("a", 13)));
    checkpointInMemory(t);
    t.collect(t.pairInputStream(input).updateStateByKey((List<Integer> values, Optional<Integer> sum) -> {
      if (values.contains(13)) {
        throw boom;
      }
      return Optional.of(values.size() + sum.orElse(0));
    }));
    t.runBatches(1);

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class).hasCause(boom);
  }

  @Test
  void aFailureInABatchWhoseStateIsCheckpointedFailsThatBatchWithTheUsersException(TestStreamingContext t) {
    IllegalStateException boom = new IllegalStateException("broken at the checkpoint");
    List<List<Tuple2<String, Integer>>> input = List.of(List.of(new Tuple2<>("a", 1)), List.of(new Tuple2<>("a", 2)));
    checkpointInMemory(t);
    PairDStream<String, Integer> state = t.pairInputStream(input).updateStateByKey(
        (List<Integer> values, Optional<Integer> sum) -> {
          if (values.contains(2)) {
            throw boom;
          }
          return Optional.of(values.size() + sum.orElse(0));
        });
    state.checkpoint(Durations.seconds(2));
    t.collect(state);
    t.runBatches(1);

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class).hasCause(boom);
  }

  @Test
  void aNullResultFailsTheBatchSayingToReturnEmpty(TestStreamingContext t) {
    checkpointInMemory(t);
    t.collect(t.pairInputStream(List.of(List.of(new Tuple2<>("k", 1))))
        .updateStateByKey((List<Integer> values, Optional<Integer> sum) -> null));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned null for the key k")
        .hasMessageContaining("return Optional.empty()");
  }

  @Test
  void stateOperationsCannotBeDefinedAfterStart(TestStreamingContext t) {
    PairDStream<String, Integer> in = t.pairInputStream(List.of(List.of(new Tuple2<>("k", 1))));
    t.collect(in);
    t.runBatches(1);

    assertThatThrownBy(() -> in.updateStateByKey(RUNNING_SUM)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after the StreamingContext has started");
  }
}
