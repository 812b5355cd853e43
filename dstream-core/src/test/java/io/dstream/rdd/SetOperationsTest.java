package io.dstream.rdd;

import static io.dstream.rdd.PlainJava.multiset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code subtract}, {@code intersection}, {@code cartesian}, {@code groupBy} and {@code sortBy} against plain Java. */
class SetOperationsTest extends RddTestBase {

  private static List<Integer> randomNumbers(long seed, int count, int bound) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(random.nextInt(bound));
    }
    return numbers;
  }

  @Test
  void subtractKeepsEveryOccurrenceOfTheRecordsAbsentFromTheOther() {
    List<Integer> left = randomNumbers(1, 3000, 400);
    List<Integer> right = randomNumbers(2, 500, 800);
    Set<Integer> removed = new HashSet<>(right);
    List<Integer> expected = left.stream().filter(x -> !removed.contains(x)).toList();

    RDD<Integer> rdd = ssc().parallelize(left, 6);
    RDD<Integer> other = ssc().parallelize(right, 3);
    assertThat(multiset(rdd.subtract(other).collect())).isEqualTo(multiset(expected));
    assertThat(rdd.subtract(other).getNumPartitions()).as("this RDD's partition count").isEqualTo(6);
    assertThat(multiset(rdd.subtract(other, 2).collect())).isEqualTo(multiset(expected));
    assertThat(rdd.subtract(other, 2).getNumPartitions()).isEqualTo(2);
    assertThat(multiset(rdd.subtract(other, new HashPartitioner(5)).collect())).isEqualTo(multiset(expected));
  }

  @Test
  void subtractAndIntersectionHandleNullRecords() {
    RDD<String> rdd = ssc().parallelize(Arrays.asList("a", null, "b", null), 2);
    RDD<String> other = ssc().parallelize(Arrays.asList(null, "b", "c"), 2);
    assertThat(rdd.subtract(other).collect()).containsExactly("a");
    assertThat(rdd.intersection(other).collect()).containsExactlyInAnyOrder(null, "b");
  }

  @Test
  void intersectionGivesTheDistinctCommonRecords() {
    List<Integer> left = randomNumbers(3, 2000, 300);
    List<Integer> right = randomNumbers(4, 2000, 600);
    Set<Integer> expected = new HashSet<>(left);
    expected.retainAll(new HashSet<>(right));

    List<Integer> common = ssc().parallelize(left, 4).intersection(ssc().parallelize(right, 7)).collect();
    assertThat(common).doesNotHaveDuplicates();
    assertThat(new HashSet<>(common)).isEqualTo(expected);
  }

  @Test
  void aPartitionCountBelowOneIsRefused() {
    RDD<Integer> rdd = ssc().parallelize(List.of(1, 2));
    assertThatThrownBy(() -> rdd.subtract(rdd, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subtract").hasMessageContaining("got 0");
    assertThatThrownBy(() -> rdd.groupBy(x -> x, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -1");
  }

  @Test
  void cartesianPairsEveryRecordOfOneWithEveryRecordOfTheOther() {
    List<Integer> left = randomNumbers(5, 30, 10);
    List<String> right = List.of("x", "y", "z", "x");
    List<Tuple2<Integer, String>> expected = new ArrayList<>();
    for (Integer l : left) {
      for (String r : right) {
        expected.add(new Tuple2<>(l, r));
      }
    }
    PairRDD<Integer, String> product = ssc().parallelize(left, 3).cartesian(ssc().parallelize(right, 2));
    assertThat(product.getNumPartitions()).isEqualTo(6);
    assertThat(multiset(product.collect())).isEqualTo(multiset(expected));
    assertThat(product.count()).isEqualTo(left.size() * right.size());
    assertThat(ssc().parallelize(left, 3).cartesian(ssc().emptyRDD()).collect()).isEmpty();
  }

  @Test
  void groupByGroupsTheRecordsByTheirKey() {
    List<Integer> data = randomNumbers(6, 1000, 1000);
    Map<Integer, List<Integer>> expected = new HashMap<>();
    for (Integer x : data) {
      expected.computeIfAbsent(x % 7, k -> new ArrayList<>()).add(x);
    }
    PairRDD<Integer, Iterable<Integer>> groups = ssc().parallelize(data, 4).groupBy(x -> x % 7);
    assertThat(PlainJava.sortedGroups(PlainJava.uniqueKeys(groups.collect())))
        .isEqualTo(PlainJava.sortedGroups(expected));
    PairRDD<Integer, Iterable<Integer>> inThree = ssc().parallelize(data, 4).groupBy(x -> x % 7, 3);
    assertThat(inThree.getNumPartitions()).isEqualTo(3);
    assertThat(PlainJava.sortedGroups(PlainJava.uniqueKeys(inThree.collect())))
        .isEqualTo(PlainJava.sortedGroups(expected));
  }

  @Test
  void sortBySortsByTheComputedKeyInEitherDirection() {
    List<Integer> data = randomNumbers(7, 2000, 100000);
    Comparator<Integer> byLastDigits = Comparator.comparingInt(x -> x % 1000);
    List<Integer> ascending = ssc().parallelize(data, 5).sortBy(x -> x % 1000, true, 3).collect();
    List<Integer> descending = ssc().parallelize(data, 5).sortBy(x -> x % 1000, false, 4).collect();

    List<Integer> expected = new ArrayList<>(data);
    expected.sort(byLastDigits);
    assertThat(ascending.stream().map(x -> x % 1000).toList()).isEqualTo(expected.stream().map(x -> x % 1000).toList());
    assertThat(multiset(ascending)).isEqualTo(multiset(data));
    expected.sort(byLastDigits.reversed());
    assertThat(descending.stream().map(x -> x % 1000).toList())
        .isEqualTo(expected.stream().map(x -> x % 1000).toList());
  }
}
