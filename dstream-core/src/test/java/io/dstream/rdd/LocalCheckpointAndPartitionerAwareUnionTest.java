package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import io.dstream.internal.rdd.LocalCheckpointRddNode;
import io.dstream.internal.rdd.PartitionerAwareUnionRddNode;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.rdd.RddNode;
import io.dstream.storage.StorageLevel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The two engine pieces windows are built on: a local checkpoint computes an RDD once and keeps its records
 * and layout without any lineage; a partitioner-aware union of co-partitioned RDDs keeps their partitioner,
 * so a by-key operation with it after the union needs no shuffle.
 */
class LocalCheckpointAndPartitionerAwareUnionTest extends RddTestBase {
  private static final HashPartitioner BY_THREE = new HashPartitioner(3);

  private static <T> RDD<T> checkpointed(RDD<T> rdd) {
    return RddAccess.rdd(LocalCheckpointRddNode.materialize(RddAccess.node(rdd)));
  }

  @Test
  void aLocalCheckpointKeepsTheRecordsAndLayoutAndDropsTheLineage() {
    PairRDD<String, Integer> reduced = ssc().parallelizePairs(LETTER_PAIRS, 2).reduceByKey(Integer::sum, 3);

    PairRDD<String, Integer> checkpoint = PairRDD.fromRDD(checkpointed(reduced));

    assertThat(partitions(checkpoint)).isEqualTo(partitions(reduced));
    assertThat(checkpoint.partitioner()).contains(BY_THREE);
    assertThat(RddAccess.node(checkpoint).dependencies()).isEmpty();
    assertThat(checkpoint.toDebugString()).isEqualTo("(3) LocalCheckpoint[" + checkpoint.id() + "]");
  }

  @Test
  void aLocalCheckpointComputesItsParentOnceAndNeverAgain() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> mapped = ssc().parallelize(range(20), 4).map(x -> {
      calls.incrementAndGet();
      return x + 1;
    });

    RDD<Integer> checkpoint = checkpointed(mapped);
    checkpoint.count();
    checkpoint.map(x -> x * 2).collect();

    assertThat(calls).hasValue(20);
    assertThat(checkpoint.reduce(Integer::sum)).isEqualTo(210);
  }

  @Test
  void persistingALocalCheckpointCopiesNothingAndUnpersistingKeepsItsRecords() {
    RDD<Integer> checkpoint = checkpointed(ssc().parallelize(range(10), 2));
    RddNode<Integer> node = RddAccess.node(checkpoint);

    checkpoint.persist(StorageLevel.MEMORY_ONLY_SER);
    assertThat(node.isFullyCached()).isTrue();
    checkpoint.unpersist();

    assertThat(checkpoint.getStorageLevel()).isEqualTo(StorageLevel.NONE);
    assertThat(checkpoint.collect()).isEqualTo(range(10));
  }

  @Test
  void aFunctionFailingWhileACheckpointIsComputedThrowsItsException() {
    IllegalStateException boom = new IllegalStateException("boom");
    RDD<Integer> failing = ssc().parallelize(range(4), 2).map(x -> {
      throw boom;
    });

    assertThatThrownBy(() -> checkpointed(failing)).isInstanceOf(JobFailedException.class).hasCause(boom);
  }

  @Test
  void aLazyLocalCheckpointIsComputedByTheFirstJobAndThenDropsTheLineage() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> mapped = ssc().parallelize(range(20), 4).map(x -> {
      calls.incrementAndGet();
      return x + 1;
    });
    RddNode<Integer> checkpoint = LocalCheckpointRddNode.of(RddAccess.node(mapped));
    assertThat(calls).as("nothing computed before a job").hasValue(0);
    assertThat(checkpoint.dependencies()).hasSize(1);

    RDD<Integer> rdd = RddAccess.rdd(checkpoint);
    assertThat(rdd.reduce(Integer::sum)).isEqualTo(210);
    assertThat(rdd.count()).isEqualTo(20);

    assertThat(calls).hasValue(20);
    assertThat(checkpoint.isMaterialized()).isTrue();
    assertThat(checkpoint.dependencies()).isEmpty();
  }

  @Test
  void aLocalCheckpointThatAJobComputedOnlyInPartKeepsItsLineageForTheRest() {
    RDD<Integer> source = ssc().parallelize(range(20), 4);
    RddNode<Integer> checkpoint = LocalCheckpointRddNode.of(RddAccess.node(source));

    assertThat(RddAccess.rdd(checkpoint).take(2)).containsExactly(0, 1);

    assertThat(checkpoint.isMaterialized()).isFalse();
    assertThat(checkpoint.knownCount()).isEqualTo(-1);
    assertThat(checkpoint.dependencies()).hasSize(1);
    assertThat(LocalCheckpointRddNode.materialize(checkpoint)).isSameAs(checkpoint);
    assertThat(checkpoint.dependencies()).isEmpty();
    assertThat(checkpoint.knownCount()).isEqualTo(20);
  }

  @Test
  void aFailedPartitionOfALocalCheckpointKeepsNothingSoARetryComputesItAgain() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> flaky = ssc().parallelize(range(8), 2).map(x -> {
      if (calls.incrementAndGet() == 6) {
        throw new IllegalStateException("fails once, in the second partition");
      }
      return x;
    });

    RDD<Integer> checkpoint = checkpointed(flaky);

    assertThat(checkpoint.collect()).isEqualTo(range(8));
    assertThat(calls).as("4, then 2 in the failed attempt, then 4 again").hasValue(10);
  }

  @Test
  void aPartitionerAwareUnionKeepsThePartitionerSoALaterReduceDoesNotShuffle() {
    PairRDD<String, Integer> first = ssc().parallelizePairs(LETTER_PAIRS.subList(0, 3), 2)
        .reduceByKey(Integer::sum, 3);
    PairRDD<String, Integer> second = ssc().parallelizePairs(LETTER_PAIRS.subList(3, 6), 2)
        .reduceByKey(Integer::sum, 3);
    first.count();
    second.count();
    List<RddNode<Tuple2<String, Integer>>> parents = List.of(RddAccess.node(first), RddAccess.node(second));

    PairRDD<String, Integer> union =
        RddAccess.pairRdd(new PartitionerAwareUnionRddNode<>(engine(first), parents, BY_THREE));
    PairRDD<String, Integer> total = union.reduceByKey(Integer::sum, 3);

    assertPlacedBy(union, BY_THREE);
    assertThat(total.collectAsMap()).isEqualTo(Map.of("a", 10, "b", 7, "c", 4));
    assertThat(stagesRunBy(total, total::count)).isEqualTo(1);
  }

  @Test
  void aPartitionerAwareUnionRefusesAParentPartitionedOtherwise() {
    PairRDD<String, Integer> byThree = ssc().parallelizePairs(LETTER_PAIRS, 2).reduceByKey(Integer::sum, 3);
    PairRDD<String, Integer> byTwo = ssc().parallelizePairs(LETTER_PAIRS, 2).reduceByKey(Integer::sum, 2);
    List<RddNode<Tuple2<String, Integer>>> parents = List.of(RddAccess.node(byThree), RddAccess.node(byTwo));

    assertThat(PartitionerAwareUnionRddNode.commonPartitioner(parents)).isNull();
    assertThatThrownBy(() -> new PartitionerAwareUnionRddNode<>(engine(byThree), parents, BY_THREE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is partitioned by HashPartitioner(2), not by HashPartitioner(3)");
  }
}
