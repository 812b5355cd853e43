package io.dstream.benchmarks;

import io.dstream.ui.metrics.DStreamMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What dstream-ui's meters cost W1: the workload harness's W1 run (5 warm-up and 20 measured batches of the same
 * pre-generated lines, {@code local[2]}), once without meters and once with {@link DStreamMetrics} bound to a
 * {@code SimpleMeterRegistry}, alternately for a number of rounds in one JVM, so that both see the same machine
 * load. Prints the words/s of each over all its measured batches, and checks that each bound run's meters counted
 * every batch (read as the context's stop removes them from the registry).
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@metrics -pl dstream-benchmarks -am -Dmetrics.args="5"
 * }</pre>
 */
public final class MetricsOverheadBenchmark {
  private static final int WARM_UP = 5;
  private static final int MEASURED = 20;
  private static final int VOCABULARY = 10_000;

  private MetricsOverheadBenchmark() {}

  /**
   * Runs the rounds.
   *
   * @param args the number of rounds (5 by default), and {@code --quick} for 10,000 lines per batch instead of
   *     100,000
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    boolean quick = arguments.remove("--quick");
    int rounds = arguments.isEmpty() ? 5 : Integer.parseInt(arguments.get(0));
    int lines = quick ? 10_000 : 100_000;
    long words = (long) lines * ZipfWordStream.WORDS_PER_LINE;
    List<List<String>> batches = WorkloadHarness.generate(VOCABULARY, lines, WARM_UP + MEASURED);
    System.out.printf("machine: %d cores, Java %s; W1, %d rounds of %d batches of %d lines%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rounds, batches.size(), lines);
    List<Double> without = new ArrayList<>();
    List<Double> with = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      System.gc();
      without.addAll(ThroughputRun.measure(EngineWorkload.W1, batches, WARM_UP));
      System.gc();
      with.addAll(measureBound(batches));
    }
    System.out.printf("%-34s %s%n", "W1 without meters:", ThroughputStats.of(words, without));
    System.out.printf("%-34s %s%n", "W1 with DStreamMetrics bound:", ThroughputStats.of(words, with));
  }

  private static List<Double> measureBound(List<List<String>> batches) throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicLong counted = new AtomicLong(-1);
    registry.config().onMeterRemoved(meter -> {
      if (meter instanceof Counter counter && meter.getId().getName().equals("dstream.batches.completed")
          && "succeeded".equals(meter.getId().getTag("outcome"))) {
        counted.set((long) counter.count());
      }
    });
    List<Double> times = ThroughputRun.measure(EngineWorkload.W1, batches, WARM_UP,
        ssc -> DStreamMetrics.bind(ssc, registry));
    // The stop removed the meters; at least the run's batches were counted (it may stop after one more).
    if (counted.get() < batches.size()) {
      throw new IllegalStateException("the bound run's meters counted " + counted.get() + " succeeded batches of "
          + batches.size());
    }
    return times;
  }
}
