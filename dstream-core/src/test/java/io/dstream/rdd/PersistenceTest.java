package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import io.dstream.storage.StorageLevel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** persist, cache and unpersist: a persisted RDD is computed once, and recomputed after unpersist. */
class PersistenceTest extends RddTestBase {

  @Test
  void aCachedRddIsNotRecomputedByASecondAction() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> mapped = ssc().parallelize(range(100), 4).map(x -> {
      calls.incrementAndGet();
      return x * 2;
    }).cache();
    assertThat(mapped.count()).isEqualTo(100);
    assertThat(mapped.collect()).hasSize(100).first().isEqualTo(0);
    assertThat(mapped.map(x -> x + 1).reduce(Integer::sum)).isEqualTo(10000);
    assertThat(calls).hasValue(100);
  }

  @Test
  void anUnpersistedRddIsRecomputedByEveryAction() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> mapped = ssc().parallelize(range(10), 2).map(x -> {
      calls.incrementAndGet();
      return x;
    });
    mapped.count();
    mapped.count();
    assertThat(calls).hasValue(20);
  }

  @Test
  void unpersistDropsTheCachedRecords() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> mapped = ssc().parallelize(range(10), 2).map(x -> {
      calls.incrementAndGet();
      return x;
    });
    mapped.cache().count();
    mapped.count();
    assertThat(calls).hasValue(10);
    assertThat(mapped.unpersist().getStorageLevel()).isEqualTo(StorageLevel.NONE);
    mapped.count();
    assertThat(calls).hasValue(20);
  }

  @Test
  void aPartlyComputedCacheComputesOnlyTheMissingPartitions() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> mapped = ssc().parallelize(range(100), 10).map(x -> {
      calls.incrementAndGet();
      return x;
    }).cache();
    assertThat(mapped.take(3)).containsExactly(0, 1, 2);
    assertThat(calls).as("take(3) computes one partition of 10 records").hasValue(10);
    assertThat(mapped.count()).isEqualTo(100);
    assertThat(calls).hasValue(100);
  }

  @Test
  void persistReportsItsLevelAndRefusesAnotherLevel() {
    RDD<Integer> rdd = ssc().parallelize(range(3), 1);
    assertThat(rdd.getStorageLevel()).isEqualTo(StorageLevel.NONE);
    assertThat(rdd.persist(StorageLevel.MEMORY_AND_DISK)).isSameAs(rdd);
    assertThat(rdd.getStorageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK);
    assertThat(rdd.persist(StorageLevel.MEMORY_AND_DISK)).as("the same level again is fine").isSameAs(rdd);
    assertThatThrownBy(rdd::cache).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already persisted at MEMORY_AND_DISK").hasMessageContaining("unpersist()");
  }

  @Test
  void aCachedPairRddStaysAPairRdd() {
    AtomicInteger calls = new AtomicInteger();
    PairRDD<Integer, Integer> pairs = ssc().parallelize(range(20), 3).mapToPair(x -> {
      calls.incrementAndGet();
      return new Tuple2<>(x % 3, x);
    });
    PairRDD<Integer, Integer> cached = pairs.cache();
    assertThat(cached).isSameAs(pairs);
    cached.reduceByKey(Integer::sum).collect();
    cached.groupByKey().collect();
    assertThat(calls).hasValue(20);
  }

  @Test
  void aFailedComputationIsNotCached() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> flaky = ssc().parallelize(range(4), 1).map(x -> {
      if (calls.incrementAndGet() == 3) {
        throw new IllegalStateException("fails once, mid-partition");
      }
      return x;
    }).cache();
    assertThat(flaky.collect()).containsExactly(0, 1, 2, 3);
    assertThat(flaky.collect()).containsExactly(0, 1, 2, 3);
    assertThat(calls).as("3 calls in the failed attempt (the third throws), then 4").hasValue(7);
  }
}
