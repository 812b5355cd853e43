package io.dstream.benchmarks;

import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.Tuple2;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The state of W3 of {@code shared/bench/WORKLOAD.md} (the W1 pairs into {@code updateStateByKey}, a running
 * sum per word), and the memory it takes: the heap held after a run (after garbage collection, with the
 * state in the running context) against a {@code HashMap<String, Long>} holding the same keys and values.
 */
final class StateWorkload {
  private StateWorkload() {}

  /** What the memory run found. */
  record MemoryReport(long keys, long stateBytes, long hashMapBytes) {
    @Override
    public String toString() {
      return String.format("%,d keys: state %.1f MB (%.0f bytes/key), HashMap %.1f MB (%.0f bytes/key), "
          + "ratio %.2f", keys, stateBytes / 1e6, (double) stateBytes / keys, hashMapBytes / 1e6,
          (double) hashMapBytes / keys, (double) stateBytes / hashMapBytes);
    }
  }

  /**
   * Returns W3's state: the running sum of each word's ones.
   *
   * @param pairs the W1 pairs
   * @return the running sums, batch by batch
   */
  static PairDStream<String, Long> runningSums(PairDStream<String, Integer> pairs) {
    return pairs.updateStateByKey((List<Integer> ones, Optional<Long> sum) -> {
      long total = sum.orElse(0L);
      for (int one : ones) {
        total += one;
      }
      return Optional.of(total);
    });
  }

  /**
   * Runs W3 for a number of batches on the manual clock, then one empty batch (so that no input is held),
   * and measures the heap the running context holds; then builds a HashMap of the same keys (fresh strings)
   * and values and measures it. Each measurement runs in a method of its own, so that no local variable of
   * one is still reachable during the other.
   */
  static MemoryReport memory(ZipfWordStream words, int linesPerBatch, int batches) throws IOException {
    StateSample state = measureState(words, linesPerBatch, batches);
    long hashMapBytes = measureHashMap(state.keys(), state.values());
    return new MemoryReport(state.keys().length, state.bytes(), hashMapBytes);
  }

  /** The heap a running W3 held, and its state's keys and values. */
  private record StateSample(long bytes, String[] keys, long[] values) {}

  private static StateSample measureState(ZipfWordStream words, int linesPerBatch, int batches)
      throws IOException {
    Path checkpoints = Files.createTempDirectory("dstream-w3-memory");
    long before = usedHeapAfterGc();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.context().checkpoint(checkpoints.toString());
      Queue<RDD<String>> queue = new ArrayDeque<>();
      AtomicReference<RDD<Tuple2<String, Long>>> latest = new AtomicReference<>();
      PairDStream<String, Integer> pairs = t.context().queueStream(queue, true)
          .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
          .mapToPair(word -> new Tuple2<>(word, 1));
      runningSums(pairs).foreachRDD(rdd -> {
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
