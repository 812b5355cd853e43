package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How jobs are cut into stages: narrow chains pipeline into one stage, each shuffle adds a map stage that
 * runs once, and data already placed by the target partitioner is not shuffled again.
 */
class StageCuttingTest extends RddTestBase {

  private PairRDD<Integer, Integer> pairs(int partitions) {
    return ssc().parallelize(range(200), partitions).mapToPair(x -> new Tuple2<>(x % 10, x));
  }

  @Test
  void aNarrowChainRunsAsOneStageWithOneTaskPerPartition() {
    RDD<Integer> chain = ssc().parallelize(range(100), 4).map(x -> x + 1).filter(x -> x % 2 == 0)
        .flatMap(x -> List.of(x, x).iterator()).mapPartitions(it -> it).union(ssc().parallelize(range(3), 2))
        .coalesce(3);
    assertThat(stagesRunBy(chain, chain::count)).isEqualTo(1);
    assertThat(tasksRunBy(chain, chain::count)).isEqualTo(3);
  }

  @Test
  void aShuffleAddsOneMapStage() {
    PairRDD<Integer, Integer> reduced = pairs(4).reduceByKey(Integer::sum, 3);
    assertThat(stagesRunBy(reduced, reduced::count)).isEqualTo(2);
  }

  @Test
  void twoShufflesInARowAddTwoMapStages() {
    RDD<Integer> twice = pairs(4).reduceByKey(Integer::sum, 3).mapToPair(kv -> new Tuple2<>(kv._2() % 2, 1))
        .reduceByKey(Integer::sum, 2).values();
    assertThat(stagesRunBy(twice, twice::collect)).isEqualTo(3);
  }

  @Test
  void aSecondActionOverAShuffledRddDoesNotRerunTheMapStage() {
    AtomicInteger mapCalls = new AtomicInteger();
    PairRDD<Integer, Integer> reduced = ssc().parallelize(range(200), 4).mapToPair(x -> {
      mapCalls.incrementAndGet();
      return new Tuple2<>(x % 10, x);
    }).reduceByKey(Integer::sum, 3);
    List<Tuple2<Integer, Integer>> first = reduced.collect();
    assertThat(mapCalls).hasValue(200);

    assertThat(stagesRunBy(reduced, reduced::count)).isEqualTo(1);
    assertThat(reduced.collect()).isEqualTo(first);
    RDD<Integer> downstream = reduced.map(Tuple2::_2);
    assertThat(stagesRunBy(downstream, downstream::collect)).isEqualTo(1);
    assertThat(mapCalls).as("the map side ran once").hasValue(200);
  }

  @Test
  void rereadingAShuffleGivesTheSameResultWhenCombinersAreMutated() {
    // combineByKey and aggregateByKey may mutate and return their first argument (as in Spark): a second
    // read of the kept map outputs must not see the first read's merges.
    PairRDD<Integer, List<Integer>> lists = pairs(6).combineByKey(v -> new ArrayList<>(List.of(v)),
        (list, v) -> {
          list.add(v);
          return list;
        }, (a, b) -> {
          a.addAll(b);
          return a;
        }, new HashPartitioner(3), true);
    Map<Integer, List<Integer>> expected = PlainJava.sortedGroups(PlainJava.groupByKey(pairs(1).collect()));
    for (int read = 0; read < 3; read++) {
      assertThat(PlainJava.sortedGroups(PlainJava.uniqueKeys(lists.collect()))).as("read %d", read)
          .isEqualTo(expected);
    }

    PairRDD<Integer, int[]> counters = pairs(6).aggregateByKey(new int[1], new HashPartitioner(3), (c, v) -> {
      c[0]++;
      return c;
    }, (a, b) -> {
      a[0] += b[0];
      return a;
    });
    for (int read = 0; read < 3; read++) {
      assertThat(counters.values().map(c -> c[0]).collect()).as("read %d", read).containsOnly(20);
    }
  }

