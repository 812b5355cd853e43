package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, partitions, {@code mapPartitionsToPair} and {@code mapToDouble}. */
class RddDescriptionTest extends RddTestBase {

  @Test
  void aNameShowsInTheLineage() {
    RDD<Integer> numbers = ssc().parallelize(range(6), 2).setName("numbers");
    assertThat(numbers.name()).isEqualTo("numbers");
    RDD<Integer> doubled = numbers.map(x -> 2 * x);
    assertThat(doubled.name()).as("a child has its own name").isNull();
    assertThat(doubled.toDebugString()).isEqualTo("(2) map[" + doubled.id() + "]\n |  (2) numbers ParallelCollection["
        + numbers.id() + "]");
    assertThat(numbers.setName("renamed").toDebugString()).startsWith("(2) renamed ParallelCollection[");
  }

  @Test
  void partitionsListsEveryPartitionByIndex() {
    RDD<Integer> rdd = ssc().parallelize(range(10), 4);
    List<Partition> partitions = rdd.partitions();
    assertThat(partitions).hasSize(rdd.getNumPartitions());
    for (int i = 0; i < partitions.size(); i++) {
      assertThat(partitions.get(i).index()).isEqualTo(i);
    }
    assertThat(ssc().emptyRDD().partitions()).isEmpty();
  }

  @Test
  void mapPartitionsToPairSeesWholePartitions() {
    RDD<Integer> rdd = ssc().parallelize(range(10), 3);
    List<Tuple2<Integer, Integer>> expected = new ArrayList<>();
    for (List<Integer> partition : partitions(rdd)) {
      expected.add(new Tuple2<>(partition.size(), partition.stream().mapToInt(x -> x).sum()));
    }
    PairRDD<Integer, Integer> sizes = rdd.mapPartitionsToPair((Iterator<Integer> it) -> {
      int n = 0;
      int sum = 0;
      while (it.hasNext()) {
        sum += it.next();
        n++;
      }
      return List.of(new Tuple2<>(n, sum)).iterator();
    });
    assertThat(sizes.collect()).isEqualTo(expected);
  }

  @Test
  void mapPartitionsToPairKeepsThePartitionerOnlyWhenTold() {
    PairRDD<String, Integer> placed = ssc().parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2)))
        .partitionBy(new HashPartitioner(3));
    assertThat(placed.mapPartitionsToPair(it -> it, true).partitioner()).contains(new HashPartitioner(3));
    assertThat(placed.mapPartitionsToPair(it -> it).partitioner()).isEmpty();
  }

  @Test
  void mapToDoubleMapsEveryRecord() {
    List<String> words = List.of("a", "bb", "ccc");
    DoubleRDD lengths = ssc().parallelize(words, 2).mapToDouble(String::length);
    assertThat(lengths.collect()).isEqualTo(words.stream().map(w -> (double) w.length()).toList());
    assertThat(lengths.toDebugString()).startsWith("(2) mapToDouble[");
  }
}
