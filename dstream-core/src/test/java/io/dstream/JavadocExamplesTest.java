package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.RDD;
import io.dstream.storage.StorageLevel;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples in the Javadoc of {@link DStream}, {@link PairDStream}, {@link StreamingContext}, {@link RDD} and
 * {@link PairRDD} produce what their comments say, written as the comments write it ({@code Tuple2} and
 * {@code Optional} as they print). The stream examples run on the batch the Javadoc names: lines {@code "a b"}
 * and {@code "b c"}, and {@code (b,5), (d,7)} for {@code otherCounts}. Where a shuffle leaves the order open,
 * the records are compared in sorted order.
 */
class JavadocExamplesTest {
  private TestStreamingContext t;
  private StreamingContext ssc;
  private DStream<String> lines;
  private DStream<String> words;
  private PairDStream<String, Integer> pairs;
  private PairDStream<String, Integer> wordCounts;
  private PairDStream<String, Integer> otherCounts;

  @BeforeEach
  void defineTheJavadocStreams() {
    t = TestStreamingContext.create(Durations.seconds(1));
    ssc = t.context();
    lines = t.inputStream(List.of(List.of("a b", "b c"), List.of("a b", "b c")));
    words = lines.flatMap(l -> Arrays.asList(l.split(" ")).iterator());
    pairs = words.mapToPair(w -> new Tuple2<>(w, 1));
    wordCounts = pairs.reduceByKey(Integer::sum);
    otherCounts = t.pairInputStream(List.of(List.of(new Tuple2<>("b", 5), new Tuple2<>("d", 7))));
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void statelessStreamExamples() {
    CollectedOutput<String> wordsOut = t.collect(words);
    CollectedOutput<String> upper = t.collect(words.map(String::toUpperCase));
    CollectedOutput<String> notA = t.collect(words.filter(w -> !w.equals("a")));
    CollectedOutput<Long> wordsPerBatch = t.collect(words.count());
    CollectedOutput<Integer> letters = t.collect(words.map(String::length).reduce(Integer::sum));
    CollectedOutput<Tuple2<String, Long>> counts = t.collect(words.countByValue());
    CollectedOutput<Tuple2<String, Integer>> flatPairs = t.collect(lines.flatMapToPair(
        l -> Arrays.stream(l.split(" ")).map(w -> new Tuple2<>(w, 1)).iterator()));
    PairRDD<String, Boolean> spam = ssc.parallelizePairs(List.of(new Tuple2<>("b", true)));
    CollectedOutput<String> cleaned =
        t.collect(words.transform(rdd -> rdd.keyBy(w -> w).subtractByKey(spam).values()));
    CollectedOutput<String> stamped = t.collect(words.transform((rdd, time) -> rdd.map(w -> time + " " + w)));
    CollectedOutput<Tuple2<String, Integer>> sortedCounts = t.collect(words.transformToPair(
        rdd -> rdd.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum).sortByKey()));
    CollectedOutput<Tuple2<Time, String>> byBatch =
        t.collect(words.transformToPair((rdd, time) -> rdd.keyBy(w -> time)));

    t.runBatches(1);

    assertThat(wordsOut.batches()).containsExactly(List.of("a", "b", "b", "c"));
    assertThat(upper.batches()).containsExactly(List.of("A", "B", "B", "C"));
    assertThat(notA.batches()).containsExactly(List.of("b", "b", "c"));
    assertThat(wordsPerBatch.batches()).containsExactly(List.of(4L));
    assertThat(letters.batches()).containsExactly(List.of(4));
    assertThat(sorted(counts)).isEqualTo("(a,1), (b,2), (c,1)");
    assertThat(printed(flatPairs.batches().get(0))).isEqualTo("(a,1), (b,1), (b,1), (c,1)");
    assertThat(cleaned.batches()).containsExactly(List.of("a", "c"));
    assertThat(stamped.batches()).containsExactly(List.of("1000 ms a", "1000 ms b", "1000 ms b", "1000 ms c"));
    assertThat(printed(sortedCounts.batches().get(0))).isEqualTo("(a,1), (b,2), (c,1)");
    assertThat(printed(byBatch.batches().get(0))).isEqualTo("(1000 ms,a), (1000 ms,b), (1000 ms,b), (1000 ms,c)");
  }

