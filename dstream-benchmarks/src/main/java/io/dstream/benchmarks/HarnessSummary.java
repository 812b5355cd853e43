package io.dstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The harness's closing table: each figure's median over the JVM runs, with every run's own value in
 * brackets, and the ratios to W1 that the targets are set in, computed run by run from each workload's
 * ratio to the loop measured beside it.
 */
final class HarnessSummary {
  /** The workloads measured beside the loop, in the order the table lists them. */
  static final List<String> BESIDE_LOOP = List.of("W1", "W2", "W3", "W3 V=1000000");

  private HarnessSummary() {}

  /**
   * Formats the table.
   *
   * @param figures for each {@code workload\tmetric}, its value in each run, as {@link JvmRuns} gathers them
   * @return the table's lines
   */
  static List<String> lines(Map<String, List<Double>> figures) {
    List<String> lines = new ArrayList<>();
    for (String workload : BESIDE_LOOP) {
      List<Double> engine = figures.get(workload + "\tengineWordsPerSecond");
      if (engine == null) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s %s M words/s; %s x loop; %s bytes/word",
          workload, runs(engine, v -> String.format(Locale.ROOT, "%.2f", v / 1e6)),
          runs(figures.get(workload + "\tratioToLoop"), v -> String.format(Locale.ROOT, "%.2f", v)),
          runs(figures.get(workload + "\tbytesPerWord"), v -> String.format(Locale.ROOT, "%.0f", v))));
      List<Double> w1 = figures.get("W1\tratioToLoop");
      if (!workload.equals("W1") && w1 != null) {
        line.append("; ").append(runs(divide(figures.get(workload + "\tratioToLoop"), w1),
            v -> String.format(Locale.ROOT, "%.2f", v))).append(" x W1");
      }
      lines.add(line.toString());
    }
    List<Double> stateBytes = figures.get("W3 V=1000000\tstateBytesPerKey");
    if (stateBytes != null) {
      lines.add(String.format(Locale.ROOT, "%-14s %s bytes/key; a HashMap of the same: %s bytes/key", "W3 state",
          runs(stateBytes, v -> String.format(Locale.ROOT, "%.0f", v)),
          runs(figures.get("W3 V=1000000\thashMapBytesPerKey"), v -> String.format(Locale.ROOT, "%.0f", v))));
    }
    List<Double> sustained = figures.get("L1\tsustainedMillis");
    if (sustained != null) {
      lines.add(String.format(Locale.ROOT, "%-14s sustains %s ms (-1: none of the tried intervals)", "L1",
          runs(sustained, v -> String.format(Locale.ROOT, "%.0f", v))));
    }
    return lines;
  }

  /** The values run by run, each divided by the same run's value of the other. */
  private static List<Double> divide(List<Double> values, List<Double> by) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(values.size(), by.size()); i++) {
      ratios.add(values.get(i) / by.get(i));
    }
    return ratios;
  }

  /** Returns {@code median [run 1, run 2, ...]}. */
  private static String runs(List<Double> values, DoubleFunction<String> format) {
    List<String> each = new ArrayList<>();
    for (double value : values) {
      each.add(format.apply(value));
    }
    return format.apply(Spread.of(values).median()) + " " + each;
  }
}
