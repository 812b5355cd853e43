package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import io.dstream.internal.stream.InputStreamNode;
import io.dstream.rdd.RDD;
import io.dstream.storage.StorageLevel;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code slice(from, to)} returns the RDDs a stream generated for the batches in a time range (times off the
 * batch grid are floored onto it), and computes now, as Spark does, the batches after the latest one of a
 * stream computed from queue streams only; {@code ssc.remember} decides how long those RDDs are kept, and
 * without it a stream keeps only what the next batch needs, however many batches run.
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
  void sliceOfAQueueStreamComputesTheBatchesAfterTheLatestOneAndThoseBatchesRunWithThem(TestStreamingContext t) {
    t.context().remember(Durations.seconds(10));
    DStream<Integer> in = t.inputStream(INPUT);
    PartitionedOutput<Integer> out = PartitionedOutput.of(in);

    t.runBatches(2);
    List<RDD<Integer>> slice = in.slice(new Time(1000), new Time(5000));
    t.runBatches(3);

    assertThat(slice).extracting(RDD::collect).containsExactlyElementsOf(INPUT.subList(0, 5));
    assertThat(out.records()).isEqualTo(INPUT.subList(0, 5));
    assertThat(out.batches()).extracting(b -> b.rdd().id())
        .containsExactlyElementsOf(slice.stream().map(RDD::id).toList());
  }

  @Test
  void slicingOneLaterTimeStillGivesEveryBatchBeforeItItsOwnRdd(TestStreamingContext t) {
    t.context().remember(Durations.seconds(10));
    DStream<Integer> in = t.inputStream(INPUT);
    CollectedOutput<Integer> out = t.collect(in);

    t.runBatches(1);
    List<RDD<Integer>> slice = in.slice(new Time(4000), new Time(4000));
    t.runBatches(5);

    assertThat(slice).extracting(RDD::collect).containsExactly(INPUT.get(3));
    assertThat(out.batches()).isEqualTo(INPUT);
  }

  @Test
  void aSliceAheadWhileABatchIsAnnouncedButItsQueueNotYetReadKeepsEveryRddInItsOwnBatch(TestStreamingContext t) {
    t.context().remember(Durations.seconds(10));
    List<List<Integer>> slicedAhead = new ArrayList<>();
    List<DStream<Integer>> queue = new ArrayList<>();
    // Defined before the queue stream, so the generator reads it first: at batch 2000 it slices the queue one
    // batch ahead, as a job thread may while the generator has announced batch 2000 and not yet read the queue.
    InputStreamNode<Integer> slicer = new InputStreamNode<>(t.context().runtime.graph()) {
      @Override
      protected RddNode<Integer> compute(Time time) {
        if (time.equals(new Time(2000))) {
          queue.get(0).slice(new Time(3000), new Time(3000)).forEach(rdd -> slicedAhead.add(rdd.collect()));
        }
        return RddOperations.empty(t.context().runtime.engine());
      }

      @Override
      public String operationName() {
        return "slicer";
      }
    };
    new DStream<>(t.context(), slicer).foreachRDD(rdd -> { });
    queue.add(t.inputStream(INPUT));
    PartitionedOutput<Integer> out = PartitionedOutput.of(queue.get(0));

    t.runBatches(3);

    assertThat(slicedAhead).containsExactly(INPUT.get(2));
    assertThat(out.batches()).extracting(PartitionedOutput.Batch::records).containsExactlyElementsOf(INPUT.subList(0, 3));
  }

  @Test
  void sliceOfAStreamComputedFromQueueStreamsComputesItsLaterBatches(TestStreamingContext t) {
    t.context().remember(Durations.seconds(10));
    List<List<Integer>> other = TestData.randomInts(83, 6, 10, 100);
    DStream<Integer> combined = t.inputStream(INPUT).union(t.inputStream(other)).map(x -> x * 3);
    CollectedOutput<Integer> out = t.collect(combined);
    List<List<Integer>> expected = new ArrayList<>();
    for (int i = 0; i < INPUT.size(); i++) {
      List<Integer> batch = new ArrayList<>(INPUT.get(i));
      batch.addAll(other.get(i));
      expected.add(batch.stream().map(x -> x * 3).toList());
    }

    t.runBatches(1);
    List<RDD<Integer>> slice = combined.slice(new Time(2000), new Time(6000));
    t.runBatches(5);

    assertThat(slice).extracting(RDD::collect).containsExactlyElementsOf(expected.subList(1, 6));
    assertThat(out.batches()).isEqualTo(expected);
  }

  @Test
  void anRddQueuedAfterASliceGoesToTheBatchAfterTheSlicedOnes(TestStreamingContext t) {
    t.context().remember(Durations.seconds(10));
    Queue<RDD<Integer>> queue = new ArrayDeque<>(List.of(t.context().parallelize(List.of(1)),
        t.context().parallelize(List.of(2))));
    DStream<Integer> in = t.context().queueStream(queue);
    CollectedOutput<Integer> out = t.collect(in);

    t.runBatches(1);
    List<RDD<Integer>> slice = in.slice(new Time(2000), new Time(3000));
    synchronized (queue) {
      queue.add(t.context().parallelize(List.of(3)));
    }
    t.runBatches(3);

    assertThat(slice).extracting(RDD::collect).containsExactly(List.of(2), List.of());
    assertThat(out.batches()).containsExactly(List.of(1), List.of(2), List.of(), List.of(3));
  }

  @Test
  void sliceLeavesOutTimesAfterTheLatestBatchOfAStreamWithAFileInputAndTakesNothingEarly(TestStreamingContext t) {
    try (MemoryInputDirectory files = new MemoryInputDirectory()) {
      t.context().remember(Durations.seconds(10));
      DStream<String> lines = t.context().textFileStream(files.uri()).union(t.inputStream(List.of()));
      CollectedOutput<String> out = t.collect(lines);

      t.runBatches(1);
      files.put("early", 1_200, "written before the slice");
      List<RDD<String>> slice = lines.slice(new Time(1000), new Time(3000));
      t.runBatches(2);

      assertThat(slice).extracting(RDD::collect).containsExactly(List.of());
      assertThat(out.batches()).containsExactly(List.of(), List.of("written before the slice"), List.of());
    }
  }

  @Test
  void sliceBeforeTheFirstBatchLeavesOutItsTimesAndTakesNothingEarly(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(INPUT);
    CollectedOutput<Integer> out = t.collect(in);

    t.runBatches(0);
    List<RDD<Integer>> slice = in.slice(new Time(1000), new Time(2000));
    t.runBatches(2);

    assertThat(slice).isEmpty();
    assertThat(out.batches()).isEqualTo(INPUT.subList(0, 2));
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
