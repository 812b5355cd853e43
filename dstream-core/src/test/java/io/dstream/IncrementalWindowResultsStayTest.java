package io.dstream;

import static io.dstream.PlainWindows.windows;
import static io.dstream.TestData.perBatch;
import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.rdd.PairRDD;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The incremental {@code reduceByKeyAndWindow} builds each window's result on a copy of the previous one's
 * maps, updated in place: an earlier result, held by the user past later windows, still reads as its own
 * window; and reduce functions or functions downstream that modify their values change no window.
 */
@ExtendWith(TestStreamingContextExtension.class)
class IncrementalWindowResultsStayTest {
  private static final int BATCHES = 20;
  private static final int WINDOW = 4;

  /** Positive values over a few keys, so that every key is in many batches. */
  private static List<List<Tuple2<Integer, Integer>>> input(long seed) {
    return perBatch(TestData.randomPairs(seed, BATCHES, 8, 0, 5),
        batch -> batch.stream().map(p -> new Tuple2<>(p._1(), p._2() + 1)).toList());
  }

  /** Each window's sums by key, computed in plain Java from the batches. */
  private static List<Map<Integer, Integer>> expectedWindows(List<List<Tuple2<Integer, Integer>>> input) {
    return perBatch(windows(input, WINDOW, 1, BATCHES), records -> TestData.reduceByKey(records, Integer::sum));
  }

  @Test
  void aResultHeldPastLaterWindowsStillReadsAsItsOwnWindow(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = input(601);
    List<PairRDD<Integer, Integer>> held = Collections.synchronizedList(new ArrayList<>());
    t.pairInputStream(input).reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Durations.seconds(WINDOW),
        Durations.seconds(1), 2, kv -> kv._2() != 0).foreachRDD(rdd -> {
          rdd.count();
          held.add(rdd);
        });

    t.runBatches(BATCHES);

    // Read only now, after every later window was built on them.
    assertThat(held).hasSize(BATCHES);
    assertThat(held.stream().map(rdd -> TestData.asMap(rdd.collect())).toList()).isEqualTo(expectedWindows(input));
  }

  @Test
  void functionsThatModifyTheirValuesChangeNoWindow(TestStreamingContext t) {
    List<List<Tuple2<Integer, Integer>>> input = input(602);
    PairDStream<Integer, long[]> windowed = t.pairInputStream(input)
        .mapValues(v -> new long[] {v})
        .reduceByKeyAndWindow((a, b) -> {
          a[0] += b[0];
          return a;
        }, (a, b) -> {
          a[0] -= b[0];
          return a;
        }, Durations.seconds(WINDOW), Durations.seconds(1), 2, kv -> kv._2()[0] != 0);
    // Another output that overwrites every value it reads, before the windows are read again.
    windowed.foreachRDD(rdd -> rdd.foreach(kv -> kv._2()[0] = -1_000));
    CollectedOutput<Tuple2<Integer, Integer>> sums = t.collect(windowed.mapValues(v -> (int) v[0]));
    List<PairRDD<Integer, long[]>> held = Collections.synchronizedList(new ArrayList<>());
    windowed.foreachRDD(rdd -> {
      held.add(rdd);
    });

    t.runBatches(BATCHES);

    List<Map<Integer, Integer>> expected = expectedWindows(input);
    assertThat(perBatch(sums.batches(), TestData::asMap)).isEqualTo(expected);
    assertThat(held.stream().map(rdd -> TestData.asMap(rdd.mapValues(v -> (int) v[0]).collect())).toList())
        .as("the results read again after every later window").isEqualTo(expected);
  }
}
