package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shuffling operation gives what a plain Java computation gives, on seeded random data with many
 * keys, duplicate keys, null values, many partitions and empty partitions.
 */
class ShuffleMatchesPlainJavaTest extends RddTestBase {
  /** seed, records, distinct keys, input partitions, output partitions. */
  static Stream<Arguments> layouts() {
    return Stream.of(
        Arguments.of(1L, 3000, 200, 1, 1),
        Arguments.of(2L, 3000, 200, 7, 5),
        Arguments.of(3L, 6000, 1500, 16, 32),
        Arguments.of(4L, 20, 5, 64, 16),
        Arguments.of(5L, 0, 1, 3, 4));
  }

  @ParameterizedTest(name = "seed {0}: {1} records, {2} keys, {3} -> {4} partitions")
  @MethodSource("layouts")
  void byKeyAggregationsMatch(long seed, int records, int keys, int inSlices, int outPartitions) {
    List<Tuple2<Integer, Integer>> data = RandomPairs.generate(seed, records, keys, 10);
    PairRDD<Integer, Integer> input = withEmptyPartitions(data, inSlices);
    HashPartitioner out = new HashPartitioner(outPartitions);

    PairRDD<Integer, Integer> reduced = input.reduceByKey(out, PlainJava.SUM_IGNORING_NULLS::apply);
    assertThat(PlainJava.uniqueKeys(reduced.collect()))
        .isEqualTo(PlainJava.reduceByKey(data, PlainJava.SUM_IGNORING_NULLS));
    assertPlacedBy(reduced, out);

    PairRDD<Integer, Integer> folded = input.foldByKey(0, out, PlainJava.SUM_IGNORING_NULLS::apply);
    assertThat(PlainJava.uniqueKeys(folded.collect()))
        .isEqualTo(PlainJava.reduceByKey(withZeroForNull(data), Integer::sum));

    Map<Integer, List<Integer>> groups = PlainJava.sortedGroups(PlainJava.groupByKey(data));
    PairRDD<Integer, Iterable<Integer>> grouped = input.groupByKey(out);
    assertThat(PlainJava.sortedGroups(PlainJava.uniqueKeys(grouped.collect()))).isEqualTo(groups);
    assertPlacedBy(grouped, out);

    for (boolean mapSideCombine : new boolean[] {true, false}) {
      PairRDD<Integer, List<Integer>> combined = input.combineByKey(v -> {
        List<Integer> list = new ArrayList<>();
        list.add(v);
        return list;
      }, (list, v) -> {
        list.add(v);
        return list;
      }, (a, b) -> {
        a.addAll(b);
        return a;
      }, out, mapSideCombine);
      assertThat(PlainJava.sortedGroups(PlainJava.uniqueKeys(combined.collect())))
          .as("mapSideCombine=%s", mapSideCombine).isEqualTo(groups);
    }

    PairRDD<Integer, Set<Integer>> sets = input.aggregateByKey(new HashSet<Integer>(), out, (set, v) -> {
      set.add(v);
      return set;
    }, (a, b) -> {
      a.addAll(b);
      return a;
    });
    Map<Integer, Set<Integer>> expectedSets = new HashMap<>();
    PlainJava.groupByKey(data).forEach((k, values) -> expectedSets.put(k, new HashSet<>(values)));
    assertThat(PlainJava.uniqueKeys(sets.collect())).isEqualTo(expectedSets);

    assertThat(input.countByKey())
        .isEqualTo(PlainJava.multiset(data.stream().map(Tuple2::_1).collect(Collectors.toList())));
    assertThat(input.values().distinct(outPartitions).collect())
        .containsExactlyInAnyOrderElementsOf(new HashSet<>(data.stream().map(Tuple2::_2).toList()));
  }

  @ParameterizedTest(name = "seed {0}: {1} records, {2} keys, {3} -> {4} partitions")
  @MethodSource("layouts")
  void redistributionsKeepEveryRecord(long seed, int records, int keys, int inSlices, int outPartitions) {
    List<Tuple2<Integer, Integer>> data = RandomPairs.generate(seed, records, keys, 10);
    PairRDD<Integer, Integer> input = withEmptyPartitions(data, inSlices);
    HashPartitioner out = new HashPartitioner(outPartitions);

    PairRDD<Integer, Integer> placed = input.partitionBy(out);
    assertThat(PlainJava.multiset(placed.collect())).isEqualTo(PlainJava.multiset(data));
    assertPlacedBy(placed, out);

    PairRDD<Integer, Integer> spread = input.repartition(outPartitions);
    assertThat(spread.getNumPartitions()).isEqualTo(outPartitions);
    assertThat(PlainJava.multiset(spread.collect())).isEqualTo(PlainJava.multiset(data));

    List<Integer> sortedKeys = data.stream().map(Tuple2::_1).sorted().collect(Collectors.toList());
    assertThat(input.sortByKey(true, outPartitions).keys().collect()).isEqualTo(sortedKeys);
  }

