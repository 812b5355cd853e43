package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The actions of {@link RDD}: results, empty inputs, and how much they compute. */
class ActionsTest extends RddTestBase {

  @Test
  void collectReturnsRecordsInPartitionOrder() {
    assertThat(ssc().parallelize(range(50), 7).collect()).isEqualTo(range(50));
  }

  @Test
  void collectReturnsAMutableList() {
    List<Integer> all = ssc().parallelize(range(3), 2).collect();
    all.add(99);
    assertThat(all).containsExactly(0, 1, 2, 99);
  }

  @Test
  void countCountsRecords() {
    assertThat(ssc().parallelize(range(1234), 5).filter(x -> x % 2 == 0).count()).isEqualTo(617);
    assertThat(ssc().emptyRDD().count()).isZero();
  }

  @Test
  void firstReturnsTheFirstRecordOfTheFirstNonEmptyPartition() {
    RDD<Integer> rdd = ssc().parallelize(range(10), 5).filter(x -> x >= 5);
    assertThat(rdd.first()).isEqualTo(5);
  }

  @Test
  void firstOfAnEmptyRddThrowsNoSuchElementException() {
    assertThatThrownBy(() -> ssc().emptyRDD().first()).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("empty RDD");
    assertThatThrownBy(() -> ssc().parallelize(range(4), 2).filter(x -> false).first())
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void takeReturnsTheFirstRecordsInOrder() {
    RDD<Integer> rdd = ssc().parallelize(range(100), 10);
    assertThat(rdd.take(0)).isEmpty();
    assertThat(rdd.take(3)).containsExactly(0, 1, 2);
    assertThat(rdd.take(25)).isEqualTo(range(25));
    assertThat(rdd.take(1000)).isEqualTo(range(100));
  }

  @Test
  void takeComputesOnlyThePartitionsItNeeds() {
    ComputedPartitions computed = new ComputedPartitions();
    RDD<Integer> rdd = computed.track(ssc().parallelize(range(100), 10));

    assertThat(rdd.take(5)).containsExactly(0, 1, 2, 3, 4);
    assertThat(computed.indexes()).containsExactly(0);

    computed.reset();
    assertThat(rdd.take(10)).isEqualTo(range(10));
    assertThat(computed.indexes()).containsExactly(0);

    computed.reset();
    rdd.take(11);
    assertThat(computed.indexes()).as("one partition, then four more").containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void takeScansPastEmptyPartitions() {
    ComputedPartitions computed = new ComputedPartitions();
    RDD<Integer> rdd = computed.track(ssc().parallelize(range(100), 10)).filter(x -> x >= 95);
    assertThat(rdd.take(2)).containsExactly(95, 96);
    assertThat(computed.indexes()).hasSize(10);
  }

  @Test
  void takeWithNegativeCountIsRejected() {
    assertThatThrownBy(() -> ssc().parallelize(range(3), 1).take(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("take(-1)");
  }

  @Test
  void isEmptyLooksAtOnePartitionWhenTheFirstHasRecords() {
    ComputedPartitions computed = new ComputedPartitions();
    RDD<Integer> rdd = computed.track(ssc().parallelize(range(100), 10));
    assertThat(rdd.isEmpty()).isFalse();
    assertThat(computed.indexes()).containsExactly(0);
    assertThat(rdd.filter(x -> false).isEmpty()).isTrue();
    assertThat(ssc().emptyRDD().isEmpty()).isTrue();
  }

  @Test
  void reduceCombinesAllRecords() {
    RDD<Integer> rdd = ssc().parallelize(range(101), 6);
    assertThat(rdd.reduce(Integer::sum)).isEqualTo(5050);
    assertThat(ssc().parallelize(List.of(7), 3).reduce(Integer::sum)).as("two empty partitions").isEqualTo(7);
  }

  @Test
  void reduceOfAnEmptyRddThrowsNoSuchElementException() {
    assertThatThrownBy(() -> ssc().<Integer>emptyRDD().reduce(Integer::sum))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("fold()");
  }

  @Test
  void foldStartsEachPartitionAndTheMergeFromTheZero() {
    RDD<Integer> rdd = ssc().parallelize(range(10), 4);
    assertThat(rdd.fold(0, Integer::sum)).isEqualTo(45);
    // With zero 1 under *, the zero is neutral; an empty RDD folds to the zero.
    assertThat(ssc().parallelize(List.of(2, 3, 4), 3).fold(1, (a, b) -> a * b)).isEqualTo(24);
    assertThat(ssc().<Integer>emptyRDD().fold(0, Integer::sum)).isZero();
  }

  @Test
  void aggregateComputesAnAccumulatorOfAnotherType() {
    RDD<String> words = ssc().parallelize(List.of("a", "bb", "ccc", "dddd"), 3);
    int[] lengthAndCount = words.aggregate(new int[2], (acc, w) -> {
      acc[0] += w.length();
      acc[1]++;
      return acc;
    }, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]});
    assertThat(lengthAndCount).containsExactly(10, 4);
  }

  @Test
  void foreachVisitsEveryRecord() {
    ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
    ssc().parallelize(range(200), 8).foreach(seen::add);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(range(200));
  }

  @Test
  void foreachPartitionVisitsEveryPartitionOnce() {
    ConcurrentLinkedQueue<List<Integer>> seen = new ConcurrentLinkedQueue<>();
    RDD<Integer> rdd = ssc().parallelize(range(20), 6);
    rdd.foreachPartition(it -> {
      List<Integer> part = new ArrayList<>();
      it.forEachRemaining(part::add);
      seen.add(part);
    });
    assertThat(seen).containsExactlyInAnyOrderElementsOf(partitions(rdd));
  }

  @Test
  void countByValueCountsEachDistinctRecordIncludingNull() {
    List<String> data = Arrays.asList("a", "b", "a", null, "c", "a", null);
    Map<String, Long> counts = ssc().parallelize(data, 3).countByValue();
    assertThat(counts).isEqualTo(PlainJava.multiset(data));
  }

  @Test
  void actionsOnTheZeroPartitionRddSeeNoRecords() {
    RDD<Integer> empty = ssc().emptyRDD();
    assertThat(empty.getNumPartitions()).isZero();
    assertThat(empty.collect()).isEmpty();
    assertThat(empty.take(3)).isEmpty();
    assertThat(empty.countByValue()).isEmpty();
    assertThat(empty.glom().collect()).isEmpty();
    assertThat(empty.map(x -> x + 1).distinct().collect()).isEmpty();
  }

  @Test
  void actionsAfterTheContextStoppedAreRejected() {
    RDD<Integer> rdd = ssc().parallelize(range(4), 2);
    RDD<Integer> empty = ssc().emptyRDD();
    ssc().stop();
    for (Runnable action : List.<Runnable>of(rdd::count, rdd::collect, () -> rdd.take(1), empty::count)) {
      assertThatThrownBy(action::run).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("was stopped").hasMessageContaining("create a new context");
    }
  }

  @Test
  void pairActionsCountAndCollectByKey() {
    List<Tuple2<String, Integer>> data = List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2), new Tuple2<>("a", 3));
    PairRDD<String, Integer> pairs = ssc().parallelizePairs(data, 2);
    assertThat(pairs.countByKey()).containsOnly(Map.entry("a", 2L), Map.entry("b", 1L));
    Map<String, Integer> asMap = pairs.collectAsMap();
    assertThat(asMap).containsOnlyKeys("a", "b").containsEntry("b", 2);
    assertThat(asMap.get("a")).isIn(1, 3);
  }

  @Test
  void idsAreUniqueAndToStringNamesTheOperation() {
    RDD<Integer> rdd = ssc().parallelize(range(3), 1);
    RDD<Integer> mapped = rdd.map(x -> x);
    RDD<Integer> filtered = rdd.filter(x -> true);
    assertThat(List.of(rdd.id(), mapped.id(), filtered.id())).doesNotHaveDuplicates();
    assertThat(mapped).hasToString("map[" + mapped.id() + "]");
    assertThat(rdd).hasToString("ParallelCollection[" + rdd.id() + "]");
  }
}
