package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.RDD;
import io.dstream.storage.StorageLevel;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code slice(from, to)} returns the RDDs a stream generated for the batches in a time range (times off the
 * batch grid are floored onto it); {@code ssc.remember} decides how long those RDDs are kept, and without it
 * a stream keeps only what the next batch needs, however many batches run.
 */
@ExtendWith(TestStreamingContextExtension.class)
class SliceAndRememberTest {
  private static final List<List<Integer>> INPUT = TestData.randomInts(81, 6, 10, 100);

  @Test
  void sliceReturnsTheRememberedRddsOfTheBatchesInTheRange(TestStreamingContext t) {
    t.context().remember(Durations.seconds(10));
    DStream<Integer> mapped = t.inputStream(INPUT).map(x -> x * 2);
    PartitionedOutput<Integer> out = PartitionedOutput.of(mapped);

    t.runBatches(5);
    List<RDD<Integer>> slice = mapped.slice(new Time(2000), new Time(4000));

    assertThat(slice).extracting(RDD::id)
        .containsExactlyElementsOf(out.batches().subList(1, 4).stream().map(b -> b.rdd().id()).toList());
    assertThat(slice).extracting(RDD::collect).containsExactlyElementsOf(out.records().subList(1, 4));
  }

  @Test
  void sliceFloorsTimesThatAreNotOnTheBatchGrid(TestStreamingContext t) {
    t.context().remember(Durations.seconds(10));
    DStream<Integer> in = t.inputStream(INPUT);
    t.collect(in);

    t.runBatches(5);

    assertThat(in.slice(new Time(1500), new Time(3999))).extracting(RDD::collect)
        .containsExactlyElementsOf(INPUT.subList(0, 3));
  }

  @Test
  void sliceSkipsTimesBeforeTheFirstBatch(TestStreamingContext t) {
    t.context().remember(Durations.seconds(10));
    DStream<Integer> in = t.inputStream(INPUT);
    t.collect(in);

    t.runBatches(3);

    assertThat(in.slice(new Time(0), new Time(2000))).extracting(RDD::collect)
        .containsExactlyElementsOf(INPUT.subList(0, 2));
  }

  @Test
  void sliceBeforeStartIsRefused(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(INPUT);

    assertThatThrownBy(() -> in.slice(new Time(1000), new Time(2000)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has not started");
  }

  @Test
  void slicingAForgottenBatchOfAQueueStreamDoesNotTakeLaterBatchesRecords(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(INPUT);
    CollectedOutput<Integer> out = t.collect(in);

    t.runBatches(3);
    List<RDD<Integer>> forgotten = in.slice(new Time(1000), new Time(2000));
    t.runBatches(3);

    assertThat(forgotten).isEmpty();
    assertThat(out.batches()).isEqualTo(INPUT);
  }

  @Test
  void sliceLeavesOutTimesAfterTheLatestBatchAndTakesNothingEarly(TestStreamingContext t) {
    t.context().remember(Durations.seconds(10));
    DStream<Integer> in = t.inputStream(INPUT);
    CollectedOutput<Integer> out = t.collect(in);

    t.runBatches(2);
    List<RDD<Integer>> slice = in.slice(new Time(1000), new Time(5000));
    t.runBatches(3);

    assertThat(slice).extracting(RDD::collect).containsExactlyElementsOf(INPUT.subList(0, 2));
    assertThat(out.batches()).isEqualTo(INPUT.subList(0, 5));
  }

  @Test
  void aNegativeRememberDurationIsRefused(TestStreamingContext t) {
    assertThatThrownBy(() -> t.context().remember(Durations.milliseconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("remember(-1 ms): the duration must not be negative");
  }

  @Test
  void rememberKeepsTheRddsOfTheRememberedDuration(TestStreamingContext t) {
    t.context().remember(Durations.seconds(5));
    DStream<Integer> in = t.inputStream(INPUT);
    DStream<Integer> mapped = in.map(x -> x + 1);
    t.collect(mapped);

    t.runBatches(10);

    // Batches in (10000 - 5000, 10000] ms.
    assertThat(in.node.rememberedRddCount()).isEqualTo(5);
    assertThat(mapped.node.rememberedRddCount()).isEqualTo(5);
    assertThat(mapped.slice(new Time(6000), new Time(10000))).hasSize(5);
  }

  @Test
  void withoutRememberStreamsKeepOnlyTheLastBatchOverManyBatches(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(TestData.randomInts(82, 200, 5, 100));
    DStream<Integer> cached = in.map(x -> x + 1).cache();
    PairDStream<Integer, Long> counted = cached.countByValue();
    PartitionedOutput<Tuple2<Integer, Long>> out = PartitionedOutput.of(counted);
    PartitionedOutput<Integer> cachedOut = PartitionedOutput.of(cached);

    t.runBatches(200);

    assertThat(out.batches()).hasSize(200);
    for (DStreamLike<?, ?, ?> stream : List.of(in, cached, counted)) {
      assertThat(stream.node.rememberedRddCount()).as("RDDs remembered by %s", stream).isEqualTo(1);
    }
    assertThat(cachedOut.batches().subList(0, 199)).extracting(b -> b.rdd().getStorageLevel())
        .containsOnly(StorageLevel.NONE);
  }

  @Test
  void rememberCannotChangeAfterStart(TestStreamingContext t) {
    t.collect(t.inputStream(INPUT));
    t.runBatches(1);

    assertThatThrownBy(() -> t.context().remember(Durations.seconds(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("remember duration");
  }
}
