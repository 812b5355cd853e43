package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.Tuple2;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordCountsTest {

  @Test
  void countsTheWordsOfEachBatchSplitAtAnyRunOfWhitespace() {
    List<List<String>> batches = List.of(
        List.of("to be  or not\tto be", "", "   ", " leading and trailing  "),
        List.of("be"),
        List.of());
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<Tuple2<String, Integer>> out =
          t.collect(WordCounts.countPerBatch(t.inputStream(batches)));
      t.runBatches(3);

      assertThat(out.batches()).hasSize(3);
      for (int i = 0; i < batches.size(); i++) {
        assertThat(CountPairs.toMap(out.batches().get(i))).as("batch %d", i + 1)
            .isEqualTo(PlainWordCount.count(batches.get(i)));
      }
    }
  }

  @Test
  void pairsEveryWordWithOne() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<Tuple2<String, Integer>> out =
          t.collect(WordCounts.wordOnes(t.inputStream(List.of(List.of("a b a", "")))));
      t.runBatches(1);

      assertThat(out.batches().get(0))
          .containsExactly(new Tuple2<>("a", 1), new Tuple2<>("b", 1), new Tuple2<>("a", 1));
    }
  }
}
