package io.dstream;

import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.HashPartitioner;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The by-key operations of {@link PairDStream} (reduceByKey, groupByKey, combineByKey) give, for every
 * batch, what a plain-Java grouping of that batch gives, whether the layout is the default, a number of
 * partitions or a partitioner; mapValues and flatMapValues keep keys and order.
 */
@ExtendWith(TestStreamingContextExtension.class)
class PairStreamAggregationsTest {
  /** Five batches of up to 40 pairs over 6 keys: keys repeat within batches; batch 2 is empty. */
  private static final List<List<Tuple2<Integer, Integer>>> INPUT = TestData.randomPairs(41, 5, 40, 0, 6);
  private static final ReversedModPartitioner PARTITIONER = new ReversedModPartitioner(4);

  @Test
  void theInputHasRepeatedKeysAndAnEmptyBatch() {
    assertThat(INPUT.get(0).stream().map(Tuple2::_1).distinct().count()).isLessThan(INPUT.get(0).size());
    assertThat(INPUT.get(1)).isEmpty();
  }

  @Test
  void reduceByKeyMergesTheValuesOfEachKey(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(INPUT);
    CollectedOutput<Tuple2<Integer, Integer>> byDefault = t.collect(in.reduceByKey(Integer::sum));
    PartitionedOutput<Tuple2<Integer, Integer>> byCount = PartitionedOutput.of(in.reduceByKey(Integer::sum, 3));
    PartitionedOutput<Tuple2<Integer, Integer>> byPartitioner =
        PartitionedOutput.of(in.reduceByKey(Integer::sum, PARTITIONER));

    t.runBatches(INPUT.size());

    List<Map<Integer, Integer>> expected = perBatch(INPUT, b -> TestData.reduceByKey(b, Integer::sum));
    assertThat(perBatch(byDefault.batches(), TestData::asMap)).isEqualTo(expected);
    assertThat(perBatch(byCount.records(), TestData::asMap)).isEqualTo(expected);
    assertThat(perBatch(byPartitioner.records(), TestData::asMap)).isEqualTo(expected);
    byCount.assertPlacedBy(new HashPartitioner(3));
    byPartitioner.assertPlacedBy(PARTITIONER);
  }

  @Test
  void reduceByKeyMergesTheValuesOfARepeatedKeyInOneBatch(TestStreamingContext t) {
    PairDStream<String, Integer> in = t.pairInputStream(List.of(
        List.of(new Tuple2<>("a", 1), new Tuple2<>("a", 2), new Tuple2<>("b", 3), new Tuple2<>("a", 4)),
        List.of(new Tuple2<>("a", 5))));
    CollectedOutput<Tuple2<String, Integer>> out = t.collect(in.reduceByKey(Integer::sum));

    t.runBatches(2);

    assertThat(out.batches().get(0)).containsExactlyInAnyOrder(new Tuple2<>("a", 7), new Tuple2<>("b", 3));
    assertThat(out.batches().get(1)).containsExactly(new Tuple2<>("a", 5));
  }

  @Test
  void groupByKeyGathersAllValuesOfEachKey(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(INPUT);
    CollectedOutput<Tuple2<Integer, Iterable<Integer>>> byDefault = t.collect(in.groupByKey());
    PartitionedOutput<Tuple2<Integer, Iterable<Integer>>> byCount = PartitionedOutput.of(in.groupByKey(5));
    PartitionedOutput<Tuple2<Integer, Iterable<Integer>>> byPartitioner =
        PartitionedOutput.of(in.groupByKey(PARTITIONER));

    t.runBatches(INPUT.size());

    List<Map<Integer, List<Integer>>> expected = perBatch(INPUT,
        b -> TestData.sortGroups(TestData.groupByKey(b)));
    assertThat(perBatch(byDefault.batches(), TestData::asSortedGroups)).isEqualTo(expected);
    assertThat(perBatch(byCount.records(), TestData::asSortedGroups)).isEqualTo(expected);
    assertThat(perBatch(byPartitioner.records(), TestData::asSortedGroups)).isEqualTo(expected);
    byCount.assertPlacedBy(new HashPartitioner(5));
    byPartitioner.assertPlacedBy(PARTITIONER);
  }

