package io.dstream;

import static io.dstream.EngineProbes.lineageDepth;
import static io.dstream.EngineProbes.streamAndAncestors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.internal.stream.StreamNode;
import io.dstream.storage.StorageLevel;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Windowed streams persist what later windows read again, remember only what their windows still need, and
 * the incremental window's results let go of their lineage once computed (completed at every checkpoint time
 * when a job read them only in part), so that over thousands of batches neither the number of remembered RDDs
 * nor the lineage of a window grows.
 */
@ExtendWith(TestStreamingContextExtension.class)
class WindowMemoryTest {

  private static Duration seconds(int n) {
    return Durations.seconds(n);
  }

  private static List<List<Tuple2<Integer, Integer>>> positivePairs(long seed, int batches) {
    return TestData.perBatch(TestData.randomPairs(seed, batches, 4, 0, 10),
        batch -> batch.stream().map(p -> new Tuple2<>(p._1(), p._2() + 1)).toList());
  }

  /**
   * Computes every RDD of a stream and records its lineage depth then: a checkpoint time's RDD lets go of its
   * lineage once computed.
   */
  private static List<Integer> lineageDepths(DStreamLike<?, ?, ?> stream) {
    List<Integer> depths = Collections.synchronizedList(new ArrayList<>());
    stream.foreachRDD(rdd -> {
      rdd.count();
      depths.add(lineageDepth(rdd));
    });
    return depths;
  }

  private static Map<StreamNode<?>, Integer> rememberedRdds(List<DStreamLike<?, ?, ?>> outputs) {
    Map<StreamNode<?>, Integer> counts = new IdentityHashMap<>();
    for (DStreamLike<?, ?, ?> output : outputs) {
      streamAndAncestors(output).forEach(node -> counts.put(node, node.rememberedRddCount()));
    }
    return counts;
  }

  @Test
  void overThousandsOfBatchesRememberedRddsAndTheIncrementalLineageStayBounded(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(positivePairs(501, 3000));
    PairDStream<Integer, Integer> incremental = in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
        seconds(6), seconds(2), 2, kv -> kv._2() != 0);
    PairDStream<Integer, Integer> plain = in.reduceByKeyAndWindow(Integer::sum, seconds(6), seconds(2));
    DStream<Long> counted = in.countByWindow(seconds(4), seconds(1));
    List<Integer> depths = lineageDepths(incremental);
    plain.foreachRDD(rdd -> rdd.count());
    counted.foreachRDD(rdd -> rdd.count());
    List<DStreamLike<?, ?, ?>> outputs = List.of(incremental, plain, counted);

    t.runBatches(1000);
    Map<StreamNode<?>, Integer> after1000 = rememberedRdds(outputs);
    t.runBatches(2000);
    Map<StreamNode<?>, Integer> after3000 = rememberedRdds(outputs);

