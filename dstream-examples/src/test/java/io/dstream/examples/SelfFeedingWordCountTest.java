package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.Tuple2;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfFeedingWordCountTest {

  @Test
  void countsTheWordsOfEachBatchAsAPlainJavaCountDoes() {
    List<List<String>> lines = SelfFeedingWordCount.generateLines(3, 20, 7);
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      CollectedOutput<Tuple2<String, Integer>> out =
          t.collect(SelfFeedingWordCount.wordCounts(t.context(), lines));
      t.runBatches(4);

      List<List<Tuple2<String, Integer>>> batches = out.batches();
      assertThat(batches).hasSize(4);
      for (int i = 0; i < lines.size(); i++) {
        assertThat(CountPairs.toMap(batches.get(i))).as("batch %d", i + 1)
            .isEqualTo(PlainWordCount.count(lines.get(i)));
      }
      assertThat(batches.get(3)).as("the batch after the queue ran dry").isEmpty();
    }
  }

  @Test
  void mainPrintsTheWordCountsOfTheRequestedNumberOfBatchesAndReturns() throws Exception {
    String printed = PrintedBatches.captureStdout(() -> SelfFeedingWordCount.main(new String[] {"2"}));

    List<List<String>> lines =
        SelfFeedingWordCount.generateLines(2, SelfFeedingWordCount.LINES_PER_BATCH, SelfFeedingWordCount.SEED);
    List<PrintedBatches.Batch> batches = PrintedBatches.parse(printed);
    assertThat(batches).hasSizeGreaterThanOrEqualTo(2);
    for (int i = 0; i < 2; i++) {
      List<String> expected = PlainWordCount.count(lines.get(i)).entrySet().stream()
          .map(e -> new Tuple2<>(e.getKey(), e.getValue()).toString()).toList();
      assertThat(batches.get(i).records()).as("batch %d", i + 1).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(batches.get(1).timeMillis() - batches.get(0).timeMillis())
        .isEqualTo(SelfFeedingWordCount.BATCH_INTERVAL.milliseconds());
    assertThat(batches.subList(2, batches.size())).as("batches after the last queued one")
        .allSatisfy(batch -> assertThat(batch.records()).isEmpty());
  }

  @Test
  void mainRejectsABatchCountThatIsNotAPositiveInteger() {
    assertThatThrownBy(() -> SelfFeedingWordCount.main(new String[] {"0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, got 0");
    assertThatThrownBy(() -> SelfFeedingWordCount.main(new String[] {"four"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive integer, got 'four'");
  }
}
