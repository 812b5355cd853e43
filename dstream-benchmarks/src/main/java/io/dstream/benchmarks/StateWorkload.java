package io.dstream.benchmarks;

import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.rdd.RDD;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * W3 of {@code shared/bench/WORKLOAD.md}: the W1 pairs into {@code updateStateByKey} (a running sum per
 * word), then {@code foreachRDD(count)}. Measures its throughput like W1, and the memory its state takes:
 * the heap held after a run (after garbage collection, with the state in the running context) against a
 * {@code HashMap<String, Long>} holding the same keys and values.
 */
final class StateWorkload {
  private final int warmUp;
  private final int measured;

  StateWorkload(int warmUp, int measured) {
    this.warmUp = warmUp;
    this.measured = measured;
  }

  /** What the memory run found. */
  record MemoryReport(long keys, long stateBytes, long hashMapBytes) {
    @Override
    public String toString() {
      return String.format("%,d keys: state %.1f MB (%.0f bytes/key), HashMap %.1f MB (%.0f bytes/key), "
          + "ratio %.2f", keys, stateBytes / 1e6, (double) stateBytes / keys, hashMapBytes / 1e6,
          (double) hashMapBytes / keys, (double) stateBytes / hashMapBytes);
    }
  }

  private static PairDStream<String, Long> runningSums(DStream<String> lines) {
    return lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator())
        .mapToPair(word -> new Tuple2<>(word, 1))
        .updateStateByKey((List<Integer> ones, Optional<Long> sum) -> {
          long total = sum.orElse(0L);
          for (int one : ones) {
            total += one;
          }
          return Optional.of(total);
        });
  }

  /** Runs W3 on a real context fed by a queue stream; returns the measured batches' processing times in ms. */
  List<Double> throughput(List<List<String>> batches) throws InterruptedException, IOException {
    Path checkpoints = Files.createTempDirectory("dstream-w3");
    StreamingContext ssc = new StreamingContext(new StreamingConf().setMaster("local[2]").setAppName("W3"),
        Durations.milliseconds(1000));
    try {
      ssc.checkpoint(checkpoints.toString());
      Queue<RDD<String>> queue = new ArrayDeque<>();
      for (List<String> batch : batches) {
        queue.add(ssc.parallelize(batch, 2));
      }
      runningSums(ssc.queueStream(queue, true)).foreachRDD(rdd -> rdd.count());
      List<Double> times = new ArrayList<>();
      CountDownLatch done = new CountDownLatch(batches.size());
      ssc.addStreamingListener(new StreamingListener() {
        private int seen;

        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted event) {
          if (seen++ >= warmUp && times.size() < measured) {
            times.add((double) event.batchInfo().processingDelay().orElseThrow());
          }
          done.countDown();
        }
      });
      ssc.start();
      if (!done.await(20, TimeUnit.MINUTES)) {
        throw new IllegalStateException("W3 did not finish its batches within 20 minutes");
      }
      return times;
    } finally {
      ssc.stop();
      deleteRecursively(checkpoints);
    }
  }

  /**
   * Runs W3 for a number of batches on the manual clock, then one empty batch (so that no input is held),
   * and measures the heap the running context holds; then builds a HashMap of the same keys (fresh strings)
   * and values and measures it. Each measurement runs in a method of its own, so that no local variable of
   * one is still reachable during the other.
   */
  MemoryReport memory(ZipfWordStream words, int linesPerBatch, int batches) throws IOException {
    StateSample state = measureState(words, linesPerBatch, batches);
    long hashMapBytes = measureHashMap(state.keys(), state.values());
    return new MemoryReport(state.keys().length, state.bytes(), hashMapBytes);
  }

  /** The heap a running W3 held, and its state's keys and values. */
  private record StateSample(long bytes, String[] keys, long[] values) {}

  private StateSample measureState(ZipfWordStream words, int linesPerBatch, int batches) throws IOException {
    Path checkpoints = Files.createTempDirectory("dstream-w3-memory");
    long before = usedHeapAfterGc();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.context().checkpoint(checkpoints.toString());
      Queue<RDD<String>> queue = new ArrayDeque<>();
      AtomicReference<RDD<Tuple2<String, Long>>> latest = new AtomicReference<>();
      runningSums(t.context().queueStream(queue, true)).foreachRDD(rdd -> {
        latest.set(rdd);
        rdd.count();
      });
      for (int b = 0; b < batches; b++) {
        queue.add(t.context().parallelize(words.nextBatch(linesPerBatch), 2));
        t.runBatches(1);
      }
      t.runBatches(1);
      long bytes = usedHeapAfterGc() - before;
      List<Tuple2<String, Long>> state = latest.get().collect();
      String[] keys = new String[state.size()];
      long[] values = new long[state.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = state.get(i)._1();
        values[i] = state.get(i)._2();
      }
      return new StateSample(bytes, keys, values);
    } finally {
      deleteRecursively(checkpoints);
    }
  }

  private static long measureHashMap(String[] keys, long[] values) {
    long before = usedHeapAfterGc();
    Map<String, Long> map = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      map.put(new String(keys[i].toCharArray()), values[i]);
    }
    long bytes = usedHeapAfterGc() - before;
    if (map.size() != keys.length) {
      throw new IllegalStateException("the state holds a key twice: " + keys.length + " records, " + map.size()
          + " keys");
    }
    return bytes;
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
