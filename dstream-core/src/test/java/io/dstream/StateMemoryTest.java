package io.dstream;

import static io.dstream.EngineProbes.lineageDepth;
import static io.dstream.EngineProbes.streamAndAncestors;
import static io.dstream.StateTestSupport.checkpointInMemory;
import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.state.StatePartition;
import io.dstream.internal.stream.StreamNode;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Over thousands of batches, stateful streams keep a bounded number of RDDs, their state RDDs let go of
 * their inputs once computed (so no chain of earlier states and their new data stays reachable), the layers
 * of mapWithState's maps stay within a checkpoint interval, and the checkpoint directory keeps only the
 * newest snapshots.
 */
@ExtendWith(TestStreamingContextExtension.class)
class StateMemoryTest {
  private static final int BATCHES = 3000;

  private static Map<StreamNode<?>, Integer> rememberedRdds(List<DStreamLike<?, ?, ?>> outputs) {
    Map<StreamNode<?>, Integer> counts = new IdentityHashMap<>();
    for (DStreamLike<?, ?, ?> output : outputs) {
      streamAndAncestors(output).forEach(node -> counts.put(node, node.rememberedRddCount()));
    }
    return counts;
  }

  /** Records each batch's lineage depth of a stream's RDD before and after computing it. */
  private static void recordDepths(DStreamLike<?, ?, ?> stream, List<Integer> before, List<Integer> after) {
    stream.foreachRDD(rdd -> {
      before.add(lineageDepth(rdd));
      rdd.count();
      after.add(lineageDepth(rdd));
    });
  }

  private static int deepestStateMap(MapWithStateDStream<?, ?, ?, ?> mapped, Time time) {
    @SuppressWarnings("unchecked")
    RDD<StatePartition<?, ?, ?>> state = (RDD<StatePartition<?, ?, ?>>) RddAccess.rdd(mapped.stateNode().generatedRdd(time));
    return state.collect().stream().mapToInt(p -> p.stateMap().depth()).max().orElseThrow();
  }

  @Test
  void overThousandsOfBatchesStateStreamsKeepBoundedRddsLineagesAndSnapshots(TestStreamingContext t)
      throws IOException {
    InMemoryFileSystem fs = checkpointInMemory(t);
    PairDStream<Integer, Integer> in = t.pairInputStream(TestData.randomPairs(801, BATCHES, 6, 0, 40));
    // Keys come and go: a key without values in a batch leaves the state.
    PairDStream<Integer, Integer> byKey = in.updateStateByKey((List<Integer> values, Optional<Integer> sum) ->
        values.isEmpty() ? Optional.empty() : Optional.of(sum.orElse(0) + values.size()));
    MapWithStateDStream<Integer, Integer, Integer, Integer> mapped = in.mapWithState(StateSpec.function(
        (Integer key, Optional<Integer> value, State<Integer> state) -> {
          if (!state.isTimingOut()) {
            state.update(state.getOption().orElse(0) + 1);
          }
          return key;
        }).timeout(Durations.seconds(5)));
    PairDStream<Integer, Integer> snapshots = mapped.stateSnapshots();
    List<Integer> byKeyBefore = Collections.synchronizedList(new ArrayList<>());
    List<Integer> byKeyAfter = Collections.synchronizedList(new ArrayList<>());
    List<Integer> snapshotsBefore = Collections.synchronizedList(new ArrayList<>());
    List<Integer> snapshotsAfter = Collections.synchronizedList(new ArrayList<>());
    recordDepths(byKey, byKeyBefore, byKeyAfter);
    recordDepths(snapshots, snapshotsBefore, snapshotsAfter);
    mapped.foreachRDD(rdd -> rdd.count());
    List<DStreamLike<?, ?, ?>> outputs = List.of(byKey, snapshots, mapped);

    t.runBatches(1000);
    Map<StreamNode<?>, Integer> after1000 = rememberedRdds(outputs);
    int layersAt1000 = deepestStateMap(mapped, new Time(1000 * 1000));
    t.runBatches(BATCHES - 1000);
    Map<StreamNode<?>, Integer> after3000 = rememberedRdds(outputs);
    int layersAt3000 = deepestStateMap(mapped, new Time(BATCHES * 1000L));

    assertThat(after3000).isEqualTo(after1000);
    assertThat(after3000.values()).allSatisfy(count -> assertThat(count).isBetween(1, 2));
    // Before a state RDD is computed it reaches the previous state (which holds its own records) and the
    // batch's input; once computed, it holds its records and nothing else.
    assertThat(byKeyBefore).hasSize(BATCHES).allSatisfy(depth -> assertThat(depth).isBetween(1, 6));
    assertThat(snapshotsBefore).hasSize(BATCHES).allSatisfy(depth -> assertThat(depth).isBetween(2, 7));
    assertThat(byKeyAfter).hasSize(BATCHES).containsOnly(0);
    assertThat(snapshotsAfter).hasSize(BATCHES).containsOnly(1);
    // Compacted at every checkpoint (every 10 batches), so never more than 10 layers; 3000 s is one.
    assertThat(layersAt1000).isEqualTo(1);
    assertThat(layersAt3000).isEqualTo(1);
    String stateDir = "/checkpoints/state/" + byKey.node.stableKey();
    assertThat(fs.list(stateDir)).containsExactlyInAnyOrder("checkpoint-2980000", "checkpoint-2990000",
        "checkpoint-3000000");
  }
}
