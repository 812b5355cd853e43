package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link PairRDD#sortByKey}: total order across partitions, directions, comparators and misuse. */
class SortByKeyTest extends RddTestBase {

  private PairRDD<Integer, String> shuffledNumbers(int count, int slices) {
    SplittableRandom random = new SplittableRandom(42);
    List<Tuple2<Integer, String>> data = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int key = random.nextInt(count / 2);
      data.add(new Tuple2<>(key, "v" + key));
    }
    return ssc().parallelizePairs(data, slices);
  }

  @Test
  void sortsAscendingAcrossPartitions() {
    PairRDD<Integer, String> input = shuffledNumbers(2000, 7);
    PairRDD<Integer, String> sorted = input.sortByKey();
    List<Integer> expected = new ArrayList<>(input.keys().collect());
    expected.sort(Comparator.naturalOrder());
    assertThat(sorted.keys().collect()).isEqualTo(expected);
    assertThat(sorted.getNumPartitions()).isBetween(2, 7);
    assertThat(partitions(sorted)).filteredOn(p -> !p.isEmpty()).hasSizeGreaterThan(1);
  }

  @Test
  void sortsDescending() {
    PairRDD<Integer, String> input = shuffledNumbers(1000, 4);
    List<Integer> expected = new ArrayList<>(input.keys().collect());
    expected.sort(Comparator.reverseOrder());
    assertThat(input.sortByKey(false).keys().collect()).isEqualTo(expected);
    assertThat(input.sortByKey(false, 3).keys().collect()).isEqualTo(expected);
    assertThat(input.sortByKey(false, 3).getNumPartitions()).isLessThanOrEqualTo(3);
  }

  @Test
  void sortsByAComparatorInEitherDirection() {
    PairRDD<String, Integer> words = ssc().parallelizePairs(List.of(new Tuple2<>("ccc", 1), new Tuple2<>("a", 2),
        new Tuple2<>("bb", 3), new Tuple2<>("dddd", 4)), 3);
    Comparator<String> byLength = Comparator.comparingInt(String::length);
    assertThat(words.sortByKey(byLength).keys().collect()).containsExactly("a", "bb", "ccc", "dddd");
    assertThat(words.sortByKey(byLength, false).keys().collect()).containsExactly("dddd", "ccc", "bb", "a");
    assertThat(words.sortByKey(byLength, true, 2).values().collect()).containsExactly(2, 3, 1, 4);
  }

  @Test
  void keepsEveryValueOfEqualKeys() {
    PairRDD<Integer, String> input = ssc().parallelizePairs(List.of(new Tuple2<>(2, "x"), new Tuple2<>(1, "y"),
        new Tuple2<>(2, "z"), new Tuple2<>(1, "w")), 2);
    List<Tuple2<Integer, String>> sorted = input.sortByKey().collect();
    assertThat(sorted).extracting(Tuple2::_1).containsExactly(1, 1, 2, 2);
    assertThat(sorted).extracting(Tuple2::_2).containsExactlyInAnyOrder("x", "y", "z", "w");
  }

  @Test
  void sortsEmptyAndSingleRecordInputs() {
    PairRDD<Integer, String> empty = PairRDD.fromRDD(ssc().emptyRDD());
    assertThat(empty.sortByKey().collect()).isEmpty();
    assertThat(ssc().parallelizePairs(List.of(new Tuple2<>(1, "a")), 3).sortByKey(false).collect())
        .containsExactly(new Tuple2<>(1, "a"));
  }

  @Test
  void nonComparableKeysWithoutAComparatorAreRejectedWithAClearMessage() {
    PairRDD<Object, Integer> input = ssc().parallelizePairs(List.of(new Tuple2<>(new Object(), 1),
        new Tuple2<>(new Object(), 2)), 2);
    assertThatThrownBy(input::sortByKey).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object is not Comparable").hasMessageContaining("pass a Comparator");
  }

  @Test
  void aSingleNonComparableKeyIsRejectedToo() {
    PairRDD<Object, Integer> input = ssc().parallelizePairs(List.of(new Tuple2<>(new Object(), 1)), 1);
    assertThatThrownBy(() -> input.sortByKey(false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not Comparable");
  }

  @Test
  void aNullKeyWithoutAComparatorIsRejectedButANullTolerantComparatorSortsIt() {
    PairRDD<Integer, String> input = ssc().parallelizePairs(Arrays.asList(new Tuple2<>(2, "b"),
        new Tuple2<>(null, "n"), new Tuple2<>(1, "a")), 2);
    assertThatThrownBy(input::sortByKey).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null key").hasMessageContaining("Comparator.nullsFirst");
    assertThat(input.sortByKey(Comparator.nullsFirst(Comparator.<Integer>naturalOrder())).values().collect())
        .containsExactly("n", "a", "b");
  }

  @Test
  void nonPositivePartitionCountIsRejected() {
    PairRDD<Integer, String> input = shuffledNumbers(10, 2);
    assertThatThrownBy(() -> input.sortByKey(true, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, got 0");
    assertThatThrownBy(() -> input.sortByKey(Comparator.naturalOrder(), true, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1");
  }
}
