package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code treeReduce} and {@code treeAggregate}: the plain results at every depth, levels of jobs, and misuse. */
class TreeAggregationTest extends RddTestBase {

  @Test
  void treeReduceGivesTheSumAtEveryDepth() {
    List<Integer> data = range(5000);
    long expected = data.stream().mapToLong(Integer::longValue).sum();
    for (int partitions : new int[] {1, 5, 6, 50, 200}) {
      RDD<Long> rdd = ssc().parallelize(data, partitions).map(Integer::longValue);
      for (int depth : new int[] {1, 2, 3, 7}) {
        assertThat(rdd.treeReduce(Long::sum, depth)).as("%s partitions, depth %s", partitions, depth)
            .isEqualTo(expected);
      }
      assertThat(rdd.treeReduce(Long::sum)).isEqualTo(expected);
    }
  }

  @Test
  void treeAggregateGivesTheAggregateAtEveryDepthWithAMutableZero() {
    List<Integer> data = range(3000);
    long[] zero = new long[2];
    for (int depth : new int[] {1, 2, 4}) {
      long[] sumAndCount = ssc().parallelize(data, 64).treeAggregate(zero,
          (acc, x) -> {
            acc[0] += x;
            acc[1]++;
            return acc;
          },
          (a, b) -> {
            a[0] += b[0];
            a[1] += b[1];
            return a;
          }, depth);
      assertThat(sumAndCount).as("depth %s", depth)
          .containsExactly(data.stream().mapToLong(Integer::longValue).sum(), data.size());
    }
    assertThat(zero).as("the zero value is copied, never modified").containsExactly(0, 0);
  }

  @Test
  void aDeeperTreeRunsMoreStagesOnlyWhenThereAreManyPartitions() {
    RDD<Integer> many = ssc().parallelize(range(1000), 100);
    assertThat(stagesRunBy(many, () -> many.treeReduce(Integer::sum, 1))).isEqualTo(1);
    assertThat(stagesRunBy(many, () -> many.treeReduce(Integer::sum, 2))).isEqualTo(2);
    assertThat(stagesRunBy(many, () -> many.treeAggregate(0, Integer::sum, Integer::sum, 3))).isGreaterThan(2);
    RDD<Integer> few = ssc().parallelize(range(1000), 4);
    assertThat(stagesRunBy(few, () -> few.treeReduce(Integer::sum, 2))).as("4 partitions: no level helps")
        .isEqualTo(1);
  }

  @Test
  void aLevelTaskThatFailsAfterModifyingItsAccumulatorRunsAgainOnUnchangedPartialResults() {
    // Lists are mutable partial results. The merge appends to its first argument, and the first time it merges
    // two partitions' lists (10 records each) it throws afterwards: the retried task must find them unchanged.
    List<Integer> data = range(400);
    AtomicBoolean failed = new AtomicBoolean();
    List<Integer> merged = ssc().parallelize(data, 40).map(x -> (List<Integer>) new ArrayList<>(List.of(x)))
        .treeReduce((a, b) -> {
          a.addAll(b);
          if (b.size() >= 10 && failed.compareAndSet(false, true)) {
            throw new IllegalStateException("fails once, after modifying its first argument");
          }
          return a;
        }, 3);
    assertThat(failed).isTrue();
    assertThat(merged).containsExactlyInAnyOrderElementsOf(data);
  }

  @Test
  void emptyRdds() {
    assertThatThrownBy(() -> ssc().<Integer>emptyRDD().treeReduce(Integer::sum))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("treeReduce() on an empty RDD");
    RDD<Integer> emptyPartitions = ssc().parallelize(range(10), 10).filter(x -> false);
    assertThatThrownBy(() -> emptyPartitions.treeReduce(Integer::sum, 3)).isInstanceOf(NoSuchElementException.class);
    List<Integer> zero = new ArrayList<>();
    List<Integer> aggregated = emptyPartitions.treeAggregate(zero, (acc, x) -> {
      acc.add(x);
      return acc;
    }, (a, b) -> {
      a.addAll(b);
      return a;
    }, 3);
    assertThat(aggregated).as("a copy of the zero value").isEmpty();
    assertThat(aggregated).isNotSameAs(zero);
    assertThat(ssc().<Integer>emptyRDD().treeAggregate(0, Integer::sum, Integer::sum)).isZero();
  }

  @Test
  void aDepthBelowOneIsRefused() {
    RDD<Integer> rdd = ssc().parallelize(range(10));
    assertThatThrownBy(() -> rdd.treeReduce(Integer::sum, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("depth must be at least 1, got 0");
    assertThatThrownBy(() -> rdd.treeAggregate(0, Integer::sum, Integer::sum, -2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -2");
  }

  @Test
  void aFailingMergeFailsTheAction() {
    RDD<Integer> rdd = ssc().parallelize(IntStream.range(0, 100).boxed().toList(), 50);
    assertThatThrownBy(() -> rdd.treeReduce((a, b) -> {
      throw new IllegalStateException("boom");
    }, 2)).isInstanceOf(JobFailedException.class).hasRootCauseMessage("boom");
  }

  @Test
  void aReduceThatModifiesOrReturnsItsArgumentsLeavesTheRddsRecordsAsTheyWere() {
    List<List<Integer>> data = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      data.add(new ArrayList<>(List.of(i)));
    }
    List<List<Integer>> before = data.stream().map(list -> (List<Integer>) new ArrayList<>(list)).toList();
    // Adds its second argument to its first, or returns the second when the first is empty.
    RDD<List<Integer>> lists = ssc().parallelize(data, 3).cache();
    lists.count();

    List<Integer> reduced = lists.treeReduce((a, b) -> {
      if (a.isEmpty()) {
        return b;
      }
      a.addAll(b);
      return a;
    }, 2);
    List<Integer> again = lists.reduce((a, b) -> {
      a.addAll(b);
      return a;
    });

    assertThat(reduced).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 12).boxed().toList());
    assertThat(again).containsExactlyInAnyOrderElementsOf(reduced);
    assertThat(lists.collect()).as("the cached records").isEqualTo(before);
    assertThat(data).as("the parallelized list's elements").isEqualTo(before);
  }
}
