package io.dstream.benchmarks;

import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.ui.metrics.DStreamMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What dstream-ui's meters cost W1: the workload harness's W1 run (5 warm-up and 20 measured batches of the same
 * pre-generated lines, {@code local[2]}), once without meters and once with {@link DStreamMetrics} bound to a
 * {@code SimpleMeterRegistry}, for a number of rounds in one JVM (each round's first run alternating), so that
 * both see the same machine load. Prints the words/s of each over all its measured batches and the time the
 * metrics listener takes per completed batch, and checks that each bound run's meters counted every batch (read
 * as the context's stop removes them from the registry).
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
    List<Double> listenerMicros = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      // Every other round runs the bound run first, so that neither always follows the other.
      for (boolean bound : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
        System.gc();
        if (bound) {
          with.addAll(measureBound(batches, listenerMicros));
        } else {
          without.addAll(ThroughputRun.measure(EngineWorkload.W1, batches, WARM_UP));
        }
      }
    }
    System.out.printf("%-34s %s%n", "W1 without meters:", ThroughputStats.of(words, without));
    System.out.printf("%-34s %s%n", "W1 with DStreamMetrics bound:", ThroughputStats.of(words, with));
    listenerMicros.sort(null);
    System.out.printf(Locale.ROOT, "%-34s median %.1f us, 90th percentile %.1f us, max %.1f us (%d batches)%n",
        "metrics listener per batch:", listenerMicros.get(listenerMicros.size() / 2),
        listenerMicros.get(listenerMicros.size() * 9 / 10), listenerMicros.get(listenerMicros.size() - 1),
        listenerMicros.size());
  }

  /**
   * Times the metrics listener's handling of each completed batch, on the listener bus's thread: the bus calls
   * the listeners one after the other in the order they were added, so the time from {@code before} to
   * {@code after} is the metrics listener's.
   */
  private static final class ListenerTimer {
    final List<Double> micros = new ArrayList<>();
    private long start;

    final StreamingListener before = new StreamingListener() {
      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted event) {
        start = System.nanoTime();
      }
    };
    final StreamingListener after = new StreamingListener() {
      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted event) {
        micros.add((System.nanoTime() - start) / 1e3);
      }
    };
  }

  private static List<Double> measureBound(List<List<String>> batches, List<Double> listenerMicros)
      throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicLong counted = new AtomicLong(-1);
    registry.config().onMeterRemoved(meter -> {
      if (meter instanceof Counter counter && meter.getId().getName().equals("dstream.batches.completed")
          && "succeeded".equals(meter.getId().getTag("outcome"))) {
        counted.set((long) counter.count());
      }
    });
    ListenerTimer timer = new ListenerTimer();
    List<Double> times = ThroughputRun.measure(EngineWorkload.W1, batches, WARM_UP, StatusPageMode.OFF, ssc -> {
      ssc.addStreamingListener(timer.before);
      DStreamMetrics.bind(ssc, registry);
      ssc.addStreamingListener(timer.after);
    });
    listenerMicros.addAll(timer.micros);
    // The stop removed the meters; at least the run's batches were counted (it may stop after one more).
    if (counted.get() < batches.size()) {
      throw new IllegalStateException("the bound run's meters counted " + counted.get() + " succeeded batches of "
          + batches.size());
    }
    return times;
  }
}
