package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples in the Javadoc of the RDD operations added for Spark's {@code JavaRDD} API ({@link RDD},
 * {@link DoubleRDD}, {@link StatCounter}, {@link Partition}) produce what their comments say.
 */
class RddOperationExamplesTest extends RddTestBase {

  @Test
  void orderingAndCombiningExamples() {
    assertThat(ssc().parallelize(List.of(5, 1, 4, 2, 3), 2).takeOrdered(2)).containsExactly(1, 2);
    assertThat(ssc().parallelize(List.of("ccc", "a", "bb")).takeOrdered(2, Comparator.comparing(String::length)))
        .containsExactly("a", "bb");
    assertThat(ssc().parallelize(List.of(5, 1, 4, 2, 3), 2).top(2)).containsExactly(5, 4);
    assertThat(ssc().parallelize(List.of("ccc", "a", "bb")).top(2, Comparator.comparing(String::length)))
        .containsExactly("ccc", "bb");
    assertThat(ssc().parallelize(List.of("ccc", "a", "bb")).max(Comparator.comparing(String::length))).isEqualTo("ccc");
    assertThat(ssc().parallelize(List.of("ccc", "a", "bb")).min(Comparator.comparing(String::length))).isEqualTo("a");
    assertThat(ssc().parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8).treeReduce(Integer::sum)).isEqualTo(36);
    assertThat(ssc().parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8).treeReduce(Integer::sum, 3)).isEqualTo(36);
    assertThat(ssc().parallelize(List.of(1, 2, 3, 4), 4).treeAggregate(0L, (acc, x) -> acc + x, Long::sum))
        .isEqualTo(10L);
    long[] sumAndCount = ssc().parallelize(List.of(1, 2, 3, 4), 4).treeAggregate(new long[2],
        (acc, x) -> {
          acc[0] += x;
          acc[1]++;
          return acc;
        },
        (a, b) -> {
          a[0] += b[0];
          a[1] += b[1];
          return a;
        }, 3);
    assertThat(sumAndCount).containsExactly(10, 4);
    Iterator<Integer> all = ssc().parallelize(List.of(1, 2, 3, 4), 2).toLocalIterator();
    assertThat(all.next()).isEqualTo(1);
    assertThat(ssc().parallelize(List.of(1, 2, 3, 4, 5)).takeSample(false, 3)).hasSize(3);
    assertThat(ssc().parallelize(List.of(1, 2, 3)).takeSample(true, 5, 42L)).hasSize(5);
  }

  @Test
  void transformationExamples() {
    PairRDD<Integer, Integer> sizes = ssc().parallelize(List.of("a", "b", "c"), 2).mapPartitionsToPair(partition -> {
      int n = 0;
      for (; partition.hasNext(); partition.next()) {
        n++;
      }
      return List.of(new Tuple2<>(n, 1)).iterator();
    });
    assertThat(sizes.collect()).hasToString("[(1,1), (2,1)]");
    assertThat(ssc().parallelize(List.of("a", "bb", "ccc")).mapToDouble(String::length).mean()).isEqualTo(2.0);
    RDD<String> words = ssc().parallelize(List.of("a", "bb"), 2);
    assertThat(words.zip(words.map(String::length)).collect()).hasToString("[(a,1), (bb,2)]");
    assertThat(ssc().parallelize(List.of("a", "b", "c"), 2).zipWithIndex().collect())
        .hasToString("[(a,0), (b,1), (c,2)]");
    assertThat(ssc().parallelize(List.of("a", "b", "c"), 2).zipWithUniqueId().collect())
        .hasToString("[(a,0), (b,1), (c,3)]");
    assertThat(ssc().parallelize(List.of(1, 2)).cartesian(ssc().parallelize(List.of("x", "y"))).count()).isEqualTo(4);
    assertThat(ssc().parallelize(List.of(1, 2, 2, 3)).subtract(ssc().parallelize(List.of(3, 4))).collect())
        .containsExactlyInAnyOrder(1, 2, 2);
    assertThat(ssc().parallelize(List.of(1, 2, 3)).subtract(ssc().parallelize(List.of(3)), 4).collect())
        .containsExactlyInAnyOrder(1, 2);
    assertThat(ssc().parallelize(List.of(1, 2, 2, 3)).intersection(ssc().parallelize(List.of(2, 3, 4))).collect())
        .containsExactlyInAnyOrder(2, 3);
    Map<Integer, List<String>> byLength = new HashMap<>();
    ssc().parallelize(List.of("a", "bb", "c")).groupBy(String::length).collect().forEach(group -> {
      List<String> sorted = new ArrayList<>();
      group._2().forEach(sorted::add);
      Collections.sort(sorted);
      byLength.put(group._1(), sorted);
    });
    assertThat(byLength).isEqualTo(Map.of(1, List.of("a", "c"), 2, List.of("bb")));
    assertThat(ssc().parallelize(List.of("ccc", "a", "bb")).sortBy(String::length, true, 2).collect())
        .containsExactly("a", "bb", "ccc");
    assertThat(ssc().parallelize(List.of(1, 2, 3)).setName("numbers").name()).isEqualTo("numbers");
    RDD<Integer> numbers = ssc().parallelize(List.of(1, 2, 3)).setName("numbers");
    assertThat(numbers.toDebugString()).isEqualTo("(2) numbers ParallelCollection[" + numbers.id() + "]");
    assertThat(ssc().parallelize(List.of(1, 2, 3), 3).partitions().get(2).index()).isEqualTo(2);
  }

  @Test
  void numericExamples() {
    DoubleRDD lengths = ssc().parallelize(List.of("a", "bb", "ccc")).mapToDouble(String::length);
    assertThat(lengths.sum()).isEqualTo(6.0);
    assertThat(lengths.stats())
        .hasToString("(count: 3, mean: 2.000000, stdev: 0.816497, max: 3.000000, min: 1.000000)");
    DoubleRDD numbers = ssc().parallelize(List.of(1.0, 2.0, 3.0, 4.0)).mapToDouble(x -> x);
    assertThat(numbers.sum()).isEqualTo(10.0);
    assertThat(numbers.stats())
        .hasToString("(count: 4, mean: 2.500000, stdev: 1.118034, max: 4.000000, min: 1.000000)");
    assertThat(numbers.mean()).isEqualTo(2.5);
    assertThat(numbers.variance()).isEqualTo(1.25);
    assertThat(numbers.sampleVariance()).isCloseTo(1.6667, within(1e-4));
    assertThat(numbers.stdev()).isCloseTo(1.118, within(1e-3));
    assertThat(numbers.sampleStdev()).isCloseTo(1.290, within(1e-3));
    assertThat(numbers.max()).isEqualTo(4.0);
    assertThat(numbers.min()).isEqualTo(1.0);
    Tuple2<double[], long[]> histogram = numbers.histogram(2);
    assertThat(histogram._1()).containsExactly(1.0, 2.5, 4.0);
    assertThat(histogram._2()).containsExactly(2, 2);
    assertThat(numbers.histogram(new double[] {0, 2, 4})).containsExactly(1, 3);
    assertThat(numbers.union(ssc().parallelize(List.of(5.0)).mapToDouble(x -> x)).sum()).isEqualTo(15.0);
    StatCounter stats = ssc().parallelize(List.of(1, 2, 3, 4)).mapToDouble(x -> x).stats();
    assertThat(stats.count()).isEqualTo(4);
    assertThat(stats.mean()).isEqualTo(2.5);
    assertThat(new StatCounter(List.of(1.0, 2.0)).mean()).isEqualTo(1.5);
    assertThat(new StatCounter(List.of(1.0, 2.0)).merge(new StatCounter(List.of(3.0))).mean()).isEqualTo(2.0);
  }
}
