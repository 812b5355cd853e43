package io.dstream.benchmarks;

import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.rdd.RDD;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the throughput workloads of {@code shared/bench/WORKLOAD.md} and prints one line per workload:
 * the plain-Java single-threaded W1 baseline, W1 on the engine with 2 worker threads, and W3 (a running
 * count per word with {@code updateStateByKey}) with V = 10,000 and V = 1,000,000, each over 5 warm-up and
 * 20 measured batches fed through a queue stream; then the memory W3's state takes at V = 1,000,000
 * against a {@code HashMap} of the same keys and values.
 *
 * <p>Run it from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@workloads -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>which builds the library and starts the harness in a JVM of its own with
 * {@code -Xmx4g -Xms4g -XX:+AlwaysPreTouch}, as the workload definition asks (the {@code workloads}
 * execution in this module's pom). Add {@code -Dworkloads.args=--quick} for the short version, and
 * {@code -Dworkloads.args=--state} for W3 alone.
 */
public final class WorkloadHarness {
  private static final int WARM_UP = 5;
  private static final int MEASURED = 20;

  private WorkloadHarness() {}

  /**
   * Runs the workloads.
   *
   * @param args {@code --quick} for 10,000 lines per batch instead of 100,000; {@code --state} for W3 only
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    int lines = Arrays.asList(args).contains("--quick") ? 10_000 : 100_000;
    boolean stateOnly = Arrays.asList(args).contains("--state");
    System.out.printf("machine: %d cores, Java %s; V=10000 unless said, L=%d lines per batch%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), lines);
    List<List<String>> batches = generate(10_000, lines, WARM_UP + MEASURED);
    long words = (long) lines * ZipfWordStream.WORDS_PER_LINE;
    StateWorkload w3 = new StateWorkload(WARM_UP, MEASURED);
    if (!stateOnly) {
      settleHeap();
      System.out.println("baseline (plain Java, 1 thread): " + ThroughputStats.of(words, baseline(batches)));
      settleHeap();
      System.out.println("W1 (dstream, local[2]):          " + ThroughputStats.of(words, w1(batches)));
    }
    settleHeap();
    System.out.println("W3 (dstream, local[2]):          " + ThroughputStats.of(words, w3.throughput(batches)));
    batches = generate(1_000_000, lines, WARM_UP + MEASURED);
    settleHeap();
    System.out.println("W3, V=1000000:                   " + ThroughputStats.of(words, w3.throughput(batches)));
    batches = null; // the memory run must not count the throughput run's input
    System.out.println("W3 state memory, V=1000000, " + (WARM_UP + MEASURED) + " batches: "
        + w3.memory(new ZipfWordStream(1_000_000), lines, WARM_UP + MEASURED));
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

  /** W1 on the engine; returns the measured batches' processing times in ms. */
  static List<Double> w1(List<List<String>> batches) throws InterruptedException {
    StreamingContext ssc = new StreamingContext(new StreamingConf().setMaster("local[2]").setAppName("W1"),
        Durations.milliseconds(1000));
    Queue<RDD<String>> queue = new ArrayDeque<>();
    for (List<String> batch : batches) {
      queue.add(ssc.parallelize(batch, 2));
    }
    DStream<String> lines = ssc.queueStream(queue, true);
    lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator())
        .mapToPair(word -> new Tuple2<>(word, 1))
        .reduceByKey(Integer::sum)
        .foreachRDD(rdd -> rdd.count());
    List<Double> times = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(batches.size());
    ssc.addStreamingListener(new StreamingListener() {
      private int seen;

      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted event) {
        if (seen++ >= WARM_UP && times.size() < MEASURED) {
          times.add((double) event.batchInfo().processingDelay().orElseThrow());
        }
        done.countDown();
      }
    });
    ssc.start();
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("W1 did not finish its batches within 10 minutes");
    }
    ssc.stop();
    return times;
  }
}
