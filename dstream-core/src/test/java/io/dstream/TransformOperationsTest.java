package io.dstream;

import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.PairRDD;
import io.dstream.rdd.RDD;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transform family applies arbitrary RDD functions to every batch: {@code transform} and
 * {@code transformToPair} (with and without the batch time), {@code transformWith} and
 * {@code transformWithToPair} over two streams, and {@code ssc.transform} / {@code ssc.transformToPair} over
 * any number. The functions run once per batch and see the batch time; a function that returns null or
 * throws fails that batch with a cause that says so.
 */
@ExtendWith(TestStreamingContextExtension.class)
class TransformOperationsTest {
  private static final List<List<Integer>> NUMBERS = TestData.randomInts(31, 4, 12, 20);
  private static final List<List<String>> WORDS = List.of(List.of("a", "bb"), List.of(), List.of("ccc"),
      List.of("dd", "e", "ff"));
  private static final List<Long> BATCH_TIMES = List.of(1000L, 2000L, 3000L, 4000L);

  @Test
  void transformAppliesTheFunctionToEveryBatchOnce(TestStreamingContext t) {
    List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    DStream<Integer> transformed = t.inputStream(NUMBERS).transform(rdd -> {
      batchSizes.add((int) rdd.count());
      return rdd.filter(x -> x > 5).map(x -> -x);
    });
    CollectedOutput<Integer> out = t.collect(transformed);
    CollectedOutput<Long> counts = t.collect(transformed.count());

    t.runBatches(NUMBERS.size());

    // Two output operations, one call per batch: the batch's RDD is built once and shared.
    assertThat(batchSizes).isEqualTo(perBatch(NUMBERS, List::size));
    assertThat(out.batches()).isEqualTo(perBatch(NUMBERS, b -> b.stream().filter(x -> x > 5).map(x -> -x).toList()));
    assertThat(counts.batches()).isEqualTo(perBatch(out.batches(), b -> List.of((long) b.size())));
  }

  @Test
  void transformWithTimeSeesEachBatchTime(TestStreamingContext t) {
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    CollectedOutput<Long> out = t.collect(t.inputStream(NUMBERS).transform((RDD<Integer> rdd, Time time) -> {
      seen.add(time.milliseconds());
      return rdd.map(x -> time.milliseconds() + x);
    }));

    t.runBatches(NUMBERS.size());

    assertThat(seen).isEqualTo(BATCH_TIMES);
    assertThat(out.batches()).isEqualTo(timestamped(NUMBERS));
  }

  @Test
  void transformToPairWithAndWithoutTimeMakesPairStreams(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(NUMBERS);
    CollectedOutput<Tuple2<Integer, Integer>> sums = t.collect(in.transformToPair(
        rdd -> rdd.mapToPair(x -> new Tuple2<>(x % 3, x)).reduceByKey(Integer::sum)));
    CollectedOutput<Tuple2<Long, Integer>> stamped = t.collect(in.transformToPair(
        (RDD<Integer> rdd, Time time) -> rdd.mapToPair(x -> new Tuple2<>(time.milliseconds(), x))));

    t.runBatches(NUMBERS.size());

    assertThat(perBatch(sums.batches(), TestData::asMap)).isEqualTo(perBatch(NUMBERS,
        b -> TestData.reduceByKey(b.stream().map(x -> new Tuple2<>(x % 3, x)).toList(), Integer::sum)));
    List<List<Tuple2<Long, Integer>>> expected = new ArrayList<>();
    for (int b = 0; b < NUMBERS.size(); b++) {
      long time = BATCH_TIMES.get(b);
      expected.add(NUMBERS.get(b).stream().map(x -> new Tuple2<>(time, x)).toList());
    }
    assertThat(stamped.batches()).isEqualTo(expected);
  }

