package io.dstream;

import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.PairRDD;
import io.dstream.rdd.RDD;
import io.dstream.storage.StorageLevel;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pair stream hands its functions {@link PairRDD}s, as Spark's {@code JavaPairDStream} hands out
 * {@code JavaPairRDD}s, so that the pair operations work inside {@code foreachRDD}, {@code transform},
 * {@code transformWith}, {@code slice} and {@code compute} without a conversion, also with the parameter's type
 * written out; the operations that keep the record type return pair streams; {@code toJavaDStream} and
 * {@code fromDStream} view one kind as the other.
 */
@ExtendWith(TestStreamingContextExtension.class)
class PairStreamCallbacksTest {
  private static final List<List<Tuple2<String, Integer>>> PAIRS = perBatch(TestData.randomPairs(41, 4, 12, 0, 5),
      batch -> batch.stream().map(p -> new Tuple2<>("k" + p._1(), p._2())).toList());

  private static Map<String, Integer> sums(List<Tuple2<String, Integer>> batch) {
    return new TreeMap<>(TestData.reduceByKey(batch, Integer::sum));
  }

  @Test
  void foreachRddHandsOutPairRddsWhoseParameterTypeMayBeWrittenOut(TestStreamingContext t) {
    List<Map<String, Integer>> collected = Collections.synchronizedList(new ArrayList<>());
    List<Map<String, Long>> counted = Collections.synchronizedList(new ArrayList<>());
    PairDStream<String, Integer> pairs = t.pairInputStream(PAIRS);
    pairs.reduceByKey(Integer::sum).foreachRDD((PairRDD<String, Integer> rdd) ->
        collected.add(new TreeMap<>(rdd.collectAsMap())));
    pairs.foreachRDD((rdd, time) -> counted.add(new TreeMap<>(rdd.countByKey())));

    t.runBatches(PAIRS.size());

    assertThat(collected).isEqualTo(perBatch(PAIRS, PairStreamCallbacksTest::sums));
    assertThat(counted).isEqualTo(perBatch(PAIRS, batch -> new TreeMap<>(batch.stream()
        .collect(Collectors.groupingBy(Tuple2::_1, Collectors.counting())))));
  }

  @Test
  void transformAndTransformToPairHandOutPairRdds(TestStreamingContext t) {
    PairRDD<String, String> names = t.context().parallelizePairs(List.of(new Tuple2<>("k1", "one"),
        new Tuple2<>("k3", "three")));
    PairDStream<String, Integer> sums = t.pairInputStream(PAIRS).reduceByKey(Integer::sum);
    CollectedOutput<String> descending = t.collect(sums.transform(rdd -> rdd.sortByKey(false).keys()));
    CollectedOutput<Tuple2<String, Tuple2<Integer, String>>> named =
        t.collect(sums.transformToPair((rdd, time) -> rdd.join(names)));

    t.runBatches(PAIRS.size());

    assertThat(descending.batches()).isEqualTo(perBatch(PAIRS, batch -> sums(batch).keySet().stream()
        .sorted(Comparator.reverseOrder()).toList()));
    Map<String, String> nameOf = Map.of("k1", "one", "k3", "three");
    assertThat(perBatch(named.batches(), TestData::asMap)).isEqualTo(perBatch(PAIRS, batch -> {
      Map<String, Tuple2<Integer, String>> joined = new HashMap<>();
      sums(batch).forEach((key, sum) -> {
        if (nameOf.containsKey(key)) {
          joined.put(key, new Tuple2<>(sum, nameOf.get(key)));
        }
      });
      return joined;
    }));
  }

  @Test
  void transformWithHandsEachStreamItsKindOfRdd(TestStreamingContext t) {
    DStream<String> keys = t.inputStream(perBatch(PAIRS, batch -> batch.stream().map(Tuple2::_1).toList()));
    PairDStream<String, Integer> sums = t.pairInputStream(PAIRS).reduceByKey(Integer::sum);
    CollectedOutput<Tuple2<String, Integer>> fromPlain = t.collect(keys.transformWithToPair(sums,
        (RDD<String> mine, PairRDD<String, Integer> theirs, Time time) ->
            mine.keyBy(k -> k).join(theirs).mapValues(Tuple2::_2).distinct()));
    CollectedOutput<Integer> fromPair = t.collect(sums.transformWith(sums,
        (PairRDD<String, Integer> mine, PairRDD<String, Integer> theirs, Time time) -> mine.join(theirs)
            .map(p -> p._2()._1() + p._2()._2())));

    t.runBatches(PAIRS.size());

    assertThat(perBatch(fromPlain.batches(), TestData::asMap)).isEqualTo(perBatch(PAIRS,
        PairStreamCallbacksTest::sums));
    assertThat(perBatch(fromPair.batches(), TestData::multiset)).isEqualTo(perBatch(PAIRS,
        batch -> TestData.multiset(sums(batch).values().stream().map(sum -> 2 * sum).toList())));
  }

  @Test
  void sliceAndComputeHandOutPairRdds(TestStreamingContext t) {
    PairDStream<String, Integer> sums = t.pairInputStream(PAIRS).reduceByKey(Integer::sum);
    sums.foreachRDD(rdd -> { });
    t.context().remember(Durations.seconds(10));

    t.runBatches(PAIRS.size());

    List<PairRDD<String, Integer>> sliced = sums.slice(new Time(1000), new Time(PAIRS.size() * 1000L));
    assertThat(sliced.stream().map(rdd -> new TreeMap<>(rdd.collectAsMap())).toList())
        .isEqualTo(perBatch(PAIRS, PairStreamCallbacksTest::sums));
    assertThat(new TreeMap<>(sums.compute(new Time(2000)).collectAsMap())).isEqualTo(sums(PAIRS.get(1)));
  }

