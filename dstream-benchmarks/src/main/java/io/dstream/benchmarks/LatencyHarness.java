package io.dstream.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * L1 of {@code shared/bench/WORKLOAD.md} from a cold JVM with the settings a user would have: W1 with 1,000
 * lines per batch over 200 batches at each interval given (2 ms unless told), the first run being the first
 * work the JVM does, and one line per interval with the batches' total delay, scheduling delay and
 * processing time and the collections meanwhile. The {@code latency} execution of this module's pom starts it
 * in a JVM of its own without any heap or collector option:
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@latency -pl dstream-benchmarks -am -Dlatency.args="2 2 2"
 * }</pre>
 */
public final class LatencyHarness {
  private static final int VOCABULARY = 10_000;
  private static final int LINES_PER_BATCH = 1_000;
  private static final int BATCHES = 200;

  private LatencyHarness() {}

  /**
   * Runs L1 at the given intervals, in order, one context after the other.
   *
   * @param args the batch intervals in milliseconds ({@code 2} if none)
   * @throws NumberFormatException if an argument is not a number
   * @throws IllegalArgumentException if an interval is not positive
   * @throws InterruptedException if interrupted while waiting for the batches
   */
  public static void main(String[] args) throws InterruptedException {
    List<Long> intervals = new ArrayList<>();
    for (String arg : args) {
      long interval = Long.parseLong(arg);
      if (interval <= 0) {
        throw new IllegalArgumentException("batch interval " + arg + " ms is not positive; give intervals in "
            + "milliseconds, such as 2 5");
      }
      intervals.add(interval);
    }
    if (intervals.isEmpty()) {
      intervals.add(2L);
    }
    Runtime runtime = Runtime.getRuntime();
    System.out.printf("machine: %d cores, Java %s, max heap %d MB; L1: %d batches of %d lines, V=%d%n",
        runtime.availableProcessors(), System.getProperty("java.version"), runtime.maxMemory() >> 20, BATCHES,
        LINES_PER_BATCH, VOCABULARY);
    List<List<String>> batches = WorkloadHarness.generate(VOCABULARY, LINES_PER_BATCH, BATCHES);
    for (long interval : intervals) {
      System.out.println("L1 " + LatencyRun.measure(batches, interval, StatusPageMode.OFF));
    }
  }
}
