package io.dstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A workload's run measured batch by batch beside the plain loop: the engine's and the loop's words/s, the
 * median of the per-batch ratios (engine words/s over the loop's on the same batch, measured one right after
 * the other), and the bytes the engine allocated per word.
 *
 * @param engine the engine's words/s over the measured batches
 * @param loop the loop's words/s over the same batches
 * @param ratioToLoop the per-batch ratios of the engine's speed to the loop's
 * @param bytesPerWord the per-batch bytes allocated by the engine's threads per word
 */
record BesideLoopStats(ThroughputStats engine, ThroughputStats loop, Spread ratioToLoop, Spread bytesPerWord) {

  /**
   * Summarizes a run.
   *
   * @param wordsPerBatch the words in each batch
   * @param batches the measured batches, each with its loop time
   * @return the statistics
   * @throws IllegalArgumentException if there are no batches, or a batch has no loop time
   */
  static BesideLoopStats of(long wordsPerBatch, List<ThroughputRun.Batch> batches) {
    List<Double> engineMillis = new ArrayList<>();
    List<Double> loopMillis = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<Double> bytesPerWord = new ArrayList<>();
    for (ThroughputRun.Batch batch : batches) {
      if (Double.isNaN(batch.loopMillis())) {
        throw new IllegalArgumentException("a batch was measured without the loop beside it: " + batch);
      }
      engineMillis.add(batch.engineMillis());
      loopMillis.add(batch.loopMillis());
      ratios.add(batch.loopMillis() / Math.max(batch.engineMillis(), 0.001));
      bytesPerWord.add((double) batch.engineAllocatedBytes() / wordsPerBatch);
    }
    return new BesideLoopStats(ThroughputStats.of(wordsPerBatch, engineMillis),
        ThroughputStats.of(wordsPerBatch, loopMillis), Spread.of(ratios), Spread.of(bytesPerWord));
  }

  /** Returns the figures as one line. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s; loop beside it %.2f M; %.2f x loop (batches %.2f-%.2f); %.0f bytes/word",
        engine, loop.median() / 1e6, ratioToLoop.median(), ratioToLoop.min(), ratioToLoop.max(),
        bytesPerWord.median());
  }
}