  @Test
  void pairStreamExamples() {
    CollectedOutput<Tuple2<String, Iterable<Integer>>> grouped = t.collect(pairs.groupByKey());
    CollectedOutput<Tuple2<String, Tuple2<Integer, Integer>>> sumCounts = t.collect(pairs.combineByKey(
        v -> new Tuple2<>(v, 1),
        (acc, v) -> new Tuple2<>(acc._1() + v, acc._2() + 1),
        (x, y) -> new Tuple2<>(x._1() + y._1(), x._2() + y._2()), 4));
    CollectedOutput<Tuple2<String, Set<Integer>>> distinctValues = t.collect(pairs.combineByKey(
        v -> new HashSet<>(Set.of(v)),
        (set, v) -> {
          set.add(v);
          return set;
        },
        (x, y) -> {
          x.addAll(y);
          return x;
        }, new HashPartitioner(4), false));
    CollectedOutput<Tuple2<String, String>> labels = t.collect(wordCounts.mapValues(n -> n + "x"));
    CollectedOutput<Tuple2<String, Integer>> ones =
        t.collect(wordCounts.flatMapValues(n -> Collections.nCopies(n, 1).iterator()));
    CollectedOutput<Tuple2<String, Integer>> all = t.collect(wordCounts.union(otherCounts));

    t.runBatches(1);

    assertThat(sorted(grouped)).isEqualTo("(a,[1]), (b,[1, 1]), (c,[1])");
    assertThat(sorted(sumCounts)).isEqualTo("(a,(1,1)), (b,(2,2)), (c,(1,1))");
    assertThat(sorted(distinctValues)).isEqualTo("(a,[1]), (b,[1]), (c,[1])");
    assertThat(sorted(labels)).isEqualTo("(a,1x), (b,2x), (c,1x)");
    assertThat(sorted(ones)).isEqualTo("(a,1), (b,1), (b,1), (c,1)");
    assertThat(sorted(all)).isEqualTo("(a,1), (b,2), (b,5), (c,1), (d,7)");
  }

  @Test
  void joinExamplesOfPairStreamsAndOfTheContext() {
    CollectedOutput<Tuple2<String, Tuple2<Iterable<Integer>, Iterable<Integer>>>> cogrouped =
        t.collect(wordCounts.cogroup(otherCounts));
    CollectedOutput<Tuple2<String, Tuple2<Integer, Integer>>> joined = t.collect(wordCounts.join(otherCounts));
    CollectedOutput<Tuple2<String, Tuple2<Integer, Optional<Integer>>>> left =
        t.collect(wordCounts.leftOuterJoin(otherCounts));
    CollectedOutput<Tuple2<String, Tuple2<Optional<Integer>, Integer>>> right =
        t.collect(wordCounts.rightOuterJoin(otherCounts));
    CollectedOutput<Tuple2<String, Tuple2<Optional<Integer>, Optional<Integer>>>> full =
        t.collect(wordCounts.fullOuterJoin(otherCounts));
    CollectedOutput<Tuple2<String, Integer>> totals = t.collect(ssc.transformToPair(
        List.of(wordCounts, otherCounts), (rdds, time) -> {
          @SuppressWarnings("unchecked")
          RDD<Tuple2<String, Integer>> mine = (RDD<Tuple2<String, Integer>>) rdds.get(0);
          @SuppressWarnings("unchecked")
          RDD<Tuple2<String, Integer>> theirs = (RDD<Tuple2<String, Integer>>) rdds.get(1);
          return PairRDD.fromRDD(mine.union(theirs)).reduceByKey(Integer::sum);
        }));

    t.runBatches(1);

    assertThat(sorted(cogrouped)).isEqualTo("(a,([1],[])), (b,([2],[5])), (c,([1],[])), (d,([],[7]))");
    assertThat(sorted(joined)).isEqualTo("(b,(2,5))");
    assertThat(sorted(left)).isEqualTo("(a,(1,Optional.empty)), (b,(2,Optional[5])), (c,(1,Optional.empty))");
    assertThat(sorted(right)).isEqualTo("(b,(Optional[2],5)), (d,(Optional.empty,7))");
    assertThat(sorted(full)).isEqualTo("(a,(Optional[1],Optional.empty)), (b,(Optional[2],Optional[5])), "
        + "(c,(Optional[1],Optional.empty)), (d,(Optional.empty,Optional[7]))");
    assertThat(sorted(totals)).isEqualTo("(a,1), (b,7), (c,1), (d,7)");
  }