  @Test
  void concurrentActionsShareOneRunOfAMapStage() throws Exception {
    AtomicInteger mapCalls = new AtomicInteger();
    PairRDD<Integer, Integer> reduced = ssc().parallelize(range(200), 4).mapToPair(x -> {
      mapCalls.incrementAndGet();
      return new Tuple2<>(x % 10, x);
    }).reduceByKey(Integer::sum, 3);
    Map<Integer, Integer> expected = PlainJava.reduceByKey(pairs(1).collect(), Integer::sum);
    ExecutorService drivers = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<Tuple2<Integer, Integer>>>> actions = Collections.nCopies(8, reduced::collect);
      for (Future<List<Tuple2<Integer, Integer>>> result : drivers.invokeAll(actions)) {
        assertThat(PlainJava.uniqueKeys(result.get())).isEqualTo(expected);
      }
    } finally {
      drivers.shutdownNow();
    }
    assertThat(mapCalls).as("one run of the map stage for all eight jobs").hasValue(200);
  }

  @Test
  void reduceByKeyOverDataPlacedByTheSamePartitionerDoesNotShuffle() {
    HashPartitioner byHash = new HashPartitioner(3);
    PairRDD<Integer, Integer> placed = pairs(4).partitionBy(byHash);
    placed.count();

    PairRDD<Integer, Integer> reduced = placed.reduceByKey(byHash, Integer::sum);
    assertThat(stagesRunBy(reduced, reduced::collect)).isEqualTo(1);
    assertThat(reduced.partitioner()).contains(byHash);
    assertThat(PlainJava.uniqueKeys(reduced.collect()))
        .isEqualTo(PlainJava.reduceByKey(pairs(4).collect(), Integer::sum));

    PairRDD<Integer, Integer> byDefault = placed.mapValues(v -> v * 2).reduceByKey(Integer::sum);
    assertThat(stagesRunBy(byDefault, byDefault::collect)).as("mapValues keeps the partitioner").isEqualTo(1);
    PairRDD<Integer, Integer> grouped = placed.filter(kv -> kv._2() > 5).groupByKey(byHash).mapValues(vs -> 0);
    assertThat(stagesRunBy(grouped, grouped::collect)).as("filter keeps the partitioner").isEqualTo(1);
  }

  @Test
  void reduceByKeyOverDataPlacedByAnotherPartitionerShuffles() {
    PairRDD<Integer, Integer> placed = pairs(4).partitionBy(new HashPartitioner(3));
    placed.count();
    PairRDD<Integer, Integer> reduced = placed.reduceByKey(new HashPartitioner(4), Integer::sum);
    assertThat(stagesRunBy(reduced, reduced::collect)).isEqualTo(2);
    PairRDD<Integer, Integer> afterMap = PairRDD.fromRDD(placed.map(kv -> kv)).reduceByKey(new HashPartitioner(3),
        Integer::sum);
    assertThat(stagesRunBy(afterMap, afterMap::collect)).as("map may move keys").isEqualTo(2);
  }

  @Test
  void aJoinDoesNotShuffleTheCoPartitionedSide() {
    HashPartitioner byHash = new HashPartitioner(3);
    PairRDD<Integer, Integer> placed = pairs(4).partitionBy(byHash);
    placed.count();
    PairRDD<Integer, String> other = ssc().parallelize(range(10), 5).mapToPair(x -> new Tuple2<>(x, "v" + x));

    PairRDD<Integer, Tuple2<Integer, String>> joined = placed.join(other);
    assertThat(joined.partitioner()).contains(byHash);
    assertThat(stagesRunBy(joined, joined::collect)).as("the other side's map stage and the join").isEqualTo(2);
    assertThat(PlainJava.multiset(joined.collect()))
        .isEqualTo(PlainJava.multiset(PlainJava.join(placed.collect(), other.collect())));

    PairRDD<Integer, Integer> alsoPlaced = pairs(2).mapValues(v -> -v).partitionBy(byHash);
    alsoPlaced.count();
    PairRDD<Integer, Tuple2<Integer, Integer>> coPartitioned = placed.join(alsoPlaced, byHash);
    assertThat(stagesRunBy(coPartitioned, coPartitioned::count)).as("no shuffle at all").isEqualTo(1);
    RDD<?> cogrouped = placed.cogroup(alsoPlaced);
    assertThat(stagesRunBy(cogrouped, cogrouped::count)).isEqualTo(1);
  }

  @Test
  void anRddReachedTwiceThroughOneShuffleRunsItsMapStageOnce() {
    PairRDD<Integer, Integer> reduced = pairs(4).reduceByKey(Integer::sum, 3);
    RDD<Tuple2<Integer, Integer>> both = reduced.union(reduced.mapValues(v -> -v));
    assertThat(stagesRunBy(both, both::count)).isEqualTo(2);
    assertThat(both.count()).isEqualTo(20);
  }

  @Test
  void aCachedRddStopsTheLineageWalk() {
    AtomicInteger mapCalls = new AtomicInteger();
    RDD<Integer> cached = pairs(4).reduceByKey(Integer::sum, 3).map(kv -> {
      mapCalls.incrementAndGet();
      return kv._2();
    }).cache();
    cached.count();
    RDD<Integer> again = cached.map(x -> x + 1);
    assertThat(stagesRunBy(again, again::collect)).isEqualTo(1);
    assertThat(mapCalls).hasValue(10);
  }

  @Test
  void toDebugStringStartsAnIndentedBlockAtEveryShuffle() {
    RDD<Integer> source = ssc().parallelize(range(8), 4);
    PairRDD<Integer, Integer> keyed = source.mapToPair(x -> new Tuple2<>(x % 2, x));
    PairRDD<Integer, Integer> reduced = keyed.reduceByKey(Integer::sum, 3);
    PairRDD<Integer, Integer> swapped = reduced.mapToPair(Tuple2::swap);
    PairRDD<Integer, Integer> regrouped = swapped.partitionBy(new HashPartitioner(2));
    assertThat(regrouped.toDebugString()).isEqualTo(String.join("\n",
        "(2) " + regrouped,
        " +- (3) " + swapped,
        "     |  (3) " + reduced,
        "     +- (4) " + keyed,
        "         |  (4) " + source));
  }

  @Test
  void toDebugStringShowsBothShuffledSidesOfAJoin() {
    PairRDD<Integer, Integer> left = ssc().parallelizePairs(List.of(new Tuple2<>(1, 1)), 4);
    PairRDD<Integer, Integer> right = ssc().parallelizePairs(List.of(new Tuple2<>(1, 2)), 3);
    String[] lines = left.join(right, 2).toDebugString().split("\n");
    assertThat(lines).hasSize(5);
    assertThat(lines[0]).startsWith("(2) flatMapValues[");
    assertThat(lines[1]).startsWith(" |  (2) mapValues[");
    assertThat(lines[2]).startsWith(" |  (2) CoGrouped[");
    assertThat(lines[3]).isEqualTo(" +- (4) " + left);
    assertThat(lines[4]).isEqualTo(" +- (3) " + right);
  }
}
