package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Zero values of fold, aggregate, foldByKey and aggregateByKey: every partition and every key starts from
 * its own copy, whatever kind of value the zero is, and the caller's zero is never touched.
 */
class ZeroValueCopiesTest extends RddTestBase {

  @Test
  void aggregateGivesEveryPartitionItsOwnCopyOfAMutableZero() {
    Set<Integer> zero = new HashSet<>();
    RDD<Integer> rdd = ssc().parallelize(Arrays.asList(1, 2, 2, 3, 3, 3), 3);
    Set<Integer> distinct = rdd.aggregate(zero, (set, x) -> {
      set.add(x);
      return set;
    }, (a, b) -> {
      a.addAll(b);
      return a;
    });
    assertThat(distinct).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(zero).as("the caller's zero is never mutated").isEmpty();
  }

  @Test
  void aggregateByKeyGivesEveryKeyItsOwnCopyOfAMutableZero() {
    Set<Integer> zero = new HashSet<>();
    PairRDD<String, Integer> p = ssc().parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2),
        new Tuple2<>("a", 1), new Tuple2<>("a", 3), new Tuple2<>("b", 4)), 1);
    PairRDD<String, Set<Integer>> sets = p.aggregateByKey(zero, (set, v) -> {
      set.add(v);
      return set;
    }, (a, b) -> {
      a.addAll(b);
      return a;
    });
    assertThat(PlainJava.uniqueKeys(sets.collect())).isEqualTo(Map.of("a", Set.of(1, 3), "b", Set.of(2, 4)));
    assertThat(zero).as("the caller's zero is never mutated").isEmpty();
  }

  @Test
  void aggregateByKeyWithMutableZeroAcrossPartitionsAndOnPartitionedData() {
    Set<Integer> zero = new HashSet<>();
    PairRDD<String, Integer> placed = ssc().parallelizePairs(LETTER_PAIRS, 3).partitionBy(new HashPartitioner(2));
    for (PairRDD<String, Integer> input : List.of(ssc().parallelizePairs(LETTER_PAIRS, 3), placed)) {
      PairRDD<String, Set<Integer>> sets = input.aggregateByKey(zero, new HashPartitioner(2), (set, v) -> {
        set.add(v);
        return set;
      }, (a, b) -> {
        a.addAll(b);
        return a;
      });
      assertThat(PlainJava.uniqueKeys(sets.collect()))
          .isEqualTo(Map.of("a", Set.of(1, 3, 6), "b", Set.of(2, 5), "c", Set.of(4)));
    }
    assertThat(zero).isEmpty();
  }

  @Test
  void aMutableNumberZeroIsCopiedPerKey() {
    AtomicInteger zero = new AtomicInteger();
    PairRDD<String, Integer> p = ssc().parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2),
        new Tuple2<>("a", 3)), 1);
    PairRDD<String, Integer> counts = p.aggregateByKey(zero, (c, v) -> {
      c.incrementAndGet();
      return c;
    }, (x, y) -> {
      x.addAndGet(y.get());
      return x;
    }).mapValues(AtomicInteger::get);
    assertThat(PlainJava.uniqueKeys(counts.collect())).isEqualTo(Map.of("a", 2, "b", 1));
    assertThat(zero).hasValue(0);
  }

  @Test
  void aMutableNumberZeroIsCopiedPerPartition() {
    AtomicLong zero = new AtomicLong();
    AtomicLong total = ssc().parallelize(range(10), 4).aggregate(zero, (acc, x) -> {
      acc.addAndGet(x);
      return acc;
    }, (a, b) -> {
      a.addAndGet(b.get());
      return a;
    });
    assertThat(total).hasValue(45);
    assertThat(zero).hasValue(0);
  }

  @Test
  void anUnmodifiableZeroIsCopiedIntact() {
    List<Integer> zero = Collections.unmodifiableList(new ArrayList<>(List.of(0)));
    PairRDD<String, Integer> p = ssc().parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2),
        new Tuple2<>("a", 3)), 2);
    PairRDD<String, List<Integer>> appended = p.aggregateByKey(zero, (acc, v) -> {
      List<Integer> next = new ArrayList<>(acc);
      next.add(v);
      return next;
    }, (x, y) -> {
      List<Integer> both = new ArrayList<>(x);
      both.addAll(y.subList(1, y.size()));
      return both;
    });
    Map<String, List<Integer>> result = PlainJava.sortedGroups(PlainJava.uniqueKeys(appended.collect()));
    assertThat(result).isEqualTo(Map.of("a", List.of(0, 1, 3), "b", List.of(0, 2)));
    assertThat(ssc().parallelize(range(3), 2).aggregate(Arrays.asList(7), (acc, x) -> acc, (x, y) -> x))
        .containsExactly(7);
  }

  @Test
  void aZeroThatCannotBeCopiedIsRejectedWhereTheOperationIsCalled() {
    List<Object> uncopyable = Collections.unmodifiableList(new ArrayList<>(List.of(new Object())));
    PairRDD<String, Integer> p = ssc().parallelizePairs(List.of(new Tuple2<>("a", 1)), 1);
    assertThatThrownBy(() -> p.aggregateByKey(uncopyable, (acc, v) -> acc, (x, y) -> x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot copy a value of java.util.Collections$UnmodifiableRandomAccessList")
        .hasMessageContaining("Serializable");
    assertThatThrownBy(() -> p.values().aggregate(uncopyable, (acc, x) -> acc, (x, y) -> x))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
