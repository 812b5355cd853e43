package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Tuple2;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StatefulNetworkWordCount}'s pipeline on the test kit's manual clock, with batches of generated lines
 * and then empty ones: after every batch it holds each word's count over all the lines so far, on top of the
 * initial counts, as counted in plain Java.
 */
class StatefulNetworkWordCountTest {
  private static final int INPUT_BATCHES = 12;
  private static final int RUN_BATCHES = 15;

  @TempDir
  Path checkpoints;

  @Test
  void afterEveryBatchHoldsTheRunningCountOfEveryWordSinceTheStart() {
    List<List<String>> lines = SelfFeedingWordCount.generateLines(INPUT_BATCHES, 3, 17);

    try (TestStreamingContext t = TestStreamingContext.create(StatefulNetworkWordCount.BATCH_INTERVAL)) {
      t.context().checkpoint(checkpoints.toString());
      CollectedOutput<Tuple2<String, Integer>> out =
          t.collect(StatefulNetworkWordCount.runningCounts(t.inputStream(lines)));
      t.runBatches(RUN_BATCHES);

      List<Map<String, Integer>> expected = new ArrayList<>();
      List<String> linesSoFar = new ArrayList<>();
      for (int b = 0; b < RUN_BATCHES; b++) {
        if (b < INPUT_BATCHES) {
          linesSoFar.addAll(lines.get(b));
        }
        expected.add(withInitialCounts(PlainWordCount.count(linesSoFar)));
      }
      assertThat(out.batches().stream().map(CountPairs::toMap).toList()).isEqualTo(expected);
    }
  }

  /** Adds the example's initial counts to counts of the lines. */
  static Map<String, Integer> withInitialCounts(Map<String, Integer> counts) {
    Map<String, Integer> total = new TreeMap<>(counts);
    for (Tuple2<String, Integer> initial : StatefulNetworkWordCount.INITIAL_COUNTS) {
      total.merge(initial._1(), initial._2(), Integer::sum);
    }
    return total;
  }
}
