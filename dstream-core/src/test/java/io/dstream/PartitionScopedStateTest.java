package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.Partitioner;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The state of a scale-out application's instance, kept per partition of the topic its keys came through
 * ({@link io.dstream.internal.scaleout.PartitionScope}): here a {@link ScriptedScope} and its in-memory changelog
 * stand for the Kafka ones, so the engine's side is tested alone: what is written to the changelog, what is
 * dropped when a partition is lost, what is restored when one is gained.
 */
class PartitionScopedStateTest {
  private static final Partitioner FOUR = ScriptedScope.FOUR;
  private static final Set<Integer> ALL = ScriptedScope.ALL;

  private final ScriptedScope scope = new ScriptedScope();
  private TestStreamingContext t;

  @AfterEach
  void close() {
    if (t != null) {
      t.close();
    }
  }

  private TestStreamingContext scaleOutContext() {
    t = ScriptedScope.scaleOutContext();
    return t;
  }

  private PairDStream<Integer, Integer> scoped(List<List<Tuple2<Integer, Integer>>> batches) {
    return scope.scoped(t, batches);
  }

  private static PairDStream<Integer, Integer> sums(PairDStream<Integer, Integer> pairs) {
    return pairs.updateStateByKey((List<Integer> values, Optional<Integer> state) -> {
      int sum = state.orElse(0) + values.stream().mapToInt(Integer::intValue).sum();
      return sum < 0 ? Optional.empty() : Optional.of(sum);
    });
  }

  private static List<List<Tuple2<Integer, Integer>>> batches(List<Tuple2<Integer, Integer>>... batches) {
    return Arrays.asList(batches);
  }

  private static Tuple2<Integer, Integer> pair(int key, int value) {
    return new Tuple2<>(key, value);
  }

  private static Map<Integer, Integer> asMap(List<Tuple2<Integer, Integer>> records) {
    Map<Integer, Integer> map = new TreeMap<>();
    records.forEach(record -> map.put(record._1(), record._2()));
    return map;
  }

  @Test
  void eachBatchWritesTheKeysWhoseStateChangedAndTheRemovedOnesOfTheOwnedPartitions() {
    scaleOutContext();
    scope.own(1000, ALL, ALL);
    scope.own(2000, ALL, Set.of());
    scope.own(3000, ALL, Set.of());
    CollectedOutput<Tuple2<Integer, Integer>> state = t.collect(sums(scoped(batches(
        List.of(pair(1, 1), pair(2, 5), pair(5, 2)),
        List.of(pair(1, 1)),
        List.of(pair(2, -9))))));

    t.runBatches(3);

    assertThat(scope.changelog().writes).containsExactly(
        "1000 p1 set {1=1, 5=2} removed []", "1000 p2 set {2=5} removed []",
        "2000 p1 set {1=2} removed []",
        "3000 p2 set {} removed [2]");
    assertThat(asMap(state.batches().get(2))).containsExactly(Map.entry(1, 2), Map.entry(5, 2));
  }

  @Test
  void aLostPartitionsStateIsDroppedWithoutTombstonesAndAGainedOneIsRestoredFromTheChangelog() {
    scaleOutContext();
    scope.own(1000, ALL, ALL);
    scope.own(2000, Set.of(0, 1), Set.of());
    scope.own(3000, Set.of(0, 1, 2), Set.of(2));
    CollectedOutput<Tuple2<Integer, Integer>> state = t.collect(sums(scoped(batches(
        List.of(pair(1, 1), pair(2, 5), pair(3, 7)),
        List.of(),
        List.of(pair(2, 1))))));

    t.runBatches(2);
    assertThat(scope.changelog().stored.get(2)).containsExactly(Map.entry(2, 5));
    // Meanwhile the new owner of partition 2 goes on with it.
    scope.changelog().stored.put(2, new TreeMap<>(Map.of(2, 40, 6, 60)));
    t.runBatches(1);

    assertThat(asMap(state.batches().get(0))).containsOnlyKeys(1, 2, 3);
    assertThat(asMap(state.batches().get(1))).as("partitions 2 and 3 given up").containsOnlyKeys(1);
    assertThat(asMap(state.batches().get(2))).as("partition 2 as another owner left it, plus the batch")
        .containsExactly(Map.entry(1, 1), Map.entry(2, 41), Map.entry(6, 60));
    assertThat(scope.changelog().restored).as("all four at the first batch, then the gained one")
        .containsExactlyInAnyOrder(0, 1, 2, 3, 2).last().isEqualTo(2);
    assertThat(scope.changelog().writes).filteredOn(write -> write.startsWith("2000")).isEmpty();
    assertThat(scope.changelog().writes).filteredOn(write -> write.startsWith("3000")).containsExactly(
        "3000 p2 set {2=41} removed []");
  }