    assertThat(after3000).isEqualTo(after1000);
    // The input is read by windows of up to 6 s sliding by up to 2 s: it needs at most 8 batches.
    assertThat(after3000.values()).allSatisfy(count -> assertThat(count).isBetween(1, 8));
    assertThat(depths).hasSize(1500);
    // A result read in full keeps its records and lets go of the previous one.
    assertThat(depths).containsOnly(0);
  }

  @Test
  void anIncrementalResultReadInFullLetsGoOfItsLineageWhateverTheCheckpointInterval(TestStreamingContext t) {
    PairDStream<Integer, Integer> incremental = t.pairInputStream(positivePairs(502, 200))
        .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(3), seconds(1))
        .checkpoint(seconds(100_000));
    List<Integer> depths = lineageDepths(incremental);

    t.runBatches(200);

    // Each result keeps its partitions' maps and lets go of the previous result and the batches: without
    // that, the lineage would grow by one result every window.
    assertThat(depths).hasSize(200).containsOnly(0);
  }

  @Test
  void aCheckpointThatTheBatchsJobsReadOnlyInPartIsCompletedAfterTheBatch(TestStreamingContext t) {
    PairDStream<Integer, Integer> incremental = t.pairInputStream(positivePairs(506, 60))
        .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(4), seconds(1), 4, null)
        .checkpoint(seconds(3));
    List<Integer> depths = Collections.synchronizedList(new ArrayList<>());
    incremental.foreachRDD(rdd -> {
      rdd.take(1);
      depths.add(lineageDepth(rdd));
    });

    t.runBatches(60);

    // Without completing each checkpoint, the partitions take(1) never read would chain all 60 windows.
    assertThat(depths.subList(50, 60)).allSatisfy(depth -> assertThat(depth).isLessThan(12));
  }

  @Test
  void anyStreamCanBeCheckpointedWithoutChangingItsRecords(TestStreamingContext t) {
    List<List<Integer>> input = TestData.randomInts(504, 6, 10, 100);
    DStream<Integer> mapped = t.inputStream(input).map(x -> x * 2).checkpoint(seconds(2));
    CollectedOutput<Integer> out = t.collect(mapped);
    List<Integer> depths = lineageDepths(mapped);

    t.runBatches(6);

    assertThat(out.batches()).isEqualTo(TestData.perBatch(input, b -> b.stream().map(x -> x * 2).toList()));
    assertThat(depths).containsExactly(1, 0, 1, 0, 1, 0);
  }

  @Test
  void theDefaultCheckpointIntervalIsTheSmallestMultipleOfTheSlideOfAtLeastTenSeconds(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(positivePairs(505, 3));
    PairDStream<Integer, Integer> everySecond = in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
        seconds(4), seconds(1));
    PairDStream<Integer, Integer> everyThree = in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
        seconds(6), seconds(3));
    PairDStream<Integer, Integer> everyTwenty = in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
        seconds(40), seconds(20));
    PairDStream<Integer, Integer> plain = in.reduceByKeyAndWindow(Integer::sum, seconds(4), seconds(1));
    List.of(everySecond, everyThree, everyTwenty, plain).forEach(t::collect);

    t.runBatches(0);

    assertThat(everySecond.node.checkpointInterval()).isEqualTo(seconds(10));
    assertThat(everyThree.node.checkpointInterval()).isEqualTo(seconds(12));
    assertThat(everyTwenty.node.checkpointInterval()).isEqualTo(seconds(20));
    assertThat(plain.node.checkpointInterval()).isNull();
  }

  @Test
  void aCheckpointIntervalThatIsNotAMultipleOfTheSlideIsRefused(TestStreamingContext t) {
    DStream<Integer> windowed = t.inputStream(TestData.randomInts(506, 3, 5, 10)).window(seconds(4), seconds(2));

    assertThatThrownBy(() -> windowed.checkpoint(seconds(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checkpoint interval 3000 ms of window")
        .hasMessageContaining("is not a positive multiple of its slide duration 2000 ms; use a multiple of 2000 ms");
    assertThatThrownBy(() -> windowed.checkpoint(seconds(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checkpoint interval 0 ms");
  }

  @Test
  void theCheckpointIntervalCannotChangeAfterStart(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(TestData.randomInts(507, 3, 5, 10));
    t.collect(in);
    t.runBatches(1);

    assertThatThrownBy(() -> in.checkpoint(seconds(10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("checkpoint interval")
        .hasMessageContaining("after the StreamingContext has started");
  }

  @Test
  void windowsPersistWhatLaterWindowsReadAgainButKeepALevelTheUserChose(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(positivePairs(508, 3));
    DStream<Tuple2<Integer, Integer>> mapped = in.map(kv -> kv);
    DStream<Tuple2<Integer, Integer>> chosen = in.map(kv -> kv).persist(StorageLevel.MEMORY_ONLY);
    mapped.window(seconds(2));
    chosen.window(seconds(2));
    PairDStream<Integer, Integer> incremental = in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
        seconds(2), seconds(1));

    assertThat(mapped.node.storageLevel()).isEqualTo(StorageLevel.MEMORY_ONLY_SER);
    assertThat(chosen.node.storageLevel()).isEqualTo(StorageLevel.MEMORY_ONLY);
    assertThat(incremental.node.storageLevel()).isEqualTo(StorageLevel.MEMORY_ONLY_SER);
    assertThat(incremental.node.dependencies()).singleElement()
        .satisfies(reduced -> assertThat(reduced.storageLevel()).isEqualTo(StorageLevel.MEMORY_ONLY_SER));
  }
}