  @Test
  void updateStateByKeyExampleCountsAcrossTwoBatches() {
    ssc.checkpoint("memory://javadoc-examples/checkpoints");
    CollectedOutput<Tuple2<String, Integer>> runningCounts = t.collect(pairs.updateStateByKey(
        (List<Integer> batchOnes, Optional<Integer> count) -> Optional.of(count.orElse(0) + batchOnes.size()), 4));

    t.runBatches(2);

    assertThat(printedSorted(runningCounts.batches().get(1))).isEqualTo("(a,2), (b,4), (c,2)");
  }

  @Test
  void rddExamples() {
    assertThat(ssc.parallelize(List.of("a", "bb", "ccc")).map(String::length).collect()).containsExactly(1, 2, 3);
    assertThat(ssc.parallelize(List.of(1, 2, 3, 4)).filter(x -> x % 2 == 0).collect()).containsExactly(2, 4);
    assertThat(ssc.parallelize(List.of(1, 2, 3, 4), 2).mapPartitions(partition -> {
      int sum = 0;
      while (partition.hasNext()) {
        sum += partition.next();
      }
      return List.of(sum).iterator();
    }).collect()).containsExactly(3, 7);
    RDD<String> tagged = ssc.parallelize(List.of("a", "b", "c", "d"), 2).mapPartitionsWithIndex((index, it) -> {
      List<String> out = new ArrayList<>();
      it.forEachRemaining(x -> out.add(index + ":" + x));
      return out.iterator();
    }, false);
    assertThat(tagged.collect()).containsExactly("0:a", "0:b", "1:c", "1:d");
    assertThat(printed(ssc.parallelize(List.of("a", "b", "a")).mapToPair(w -> new Tuple2<>(w, 1)).collect()))
        .isEqualTo("(a,1), (b,1), (a,1)");
    assertThat(printed(ssc.parallelize(List.of("a", "bb")).keyBy(String::length).collect())).isEqualTo("(1,a), (2,bb)");
    assertThat(ssc.parallelize(List.of(1, 2, 3, 4), 2).glom().collect()).containsExactly(List.of(1, 2), List.of(3, 4));
    assertThat(ssc.parallelize(List.of(1, 2)).union(ssc.parallelize(List.of(2, 3))).collect())
        .containsExactly(1, 2, 2, 3);
    assertThat(ssc.parallelize(List.of(1, 2, 3, 4), 4).coalesce(2).glom().collect())
        .containsExactly(List.of(1, 2), List.of(3, 4));
    assertThat(ssc.parallelize(List.of(1, 2, 3, 4), 1).coalesce(4, true).getNumPartitions()).isEqualTo(4);
    assertThat(ssc.parallelize(List.of("a", "b", "a")).distinct().collect()).containsExactlyInAnyOrder("a", "b");
    assertThat(ssc.parallelize(List.of("a", "b")).first()).isEqualTo("a");
    assertThat(ssc.parallelize(List.of(1, 2, 3, 4), 4).take(2)).containsExactly(1, 2);
    assertThat(ssc.parallelize(List.of(1, 2, 3, 4)).reduce(Integer::sum)).isEqualTo(10);
    assertThat(ssc.parallelize(List.of(1, 2, 3, 4)).fold(0, Integer::sum)).isEqualTo(10);
    assertThat(ssc.<Integer>emptyRDD().fold(0, Integer::sum)).isZero();
    Tuple2<Integer, Integer> sumCount = ssc.parallelize(List.of(1, 2, 3, 4)).aggregate(new Tuple2<>(0, 0),
        (acc, x) -> new Tuple2<>(acc._1() + x, acc._2() + 1),
        (x, y) -> new Tuple2<>(x._1() + y._1(), x._2() + y._2()));
    assertThat(sumCount).hasToString("(10,4)");
    assertThat(ssc.parallelize(List.of("a", "b")).filter(w -> w.startsWith("z")).isEmpty()).isTrue();
    assertThat(ssc.parallelize(List.of("a", "b", "a")).countByValue()).isEqualTo(Map.of("a", 2L, "b", 1L));
    assertThat(ssc.parallelize(List.of(1)).cache().getStorageLevel()).hasToString("MEMORY_ONLY");
    RDD<String> persisted = ssc.parallelize(List.of("a b", "b c"))
        .flatMap(l -> Arrays.asList(l.split(" ")).iterator()).persist(StorageLevel.MEMORY_ONLY);
    assertThat(persisted.count()).isEqualTo(4);
    assertThat(persisted.distinct().count()).isEqualTo(3);
  }

