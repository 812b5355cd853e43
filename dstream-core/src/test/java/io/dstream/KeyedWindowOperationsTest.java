package io.dstream;

import static io.dstream.PlainWindows.windowTimes;
import static io.dstream.PlainWindows.windows;
import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The by-key window operations of {@link PairDStream} (window, groupByKeyAndWindow, reduceByKeyAndWindow
 * with and without an inverse function) give, for every window, what a plain-Java grouping of the window's
 * records gives, in the layout asked for; keys that leave the window and come back are handled, and the
 * filter of the incremental form drops keys.
 */
@ExtendWith(TestStreamingContextExtension.class)
class KeyedWindowOperationsTest {
  /** Eight batches of up to 12 pairs over 5 keys, values in [1, 100]; batch 2 is empty. */
  private static final List<List<Tuple2<Integer, Integer>>> INPUT = perBatch(TestData.randomPairs(311, 8, 12, 0, 5),
      batch -> batch.stream().map(p -> new Tuple2<>(p._1(), p._2() + 1)).toList());
  private static final int BATCHES = INPUT.size() + 4;
  private static final ReversedModPartitioner PARTITIONER = new ReversedModPartitioner(3);

  /** Keys that leave the window and come back: "a" in batches 1, 2 and 7; "b" in batches 2 to 4. */
  private static final List<List<Tuple2<String, Integer>>> COMINGS_AND_GOINGS = List.of(
      List.of(new Tuple2<>("a", 1)),
      List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 1)),
      List.of(new Tuple2<>("b", 1)),
      List.of(new Tuple2<>("b", 1)),
      List.of(),
      List.of(),
      List.of(new Tuple2<>("a", 1)));

  private static Duration seconds(int n) {
    return Durations.seconds(n);
  }

  private static Map<Integer, Integer> sums(List<Tuple2<Integer, Integer>> records) {
    return TestData.reduceByKey(records, Integer::sum);
  }

  @Test
  void theInputHasRepeatedKeysAndAnEmptyBatch() {
    assertThat(INPUT.get(0).stream().map(Tuple2::_1).distinct().count()).isLessThan(INPUT.get(0).size());
    assertThat(INPUT.get(1)).isEmpty();
  }

  @Test
  void windowOfAPairStreamIsAPairStreamOfTheWindowsRecords(TestStreamingContext t) {
    PairDStream<Integer, Integer> windowed = t.pairInputStream(INPUT).window(seconds(3), seconds(2));
    CollectedOutput<Tuple2<Integer, Integer>> out = t.collect(windowed.reduceByKey(Integer::sum));

    t.runBatches(BATCHES);

    assertThat(perBatch(out.batches(), TestData::asMap))
        .isEqualTo(perBatch(windows(INPUT, 3, 2, BATCHES), KeyedWindowOperationsTest::sums));
  }

  @ParameterizedTest(name = "window {0} s, slide {1} s")
  @CsvSource({"3, 1", "4, 2", "2, 2", "2, 3"})
  void groupByKeyAndWindowGroupsTheValuesOfEachKeyInTheWindow(int window, int slide, TestStreamingContext t) {
    PartitionedOutput<Tuple2<Integer, Iterable<Integer>>> out =
        PartitionedOutput.of(t.pairInputStream(INPUT).groupByKeyAndWindow(seconds(window), seconds(slide)));

    t.runBatches(BATCHES);

    assertThat(out.times()).isEqualTo(windowTimes(slide, BATCHES));
    assertThat(perBatch(out.records(), TestData::asSortedGroups)).isEqualTo(perBatch(
        windows(INPUT, window, slide, BATCHES), records -> TestData.sortGroups(TestData.groupByKey(records))));
  }

  @ParameterizedTest(name = "window {0} s, slide {1} s")
  @CsvSource({"3, 1", "4, 2", "2, 2", "2, 3"})
  void reduceByKeyAndWindowMergesTheValuesOfEachKeyInTheWindow(int window, int slide, TestStreamingContext t) {
    PartitionedOutput<Tuple2<Integer, Integer>> out =
        PartitionedOutput.of(t.pairInputStream(INPUT).reduceByKeyAndWindow(Integer::sum, seconds(window),
            seconds(slide)));

    t.runBatches(BATCHES);

    assertThat(out.times()).isEqualTo(windowTimes(slide, BATCHES));
    assertThat(perBatch(out.records(), TestData::asMap))
        .isEqualTo(perBatch(windows(INPUT, window, slide, BATCHES), KeyedWindowOperationsTest::sums));
  }

  @ParameterizedTest(name = "window {0} s, slide {1} s")
  @CsvSource({"3, 1", "4, 2", "2, 2", "2, 3", "6, 2"})
  void incrementalReduceByKeyAndWindowMergesTheValuesOfEachKeyInTheWindow(int window, int slide,
      TestStreamingContext t) {
    PartitionedOutput<Tuple2<Integer, Integer>> out = PartitionedOutput.of(t.pairInputStream(INPUT)
        .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(window), seconds(slide), 2,
            kv -> kv._2() != 0));

    t.runBatches(BATCHES);

    assertThat(out.times()).isEqualTo(windowTimes(slide, BATCHES));
    assertThat(perBatch(out.records(), TestData::asMap))
        .isEqualTo(perBatch(windows(INPUT, window, slide, BATCHES), KeyedWindowOperationsTest::sums));
  }

  @Test
  void eachFormLaysTheWindowOutByTheNumberOfPartitionsOrThePartitionerGiven(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(INPUT);
    Duration window = seconds(3);
    Duration slide = seconds(1);
    PartitionedOutput<Tuple2<Integer, Iterable<Integer>>> groupedByCount =
        PartitionedOutput.of(in.groupByKeyAndWindow(window, slide, 4));
    PartitionedOutput<Tuple2<Integer, Iterable<Integer>>> groupedByPartitioner =
        PartitionedOutput.of(in.groupByKeyAndWindow(window, slide, PARTITIONER));
    PartitionedOutput<Tuple2<Integer, Integer>> reducedByCount =
        PartitionedOutput.of(in.reduceByKeyAndWindow(Integer::sum, window, slide, 4));
    PartitionedOutput<Tuple2<Integer, Integer>> reducedByPartitioner =
        PartitionedOutput.of(in.reduceByKeyAndWindow(Integer::sum, window, slide, PARTITIONER));
    PartitionedOutput<Tuple2<Integer, Integer>> incrementalByCount =
        PartitionedOutput.of(in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, window, slide, 4));
    PartitionedOutput<Tuple2<Integer, Integer>> incrementalByPartitioner = PartitionedOutput.of(
        in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, window, slide, PARTITIONER, kv -> kv._2() != 0));

    t.runBatches(BATCHES);

    groupedByCount.assertPlacedBy(new HashPartitioner(4));
    groupedByPartitioner.assertPlacedBy(PARTITIONER);
    reducedByCount.assertPlacedBy(new HashPartitioner(4));
    reducedByPartitioner.assertPlacedBy(PARTITIONER);
    incrementalByCount.assertPlacedBy(new HashPartitioner(4));
    incrementalByPartitioner.assertPlacedBy(PARTITIONER);
    assertThat(perBatch(incrementalByPartitioner.records(), TestData::asMap))
        .isEqualTo(perBatch(windows(INPUT, 3, 1, BATCHES), KeyedWindowOperationsTest::sums));
  }

  @Test
  void keysThatLeaveTheWindowAndComeBackAreCountedAgain(TestStreamingContext t) {
    PairDStream<String, Integer> in = t.pairInputStream(COMINGS_AND_GOINGS);
    CollectedOutput<Tuple2<String, Integer>> plain =
        t.collect(in.reduceByKeyAndWindow(Integer::sum, seconds(2), seconds(1)));
    CollectedOutput<Tuple2<String, Integer>> filtered = t.collect(in.reduceByKeyAndWindow(Integer::sum,
        (a, b) -> a - b, seconds(2), seconds(1), 2, kv -> kv._2() != 0));
    CollectedOutput<Tuple2<String, Iterable<Integer>>> grouped = t.collect(in.groupByKeyAndWindow(seconds(2)));

    t.runBatches(8);

    List<Map<String, Integer>> expected = List.of(
        Map.of("a", 1), Map.of("a", 2, "b", 1), Map.of("a", 1, "b", 2), Map.of("b", 2), Map.of("b", 1),
        Map.of(), Map.of("a", 1), Map.of("a", 1));
    assertThat(perBatch(plain.batches(), KeyedWindowOperationsTest::unordered)).isEqualTo(expected);
    assertThat(perBatch(filtered.batches(), KeyedWindowOperationsTest::unordered)).isEqualTo(expected);
    assertThat(perBatch(grouped.batches(), b -> b.stream().map(Tuple2::_1).sorted().toList())).containsExactly(
        List.of("a"), List.of("a", "b"), List.of("a", "b"), List.of("b"), List.of("b"), List.of(), List.of("a"),
        List.of("a"));
  }

  @Test
  void withoutAFilterTheIncrementalFormKeepsKeysWhoseValuesLeftWithTheInversesResult(TestStreamingContext t) {
    PairDStream<String, Integer> in = t.pairInputStream(COMINGS_AND_GOINGS);
    CollectedOutput<Tuple2<String, Integer>> out =
        t.collect(in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(2), seconds(1)));

    t.runBatches(8);

    assertThat(perBatch(out.batches(), KeyedWindowOperationsTest::unordered)).containsExactly(
        Map.of("a", 1), Map.of("a", 2, "b", 1), Map.of("a", 1, "b", 2), Map.of("a", 0, "b", 2),
        Map.of("a", 0, "b", 1), Map.of("a", 0, "b", 0), Map.of("a", 1, "b", 0), Map.of("a", 1, "b", 0));
  }

  @Test
  void aFilterThatDropsAKeyWithValuesStillInTheWindowFailsTheBatchSayingWhy(TestStreamingContext t) {
    PairDStream<String, Integer> in = t.pairInputStream(COMINGS_AND_GOINGS);
    t.collect(in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(3), seconds(1), 1,
        kv -> kv._2() > 1));

    t.runBatches(3);
    // Batch 1's "a" leaves the window at 4 s, but the filter dropped "a" from every earlier result.
    JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> t.runBatches(1));

    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key a has values leaving the window but none in the previous window's result")
        .hasMessageContaining("The filter function must drop only keys with nothing left in the window");
  }

  @Test
  void aFailingInverseFunctionFailsTheBatchWithItsException(TestStreamingContext t) {
    IllegalArgumentException bad = new IllegalArgumentException("cannot subtract");
    t.collect(t.pairInputStream(COMINGS_AND_GOINGS).reduceByKeyAndWindow(Integer::sum, (a, b) -> {
      throw bad;
    }, seconds(1), seconds(1)));
    t.runBatches(1);

    JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> t.runBatches(1));

    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isSameAs(bad);
  }

  @Test
  void aFunctionFailingWhileACheckpointIsComputedFailsTheBatchWithItsException(TestStreamingContext t) {
    IllegalArgumentException bad = new IllegalArgumentException("cannot add");
    t.collect(t.pairInputStream(COMINGS_AND_GOINGS).reduceByKeyAndWindow((a, b) -> {
      throw bad;
    }, (a, b) -> a - b, seconds(2), seconds(1)).checkpoint(seconds(1)));

    JobFailedException failure = catchThrowableOfType(JobFailedException.class, () -> t.runBatches(2));

    assertThat(failure).isNotNull();
    assertThat(failure.getCause()).isSameAs(bad);
  }

  @Test
  void byKeyWindowDurationsThatDoNotFitTheParentAreRefusedWhenDefined(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(INPUT);
    Duration oddWindow = Durations.milliseconds(2500);

    assertThatThrownBy(() -> in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, oddWindow, seconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reduceByKeyAndWindow: window duration 2500 ms is not a multiple of the parent's "
            + "slide duration 1000 ms");
    assertThatThrownBy(() -> in.reduceByKeyAndWindow(Integer::sum, oddWindow))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window duration 2500 ms");
    assertThatThrownBy(() -> in.groupByKeyAndWindow(seconds(2), Durations.milliseconds(500), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groupByKeyAndWindow: slide duration 500 ms is not a multiple of the parent's slide "
            + "duration 1000 ms");
    assertThatThrownBy(() -> in.reduceByKeyAndWindow(Integer::sum, seconds(2), seconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the number of partitions must be positive");
  }

  private static <K extends Comparable<K>, V> Map<K, V> unordered(List<Tuple2<K, V>> records) {
    return new TreeMap<>(TestData.asMap(records));
  }
}
