package io.dstream;

import static io.dstream.TestData.perBatch;
import static io.dstream.TestData.thenEmpty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.JobFailedException;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every stateless single-stream operation of {@link DStream} produces, batch by batch, what the same
 * computation in plain Java produces from the batch's records, including for empty batches (in the middle
 * of the input and past its end) and for batches cut into many partitions.
 */
@ExtendWith(TestStreamingContextExtension.class)
class StatelessTransformationsTest {
  private static final List<List<Integer>> INPUT = TestData.randomInts(7, 6, 30, 50);
  private static final int PAST_END = 2;
  private static final int BATCHES = INPUT.size() + PAST_END;
  private static final List<List<Integer>> ALL_BATCHES = thenEmpty(INPUT, PAST_END);

  @Test
  void mapFlatMapAndFilterKeepRecordOrderWithinEachBatch(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(INPUT);
    CollectedOutput<Integer> mapped = t.collect(in.map(x -> x * 3 + 1));
    CollectedOutput<Integer> flattened = t.collect(in.flatMap(x -> Collections.nCopies(x % 3, x).iterator()));
    CollectedOutput<Integer> filtered = t.collect(in.filter(x -> x % 2 == 0));

    t.runBatches(BATCHES);

    assertThat(mapped.batches()).isEqualTo(perBatch(ALL_BATCHES, b -> b.stream().map(x -> x * 3 + 1).toList()));
    assertThat(flattened.batches()).isEqualTo(perBatch(ALL_BATCHES,
        b -> b.stream().flatMap(x -> Collections.nCopies(x % 3, x).stream()).toList()));
    assertThat(filtered.batches()).isEqualTo(perBatch(ALL_BATCHES, b -> b.stream().filter(x -> x % 2 == 0).toList()));
  }

  @Test
  void emptyBatchesStillProduceAnEntry(TestStreamingContext t) {
    CollectedOutput<Integer> out = t.collect(t.inputStream(List.of(List.of(), List.of(1), List.of())));

    t.runBatches(5);

    assertThat(out.batches()).containsExactly(List.of(), List.of(1), List.of(), List.of(), List.of());
  }

  @Test
  void mapPartitionsRunsOncePerPartitionOverThatPartitionsRecords(TestStreamingContext t) {
    AtomicInteger calls = new AtomicInteger();
    DStream<Integer> in = TestData.slicedInput(t, INPUT, 3);
    CollectedOutput<List<Integer>> out = t.collect(in.mapPartitions(it -> {
      calls.incrementAndGet();
      List<Integer> partition = new ArrayList<>();
      it.forEachRemaining(partition::add);
      return List.of(partition).iterator();
    }));

    t.runBatches(INPUT.size());

    assertThat(calls).hasValue(3 * INPUT.size());
    assertThat(perBatch(out.batches(), List::size)).containsOnly(3);
    assertThat(perBatch(out.batches(), parts -> parts.stream().flatMap(List::stream).toList())).isEqualTo(INPUT);
  }

  @Test
  void glomTurnsEachPartitionIntoOneList(TestStreamingContext t) {
    CollectedOutput<List<Integer>> out = t.collect(TestData.slicedInput(t, INPUT, 4).glom());

    t.runBatches(INPUT.size());

    for (int b = 0; b < INPUT.size(); b++) {
      List<List<Integer>> partitions = out.batches().get(b);
      assertThat(partitions).hasSize(4);
      assertThat(partitions.stream().flatMap(List::stream).toList()).isEqualTo(INPUT.get(b));
    }
  }

  @Test
  void repartitionKeepsTheRecordsAndChangesThePartitionCount(TestStreamingContext t) {
    PartitionedOutput<Integer> out = PartitionedOutput.of(TestData.slicedInput(t, INPUT, 2).repartition(5));

    t.runBatches(BATCHES);

    assertThat(out.partitionCounts()).containsOnly(5).hasSize(BATCHES);
    assertThat(perBatch(out.records(), TestData::multiset)).isEqualTo(perBatch(ALL_BATCHES, TestData::multiset));
  }