  @Test
  void pairRddExamples() {
    PairRDD<String, Integer> pairs = ssc.parallelizePairs(
        List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2), new Tuple2<>("a", 3)));
    PairRDD<String, String> other = ssc.parallelizePairs(List.of(new Tuple2<>("a", "x"), new Tuple2<>("c", "y")));

    assertThat(pairs.partitioner()).isEmpty();
    assertThat(pairs.reduceByKey(Integer::sum, 4).partitioner()).contains(new HashPartitioner(4));
    assertThat(printedSorted(pairs.reduceByKey(Integer::sum).collect())).isEqualTo("(a,4), (b,2)");
    assertThat(printedSorted(pairs.groupByKey().mapValues(JavadocExamplesTest::sortedValues).collect()))
        .isEqualTo("(a,[1, 3]), (b,[2])");
    PairRDD<String, Tuple2<Integer, Integer>> sumCounts = pairs.combineByKey(
        v -> new Tuple2<>(v, 1),
        (acc, v) -> new Tuple2<>(acc._1() + v, acc._2() + 1),
        (x, y) -> new Tuple2<>(x._1() + y._1(), x._2() + y._2()));
    assertThat(printedSorted(sumCounts.collect())).isEqualTo("(a,(4,2)), (b,(2,1))");
    assertThat(printedSorted(sumCounts.mapValues(sc -> (double) sc._1() / sc._2()).collect()))
        .isEqualTo("(a,2.0), (b,2.0)");
    PairRDD<String, List<Integer>> lists = pairs.aggregateByKey(new ArrayList<Integer>(),
        (list, v) -> {
          list.add(v);
          return list;
        },
        (x, y) -> {
          x.addAll(y);
          return x;
        });
    assertThat(printedSorted(lists.mapValues(JavadocExamplesTest::sortedValues).collect()))
        .isEqualTo("(a,[1, 3]), (b,[2])");
    assertThat(printedSorted(pairs.aggregateByKey(Integer.MIN_VALUE, 4, Math::max, Math::max).collect()))
        .isEqualTo("(a,3), (b,2)");
    assertThat(printedSorted(pairs.foldByKey(0, Integer::sum).collect())).isEqualTo("(a,4), (b,2)");
    assertThat(printed(pairs.mapValues(v -> v * 10).collect())).isEqualTo("(a,10), (b,20), (a,30)");
    assertThat(printed(pairs.flatMapValues(v -> List.of(v, -v).iterator()).collect()))
        .isEqualTo("(a,1), (a,-1), (b,2), (b,-2), (a,3), (a,-3)");
    assertThat(pairs.keys().collect()).containsExactly("a", "b", "a");
    assertThat(pairs.values().collect()).containsExactly(1, 2, 3);
    assertThat(printedSorted(pairs.cogroup(other)
        .mapValues(g -> new Tuple2<>(sortedValues(g._1()), sortedValues(g._2()))).collect()))
        .isEqualTo("(a,([1, 3],[x])), (b,([2],[])), (c,([],[y]))");
    assertThat(printedSorted(pairs.join(other).collect())).isEqualTo("(a,(1,x)), (a,(3,x))");
    assertThat(printedSorted(pairs.leftOuterJoin(other).collect()))
        .isEqualTo("(a,(1,Optional[x])), (a,(3,Optional[x])), (b,(2,Optional.empty))");
    assertThat(printedSorted(pairs.rightOuterJoin(other).collect()))
        .isEqualTo("(a,(Optional[1],x)), (a,(Optional[3],x)), (c,(Optional.empty,y))");
    assertThat(printedSorted(pairs.fullOuterJoin(other).collect())).isEqualTo("(a,(Optional[1],Optional[x])), "
        + "(a,(Optional[3],Optional[x])), (b,(Optional[2],Optional.empty)), (c,(Optional.empty,Optional[y]))");
    assertThat(printed(pairs.subtractByKey(other).collect())).isEqualTo("(b,2)");
    assertThat(pairs.countByKey()).isEqualTo(Map.of("a", 2L, "b", 1L));
    assertThat(pairs.reduceByKey(Integer::sum).collectAsMap()).isEqualTo(Map.of("a", 4, "b", 2));
    assertThat(printed(pairs.union(ssc.parallelizePairs(List.of(new Tuple2<>("c", 4)))).collect()))
        .isEqualTo("(a,1), (b,2), (a,3), (c,4)");
  }

  @Test
  void sortByKeyExamples() {
    PairRDD<String, Integer> unsorted = ssc.parallelizePairs(
        List.of(new Tuple2<>("b", 2), new Tuple2<>("c", 3), new Tuple2<>("a", 1)));
    PairRDD<String, Integer> mixed = ssc.parallelizePairs(List.of(new Tuple2<>("B", 2), new Tuple2<>("a", 1)));

    assertThat(printed(unsorted.sortByKey().collect())).isEqualTo("(a,1), (b,2), (c,3)");
    assertThat(printed(unsorted.sortByKey(false).collect())).isEqualTo("(c,3), (b,2), (a,1)");
    assertThat(unsorted.sortByKey(true, 2).glom().collect()).hasToString("[[(a,1), (b,2)], [(c,3)]]");
    assertThat(printed(mixed.sortByKey(String.CASE_INSENSITIVE_ORDER).collect())).isEqualTo("(a,1), (B,2)");
    assertThat(printed(mixed.sortByKey().collect())).isEqualTo("(B,2), (a,1)");
    assertThat(printed(mixed.sortByKey(String.CASE_INSENSITIVE_ORDER, false).collect())).isEqualTo("(B,2), (a,1)");
  }

  /** Prints records as the Javadoc comments do: {@code (a,1), (b,2)}. */
  private static String printed(List<?> records) {
    return String.join(", ", records.stream().map(String::valueOf).toList());
  }

  private static String printedSorted(List<?> records) {
    return String.join(", ", records.stream().map(String::valueOf).sorted().toList());
  }

  /** The first batch of a shuffled stream, in sorted order. */
  private static String sorted(CollectedOutput<?> output) {
    return printedSorted(output.batches().get(0));
  }

  private static <V extends Comparable<V>> List<V> sortedValues(Iterable<V> values) {
    List<V> list = new ArrayList<>();
    values.forEach(list::add);
    Collections.sort(list);
    return list;
  }
}
