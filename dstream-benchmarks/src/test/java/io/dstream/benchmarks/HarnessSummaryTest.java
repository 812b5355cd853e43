package io.dstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness's figures: a run's per-batch ratios to the loop, and the closing table's medians over JVM runs
 * with the ratios to W1 taken run by run.
 */
class HarnessSummaryTest {

  @Test
  void aRunsRatioToTheLoopIsTheMedianOfItsBatchesRatios() {
    // 1,000 words a batch: the engine 1, 2 and 4 ms, the loop 2 ms beside each.
    List<ThroughputRun.Batch> batches = List.of(new ThroughputRun.Batch(1, 2, 10_000),
        new ThroughputRun.Batch(2, 2, 20_000), new ThroughputRun.Batch(4, 2, 30_000));

    BesideLoopStats stats = BesideLoopStats.of(1_000, batches);

    assertThat(stats.ratioToLoop().median()).isEqualTo(1.0);
    assertThat(stats.ratioToLoop().min()).isEqualTo(0.5);
    assertThat(stats.ratioToLoop().max()).isEqualTo(2.0);
    assertThat(stats.engine().median()).isEqualTo(500_000.0);
    assertThat(stats.loop().median()).isEqualTo(500_000.0);
    assertThat(stats.bytesPerWord().median()).isEqualTo(20.0);
  }

  @Test
  void aBatchWithoutTheLoopBesideItIsRefused() {
    List<ThroughputRun.Batch> batches = List.of(new ThroughputRun.Batch(1, Double.NaN, 0));

    assertThatThrownBy(() -> BesideLoopStats.of(1_000, batches)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without the loop");
  }

  @Test
  void theTableGivesMediansOverRunsAndRatiosToW1RunByRun() {
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    figures.put("W1\tengineWordsPerSecond", List.of(10e6, 20e6, 30e6));
    figures.put("W1\tratioToLoop", List.of(2.0, 1.0, 1.5));
    figures.put("W1\tbytesPerWord", List.of(75.0, 77.0, 75.0));
    figures.put("W2\tengineWordsPerSecond", List.of(8e6, 18e6, 24e6));
    figures.put("W2\tratioToLoop", List.of(1.0, 0.9, 1.5));
    figures.put("W2\tbytesPerWord", List.of(80.0, 81.0, 82.0));
    figures.put("L1\tsustainedMillis", List.of(5.0, 10.0, 10.0));

    List<String> lines = HarnessSummary.lines(figures);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("20.00 [10.00, 20.00, 30.00] M words/s")
        .contains("1.50 [2.00, 1.00, 1.50] x loop").contains("75 [75, 77, 75] bytes/word").doesNotContain("x W1");
    // Run by run: 1.0 / 2.0, 0.9 / 1.0, 1.5 / 1.5; their median is 0.9, not the ratio of the medians (1.0 / 1.5).
    assertThat(lines.get(1)).endsWith("0.90 [0.50, 0.90, 1.00] x W1");
    assertThat(lines.get(2)).contains("sustains 10 [5, 10, 10] ms");
  }
}
