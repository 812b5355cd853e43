package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dstream.StreamingConf;
import io.dstream.Tuple2;
import io.dstream.Tuple3;
import io.dstream.Tuple4;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PairRDD#cogroup} and {@link PairRDD#groupWith} of two and three others,
 * {@link PairRDD#repartitionAndSortWithinPartitions} and {@link PairRDD#filterByRange}, against plain Java.
 */
class PairCoGroupAndKeyRangeTest extends RddTestBase {
  private final List<Tuple2<Integer, Integer>> first = RandomPairs.generate(11, 600, 30, 10);
  private final List<Tuple2<Integer, Integer>> second = RandomPairs.generate(12, 500, 40, 10);
  private final List<Tuple2<Integer, Integer>> third = RandomPairs.generate(13, 400, 50, 10);
  private final List<Tuple2<Integer, Integer>> fourth = RandomPairs.generate(14, 300, 60, 10);

  @Test
  void cogroupWithTwoOthersGivesEveryKeysThreeGroups() {
    PairRDD<Integer, Integer> a = ssc().parallelizePairs(first, 3);
    PairRDD<Integer, Integer> b = ssc().parallelizePairs(second, 2);
    PairRDD<Integer, Integer> c = ssc().parallelizePairs(third, 4);
    Map<Integer, List<List<Integer>>> expected = groupsOf(List.of(first, second, third));

    assertThat(threeGroups(a.cogroup(b, c))).isEqualTo(expected);
    assertThat(threeGroups(a.groupWith(b, c))).isEqualTo(expected);
    assertThat(threeGroups(a.cogroup(b, c, 5))).isEqualTo(expected);
    Partitioner partitioner = new HashPartitioner(3);
    PairRDD<Integer, Tuple3<Iterable<Integer>, Iterable<Integer>, Iterable<Integer>>> placed =
        a.cogroup(b, c, partitioner);
    assertThat(threeGroups(placed)).isEqualTo(expected);
    assertPlacedBy(placed, partitioner);
  }

  @Test
  void cogroupWithThreeOthersGivesEveryKeysFourGroups() {
    PairRDD<Integer, Integer> a = ssc().parallelizePairs(first, 3);
    PairRDD<Integer, Integer> b = ssc().parallelizePairs(second, 2);
    PairRDD<Integer, Integer> c = ssc().parallelizePairs(third, 4);
    PairRDD<Integer, Integer> d = ssc().parallelizePairs(fourth, 1);
    Map<Integer, List<List<Integer>>> expected = groupsOf(List.of(first, second, third, fourth));

    assertThat(fourGroups(a.cogroup(b, c, d))).isEqualTo(expected);
    assertThat(fourGroups(a.groupWith(b, c, d))).isEqualTo(expected);
    assertThat(fourGroups(a.cogroup(b, c, d, 2))).isEqualTo(expected);
    Partitioner partitioner = new HashPartitioner(5);
    assertPlacedBy(a.cogroup(b, c, d, partitioner), partitioner);
  }

  @Test
  void groupWithOneOtherIsCogroup() {
    PairRDD<Integer, Integer> a = ssc().parallelizePairs(first, 3);
    PairRDD<Integer, Integer> b = ssc().parallelizePairs(second, 2);
    Map<Integer, List<List<Integer>>> groups = new HashMap<>();
    for (Tuple2<Integer, Tuple2<Iterable<Integer>, Iterable<Integer>>> kv : a.groupWith(b).collect()) {
      groups.put(kv._1(), List.of(sorted(kv._2()._1()), sorted(kv._2()._2())));
    }
    assertThat(groups).isEqualTo(groupsOf(List.of(first, second)));
  }

  @Test
  void cogroupReadsSidesPlacedByTheTargetPartitionerWithoutAShuffle() {
    Partitioner partitioner = new HashPartitioner(4);
    PairRDD<Integer, Integer> a = ssc().parallelizePairs(first, 3).partitionBy(partitioner).cache();
    PairRDD<Integer, Integer> b = ssc().parallelizePairs(second, 2).partitionBy(partitioner).cache();
    a.count();
    b.count();
    var grouped = a.cogroup(b, ssc().parallelizePairs(third, 2));
    assertThat(grouped.partitioner()).contains(partitioner);
    assertThat(stagesRunBy(grouped, grouped::count)).as("only the third side is shuffled").isEqualTo(2);
  }

  @Test
  void repartitionAndSortWithinPartitionsPlacesByThePartitionerAndSortsEachPartition() {
    List<Tuple2<Integer, Integer>> noNullKeys = first;
    Partitioner partitioner = new HashPartitioner(4);
    PairRDD<Integer, Integer> input = ssc().parallelizePairs(noNullKeys, 3);

    PairRDD<Integer, Integer> ascending = input.repartitionAndSortWithinPartitions(partitioner);
    assertPlacedBy(ascending, partitioner);
    assertSortedWithin(ascending, Comparator.naturalOrder());
    assertThat(PlainJava.multiset(ascending.collect())).isEqualTo(PlainJava.multiset(noNullKeys));

    PairRDD<Integer, Integer> descending =
        input.repartitionAndSortWithinPartitions(partitioner, Comparator.reverseOrder());
    assertPlacedBy(descending, partitioner);
    assertSortedWithin(descending, Comparator.reverseOrder());
    assertThat(PlainJava.multiset(descending.collect())).isEqualTo(PlainJava.multiset(noNullKeys));
  }

  @Test
  void repartitionAndSortWithinPartitionsDoesNotShuffleAnRddPlacedSoAlready() {
    Partitioner partitioner = new HashPartitioner(4);
    PairRDD<Integer, Integer> placed = ssc().parallelizePairs(first, 3).partitionBy(partitioner).cache();
    placed.count();
    PairRDD<Integer, Integer> sorted = placed.repartitionAndSortWithinPartitions(partitioner);
    assertThat(stagesRunBy(sorted, sorted::count)).isEqualTo(1);
    assertSortedWithin(sorted, Comparator.naturalOrder());
  }

  @Test
  void aNullKeyWithoutAComparatorFailsTheSortNamingWhatToDo() {
    useContext(new StreamingConf().setMaster("local[2]").set("dstream.task.maxFailures", "1"));
    List<Tuple2<String, Integer>> withNullKey = new ArrayList<>(LETTER_PAIRS);
    withNullKey.add(new Tuple2<>(null, 0));
    PairRDD<String, Integer> sorted =
        ssc().parallelizePairs(withNullKey, 2).repartitionAndSortWithinPartitions(new HashPartitioner(1));
    JobFailedException failure = catchThrowableOfType(JobFailedException.class, sorted::collect);
    assertThat(failure.getCause()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null key").hasMessageContaining("Comparator.nullsFirst");
  }

  @Test
  void filterByRangeKeepsTheKeysBetweenTheBoundsIncluded() {
    List<Tuple2<Integer, Integer>> pairs = RandomPairs.generate(21, 2_000, 100, 0);
    List<Tuple2<Integer, Integer>> expected = pairs.stream().filter(kv -> kv._1() >= 20 && kv._1() <= 35).toList();
    PairRDD<Integer, Integer> input = ssc().parallelizePairs(pairs, 4);

    assertThat(PlainJava.multiset(input.filterByRange(20, 35).collect())).isEqualTo(PlainJava.multiset(expected));
    assertThat(input.filterByRange(35, 20).collect()).as("an empty range").isEmpty();
    Comparator<Integer> reverse = Comparator.reverseOrder();
    assertThat(PlainJava.multiset(input.filterByRange(reverse, 35, 20).collect()))
        .as("bounds in the comparator's order").isEqualTo(PlainJava.multiset(expected));
  }

  @Test
  void filterByRangeOnASortedRddComputesOnlyThePartitionsOfTheRange() {
    List<Tuple2<Integer, Integer>> pairs = RandomPairs.generate(22, 4_000, 1_000, 0);
    List<Tuple2<Integer, Integer>> expected =
        pairs.stream().filter(kv -> kv._1() >= 100 && kv._1() <= 180).sorted(byKey()).toList();
    for (boolean ascending : new boolean[] {true, false}) {
      PairRDD<Integer, Integer> sorted = ssc().parallelizePairs(pairs, 2).sortByKey(ascending, 8).cache();
      sorted.count();
      PairRDD<Integer, Integer> range = sorted.filterByRange(100, 180);
      assertThat(range.getNumPartitions()).as("partitions of the range, ascending %s", ascending).isLessThan(4);
      assertThat(tasksRunBy(range, range::count)).isEqualTo(range.getNumPartitions());
      List<Tuple2<Integer, Integer>> inOrder = new ArrayList<>(range.collect());
      assertThat(inOrder).as("still sorted").isSortedAccordingTo(ascending ? byKey() : byKey().reversed());
      inOrder.sort(byKey());
      assertThat(PlainJava.multiset(inOrder)).isEqualTo(PlainJava.multiset(expected));
    }
  }

  @Test
  void filterByRangeWithAnotherOrderThanTheSortsReadsEveryPartition() {
    List<Tuple2<Integer, Integer>> pairs = RandomPairs.generate(23, 1_000, 300, 0);
    Comparator<Integer> byLastDigit = Comparator.comparing((Integer k) -> k % 10).thenComparing(k -> k);
    PairRDD<Integer, Integer> sorted = ssc().parallelizePairs(pairs, 2).sortByKey(true, 6);
    List<Tuple2<Integer, Integer>> expected = pairs.stream()
        .filter(kv -> byLastDigit.compare(kv._1(), 3) >= 0 && byLastDigit.compare(kv._1(), 295) <= 0).toList();
    PairRDD<Integer, Integer> range = sorted.filterByRange(byLastDigit, 3, 295);
    assertThat(range.getNumPartitions()).isEqualTo(sorted.getNumPartitions());
    assertThat(PlainJava.multiset(range.collect())).isEqualTo(PlainJava.multiset(expected));

    PairRDD<Integer, Integer> sortedSo = ssc().parallelizePairs(pairs, 2).sortByKey(byLastDigit, true, 6);
    assertThat(sortedSo.filterByRange(byLastDigit, 3, 5).getNumPartitions())
        .as("the same comparator instance prunes").isLessThan(sortedSo.getNumPartitions());
  }

  @Test
  void badArgumentsAreRefused() {
    PairRDD<String, Integer> pairs = ssc().parallelizePairs(LETTER_PAIRS, 2);
    assertThatThrownBy(() -> pairs.filterByRange(null, "b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null key");
    assertThatThrownBy(() -> pairs.repartitionAndSortWithinPartitions(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partitioner");
    assertThatThrownBy(() -> pairs.cogroup(pairs, pairs, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> pairs.cogroup(pairs, null, pairs)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other2");
  }

  @Test
  void tuplesPrintAsScalaDoes() {
    assertThat(new Tuple3<>("a", 1, null)).hasToString("(a,1,null)");
    assertThat(new Tuple4<>("a", 1, 2.5, List.of())).hasToString("(a,1,2.5,[])");
  }

  private static Comparator<Tuple2<Integer, Integer>> byKey() {
    return Comparator.comparing(Tuple2::_1);
  }

  private static void assertSortedWithin(PairRDD<Integer, Integer> rdd, Comparator<Integer> order) {
    for (List<Tuple2<Integer, Integer>> partition : partitions(rdd)) {
      assertThat(partition).extracting(Tuple2::_1).isSortedAccordingTo(order);
    }
  }

  /** For every key of any side, each side's values of the key, sorted. */
  private static Map<Integer, List<List<Integer>>> groupsOf(List<List<Tuple2<Integer, Integer>>> sides) {
    Set<Integer> keys = new HashSet<>();
    List<Map<Integer, List<Integer>>> grouped = new ArrayList<>();
    for (List<Tuple2<Integer, Integer>> side : sides) {
      Map<Integer, List<Integer>> groups = PlainJava.groupByKey(side);
      grouped.add(groups);
      keys.addAll(groups.keySet());
    }
    Map<Integer, List<List<Integer>>> expected = new HashMap<>();
    for (Integer key : keys) {
      List<List<Integer>> lists = new ArrayList<>();
      for (Map<Integer, List<Integer>> groups : grouped) {
        lists.add(sorted(groups.getOrDefault(key, List.of())));
      }
      expected.put(key, lists);
    }
    return expected;
  }

  private static Map<Integer, List<List<Integer>>> threeGroups(
      PairRDD<Integer, Tuple3<Iterable<Integer>, Iterable<Integer>, Iterable<Integer>>> rdd) {
    Map<Integer, List<List<Integer>>> groups = new HashMap<>();
    for (var kv : rdd.collect()) {
      assertThat(groups).doesNotContainKey(kv._1());
      groups.put(kv._1(), List.of(sorted(kv._2()._1()), sorted(kv._2()._2()), sorted(kv._2()._3())));
    }
    return groups;
  }

  private static Map<Integer, List<List<Integer>>> fourGroups(
      PairRDD<Integer, Tuple4<Iterable<Integer>, Iterable<Integer>, Iterable<Integer>, Iterable<Integer>>> rdd) {
    Map<Integer, List<List<Integer>>> groups = new HashMap<>();
    for (var kv : rdd.collect()) {
      assertThat(groups).doesNotContainKey(kv._1());
      groups.put(kv._1(), List.of(sorted(kv._2()._1()), sorted(kv._2()._2()), sorted(kv._2()._3()),
          sorted(kv._2()._4())));
    }
    return groups;
  }

  private static List<Integer> sorted(Iterable<Integer> values) {
    List<Integer> list = new ArrayList<>();
    values.forEach(list::add);
    list.sort(PlainJava.NULLS_FIRST);
    return list;
  }
}
