package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code zip}, {@code zipWithIndex} and {@code zipWithUniqueId} against plain Java, and zips that cannot be. */
class ZipTest extends RddTestBase {

  @Test
  void zipPairsRecordsByPosition() {
    List<Integer> data = range(1000);
    RDD<Integer> numbers = ssc().parallelize(data, 7);
    List<Tuple2<Integer, String>> expected = new ArrayList<>();
    data.forEach(x -> expected.add(new Tuple2<>(x, "n" + x)));
    assertThat(numbers.zip(numbers.map(x -> "n" + x)).collect()).isEqualTo(expected);
  }

  @Test
  void zipRefusesRddsWithDifferentPartitionCounts() {
    RDD<Integer> two = ssc().parallelize(range(10), 2);
    RDD<Integer> three = ssc().parallelize(range(10), 3);
    assertThatThrownBy(() -> two.zip(three)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("this RDD has 2 partitions and the other 3");
  }

  @Test
  void zipFailsTheJobWhenAPartitionHasMoreRecordsOnOneSide() {
    RDD<Integer> numbers = ssc().parallelize(range(10), 2);
    PairRDD<Integer, Integer> mismatched = numbers.zip(numbers.filter(x -> x != 7));
    assertThatThrownBy(mismatched::collect).isInstanceOf(JobFailedException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("zip: in partition 1 the other RDD ran out of records after 4; zip needs the same "
            + "number of records in every partition, as when one RDD is a map of the other");
    assertThatThrownBy(() -> numbers.filter(x -> x != 1).zip(numbers).count()).isInstanceOf(JobFailedException.class)
        .hasRootCauseMessage("zip: in partition 0 the first RDD ran out of records after 4; zip needs the same "
            + "number of records in every partition, as when one RDD is a map of the other");
  }

  @Test
  void zipWithIndexNumbersRecordsInCollectOrder() {
    RDD<Integer> rdd = ssc().parallelize(range(500), 6).filter(x -> x % 3 != 0);
    List<Integer> records = rdd.collect();
    List<Tuple2<Integer, Long>> expected = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      expected.add(new Tuple2<>(records.get(i), (long) i));
    }
    assertThat(rdd.zipWithIndex().collect()).isEqualTo(expected);
  }

  @Test
  void zipWithIndexCountsAllButTheLastPartitionWhenCalled() {
    ComputedPartitions computed = new ComputedPartitions();
    RDD<Integer> rdd = computed.track(ssc().parallelize(range(40), 4));
    PairRDD<Integer, Long> indexed = rdd.zipWithIndex();
    assertThat(computed.indexes()).containsExactly(0, 1, 2);

    computed.reset();
    RDD<Integer> one = computed.track(ssc().parallelize(range(40), 1));
    assertThat(one.zipWithIndex().count()).isEqualTo(40);
    assertThat(indexed.values().collect()).isEqualTo(range(40).stream().map(Integer::longValue).toList());
  }

  @Test
  void zipWithUniqueIdGivesDistinctIdsByTheDocumentedRule() {
    RDD<Integer> rdd = ssc().parallelize(range(103), 5);
    List<List<Integer>> parts = partitions(rdd);
    List<Tuple2<Integer, Long>> expected = new ArrayList<>();
    for (int k = 0; k < parts.size(); k++) {
      for (int i = 0; i < parts.get(k).size(); i++) {
        expected.add(new Tuple2<>(parts.get(k).get(i), (long) i * parts.size() + k));
      }
    }
    List<Tuple2<Integer, Long>> ids = rdd.zipWithUniqueId().collect();
    assertThat(ids).isEqualTo(expected);
    Set<Long> distinct = new HashSet<>();
    ids.forEach(kv -> distinct.add(kv._2()));
    assertThat(distinct).hasSize(103);
    // As Spark slices them, a is in partition 0 and b, c in partition 1: the i-th record of partition k gets
    // i * partitions + k.
    assertThat(ssc().parallelize(List.of("a", "b", "c"), 2).zipWithUniqueId().collect())
        .containsExactly(new Tuple2<>("a", 0L), new Tuple2<>("b", 1L), new Tuple2<>("c", 3L));
  }
}