  @Test
  void theChangesAreWrittenEvenIfNoOutputComputesTheState() {
    scaleOutContext();
    scope.own(1000, ALL, ALL);
    sums(scoped(batches(List.of(pair(3, 3))))).foreachRDD(rdd -> { });

    t.runBatches(1);

    assertThat(scope.changelog().writes).containsExactly("1000 p3 set {3=3} removed []");
  }

  @Test
  void aStateUpdatedInPlaceIsWrittenWhenItsKeyBroughtValues() {
    scaleOutContext();
    scope.own(1000, ALL, ALL);
    scope.own(2000, ALL, Set.of());
    scope.own(3000, ALL, Set.of());
    scoped(batches(List.of(pair(1, 1)), List.of(pair(1, 2)), List.of()))
        .updateStateByKey((List<Integer> values, Optional<List<Integer>> seen) -> {
          List<Integer> all = seen.orElseGet(ArrayList::new);
          all.addAll(values);
          return Optional.of(all);
        }).print();

    t.runBatches(3);

    assertThat(scope.changelog().writes).as("the same list object each batch; nothing at 3000 ms, without values")
        .containsExactly("1000 p1 set {1=[1]} removed []", "2000 p1 set {1=[1, 2]} removed []");
  }

  @Test
  void mapWithStateWritesTheKeysItUpdatedWithTheirTimesAndATombstoneForOneThatTimedOut() {
    scaleOutContext();
    for (long batch = 1000; batch <= 4000; batch += 1000) {
      scope.own(batch, ALL, batch == 1000 ? ALL : Set.of());
    }
    StateSpec<Integer, Integer, Integer, Integer> spec = StateSpec.<Integer, Integer, Integer, Integer>function(
        (key, value, state) -> {
          if (!state.isTimingOut()) {
            state.update(state.getOption().orElse(0) + value.orElse(0));
          }
          return key;
        }).timeout(Durations.seconds(2));
    scoped(batches(List.of(pair(1, 1), pair(2, 2)), List.of(pair(2, 3)), List.of(pair(2, 1)), List.of()))
        .mapWithState(spec).print();

    t.runBatches(4);

    assertThat(scope.changelog().writes).containsExactly(
        "1000 p1 set {1=1@1000} removed []", "1000 p2 set {2=2@1000} removed []",
        "2000 p2 set {2=5@2000} removed []",
        "3000 p2 set {2=6@3000} removed []",
        "4000 p1 set {} removed [1]");
  }

  @Test
  void keyedStateWithoutAPartitionScopeIsRefusedAtStartSayingToSendThePairsThroughATopic() {
    scaleOutContext();
    t.pairInputStream(batches(List.of(pair(1, 1)))).updateStateByKey(
        (List<Integer> values, Optional<Integer> state) -> state).print();

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scale-out application 'app'")
        .hasMessageContaining("KafkaUtils.through(pairs, \"app-updateStateByKey-by-key\", kafkaParams)");
  }

  @Test
  void anInitialStateIsRefusedAtStart() {
    scaleOutContext();
    scoped(batches(List.of(pair(1, 1)))).updateStateByKey((List<Integer> values, Optional<Integer> state) -> state,
        FOUR, t.context().parallelizePairs(List.of(pair(1, 1)), 1)).print();

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("initial state");
  }

  @Test
  void aWindowOfWholeRecordsACheckpointDirectoryAndConcurrentJobsAreRefusedAtStart() {
    scaleOutContext();
    scoped(batches(List.of(pair(1, 1)))).window(Durations.seconds(2)).print();
    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot run in the scale-out application 'app'")
        .hasMessageContaining("use reduceByKeyAndWindow or groupByKeyAndWindow");
    t.close();

    scaleOutContext();
    t.context().checkpoint(System.getProperty("java.io.tmpdir") + "/dstream-scale-out-refused");
    scoped(batches(List.of(pair(1, 1)))).print();
    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("remove the ssc.checkpoint(...) call");
    t.close();

    t = TestStreamingContext.create(Durations.seconds(1), new StreamingConf().set("dstream.application.id", "app")
        .set("dstream.concurrentJobs", "2"));
    scoped(batches(List.of(pair(1, 1)))).print();
    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("leave dstream.concurrentJobs at 1");
  }
}
