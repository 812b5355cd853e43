package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code top}, {@code takeOrdered}, {@code max}, {@code min} and {@code toLocalIterator} against plain Java. */
class OrderedActionsTest extends RddTestBase {

  private static List<Integer> randomNumbers(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(random.nextInt(500));
    }
    return numbers;
  }

  private static <T> List<T> firstSorted(List<T> data, int n, Comparator<? super T> order) {
    List<T> sorted = new ArrayList<>(data);
    sorted.sort(order);
    return sorted.subList(0, Math.min(n, sorted.size()));
  }

  @Test
  void takeOrderedAndTopMatchSortingEverything() {
    List<Integer> data = randomNumbers(1, 2000);
    RDD<Integer> rdd = ssc().parallelize(data, 7);
    for (int n : new int[] {0, 1, 5, 300, 1999, 2000, 5000}) {
      assertThat(rdd.takeOrdered(n)).as("takeOrdered(%s)", n)
          .isEqualTo(firstSorted(data, n, Comparator.naturalOrder()));
      assertThat(rdd.top(n)).as("top(%s)", n).isEqualTo(firstSorted(data, n, Comparator.reverseOrder()));
    }
  }

  @Test
  void takeOrderedAndTopFollowAComparator() {
    List<String> words = List.of("pear", "fig", "banana", "kiwi", "apple", "plum", "cherry", "date");
    RDD<String> rdd = ssc().parallelize(words, 3);
    Comparator<String> byLengthThenText = Comparator.comparingInt(String::length).thenComparing(s -> s);
    assertThat(rdd.takeOrdered(3, byLengthThenText)).isEqualTo(firstSorted(words, 3, byLengthThenText));
    assertThat(rdd.top(3, byLengthThenText)).isEqualTo(firstSorted(words, 3, byLengthThenText.reversed()));
  }

  @Test
  void nullRecordsAreOrderedByTheComparator() {
    List<Integer> data = Arrays.asList(3, null, 1, null, 2);
    RDD<Integer> rdd = ssc().parallelize(data, 2);
    Comparator<Integer> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
    assertThat(rdd.takeOrdered(3, nullsFirst)).isEqualTo(firstSorted(data, 3, nullsFirst));
    assertThat(rdd.top(2, nullsFirst)).containsExactly(3, 2);
  }

  @Test
  void aNegativeCountIsRefused() {
    RDD<Integer> rdd = ssc().parallelize(List.of(1, 2));
    assertThatThrownBy(() -> rdd.takeOrdered(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takeOrdered(-1)").hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> rdd.top(-3, Comparator.naturalOrder())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("top(-3)");
  }

  @Test
  void recordsThatAreNotComparableFailTheJob() {
    RDD<Object> rdd = ssc().parallelize(List.of(new Object(), new Object()), 1);
    assertThatThrownBy(() -> rdd.top(1)).isInstanceOf(JobFailedException.class)
        .hasCauseInstanceOf(ClassCastException.class);
  }

  @Test
  void maxAndMinFollowTheComparator() {
    List<Integer> data = randomNumbers(2, 1000);
    RDD<Integer> rdd = ssc().parallelize(data, 5);
    Comparator<Integer> byLastDigit = Comparator.comparingInt(x -> x % 10);
    assertThat(rdd.max(Comparator.naturalOrder())).isEqualTo(data.stream().max(Comparator.naturalOrder()).get());
    assertThat(rdd.min(Comparator.naturalOrder())).isEqualTo(data.stream().min(Comparator.naturalOrder()).get());
    assertThat(rdd.max(byLastDigit) % 10).isEqualTo(data.stream().max(byLastDigit).get() % 10);
    assertThat(rdd.min(byLastDigit) % 10).isEqualTo(data.stream().min(byLastDigit).get() % 10);
  }

  @Test
  void maxAndMinOfAnEmptyRddThrow() {
    RDD<Integer> empty = ssc().parallelize(List.of(1, 2), 2).filter(x -> false);
    assertThatThrownBy(() -> empty.max(Comparator.naturalOrder())).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("max() on an empty RDD");
    assertThatThrownBy(() -> ssc().<Integer>emptyRDD().min(Comparator.naturalOrder()))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("min() on an empty RDD");
  }

  @Test
  void toLocalIteratorGivesTheRecordsInOrderComputingOnePartitionAtATime() {
    List<Integer> data = randomNumbers(3, 100);
    ComputedPartitions computed = new ComputedPartitions();
    RDD<Integer> rdd = computed.track(ssc().parallelize(data, 5));

    Iterator<Integer> records = rdd.toLocalIterator();
    assertThat(computed.indexes()).as("nothing before the first hasNext").isEmpty();
    assertThat(records.next()).isEqualTo(data.get(0));
    assertThat(computed.indexes()).containsExactly(0);

    List<Integer> all = new ArrayList<>(List.of(data.get(0)));
    records.forEachRemaining(all::add);
    assertThat(all).isEqualTo(data);
    assertThatThrownBy(records::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void toLocalIteratorSkipsEmptyPartitions() {
    RDD<Integer> rdd = ssc().parallelize(List.of(1, 2, 3, 4, 5, 6), 6).filter(x -> x == 1 || x == 6);
    List<Integer> all = new ArrayList<>();
    rdd.toLocalIterator().forEachRemaining(all::add);
    assertThat(all).containsExactly(1, 6);
    assertThat(ssc().emptyRDD().toLocalIterator().hasNext()).isFalse();
  }
}
