package io.dstream.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-threaded limit that the engine workloads are compared with: plain Java splitting each line and
 * merging each word into a {@code HashMap}, as {@code shared/bench/WORKLOAD.md}'s baseline defines it.
 */
final class WordCountLoop {
  /** Written after every batch so that the JIT cannot drop the loop as dead code. */
  private static volatile int distinctWords;

  private WordCountLoop() {}

  /**
   * Counts the words of one batch and returns how long that took.
   *
   * @param lines the batch's lines
   * @return the time in milliseconds
   */
  static double millis(List<String> lines) {
    long start = System.nanoTime();
    Map<String, Integer> counts = new HashMap<>();
    for (String line : lines) {
      for (String word : line.split(" ")) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    double millis = (System.nanoTime() - start) / 1e6;
    distinctWords = counts.size();
    return millis;
  }
}