  @Test
  void aNonPositivePartitionCountIsRefusedWhereTheOperationIsDefined(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(INPUT);

    assertThatThrownBy(() -> in.repartition(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repartition(0)")
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> in.countByValue(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, got -2");
  }

  @Test
  void countGivesOneRecordPerBatchAndZeroForAnEmptyBatch(TestStreamingContext t) {
    CollectedOutput<Long> out = t.collect(t.inputStream(INPUT).count());

    t.runBatches(BATCHES);

    assertThat(out.batches()).isEqualTo(perBatch(ALL_BATCHES, b -> List.of((long) b.size())));
    assertThat(out.batches().get(1)).containsExactly(0L);
  }

  @Test
  void reduceGivesOneRecordPerNonEmptyBatchAndNoneForAnEmptyBatch(TestStreamingContext t) {
    CollectedOutput<Integer> out = t.collect(TestData.slicedInput(t, INPUT, 3).reduce(Integer::sum));

    t.runBatches(BATCHES);

    assertThat(out.batches()).isEqualTo(perBatch(ALL_BATCHES,
        b -> b.isEmpty() ? List.<Integer>of() : List.of(b.stream().mapToInt(x -> x).sum())));
    assertThat(out.batches().get(1)).isEmpty();
  }

  @Test
  void countByValueCountsEachDistinctRecord(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(TestData.randomInts(11, 5, 40, 6));
    CollectedOutput<Tuple2<Integer, Long>> counted = t.collect(in.countByValue());
    PartitionedOutput<Tuple2<Integer, Long>> counted4 = PartitionedOutput.of(in.countByValue(4));

    t.runBatches(5);

    List<Map<Integer, Long>> expected = perBatch(TestData.randomInts(11, 5, 40, 6), TestData::multiset);
    assertThat(perBatch(counted.batches(), TestData::asMap)).isEqualTo(expected);
    assertThat(perBatch(counted4.records(), TestData::asMap)).isEqualTo(expected);
    assertThat(counted4.partitionCounts()).containsOnly(4);
  }

  @Test
  void mapToPairAndFlatMapToPairMakePairStreams(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(INPUT);
    PairDStream<Integer, Integer> byLastDigit = in.mapToPair(x -> new Tuple2<>(x % 10, x));
    CollectedOutput<Tuple2<Integer, Integer>> pairs = t.collect(byLastDigit);
    CollectedOutput<Tuple2<Integer, Integer>> sums = t.collect(byLastDigit.reduceByKey(Integer::sum));
    CollectedOutput<Tuple2<Integer, Integer>> divisors = t.collect(in.flatMapToPair(
        x -> IntStream.rangeClosed(1, 3).filter(d -> x % d == 0).mapToObj(d -> new Tuple2<>(x, d)).iterator()));

    t.runBatches(INPUT.size());

    assertThat(pairs.batches()).isEqualTo(perBatch(INPUT, b -> b.stream().map(x -> new Tuple2<>(x % 10, x)).toList()));
    assertThat(perBatch(sums.batches(), TestData::asMap)).isEqualTo(perBatch(INPUT,
        b -> TestData.reduceByKey(b.stream().map(x -> new Tuple2<>(x % 10, x)).toList(), Integer::sum)));
    assertThat(divisors.batches()).isEqualTo(perBatch(INPUT, b -> b.stream()
        .flatMap(x -> IntStream.rangeClosed(1, 3).filter(d -> x % d == 0).mapToObj(d -> new Tuple2<>(x, d)))
        .toList()));
  }

  @Test
  void batchesOfSixteenPartitionsAreComputedWhole(TestStreamingContext t) {
    List<List<Integer>> input = TestData.randomInts(13, 3, 500, 1000);
    DStream<Integer> in = TestData.slicedInput(t, input, 16);
    PartitionedOutput<Integer> mapped = PartitionedOutput.of(in.map(x -> x + 1));
    CollectedOutput<Long> counts = t.collect(in.count());
    CollectedOutput<Tuple2<Integer, Long>> byValue = t.collect(in.countByValue());

    t.runBatches(3);

    assertThat(mapped.partitionCounts()).containsExactly(16, 16, 16);
    assertThat(mapped.records()).isEqualTo(perBatch(input, b -> b.stream().map(x -> x + 1).toList()));
    assertThat(counts.batches()).isEqualTo(perBatch(input, b -> List.of((long) b.size())));
    assertThat(perBatch(byValue.batches(), TestData::asMap)).isEqualTo(perBatch(input, TestData::multiset));
  }

  @Test
  void aFailingMapFunctionFailsTheBatchWithItsOwnException(TestStreamingContext t) {
    IllegalArgumentException boom = new IllegalArgumentException("no sevens");
    t.collect(t.inputStream(List.of(List.of(1, 7))).map(x -> {
      if (x == 7) {
        throw boom;
      }
      return x;
    }));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class).cause().isSameAs(boom);
  }
}
