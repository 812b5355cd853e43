package io.dstream;

import static io.dstream.PlainWindows.windows;
import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: on random input, with random window and slide lengths (multiples of the batch, window shorter,
 * equal or longer than the slide), random partition counts and random checkpoint intervals, the incremental
 * {@code reduceByKeyAndWindow} (with an inverse function) gives the same windows as the plain one and as
 * plain Java: with a filter that drops zero sums exactly, and without one up to the keys left at zero.
 */
class IncrementalWindowMatchesPlainWindowTest {

  /** One random case; the seed replays it. */
  record Case(long seed, int batches, int keys, int maxBatchSize, int window, int slide, int partitions,
      int checkpointSlides) {
    static Case random(long seed) {
      Random random = new Random(seed);
      return new Case(seed, 8 + random.nextInt(23), 1 + random.nextInt(8), random.nextInt(11),
          1 + random.nextInt(6), 1 + random.nextInt(4), 1 + random.nextInt(3), random.nextInt(4));
    }

    /** Positive values, so that a zero sum means that the key has no value in the window. */
    List<List<Tuple2<Integer, Integer>>> input() {
      return perBatch(TestData.randomPairs(seed, batches, maxBatchSize, 0, keys),
          batch -> batch.stream().map(p -> new Tuple2<>(p._1(), p._2() + 1)).toList());
    }

    /** Enough batches for the last windows to slide past the input. */
    int batchesToRun() {
      return batches + window + slide;
    }
  }

  static Stream<Case> cases() {
    return LongStream.range(1000, 1050).mapToObj(Case::random);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theIncrementalWindowGivesThePlainWindowsResults(Case c) {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      List<List<Tuple2<Integer, Integer>>> input = c.input();
      PairDStream<Integer, Integer> in = t.pairInputStream(input);
      Duration window = Durations.seconds(c.window());
      Duration slide = Durations.seconds(c.slide());
      CollectedOutput<Tuple2<Integer, Integer>> plain =
          t.collect(in.reduceByKeyAndWindow(Integer::sum, window, slide, c.partitions()));
      PairDStream<Integer, Integer> filtered = in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, window,
          slide, c.partitions(), kv -> kv._2() != 0);
      PairDStream<Integer, Integer> unfiltered =
          in.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, window, slide, c.partitions());
      if (c.checkpointSlides() > 0) {
        filtered.checkpoint(slide.times(c.checkpointSlides()));
        unfiltered.checkpoint(slide.times(c.checkpointSlides()));
      }
      CollectedOutput<Tuple2<Integer, Integer>> incremental = t.collect(filtered);
      CollectedOutput<Tuple2<Integer, Integer>> withZeros = t.collect(unfiltered);

      t.runBatches(c.batchesToRun());

      List<Map<Integer, Integer>> expected = perBatch(windows(input, c.window(), c.slide(), c.batchesToRun()),
          records -> TestData.reduceByKey(records, Integer::sum));
      assertThat(perBatch(plain.batches(), TestData::asMap)).isEqualTo(expected);
      assertThat(perBatch(incremental.batches(), TestData::asMap)).isEqualTo(expected);
      assertThat(perBatch(withZeros.batches(), IncrementalWindowMatchesPlainWindowTest::withoutZeros))
          .isEqualTo(expected);
    }
  }

  private static Map<Integer, Integer> withoutZeros(List<Tuple2<Integer, Integer>> records) {
    Map<Integer, Integer> map = new TreeMap<>(TestData.asMap(records));
    map.values().removeIf(v -> v == 0);
    return map;
  }
}