  @Test
  void combineByKeyBuildsOneCombinerPerKey(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(INPUT);
    PartitionedOutput<Tuple2<Integer, Tuple2<Integer, Integer>>> byCount =
        PartitionedOutput.of(in.combineByKey(v -> new Tuple2<>(v, 1), PairStreamAggregationsTest::addValue,
            PairStreamAggregationsTest::merge, 3));
    PartitionedOutput<Tuple2<Integer, Tuple2<Integer, Integer>>> byPartitioner =
        PartitionedOutput.of(in.combineByKey(v -> new Tuple2<>(v, 1), PairStreamAggregationsTest::addValue,
            PairStreamAggregationsTest::merge, PARTITIONER));
    PartitionedOutput<Tuple2<Integer, Tuple2<Integer, Integer>>> withoutMapSideCombine =
        PartitionedOutput.of(in.combineByKey(v -> new Tuple2<>(v, 1), PairStreamAggregationsTest::addValue,
            PairStreamAggregationsTest::merge, PARTITIONER, false));

    t.runBatches(INPUT.size());

    List<Map<Integer, Tuple2<Integer, Integer>>> expected = perBatch(INPUT, b -> TestData.reduceByKey(
        b.stream().map(p -> new Tuple2<>(p._1(), new Tuple2<>(p._2(), 1))).toList(),
        PairStreamAggregationsTest::merge));
    assertThat(perBatch(byCount.records(), TestData::asMap)).isEqualTo(expected);
    assertThat(perBatch(byPartitioner.records(), TestData::asMap)).isEqualTo(expected);
    assertThat(perBatch(withoutMapSideCombine.records(), TestData::asMap)).isEqualTo(expected);
    byCount.assertPlacedBy(new HashPartitioner(3));
    byPartitioner.assertPlacedBy(PARTITIONER);
    withoutMapSideCombine.assertPlacedBy(PARTITIONER);
  }

  @Test
  void mapValuesAndFlatMapValuesKeepKeysAndOrder(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(INPUT);
    CollectedOutput<Tuple2<Integer, String>> mapped = t.collect(in.mapValues(v -> "v" + v));
    CollectedOutput<Tuple2<Integer, Integer>> flattened =
        t.collect(in.flatMapValues(v -> Collections.nCopies(v % 3, v).iterator()));

    t.runBatches(INPUT.size());

    assertThat(mapped.batches()).isEqualTo(perBatch(INPUT,
        b -> b.stream().map(p -> new Tuple2<>(p._1(), "v" + p._2())).toList()));
    assertThat(flattened.batches()).isEqualTo(perBatch(INPUT, b -> b.stream()
        .flatMap(p -> Collections.nCopies(p._2() % 3, p).stream()).toList()));
  }

  @Test
  void mapValuesKeepsThePartitionerOfItsParent(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(INPUT);
    PartitionedOutput<Tuple2<Integer, Integer>> out =
        PartitionedOutput.of(in.reduceByKey(Integer::sum, PARTITIONER).mapValues(v -> -v));

    t.runBatches(INPUT.size());

    out.assertPlacedBy(PARTITIONER);
    assertThat(perBatch(out.records(), TestData::asMap)).isEqualTo(perBatch(INPUT,
        b -> TestData.reduceByKey(b.stream().map(p -> new Tuple2<>(p._1(), -p._2())).toList(), Integer::sum)));
  }

  @Test
  void aNonPositivePartitionCountIsRefusedWhereTheOperationIsDefined(TestStreamingContext t) {
    PairDStream<Integer, Integer> in = t.pairInputStream(INPUT);

    List<ThrowingCallable> definitions = List.of(() -> in.reduceByKey(Integer::sum, 0), () -> in.groupByKey(0),
        () -> in.combineByKey(v -> v, Integer::sum, Integer::sum, -1));
    for (ThrowingCallable definition : definitions) {
      assertThatThrownBy(definition).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("number of partitions must be positive");
    }
  }

  private static Tuple2<Integer, Integer> addValue(Tuple2<Integer, Integer> sumAndCount, Integer value) {
    return new Tuple2<>(sumAndCount._1() + value, sumAndCount._2() + 1);
  }

  private static Tuple2<Integer, Integer> merge(Tuple2<Integer, Integer> a, Tuple2<Integer, Integer> b) {
    return new Tuple2<>(a._1() + b._1(), a._2() + b._2());
  }
}