  @Test
  void transformWithCombinesTheSameBatchOfTwoStreams(TestStreamingContext t) {
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    DStream<Integer> numbers = t.inputStream(NUMBERS);
    DStream<String> words = t.inputStream(WORDS);
    CollectedOutput<Integer> out = t.collect(numbers.transformWith(words,
        (RDD<Integer> n, RDD<String> w, Time time) -> {
          seen.add(time.milliseconds());
          return n.union(w.map(String::length).map(len -> 1000 * len));
        }));

    t.runBatches(NUMBERS.size());

    assertThat(seen).isEqualTo(BATCH_TIMES);
    List<List<Integer>> expected = new ArrayList<>();
    for (int b = 0; b < NUMBERS.size(); b++) {
      expected.add(Stream.concat(NUMBERS.get(b).stream(), WORDS.get(b).stream().map(s -> 1000 * s.length()))
          .toList());
    }
    assertThat(out.batches()).isEqualTo(expected);
  }

  @Test
  void transformWithToPairJoinsTheSameBatchOfTwoStreams(TestStreamingContext t) {
    DStream<Integer> lengths = t.inputStream(List.of(List.of(1, 2, 3), List.of(2)));
    DStream<String> words = t.inputStream(List.of(List.of("a", "bb", "cc", "dddd"), List.of("x", "yy")));
    CollectedOutput<Tuple2<Integer, Tuple2<Integer, String>>> out = t.collect(lengths.transformWithToPair(words,
        (RDD<Integer> l, RDD<String> w, Time time) -> l.mapToPair(x -> new Tuple2<>(x, x * 10))
            .join(w.mapToPair(s -> new Tuple2<>(s.length(), s)))));

    t.runBatches(2);

    assertThat(out.batches().get(0)).containsExactlyInAnyOrder(new Tuple2<>(1, new Tuple2<>(10, "a")),
        new Tuple2<>(2, new Tuple2<>(20, "bb")), new Tuple2<>(2, new Tuple2<>(20, "cc")));
    assertThat(out.batches().get(1)).containsExactly(new Tuple2<>(2, new Tuple2<>(20, "yy")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void contextTransformCombinesTheSameBatchOfManyStreamsInTheirOrder(TestStreamingContext t) {
    List<List<Integer>> second = TestData.randomInts(32, 4, 12, 20);
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    List<DStream<?>> streams = List.of(t.inputStream(NUMBERS), t.inputStream(WORDS), t.inputStream(second));
    CollectedOutput<String> out = t.collect(t.context().transform(streams, (List<RDD<?>> rdds, Time time) -> {
      seen.add(time.milliseconds());
      RDD<String> numbers = ((RDD<Integer>) rdds.get(0)).map(x -> "n" + x);
      RDD<String> words = (RDD<String>) rdds.get(1);
      RDD<String> others = ((RDD<Integer>) rdds.get(2)).map(x -> "o" + x);
      return numbers.union(words).union(others);
    }));

    t.runBatches(NUMBERS.size());

    assertThat(seen).isEqualTo(BATCH_TIMES);
    List<List<String>> expected = new ArrayList<>();
    for (int b = 0; b < NUMBERS.size(); b++) {
      expected.add(Stream.of(NUMBERS.get(b).stream().map(x -> "n" + x), WORDS.get(b).stream(),
          second.get(b).stream().map(x -> "o" + x)).flatMap(s -> s).toList());
    }
    assertThat(out.batches()).isEqualTo(expected);
  }

  @Test
  @SuppressWarnings("unchecked")
  void contextTransformToPairMakesAPairStream(TestStreamingContext t) {
    List<DStream<?>> streams = List.of(t.inputStream(NUMBERS), t.inputStream(WORDS));
    PairDStream<String, Long> counts = t.context().transformToPair(streams, (List<RDD<?>> rdds, Time time) -> {
      PairRDD<String, Long> numbers = ((RDD<Integer>) rdds.get(0)).mapToPair(x -> new Tuple2<>("number", 1L));
      PairRDD<String, Long> words = ((RDD<String>) rdds.get(1)).mapToPair(w -> new Tuple2<>("word", 1L));
      return numbers.union(words).reduceByKey(Long::sum);
    });
    CollectedOutput<Tuple2<String, Long>> out = t.collect(counts.mapValues(n -> n * 10));

    t.runBatches(NUMBERS.size());

    for (int b = 0; b < NUMBERS.size(); b++) {
      List<Tuple2<String, Long>> expected = new ArrayList<>();
      if (!NUMBERS.get(b).isEmpty()) {
        expected.add(new Tuple2<>("number", 10L * NUMBERS.get(b).size()));
      }
      if (!WORDS.get(b).isEmpty()) {
        expected.add(new Tuple2<>("word", 10L * WORDS.get(b).size()));
      }
      assertThat(out.batches().get(b)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void aTransformThatReturnsNullFailsTheBatchWithAClearCause(TestStreamingContext t) {
    t.collect(t.inputStream(NUMBERS).transform(rdd -> (RDD<Integer>) null));

    assertThatThrownBy(() -> t.runBatches(1))
        .isInstanceOf(JobFailedException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transform")
        .hasMessageContaining("returned null for batch 1000 ms")
        .hasMessageContaining("ssc.emptyRDD()");
  }

  @Test
  void aContextTransformThatReturnsNullFailsTheBatchWithAClearCause(TestStreamingContext t) {
    t.collect(t.context().transform(List.of(t.inputStream(NUMBERS)), (rdds, time) -> (RDD<Integer>) null));

    assertThatThrownBy(() -> t.runBatches(1))
        .isInstanceOf(JobFailedException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned null");
  }

  @Test
  void aTransformThatThrowsFailsTheBatchWithItsOwnException(TestStreamingContext t) {
    UnsupportedOperationException boom = new UnsupportedOperationException("not on batch 2000");
    CollectedOutput<Integer> out = t.collect(t.inputStream(NUMBERS).transform((RDD<Integer> rdd, Time time) -> {
      if (time.milliseconds() == 2000) {
        throw boom;
      }
      return rdd;
    }));

    t.runBatches(1);

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class).cause().isSameAs(boom);
    t.runBatches(1);
    // The failed batch produced nothing; the batches before and after it ran.
    assertThat(out.batches()).containsExactly(NUMBERS.get(0), NUMBERS.get(2));
  }

  @Test
  void transformWithOverDifferentSlideDurationsIsRefused(TestStreamingContext t) {
    DStream<Integer> numbers = t.inputStream(NUMBERS);
    DStream<String> everySecond = DoubledSlideStreamNode.everySecondBatch(t.inputStream(WORDS));

    assertThatThrownBy(() -> numbers.transformWith(everySecond, (n, w, time) -> n))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transformWith")
        .hasMessageContaining("different slide durations");
    assertThatThrownBy(() -> numbers.transformWithToPair(everySecond,
        (RDD<Integer> n, RDD<String> w, Time time) -> n.mapToPair(x -> new Tuple2<>(x, x))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different slide durations");
    assertThatThrownBy(() -> t.context().transform(List.of(numbers, everySecond), (rdds, time) -> rdds.get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different slide durations");
  }

  @Test
  void transformOverStreamsOfTwoContextsIsRefused(TestStreamingContext t) {
    try (TestStreamingContext other = TestStreamingContext.create(Durations.seconds(1))) {
      DStream<Integer> here = t.inputStream(NUMBERS);
      DStream<String> there = other.inputStream(WORDS);

      assertThatThrownBy(() -> here.transformWith(there, (n, w, time) -> n))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("different StreamingContexts");
      assertThatThrownBy(() -> t.context().transform(List.of(here, there), (rdds, time) -> rdds.get(0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("another StreamingContext");
    }
  }

  @Test
  void contextTransformOfNoStreamsIsRefused(TestStreamingContext t) {
    assertThatThrownBy(() -> t.context().transform(List.of(), (rdds, time) -> t.context().emptyRDD()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one stream");
  }

  private static List<List<Long>> timestamped(List<List<Integer>> batches) {
    List<List<Long>> result = new ArrayList<>();
    for (int b = 0; b < batches.size(); b++) {
      long time = BATCH_TIMES.get(b);
      result.add(batches.get(b).stream().map(x -> time + x).toList());
    }
    return result;
  }
}
