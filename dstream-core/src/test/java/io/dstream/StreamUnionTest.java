package io.dstream;

import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link DStream#union} and {@link StreamingContext#union} put every batch's records of all the streams into
 * one batch (the first stream's partitions first), for plain and pair streams, and refuse streams that
 * cannot be combined batch by batch.
 */
@ExtendWith(TestStreamingContextExtension.class)
class StreamUnionTest {
  private static final List<List<Integer>> FIRST = TestData.randomInts(21, 5, 10, 100);
  private static final List<List<Integer>> SECOND = TestData.randomInts(22, 3, 10, 100);
  private static final List<List<Integer>> THIRD = TestData.randomInts(23, 4, 10, 100);

  @Test
  void unionOfTwoStreamsHoldsBothBatchesAndTheirPartitions(TestStreamingContext t) {
    DStream<Integer> a = TestData.slicedInput(t, FIRST, 2);
    DStream<Integer> b = TestData.slicedInput(t, SECOND, 3);
    PartitionedOutput<Integer> out = PartitionedOutput.of(a.union(b));

    t.runBatches(FIRST.size());

    assertThat(out.records()).isEqualTo(concatenated(List.of(FIRST, SECOND), FIRST.size()));
    // Past the end of SECOND its batches are empty RDDs without partitions.
    assertThat(out.partitionCounts()).containsExactly(5, 5, 5, 2, 2);
  }

  @Test
  void contextUnionOfThreeStreamsHoldsAllThree(TestStreamingContext t) {
    DStream<Integer> union = t.context().union(t.inputStream(FIRST), t.inputStream(SECOND), t.inputStream(THIRD));
    CollectedOutput<Integer> out = t.collect(union);

    t.runBatches(FIRST.size() + 1);

    assertThat(out.batches()).isEqualTo(concatenated(List.of(FIRST, SECOND, THIRD), FIRST.size() + 1));
  }

  @Test
  void unionOfPairStreamsIsAPairStream(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> left = TestData.randomPairs(24, 3, 12, 0, 5);
    List<List<Tuple2<Integer, Integer>>> middle = TestData.randomPairs(25, 3, 12, 3, 5);
    List<List<Tuple2<Integer, Integer>>> right = TestData.randomPairs(26, 3, 12, 6, 5);
    PairDStream<Integer, Integer> l = t.pairInputStream(left);
    PairDStream<Integer, Integer> m = t.pairInputStream(middle);
    PairDStream<Integer, Integer> r = t.pairInputStream(right);
    CollectedOutput<Tuple2<Integer, Integer>> two = t.collect(l.union(m).reduceByKey(Integer::sum));
    CollectedOutput<Tuple2<Integer, Integer>> three = t.collect(t.context().union(l, m, r).reduceByKey(Integer::sum));

    t.runBatches(3);

    assertThat(perBatch(two.batches(), TestData::asMap)).isEqualTo(
        perBatch(concatenated(List.of(left, middle), 3), b -> TestData.reduceByKey(b, Integer::sum)));
    assertThat(perBatch(three.batches(), TestData::asMap)).isEqualTo(
        perBatch(concatenated(List.of(left, middle, right), 3), b -> TestData.reduceByKey(b, Integer::sum)));
  }

  @Test
  void unionOfOneStreamIsThatStreamsRecords(TestStreamingContext t) {
    CollectedOutput<Integer> out = t.collect(t.context().union(t.inputStream(FIRST)));

    t.runBatches(FIRST.size());

    assertThat(out.batches()).isEqualTo(FIRST);
  }

  @Test
  void contextUnionOfNoStreamsIsRefused(TestStreamingContext t) {
    assertThatThrownBy(() -> t.context().<Integer>union())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one stream");
  }

  @Test
  void unionOfStreamsWithDifferentSlideDurationsIsRefused(TestStreamingContext t) {
    DStream<Integer> every = t.inputStream(FIRST);
    DStream<Integer> everySecond = DoubledSlideStreamNode.everySecondBatch(t.inputStream(SECOND));

    assertThatThrownBy(() -> every.union(everySecond))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different slide durations")
        .hasMessageContaining("1000 ms")
        .hasMessageContaining("2000 ms");
    assertThatThrownBy(() -> t.context().union(every, every, everySecond))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different slide durations");
  }

  @Test
  void aRefusedUnionDoesNotShiftTheIdsOfStreamsDefinedAfterIt(TestStreamingContext t) {
    DStream<Integer> every = t.inputStream(FIRST);
    DStream<Integer> everySecond = DoubledSlideStreamNode.everySecondBatch(every);

    assertThatThrownBy(() -> every.union(everySecond)).isInstanceOf(IllegalArgumentException.class);
    DStream<Integer> next = every.map(x -> x);

    assertThat(next.node.id()).isEqualTo(everySecond.node.id() + 1);
  }

  @Test
  void unionOfStreamsFromTwoContextsIsRefused(TestStreamingContext t) {
    try (TestStreamingContext other = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<Integer> here = t.inputStream(FIRST);
      DStream<Integer> there = other.inputStream(SECOND);

      assertThatThrownBy(() -> here.union(there))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("different StreamingContexts");
      assertThatThrownBy(() -> t.context().union(here, there))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("another StreamingContext");
      assertThatThrownBy(() -> t.context().union(there))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("another StreamingContext");
    }
  }

  @Test
  void aNullStreamAmongTheStreamsOfAUnionOrATransformIsRefusedNamingItsPosition(TestStreamingContext t) {
    DStream<Integer> here = t.inputStream(FIRST);

    assertThatThrownBy(() -> t.context().union(here, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("union: streams[1] must not be null");
    assertThatThrownBy(() -> t.context().transform(Arrays.asList(null, here), (rdds, time) -> rdds.get(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transform: streams[0] must not be null");
  }

  /** The expected union: for each batch index, the batches of every input at that index, in order. */
  private static <T> List<List<T>> concatenated(List<List<List<T>>> inputs, int batches) {
    List<List<T>> result = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      List<T> batch = new ArrayList<>();
      for (List<List<T>> input : inputs) {
        if (b < input.size()) {
          batch.addAll(input.get(b));
        }
      }
      result.add(batch);
    }
    return result;
  }
}
