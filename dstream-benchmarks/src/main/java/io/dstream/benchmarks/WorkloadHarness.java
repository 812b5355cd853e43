package io.dstream.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the workloads of {@code shared/bench/WORKLOAD.md} and prints one line per workload: the plain-Java
 * single-threaded W1 baseline, then W1 and W2 on the engine with 2 worker threads (each over 5 warm-up and
 * 20 measured batches fed through a queue stream: median, min and max words/s), then L1 (the smallest
 * batch interval that W1 with 1,000 lines per batch sustains over 200 batches). W3 ({@code updateStateByKey})
 * runs a second time with V = 1,000,000, followed by the memory its state takes against a {@code HashMap}
 * of the same keys and values.
 *
 * <p>Run it from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@workloads -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>which builds the library and starts the harness in a JVM of its own with
 * {@code -Xmx4g -Xms4g -XX:+AlwaysPreTouch}, as the workload definition asks (the {@code workloads}
 * execution in this module's pom). Add {@code -Dworkloads.args=--quick} for the short version.
 *
 * <p>Two more arguments measure what the status page costs (docs/monitoring.md): {@code --ui=on} runs every
 * context with {@code dstream.ui.enabled=true} on a free port, {@code --ui=polled} also polls its
 * {@code /api/v1/batches} every 100 ms ({@code --ui=off}, the default, runs as the workload definition says); and
 * {@code --only=W1,L1} runs only the named workloads (of {@code baseline}, {@code W1}, {@code W2}, {@code W3}
 * with its V = 1,000,000 runs, and {@code L1}), for example
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@workloads -pl dstream-benchmarks -am -Dworkloads.args="--only=W1,L1 --ui=on"
 * }</pre>
 */
public final class WorkloadHarness {
  private static final int WARM_UP = 5;
  private static final int MEASURED = 20;
  private static final int VOCABULARY = 10_000;
  private static final int LARGE_VOCABULARY = 1_000_000;
  private static final long[] L1_INTERVALS_MS = {100, 50, 20, 10, 5, 2};
  private static final Set<String> WORKLOADS = Set.of("baseline", "W1", "W2", "W3", "L1");

  private WorkloadHarness() {}

  /**
   * Runs the workloads.
   *
   * @param args {@code --quick} for 10,000 lines per batch instead of 100,000 and 100 L1 batches;
   *     {@code --ui=off|on|polled} for the status page; {@code --only=} and a comma-separated list of workloads
   * @throws IllegalArgumentException if {@code --ui} or {@code --only} names no mode or workload
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    boolean quick = arguments.contains("--quick");
    StatusPageMode statusPage = StatusPageMode.parse(value(arguments, "--ui=").orElse("off"));
    Set<String> only = value(arguments, "--only=").map(WorkloadHarness::workloads).orElse(WORKLOADS);
    int lines = quick ? 10_000 : 100_000;
    System.out.printf("machine: %d cores, Java %s; V=%d, L=%d lines per batch; status page %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), VOCABULARY, lines,
        statusPage.name().toLowerCase(Locale.ROOT));
    throughput(lines, only, statusPage);
    if (only.contains("W3")) {
      largeState(lines, statusPage);
    }
    if (only.contains("L1")) {
      settleHeap();
      System.out.println(l1(generate(VOCABULARY, 1_000, quick ? 100 : 200), statusPage));
    }
  }

  private static Optional<String> value(List<String> arguments, String prefix) {
    return arguments.stream().filter(argument -> argument.startsWith(prefix))
        .map(argument -> argument.substring(prefix.length())).reduce((first, last) -> last);
  }

  private static Set<String> workloads(String list) {
    Set<String> named = Set.of(list.split(","));
    if (!WORKLOADS.containsAll(named)) {
      throw new IllegalArgumentException("--only=" + list + " names a workload that is not one of " + WORKLOADS
          + "; give a comma-separated list of them, such as --only=W1,L1");
    }
    return named;
  }

  /** W3 with a vocabulary of a million words: its throughput, then the memory its state takes. */
  private static void largeState(int lines, StatusPageMode statusPage) throws Exception {
    long words = (long) lines * ZipfWordStream.WORDS_PER_LINE;
    settleHeap();
    report("W3, V=1000000 (dstream, local[2])", ThroughputStats.of(words,
        ThroughputRun.measure(EngineWorkload.W3, generate(LARGE_VOCABULARY, lines, WARM_UP + MEASURED), WARM_UP,
            statusPage, ssc -> { })));
    settleHeap();
    System.out.printf("%-34s %s%n", "W3 state memory, V=1000000:",
        StateWorkload.memory(new ZipfWordStream(LARGE_VOCABULARY), lines, WARM_UP + MEASURED));
  }

