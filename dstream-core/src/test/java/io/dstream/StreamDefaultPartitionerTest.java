package io.dstream;

import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A by-key stream operation given no partitioner or partition count shuffles each batch into a hash
 * partitioner over the context's default parallelism, as Spark Streaming does (so keys land in the
 * partitions Spark's would, whatever the batch's partition count); a batch that is partitioned already keeps
 * its partitioner. An RDD's by-key operation keeps Spark's RDD default: the largest parent's partition count.
 */
class StreamDefaultPartitionerTest {
  private static final List<List<Tuple2<String, Integer>>> PAIRS = perBatch(TestData.randomPairs(17, 4, 30, 0, 12),
      batch -> batch.stream().map(p -> new Tuple2<>("key" + p._1(), p._2())).toList());

  @Test
  void reduceByKeyGroupByKeyJoinAndCogroupOfOnePartitionBatchesUseTheDefaultParallelism() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      PairDStream<String, Integer> pairs = PairDStream.fromDStream(TestData.slicedInput(t, PAIRS, 1));
      List<List<List<Tuple2<String, Integer>>>> reduced = partitionsOf(pairs.reduceByKey(Integer::sum));
      List<List<List<Tuple2<String, Iterable<Integer>>>>> grouped = partitionsOf(pairs.groupByKey());
      List<List<List<Tuple2<String, Tuple2<Integer, Integer>>>>> joined = partitionsOf(pairs.join(pairs));
      List<List<List<Tuple2<String, Tuple2<Iterable<Integer>, Iterable<Integer>>>>>> cogrouped =
          partitionsOf(pairs.cogroup(pairs));

      t.runBatches(PAIRS.size());

      assertThat(perBatch(reduced, StreamDefaultPartitionerTest::flatten)).isEqualTo(sums());
      for (List<? extends List<? extends Tuple2<String, ?>>> batch : concat(reduced, grouped, joined, cogrouped)) {
        assertHashPartitioned(batch, 2);
      }
    }
  }

  @Test
  void theConfiguredDefaultParallelismDecides() {
    StreamingConf conf = new StreamingConf().set("dstream.default.parallelism", "3");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      PairDStream<String, Integer> pairs = PairDStream.fromDStream(TestData.slicedInput(t, PAIRS, 5));
      List<List<List<Tuple2<String, Integer>>>> reduced = partitionsOf(pairs.reduceByKey(Integer::sum));

      t.runBatches(PAIRS.size());

      assertThat(perBatch(reduced, StreamDefaultPartitionerTest::flatten)).isEqualTo(sums());
      reduced.forEach(batch -> assertHashPartitioned(batch, 3));
    }
  }

  @Test
  void aBatchPartitionedAlreadyKeepsItsPartitionerWhileAnRddKeepsTheLargestParentsCount() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      PairDStream<String, Integer> pairs = PairDStream.fromDStream(TestData.slicedInput(t, PAIRS, 1));
      List<List<List<Tuple2<String, Iterable<Integer>>>>> regrouped =
          partitionsOf(pairs.reduceByKey(Integer::sum, 5).groupByKey());
      List<List<List<Tuple2<String, Integer>>>> rddReduced =
          partitionsOf(pairs.transformToPair(rdd -> rdd.reduceByKey(Integer::sum)));

      t.runBatches(PAIRS.size());

      assertThat(perBatch(regrouped, batch -> flatten(batch).keySet()))
          .isEqualTo(sums().stream().map(Map::keySet).toList());
      regrouped.forEach(batch -> assertHashPartitioned(batch, 5));
      assertThat(perBatch(rddReduced, StreamDefaultPartitionerTest::flatten)).isEqualTo(sums());
      rddReduced.forEach(batch -> assertThat(batch).hasSize(1));
    }
  }

  /** The plain-Java sums of each batch's values by key. */
  private static List<Map<String, Integer>> sums() {
    return perBatch(PAIRS, batch -> new TreeMap<>(TestData.reduceByKey(batch, Integer::sum)));
  }

  /** Collects each batch of a stream as its partitions. */
  private static <T> List<List<List<T>>> partitionsOf(DStreamLike<T, ?, ?> stream) {
    List<List<List<T>>> batches = Collections.synchronizedList(new ArrayList<>());
    stream.foreachRDD(rdd -> batches.add(rdd.glom().collect()));
    return batches;
  }

  /** Checks that a batch has {@code n} partitions and each key is in partition hashCode mod n. */
  private static void assertHashPartitioned(List<? extends List<? extends Tuple2<String, ?>>> partitions, int n) {
    assertThat(partitions).hasSize(n);
    Map<String, Integer> partitionOfKey = new HashMap<>();
    Map<String, Integer> expected = new HashMap<>();
    for (int p = 0; p < n; p++) {
      for (Tuple2<String, ?> pair : partitions.get(p)) {
        partitionOfKey.put(pair._1(), p);
        expected.put(pair._1(), Math.floorMod(pair._1().hashCode(), n));
      }
    }
    assertThat(partitionOfKey).isEqualTo(expected);
  }

  private static <V> Map<String, V> flatten(List<List<Tuple2<String, V>>> partitions) {
    Map<String, V> all = new TreeMap<>();
    partitions.forEach(partition -> partition.forEach(pair -> all.put(pair._1(), pair._2())));
    return all;
  }

  @SafeVarargs
  private static List<List<? extends List<? extends Tuple2<String, ?>>>> concat(
      List<? extends List<? extends List<? extends Tuple2<String, ?>>>>... streams) {
    List<List<? extends List<? extends Tuple2<String, ?>>>> all = new ArrayList<>();
    for (List<? extends List<? extends List<? extends Tuple2<String, ?>>>> stream : streams) {
      all.addAll(stream);
    }
    return all;
  }
}
