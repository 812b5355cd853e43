package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The by-key aggregations and per-value transformations of {@link PairRDD}, and where their results are
 * placed (partition counts and partitioners).
 */
class PairAggregationTest extends RddTestBase {
  private PairRDD<String, Integer> pairs() {
    return ssc().parallelizePairs(LETTER_PAIRS, 3);
  }

  @Test
  void reduceByKeyMergesTheValuesOfEachKey() {
    assertThat(PlainJava.uniqueKeys(pairs().reduceByKey(Integer::sum).collect()))
        .isEqualTo(Map.of("a", 10, "b", 7, "c", 4));
  }

  @Test
  void reduceByKeyPlacesResultsWhereItsPartitionerSays() {
    HashPartitioner byHash = new HashPartitioner(5);
    PairRDD<String, Integer> reduced = pairs().reduceByKey(byHash, Integer::sum);
    assertThat(reduced.getNumPartitions()).isEqualTo(5);
    assertPlacedBy(reduced, byHash);
  }

  @Test
  void numPartitionsVariantsUseAHashPartitionerOfThatSize() {
    PairRDD<String, Integer> p = pairs();
    PairRDD<String, Integer> other = ssc().parallelizePairs(List.of(new Tuple2<>("a", 0)), 1);
    List<PairRDD<String, ?>> results = List.of(p.reduceByKey(Integer::sum, 4), p.groupByKey(4),
        p.combineByKey(v -> v, Integer::sum, Integer::sum, 4), p.aggregateByKey(0, 4, Integer::sum, Integer::sum),
        p.foldByKey(0, 4, Integer::sum), p.cogroup(other, 4), p.join(other, 4), p.leftOuterJoin(other, 4),
        p.rightOuterJoin(other, 4), p.fullOuterJoin(other, 4), p.subtractByKey(other, 4));
    for (PairRDD<String, ?> result : results) {
      assertThat(result.getNumPartitions()).as(result.toString()).isEqualTo(4);
      assertThat(result.partitioner()).as(result.toString()).contains(new HashPartitioner(4));
    }
  }

  @Test
  void partitionerVariantsUseThatPartitioner() {
    Partitioner firstLetterFirst = new FirstCharPartitioner();
    PairRDD<String, Integer> p = pairs();
    PairRDD<String, Integer> other = ssc().parallelizePairs(List.of(new Tuple2<>("a", 0)), 1);
    List<PairRDD<String, ?>> results = List.of(p.reduceByKey(firstLetterFirst, Integer::sum),
        p.groupByKey(firstLetterFirst), p.combineByKey(v -> v, Integer::sum, Integer::sum, firstLetterFirst),
        p.combineByKey(v -> v, Integer::sum, Integer::sum, firstLetterFirst, false),
        p.aggregateByKey(0, firstLetterFirst, Integer::sum, Integer::sum),
        p.foldByKey(0, firstLetterFirst, Integer::sum), p.partitionBy(firstLetterFirst),
        p.cogroup(other, firstLetterFirst), p.join(other, firstLetterFirst),
        p.leftOuterJoin(other, firstLetterFirst), p.rightOuterJoin(other, firstLetterFirst),
        p.fullOuterJoin(other, firstLetterFirst), p.subtractByKey(other, firstLetterFirst));
    for (PairRDD<String, ?> result : results) {
      assertPlacedBy(result, firstLetterFirst);
    }
  }

  @Test
  void byKeyOperationsWithoutPartitionCountUseTheLargestParentCount() {
    PairRDD<String, Integer> p = pairs();
    assertThat(p.reduceByKey(Integer::sum).getNumPartitions()).isEqualTo(3);
    assertThat(p.join(ssc().parallelizePairs(LETTER_PAIRS, 5)).getNumPartitions()).isEqualTo(5);
    assertThat(ssc().<Tuple2<String, Integer>>emptyRDD().getNumPartitions()).isZero();
    assertThat(PairRDD.fromRDD(ssc().<Tuple2<String, Integer>>emptyRDD()).reduceByKey(Integer::sum).collect())
        .isEmpty();
  }