  @Test
  void computeRefusesATimeOffTheGridAndBeforeTheStart(TestStreamingContext t) {
    PairDStream<String, Integer> sums = t.pairInputStream(PAIRS).reduceByKey(Integer::sum);
    PairDStream<String, Integer> windowed = sums.window(Durations.seconds(2), Durations.seconds(2));
    windowed.foreachRDD(rdd -> { });

    assertThatThrownBy(() -> sums.compute(new Time(1000))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start()");
    t.runBatches(2);
    assertThatThrownBy(() -> windowed.compute(new Time(1000))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("compute(1000 ms)").hasMessageContaining("every 2000 ms");
  }

  @Test
  void operationsThatKeepTheRecordTypeReturnPairStreams(TestStreamingContext t) {
    PairDStream<String, Integer> pairs = t.pairInputStream(PAIRS);
    PairDStream<String, Integer> kept = pairs.filter(p -> p._2() % 2 == 0).union(pairs).repartition(3)
        .window(Durations.seconds(1)).persist(StorageLevel.MEMORY_ONLY).cache().name("kept");
    CollectedOutput<Tuple2<String, Integer>> out = t.collect(kept.reduceByKey(Integer::sum));

    t.runBatches(PAIRS.size());

    assertThat(perBatch(out.batches(), TestData::asMap)).isEqualTo(perBatch(PAIRS, batch -> {
      List<Tuple2<String, Integer>> both = new ArrayList<>(batch);
      batch.stream().filter(p -> p._2() % 2 == 0).forEach(both::add);
      return sums(both);
    }));
  }

  @Test
  void toJavaDStreamAndFromDStreamViewTheSameStream(TestStreamingContext t) {
    PairDStream<String, Integer> pairs = t.pairInputStream(PAIRS);
    DStream<Tuple2<String, Integer>> plain = pairs.toJavaDStream();
    PairDStream<String, Integer> back = PairDStream.fromDStream(plain);
    CollectedOutput<Tuple2<String, Integer>> viaPlain = t.collect(plain);
    CollectedOutput<Tuple2<String, Integer>> viaBack = t.collect(back);
    List<Boolean> plainRddsArePairRdds = Collections.synchronizedList(new ArrayList<>());
    plain.foreachRDD(rdd -> plainRddsArePairRdds.add(rdd instanceof PairRDD));

    t.runBatches(PAIRS.size());

    assertThat(viaPlain.batches()).isEqualTo(PAIRS).isEqualTo(viaBack.batches());
    assertThat(plainRddsArePairRdds).containsOnly(false);
    assertThat(plain.toString()).isEqualTo(pairs.toString()).isEqualTo(back.toString());
  }

  @Test
  void theContextsTransformHandsPairStreamsTheirBatchesAsPairRdds(TestStreamingContext t) {
    DStream<String> keys = t.inputStream(perBatch(PAIRS, batch -> batch.stream().map(Tuple2::_1).toList()));
    PairDStream<String, Integer> sums = t.pairInputStream(PAIRS).reduceByKey(Integer::sum);
    List<List<Boolean>> kinds = Collections.synchronizedList(new ArrayList<>());
    CollectedOutput<Tuple2<String, Integer>> out = t.collect(t.context().transformToPair(List.of(keys, sums),
        (rdds, time) -> {
          kinds.add(List.of(rdds.get(0) instanceof PairRDD, rdds.get(1) instanceof PairRDD));
          @SuppressWarnings("unchecked")
          PairRDD<String, Integer> counted = (PairRDD<String, Integer>) rdds.get(1);
          return counted.filter(p -> p._2() > 50);
        }));

    t.runBatches(PAIRS.size());

    assertThat(kinds).hasSize(PAIRS.size()).containsOnly(List.of(false, true));
    assertThat(perBatch(out.batches(), TestData::asMap)).isEqualTo(perBatch(PAIRS, batch -> {
      Map<String, Integer> over = new TreeMap<>(sums(batch));
      over.values().removeIf(sum -> sum <= 50);
      return over;
    }));
  }

  @Test
  void mapPartitionsToPairTransformsEachPartitionIntoPairs(TestStreamingContext t) {
    List<List<String>> words = perBatch(PAIRS, batch -> batch.stream().map(Tuple2::_1).toList());
    CollectedOutput<Tuple2<String, Integer>> fromPlain = t.collect(TestData.slicedInput(t, words, 3)
        .mapPartitionsToPair(PairStreamCallbacksTest::countInPartition).reduceByKey(Integer::sum));
    CollectedOutput<Tuple2<String, Integer>> fromPairs = t.collect(t.pairInputStream(PAIRS)
        .mapPartitionsToPair(partition -> {
          List<Tuple2<String, Integer>> swapped = new ArrayList<>();
          partition.forEachRemaining(p -> swapped.add(new Tuple2<>(p._2().toString(), 1)));
          return swapped.iterator();
        }));

    t.runBatches(PAIRS.size());

    assertThat(perBatch(fromPlain.batches(), TestData::asMap)).isEqualTo(perBatch(words, batch ->
        batch.stream().collect(Collectors.toMap(w -> w, w -> 1, Integer::sum))));
    assertThat(fromPairs.batches()).isEqualTo(perBatch(PAIRS, batch -> batch.stream()
        .map(p -> new Tuple2<>(p._2().toString(), 1)).toList()));
  }

  private static Iterator<Tuple2<String, Integer>> countInPartition(Iterator<String> partition) {
    Map<String, Integer> counts = new HashMap<>();
    partition.forEachRemaining(word -> counts.merge(word, 1, Integer::sum));
    return counts.entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator();
  }
}
