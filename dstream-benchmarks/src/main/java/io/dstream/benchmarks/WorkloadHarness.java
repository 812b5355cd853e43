package io.dstream.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the workloads of {@code shared/bench/WORKLOAD.md} in three fresh JVMs, one after the other, and prints
 * each run's figures and then their medians. In each JVM, W1, W2 and W3 each run on the engine with 2 worker
 * threads over 5 warm-up and 20 measured batches fed through a queue stream, and after each batch the
 * single-threaded plain-Java loop (the baseline) counts the same batch's words: every engine figure is a
 * ratio to the loop measured at the same moment of the machine, and W2's and W3's ratios to W1 are taken
 * through those. W3 ({@code updateStateByKey}) runs a second time with V = 1,000,000, followed by the memory
 * its state takes against a {@code HashMap} of the same keys and values; then L1 (the smallest batch interval
 * that W1 with 1,000 lines per batch sustains over 200 batches).
 *
 * <p>Run it from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@workloads -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>which builds the library and starts the harness in a JVM of its own with
 * {@code -Xmx4g -Xms4g -XX:+AlwaysPreTouch}, as the workload definition asks (the {@code workloads}
 * execution in this module's pom); each run's JVM has the same flags. Add {@code -Dworkloads.args=--quick} for
 * the short version, and {@code --jvms=1} to run once, in the harness's own JVM.
 *
 * <p>Two more arguments measure what the status page costs (docs/monitoring.md): {@code --ui=on} runs every
 * context with {@code dstream.ui.enabled=true} on a free port, {@code --ui=polled} also polls its
 * {@code /api/v1/batches} every 100 ms ({@code --ui=off}, the default, runs as the workload definition says); and
 * {@code --only=W1,L1} runs only the named workloads (of {@code W1}, {@code W2}, {@code W3} with its
 * V = 1,000,000 runs, and {@code L1}), for example
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
  private static final int DEFAULT_JVMS = 3;
  private static final long[] L1_INTERVALS_MS = {100, 50, 20, 10, 5, 2};
  private static final Set<String> WORKLOADS = Set.of("W1", "W2", "W3", "L1");

  private WorkloadHarness() {}

  /**
   * Runs the workloads.
   *
   * @param args {@code --quick} for 10,000 lines per batch instead of 100,000 and 100 L1 batches;
   *     {@code --jvms=N} for the number of JVM runs (3 by default; 1 runs in this JVM);
   *     {@code --ui=off|on|polled} for the status page; {@code --only=} and a comma-separated list of workloads
   * @throws IllegalArgumentException if {@code --ui} or {@code --only} names no mode or workload, or
   *     {@code --jvms} is not a positive number
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    int jvms = value(arguments, "--jvms=").map(WorkloadHarness::jvms).orElse(DEFAULT_JVMS);
    if (jvms == 1) {
      runHere(arguments);
      return;
    }
    List<String> childArguments = new ArrayList<>(arguments.stream()
        .filter(argument -> !argument.startsWith("--jvms=")).toList());
    childArguments.add("--jvms=1");
    Map<String, List<Double>> figures = JvmRuns.run(jvms, WorkloadHarness.class, childArguments);
    System.out.printf("median of %d JVM runs [each run]:%n", jvms);
    HarnessSummary.lines(figures).forEach(System.out::println);
  }

  /** Runs the workloads in this JVM; prints their figures, and emits them as result lines for a parent. */
  private static void runHere(List<String> arguments) throws Exception {
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
      long sustained = l1(generate(VOCABULARY, 1_000, quick ? 100 : 200), statusPage);
      JvmRuns.emit("L1", "sustainedMillis", sustained);
    }
  }

  private static int jvms(String count) {
    try {
      int jvms = Integer.parseInt(count);
      if (jvms > 0) {
        return jvms;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below, which says what to give
    }
    throw new IllegalArgumentException("--jvms=" + count + " is not a positive number of JVM runs; give one such "
        + "as --jvms=3, or --jvms=1 to run in this JVM");
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
  private static void largeState(int lines, StatusPageMode statusPage) throws IOException {
    String name = "W3 V=" + LARGE_VOCABULARY;
    measureBesideLoop(EngineWorkload.W3, name, generate(LARGE_VOCABULARY, lines, WARM_UP + MEASURED), lines,
        statusPage);
    settleHeap();
    StateWorkload.MemoryReport memory =
        StateWorkload.memory(new ZipfWordStream(LARGE_VOCABULARY), lines, WARM_UP + MEASURED);
    System.out.printf("%-34s %s%n", "W3 state memory, V=" + LARGE_VOCABULARY + ":", memory);
    JvmRuns.emit(name, "stateBytesPerKey", (double) memory.stateBytes() / memory.keys());
    JvmRuns.emit(name, "hashMapBytesPerKey", (double) memory.hashMapBytes() / memory.keys());
  }

  /** The chosen engine workloads over the same batches, each beside the loop. */
  private static void throughput(int lines, Set<String> only, StatusPageMode statusPage) {
    List<List<String>> batches = generate(VOCABULARY, lines, WARM_UP + MEASURED);
    for (EngineWorkload workload : EngineWorkload.values()) {
      if (only.contains(workload.name())) {
        measureBesideLoop(workload, workload.name(), batches, lines, statusPage);
      }
    }
  }

  private static void measureBesideLoop(EngineWorkload workload, String name, List<List<String>> batches,
      int lines, StatusPageMode statusPage) {
    settleHeap();
    BesideLoopStats stats = BesideLoopStats.of((long) lines * ZipfWordStream.WORDS_PER_LINE,
        ThroughputRun.measureBesideLoop(workload, batches, WARM_UP, statusPage));
    System.out.printf("%-34s %s%n", name + " (dstream, local[2]):", stats);
    JvmRuns.emit(name, "engineWordsPerSecond", stats.engine().median());
    JvmRuns.emit(name, "loopWordsPerSecond", stats.loop().median());
    JvmRuns.emit(name, "ratioToLoop", stats.ratioToLoop().median());
    JvmRuns.emit(name, "bytesPerWord", stats.bytesPerWord().median());
  }

  /**
   * Tries shorter and shorter intervals and prints what each gave; returns the smallest sustained one, or -1 if
   * none was.
   */
  private static long l1(List<List<String>> batches, StatusPageMode statusPage) throws InterruptedException {
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
    System.out.printf(Locale.ROOT, "%-34s %s (%d batches of 1000 lines;%s)%n", "L1 (dstream, local[2]):",
        result, batches.size(), tried.toString().replaceAll(";$", ""));
    return sustained;
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
}