  @ParameterizedTest(name = "seed {0}: {1} records, {2} keys, {3} -> {4} partitions")
  @MethodSource("layouts")
  void joinsMatch(long seed, int records, int keys, int inSlices, int outPartitions) {
    List<Tuple2<Integer, Integer>> leftData = RandomPairs.generate(seed, records, keys, 10);
    // The right side shares about half of the left's keys and has keys of its own.
    List<Tuple2<Integer, Integer>> rightData = RandomPairs.generate(seed + 1000, records / 2 + 1, keys, 7).stream()
        .map(kv -> new Tuple2<>(kv._1() + keys / 2, kv._2())).collect(Collectors.toList());
    PairRDD<Integer, Integer> left = withEmptyPartitions(leftData, inSlices);
    PairRDD<Integer, Integer> right = ssc().parallelizePairs(rightData, Math.max(1, inSlices / 2));
    int n = outPartitions;
    Map<Integer, List<Integer>> leftGroups = PlainJava.groupByKey(leftData);
    Map<Integer, List<Integer>> rightGroups = PlainJava.groupByKey(rightData);

    assertSameMultiset(left.join(right, n).collect(), PlainJava.join(leftData, rightData));
    List<Tuple2<Integer, Tuple2<Optional<Integer>, Optional<Integer>>>> full =
        PlainJava.fullOuterJoin(leftData, rightData);
    assertSameMultiset(left.fullOuterJoin(right, n).collect(), full);
    assertSameMultiset(left.leftOuterJoin(right, n).collect(), full.stream()
        .filter(r -> leftGroups.containsKey(r._1()))
        .map(r -> new Tuple2<>(r._1(), new Tuple2<>(r._2()._1().orElse(null), r._2()._2())))
        .collect(Collectors.toList()));
    assertSameMultiset(left.rightOuterJoin(right, n).collect(), full.stream()
        .filter(r -> rightGroups.containsKey(r._1()))
        .map(r -> new Tuple2<>(r._1(), new Tuple2<>(r._2()._1(), r._2()._2().orElse(null))))
        .collect(Collectors.toList()));
    assertSameMultiset(left.subtractByKey(right, n).collect(), PlainJava.subtractByKey(leftData, rightData));

    Map<Integer, Tuple2<Iterable<Integer>, Iterable<Integer>>> cogrouped =
        PlainJava.uniqueKeys(left.cogroup(right, n).collect());
    Set<Integer> allKeys = new HashSet<>(leftGroups.keySet());
    allKeys.addAll(rightGroups.keySet());
    assertThat(cogrouped.keySet()).isEqualTo(allKeys);
    cogrouped.forEach((k, sides) -> {
      assertThat(sides._1()).containsExactlyInAnyOrderElementsOf(leftGroups.getOrDefault(k, List.of()));
      assertThat(sides._2()).containsExactlyInAnyOrderElementsOf(rightGroups.getOrDefault(k, List.of()));
    });
  }

  @Test
  void theZeroPartitionRddShufflesToEmptyPartitions() {
    PairRDD<Integer, Integer> none = PairRDD.fromRDD(ssc().emptyRDD());
    PairRDD<Integer, Integer> some = ssc().parallelizePairs(RandomPairs.generate(9, 50, 10, 0), 3);
    assertThat(none.reduceByKey(Integer::sum, 4).glom().collect()).hasSize(4).allSatisfy(p -> assertThat(p).isEmpty());
    assertThat(none.groupByKey().collect()).isEmpty();
    assertThat(none.partitionBy(new HashPartitioner(2)).collect()).isEmpty();
    assertThat(none.join(some).collect()).isEmpty();
    assertThat(none.fullOuterJoin(some).count()).isEqualTo(50);
    assertThat(some.subtractByKey(none).count()).isEqualTo(50);
    assertThat(none.cogroup(none).collect()).isEmpty();
  }

  /**
   * Parallelizes into {@code slices} partitions, then moves the records of every third partition to the
   * next one (when there is one), so that some partitions are empty in the middle of the lineage.
   */
  private PairRDD<Integer, Integer> withEmptyPartitions(List<Tuple2<Integer, Integer>> data, int slices) {
    PairRDD<Integer, Integer> base = ssc().parallelizePairs(data, slices);
    List<List<Tuple2<Integer, Integer>>> parts = partitions(base);
    return PairRDD.fromRDD(base.mapPartitionsWithIndex((index, it) -> {
      if (index % 3 == 0 && index + 1 < parts.size()) {
        return Collections.emptyIterator();
      }
      List<Tuple2<Integer, Integer>> out = new ArrayList<>();
      if (index % 3 == 1) {
        out.addAll(parts.get(index - 1));
      }
      it.forEachRemaining(out::add);
      return out.iterator();
    }, false));
  }

  private static List<Tuple2<Integer, Integer>> withZeroForNull(List<Tuple2<Integer, Integer>> data) {
    return data.stream().map(kv -> new Tuple2<>(kv._1(), kv._2() == null ? 0 : kv._2())).collect(Collectors.toList());
  }

  private static <T> void assertSameMultiset(List<T> actual, List<T> expected) {
    assertThat(PlainJava.multiset(actual)).isEqualTo(PlainJava.multiset(expected));
  }
}
