package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Tuple2;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowedNetworkWordCount}'s pipeline with its default durations (1 s batches, a 30 s window sliding
 * by 10 s) on the test kit's manual clock, against windows counted with plain Java.
 */
class WindowedNetworkWordCountTest {
  private static final int INPUT_BATCHES = 45;
  private static final int RUN_BATCHES = 80;

  @Test
  void everyTenSecondsCountsTheWordsOfTheLastThirtySeconds() {
    List<List<String>> lines = SelfFeedingWordCount.generateLines(INPUT_BATCHES, 3, 5);
    long batch = WindowedNetworkWordCount.BATCH_INTERVAL.milliseconds();
    int windowBatches = (int) (WindowedNetworkWordCount.DEFAULT_WINDOW.milliseconds() / batch);
    int slideBatches = (int) (WindowedNetworkWordCount.DEFAULT_SLIDE.milliseconds() / batch);

    try (TestStreamingContext t = TestStreamingContext.create(WindowedNetworkWordCount.BATCH_INTERVAL)) {
      CollectedOutput<Tuple2<String, Integer>> out = t.collect(WindowedNetworkWordCount.windowedWordCounts(
          t.inputStream(lines), WindowedNetworkWordCount.DEFAULT_WINDOW, WindowedNetworkWordCount.DEFAULT_SLIDE));
      t.runBatches(RUN_BATCHES);

      List<Map<String, Integer>> expected = new ArrayList<>();
      for (int end = slideBatches; end <= RUN_BATCHES; end += slideBatches) {
        List<String> inWindow = new ArrayList<>();
        for (int b = Math.max(1, end - windowBatches + 1); b <= Math.min(end, INPUT_BATCHES); b++) {
          inWindow.addAll(lines.get(b - 1));
        }
        expected.add(PlainWordCount.count(inWindow));
      }
      List<Map<String, Integer>> windows = out.batches().stream().map(CountPairs::toMap).toList();
      assertThat(windows).isEqualTo(expected);
      assertThat(windows.get(windows.size() - 1)).as("the window after the input ended, words at 0 dropped").isEmpty();
    }
  }
}
