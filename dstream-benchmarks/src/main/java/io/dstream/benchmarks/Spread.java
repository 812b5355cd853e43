package io.dstream.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The median of a few measured values with their range, as a benchmark's table prints them.
 *
 * @param median the median
 * @param min the smallest value
 * @param max the largest value
 */
record Spread(double median, double min, double max) {

  /**
   * Summarizes values.
   *
   * @param values the measured values
   * @return their median, min and max
   * @throws IllegalArgumentException if there are none
   */
  static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no measured values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Spread(median, sorted.get(0), sorted.get(n - 1));
  }

  /** Returns {@code median (min-max)} with the values as whole numbers. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)", median, min, max);
  }
}