  /** The baseline and the chosen engine workloads over the same batches. */
  private static void throughput(int lines, Set<String> only, StatusPageMode statusPage)
      throws InterruptedException {
    List<List<String>> batches = generate(VOCABULARY, lines, WARM_UP + MEASURED);
    long words = (long) lines * ZipfWordStream.WORDS_PER_LINE;
    if (only.contains("baseline")) {
      settleHeap();
      report("baseline (plain Java, 1 thread)", ThroughputStats.of(words, baseline(batches)));
    }
    for (EngineWorkload workload : EngineWorkload.values()) {
      if (only.contains(workload.name())) {
        settleHeap();
        report(workload + " (dstream, local[2])", ThroughputStats.of(words,
            ThroughputRun.measure(workload, batches, WARM_UP, statusPage, ssc -> { })));
      }
    }
  }

  private static void report(String name, ThroughputStats stats) {
    System.out.printf("%-34s %s%n", name + ":", stats);
  }

  /** Tries shorter and shorter intervals; returns the line reporting the smallest sustained one. */
  private static String l1(List<List<String>> batches, StatusPageMode statusPage) throws InterruptedException {
    StringBuilder tried = new StringBuilder();
    long sustained = -1;
    for (long interval : L1_INTERVALS_MS) {
      long worst = LatencyRun.worstTotalDelay(batches, interval, statusPage);
      tried.append(String.format(Locale.ROOT, " %d ms: worst total delay %d ms;", interval, worst));
      if (worst >= 2 * interval) {
        break;
      }
      sustained = interval;
    }
    String result = sustained < 0 ? "no tried interval sustained" : "sustains " + sustained + " ms";
    return String.format(Locale.ROOT, "%-34s %s (%d batches of 1000 lines;%s)", "L1 (dstream, local[2]):",
        result, batches.size(), tried.toString().replaceAll(";$", ""));
  }

  /**
   * Moves the pre-generated input out of the young generation before a run, so that no measured batch
   * pays for copying the whole input (young pauses of 50-60 ms were seen without it, on 40-60 ms batches).
   */
  private static void settleHeap() {
    System.gc();
  }

  static List<List<String>> generate(int vocabulary, int lines, int count) {
    ZipfWordStream stream = new ZipfWordStream(vocabulary);
    List<List<String>> batches = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batches.add(stream.nextBatch(lines));
    }
    return batches;
  }

  /** The single-threaded limit: split and HashMap merge, per batch. Returns measured batch times in ms. */
  static List<Double> baseline(List<List<String>> batches) {
    List<Double> times = new ArrayList<>();
    long sink = 0;
    for (int b = 0; b < batches.size(); b++) {
      long start = System.nanoTime();
      Map<String, Integer> counts = new HashMap<>();
      for (String line : batches.get(b)) {
        for (String word : line.split(" ")) {
          counts.merge(word, 1, Integer::sum);
        }
      }
      sink += counts.size();
      if (b >= WARM_UP) {
        times.add((System.nanoTime() - start) / 1e6);
      }
    }
    if (sink < 0) {
      throw new AssertionError("unreachable; keeps the loop from being optimized away");
    }
    return times;
  }
}
