package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import io.dstream.function.FlatMapFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The narrow transformations of {@link RDD}: what each computes and how it lays out partitions. */
class NarrowTransformationsTest extends RddTestBase {

  @Test
  void mapAppliesTheFunctionToEveryRecordInOrder() {
    RDD<Integer> rdd = ssc().parallelize(range(10), 3);
    assertThat(rdd.map(x -> "v" + x).collect())
        .isEqualTo(range(10).stream().map(x -> "v" + x).collect(Collectors.toList()));
  }

  @Test
  void mapKeepsThePartitionLayout() {
    RDD<Integer> rdd = ssc().parallelize(range(10), 3);
    assertThat(partitions(rdd.map(x -> x * 10)))
        .isEqualTo(partitions(rdd).stream()
            .map(p -> p.stream().map(x -> x * 10).collect(Collectors.toList())).collect(Collectors.toList()));
  }

  @Test
  void flatMapReplacesEachRecordByZeroOrMoreRecords() {
    RDD<String> lines = ssc().parallelize(List.of("a b", "", "c d e"), 2);
    assertThat(lines.flatMap(l -> l.isEmpty() ? Collections.emptyIterator() : Arrays.asList(l.split(" ")).iterator())
        .collect()).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void flatMapFunctionReturningNullFailsWithAClearMessage() {
    RDD<Integer> rdd = ssc().parallelize(List.of(1), 1);
    assertThatThrownBy(() -> rdd.<Integer>flatMap(x -> null).collect())
        .isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("returned null");
  }

  @Test
  void filterKeepsMatchingRecords() {
    RDD<Integer> rdd = ssc().parallelize(range(20), 4);
    assertThat(rdd.filter(x -> x % 3 == 0).collect()).containsExactly(0, 3, 6, 9, 12, 15, 18);
  }

  @Test
  void mapPartitionsSeesEachPartitionWhole() {
    RDD<Integer> rdd = ssc().parallelize(range(10), 3);
    RDD<Integer> sums = rdd.mapPartitions(it -> {
      int sum = 0;
      while (it.hasNext()) {
        sum += it.next();
      }
      return List.of(sum).iterator();
    });
    List<Integer> expected = partitions(rdd).stream()
        .map(p -> p.stream().mapToInt(Integer::intValue).sum()).collect(Collectors.toList());
    assertThat(sums.collect()).isEqualTo(expected);
  }

  @Test
  void mapPartitionsWithIndexPassesThePartitionIndex() {
    RDD<Integer> rdd = ssc().parallelize(range(9), 3);
    RDD<String> tagged = rdd.mapPartitionsWithIndex((index, it) -> {
      List<String> out = new ArrayList<>();
      it.forEachRemaining(x -> out.add(index + ":" + x));
      return out.iterator();
    }, false);
    assertThat(tagged.collect()).containsExactly("0:0", "0:1", "0:2", "1:3", "1:4", "1:5", "2:6", "2:7", "2:8");
  }

  @Test
  void mapPartitionsKeepsThePartitionerOnlyWhenAskedTo() {
    PairRDD<Integer, Integer> placed = ssc().parallelizePairs(List.of(new Tuple2<>(1, 1)), 2)
        .partitionBy(new HashPartitioner(3));
    FlatMapFunction<Iterator<Tuple2<Integer, Integer>>, Tuple2<Integer, Integer>> identity = it -> it;
    assertThat(PairRDD.fromRDD(placed.mapPartitions(identity, true)).partitioner())
        .contains(new HashPartitioner(3));
    assertThat(PairRDD.fromRDD(placed.mapPartitions(identity, false)).partitioner()).isEmpty();
  }

  @Test
  void mapToPairAndFlatMapToPairMakePairs() {
    RDD<String> words = ssc().parallelize(List.of("ab", "c"), 2);
    assertThat(words.mapToPair(w -> new Tuple2<>(w, w.length())).collect())
        .containsExactly(new Tuple2<>("ab", 2), new Tuple2<>("c", 1));
    assertThat(words.flatMapToPair(w -> w.chars().mapToObj(c -> new Tuple2<>(w, (char) c)).iterator()).collect())
        .containsExactly(new Tuple2<>("ab", 'a'), new Tuple2<>("ab", 'b'), new Tuple2<>("c", 'c'));
  }

  @Test
  void keyByPairsEachRecordWithItsKey() {
    RDD<String> words = ssc().parallelize(List.of("apple", "kiwi"), 2);
    assertThat(words.keyBy(String::length).collect())
        .containsExactly(new Tuple2<>(5, "apple"), new Tuple2<>(4, "kiwi"));
  }

  @Test
  void glomTurnsEachPartitionIntoAList() {
    RDD<Integer> rdd = ssc().parallelize(range(5), 2);
    assertThat(rdd.glom().collect()).containsExactly(List.of(0, 1), List.of(2, 3, 4));
  }

  @Test
  void unionPutsTheOtherRddsPartitionsAfterThisOnesAndKeepsDuplicates() {
    RDD<Integer> left = ssc().parallelize(List.of(1, 2, 3), 2);
    RDD<Integer> right = ssc().parallelize(List.of(3, 4), 3);
    RDD<Integer> union = left.union(right);
    assertThat(union.getNumPartitions()).isEqualTo(5);
    assertThat(union.collect()).containsExactly(1, 2, 3, 3, 4);
    assertThat(partitions(union)).isEqualTo(concat(partitions(left), partitions(right)));
  }

  @Test
  void unionWithAnEmptyRddHasTheOtherRddsRecords() {
    RDD<Integer> rdd = ssc().parallelize(List.of(1, 2), 2);
    assertThat(rdd.union(ssc().emptyRDD()).collect()).containsExactly(1, 2);
    assertThat(ssc().<Integer>emptyRDD().union(rdd).collect()).containsExactly(1, 2);
  }

  @Test
  void coalesceMergesNeighbouringPartitionsKeepingOrder() {
    RDD<Integer> rdd = ssc().parallelize(range(12), 6);
    RDD<Integer> merged = rdd.coalesce(3);
    assertThat(merged.getNumPartitions()).isEqualTo(3);
    assertThat(merged.collect()).isEqualTo(range(12));
    List<List<Integer>> before = partitions(rdd);
    assertThat(partitions(merged)).containsExactly(concat(before.get(0), before.get(1)),
        concat(before.get(2), before.get(3)), concat(before.get(4), before.get(5)));
  }

  @Test
  void coalesceWithoutShuffleNeverAddsPartitions() {
    RDD<Integer> rdd = ssc().parallelize(range(4), 2);
    assertThat(rdd.coalesce(10).getNumPartitions()).isEqualTo(2);
    assertThat(rdd.coalesce(10, false).collect()).isEqualTo(range(4));
  }

  @Test
  void coalesceWithShuffleCanAddPartitionsAndKeepsEveryRecord() {
    RDD<Integer> rdd = ssc().parallelize(range(100), 2);
    RDD<Integer> spread = rdd.coalesce(7, true);
    assertThat(spread.getNumPartitions()).isEqualTo(7);
    assertThat(spread.collect()).containsExactlyInAnyOrderElementsOf(range(100));
  }

  @Test
  void repartitionSpreadsRecordsEvenly() {
    RDD<Integer> rdd = ssc().parallelize(range(100), 1);
    RDD<Integer> spread = rdd.repartition(4);
    assertThat(spread.getNumPartitions()).isEqualTo(4);
    assertThat(spread.collect()).containsExactlyInAnyOrderElementsOf(range(100));
    assertThat(partitions(spread)).allSatisfy(p -> assertThat(p).hasSize(25));
  }

  @Test
  void repartitionOfAnEmptyRddGivesEmptyPartitions() {
    RDD<Integer> spread = ssc().<Integer>emptyRDD().repartition(3);
    assertThat(spread.getNumPartitions()).isEqualTo(3);
    assertThat(spread.collect()).isEmpty();
  }

  @Test
  void distinctRemovesDuplicatesIncludingNull() {
    RDD<Integer> rdd = ssc().parallelize(Arrays.asList(3, 1, 3, null, 2, 1, null), 3);
    assertThat(rdd.distinct().collect()).containsExactlyInAnyOrder(1, 2, 3, null);
    RDD<Integer> inTwo = rdd.distinct(2);
    assertThat(inTwo.getNumPartitions()).isEqualTo(2);
    assertThat(inTwo.collect()).containsExactlyInAnyOrder(1, 2, 3, null);
  }

  @Test
  void partitionCountsMustBePositive() {
    RDD<Integer> rdd = ssc().parallelize(range(4), 2);
    assertThatThrownBy(() -> rdd.coalesce(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, got 0");
    assertThatThrownBy(() -> rdd.coalesce(-1, true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -1");
    assertThatThrownBy(() -> rdd.repartition(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rdd.distinct(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ssc().parallelize(range(4), 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slices must be positive");
  }

  @Test
  void transformationsAreLazy() {
    RDD<Integer> rdd = ssc().parallelize(range(4), 2);
    RDD<Integer> failing = rdd.map(x -> {
      throw new IllegalStateException("computed too early");
    });
    RDD<Integer> chain = failing.filter(x -> true).union(rdd).coalesce(1);
    assertThat(chain.getNumPartitions()).isEqualTo(1);
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T>... lists) {
    List<T> all = new ArrayList<>();
    for (List<T> list : lists) {
      all.addAll(list);
    }
    return all;
  }
}
