package io.dstream.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Words per second over the measured batches of one run: median, min and max.
 *
 * @param median the median over batches
 * @param min the slowest batch
 * @param max the fastest batch
 */
public record ThroughputStats(double median, double min, double max) {

  /**
   * Summarizes per-batch processing times.
   *
   * @param wordsPerBatch the words in each batch
   * @param batchMillis each measured batch's processing time
   * @return the words/s statistics
   * @throws IllegalArgumentException if there are no batches
   */
  public static ThroughputStats of(long wordsPerBatch, List<Double> batchMillis) {
    if (batchMillis.isEmpty()) {
      throw new IllegalArgumentException("no measured batches");
    }
    List<Double> rates = new ArrayList<>();
    for (double millis : batchMillis) {
      rates.add(wordsPerBatch / (Math.max(millis, 0.001) / 1000.0));
    }
    Collections.sort(rates);
    int n = rates.size();
    double median = n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;
    return new ThroughputStats(median, rates.get(0), rates.get(n - 1));
  }

  /** Returns {@code median M words/s (min m, max x)} with rates in millions. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "median %.2f M words/s (min %.2f, max %.2f)", median / 1e6, min / 1e6,
        max / 1e6);
  }
}