  @Test
  void byKeyOperationsWithoutPartitionCountPreferAParentsPartitioner() {
    Partitioner placed = new HashPartitioner(2);
    PairRDD<String, Integer> partitioned = pairs().partitionBy(placed);
    PairRDD<String, Integer> wide = ssc().parallelizePairs(LETTER_PAIRS, 6);
    assertThat(partitioned.reduceByKey(Integer::sum).partitioner()).contains(placed);
    assertThat(wide.join(partitioned).partitioner()).contains(placed);
  }

  @Test
  void partitionCountsOfByKeyOperationsMustBePositive() {
    PairRDD<String, Integer> p = pairs();
    assertThatThrownBy(() -> p.reduceByKey(Integer::sum, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, got 0");
    assertThatThrownBy(() -> p.groupByKey(-2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.join(p, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HashPartitioner(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
  }

  @Test
  void groupByKeyGathersAllValuesOfEachKey() {
    Map<String, Iterable<Integer>> groups = PlainJava.uniqueKeys(pairs().groupByKey().collect());
    assertThat(PlainJava.sortedGroups(groups))
        .isEqualTo(Map.of("a", List.of(1, 3, 6), "b", List.of(2, 5), "c", List.of(4)));
  }

  @Test
  void combineByKeyWithAndWithoutMapSideCombineAgree() {
    PairRDD<String, Integer> p = pairs();
    Map<String, List<Integer>> expected = Map.of("a", List.of(1, 3, 6), "b", List.of(2, 5), "c", List.of(4));
    for (boolean mapSideCombine : new boolean[] {true, false}) {
      PairRDD<String, List<Integer>> combined = p.combineByKey(v -> new ArrayList<>(List.of(v)), (list, v) -> {
        list.add(v);
        return list;
      }, (a, b) -> {
        a.addAll(b);
        return a;
      }, new HashPartitioner(2), mapSideCombine);
      assertThat(PlainJava.sortedGroups(PlainJava.uniqueKeys(combined.collect())))
          .as("mapSideCombine=%s", mapSideCombine).isEqualTo(expected);
    }
    PairRDD<String, Integer> sums = p.combineByKey(v -> v, Integer::sum, Integer::sum);
    assertThat(PlainJava.uniqueKeys(sums.collect())).isEqualTo(Map.of("a", 10, "b", 7, "c", 4));
  }

  @Test
  void foldByKeyFoldsFromTheZeroPerKey() {
    assertThat(PlainJava.uniqueKeys(pairs().foldByKey(0, Integer::sum).collect()))
        .isEqualTo(Map.of("a", 10, "b", 7, "c", 4));
    StringBuilder zero = new StringBuilder();
    PairRDD<String, StringBuilder> text = ssc().parallelizePairs(List.of(new Tuple2<>("x", new StringBuilder("1")),
        new Tuple2<>("y", new StringBuilder("2")), new Tuple2<>("x", new StringBuilder("3"))), 1);
    Map<String, String> folded = new HashMap<>();
    text.foldByKey(zero, StringBuilder::append).collect().forEach(kv -> folded.put(kv._1(), kv._2().toString()));
    assertThat(folded).isEqualTo(Map.of("x", "13", "y", "2"));
    assertThat(zero).isEmpty();
  }

  @Test
  void mapValuesAndFlatMapValuesKeepKeysAndPartitioner() {
    PairRDD<String, Integer> placed = pairs().partitionBy(new HashPartitioner(2));
    PairRDD<String, Integer> doubled = placed.mapValues(v -> v * 2);
    assertThat(doubled.collect()).containsExactlyInAnyOrder(new Tuple2<>("a", 2), new Tuple2<>("b", 4),
        new Tuple2<>("a", 6), new Tuple2<>("c", 8), new Tuple2<>("b", 10), new Tuple2<>("a", 12));
    assertThat(doubled.partitioner()).contains(new HashPartitioner(2));

    PairRDD<String, Integer> repeated =
        placed.flatMapValues(v -> v <= 2 ? List.of(v, v).iterator() : List.<Integer>of().iterator());
    assertThat(repeated.collect()).containsExactlyInAnyOrder(
        new Tuple2<>("a", 1), new Tuple2<>("a", 1), new Tuple2<>("b", 2), new Tuple2<>("b", 2));
    assertThat(repeated.partitioner()).contains(new HashPartitioner(2));
  }

  @Test
  void transformationsThatMayMoveKeysDropThePartitioner() {
    PairRDD<String, Integer> placed = pairs().partitionBy(new HashPartitioner(2));
    assertThat(placed.filter(kv -> kv._2() > 1).partitioner()).contains(new HashPartitioner(2));
    assertThat(PairRDD.fromRDD(placed.map(kv -> kv)).partitioner()).isEmpty();
    assertThat(placed.mapToPair(kv -> kv).partitioner()).isEmpty();
    assertThat(placed.union(placed).partitioner()).isEmpty();
    assertThat(pairs().partitioner()).isEmpty();
  }

  @Test
  void keysAndValuesProjectThePairs() {
    assertThat(pairs().keys().collect()).containsExactly("a", "b", "a", "c", "b", "a");
    assertThat(pairs().values().collect()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void partitionByPlacesEveryRecordAndKeepsDuplicates() {
    PairRDD<String, Integer> placed = pairs().partitionBy(new FirstCharPartitioner());
    assertThat(partitions(placed)).containsExactly(
        List.of(new Tuple2<>("a", 1), new Tuple2<>("a", 3), new Tuple2<>("a", 6)),
        List.of(new Tuple2<>("b", 2), new Tuple2<>("b", 5)), List.of(new Tuple2<>("c", 4)));
    assertThat(placed.partitionBy(placed.partitioner().orElseThrow())).isSameAs(placed);
  }

  @Test
  void nullKeysAndNullValuesAreGroupedLikeAnyOther() {
    PairRDD<String, Integer> withNulls = ssc().parallelizePairs(Arrays.asList(new Tuple2<>(null, 1),
        new Tuple2<>("a", null), new Tuple2<>(null, 2), new Tuple2<>("a", 3)), 2);
    assertThat(PlainJava.uniqueKeys(withNulls.reduceByKey(PlainJava.SUM_IGNORING_NULLS::apply, 3).collect()))
        .isEqualTo(PlainJava.reduceByKey(withNulls.collect(), PlainJava.SUM_IGNORING_NULLS));
    assertThat(PlainJava.sortedGroups(PlainJava.uniqueKeys(withNulls.groupByKey(3).collect())))
        .isEqualTo(PlainJava.sortedGroups(PlainJava.groupByKey(withNulls.collect())));
  }

  @Test
  void fromRddViewsAnRddOfPairsAsAPairRdd() {
    RDD<Tuple2<String, Integer>> plain = ssc().parallelize(LETTER_PAIRS, 2);
    PairRDD<String, Integer> viewed = PairRDD.fromRDD(plain);
    assertThat(viewed.id()).isEqualTo(plain.id());
    assertThat(PairRDD.fromRDD(viewed)).isSameAs(viewed);
    assertThat(viewed.countByKey()).containsEntry("a", 3L);
  }

  /** Places keys by their first letter: {@code a} in 0, {@code b} in 1, anything else in 2. */
  private static final class FirstCharPartitioner extends Partitioner {
    @Override
    public int numPartitions() {
      return 3;
    }

    @Override
    public int getPartition(Object key) {
      return Math.min(2, Math.max(0, key.toString().charAt(0) - 'a'));
    }
  }
}
