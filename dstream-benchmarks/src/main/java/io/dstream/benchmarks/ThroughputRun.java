package io.dstream.benchmarks;

import io.dstream.DStream;
import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.rdd.RDD;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * One throughput run of an engine workload: the batches are queued into a queue stream of a {@code local[2]}
 * context driven by the test kit's manual clock, one batch at a time. A batch's time is the wall-clock time
 * from moving the clock to its batch time until it has completed and the listeners have had its completion
 * (the test kit's {@code runBatches(1)}): its job generation, its jobs, and its checkpoint are all in it. (The
 * {@code BatchInfo}'s processing delay is on the manual clock, which stands still while the batch runs.) The
 * clock moves to the next batch only once the last has completed, so batches never queue up and no run waits
 * for a batch interval to pass.
 *
 * <p>A run can also time {@link WordCountLoop} over each batch's lines right after the engine processed
 * them, so that the engine and the loop are compared batch by batch at the same moment of the machine: on a
 * shared machine, the load moves the absolute figures by a third or more within a minute, and a ratio of
 * two back-to-back measurements moves much less.
 */
final class ThroughputRun {
  /** The batch interval of the contexts (on the manual clock, so it only sets the batch times). */
  static final Duration BATCH_INTERVAL = Durations.milliseconds(250);

  /**
   * One measured batch.
   *
   * @param engineMillis the batch's wall-clock time through the engine (see the class comment)
   * @param loopMillis the loop's time over the same lines just after, or {@code NaN} if the run had no loop
   * @param engineAllocatedBytes what all threads allocated while the engine ran the batch (a lower bound)
   */
  record Batch(double engineMillis, double loopMillis, long engineAllocatedBytes) {}

  private ThroughputRun() {}

  /**
   * Runs a workload over the batches and returns the times of all but the first
   * {@code warmUp} batches.
   *
   * @param workload the pipeline
   * @param batches the input lines of each batch
   * @param warmUp how many first batches are not measured
   * @return the measured batches' times in milliseconds
   */
  static List<Double> measure(EngineWorkload workload, List<List<String>> batches, int warmUp) {
    return measure(workload, batches, warmUp, StatusPageMode.OFF, ssc -> { });
  }

  /**
   * Runs a workload over the batches, as {@link #measure(EngineWorkload, List, int)} does, with the status page
   * of a mode and after a set-up of the context (such as binding its meters) just before it starts.
   *
   * @param workload the pipeline
   * @param batches the input lines of each batch
   * @param warmUp how many first batches are not measured
   * @param statusPage whether the context serves its status page, and whether a client polls it
   * @param setUp what to do with the context, its pipeline defined, before it starts
   * @return the measured batches' times in milliseconds
   */
  static List<Double> measure(EngineWorkload workload, List<List<String>> batches, int warmUp,
      StatusPageMode statusPage, Consumer<StreamingContext> setUp) {
    return measure(workload.name(), pairsOf(workload), batches, warmUp, statusPage, setUp);
  }

  /**
   * Runs a pipeline defined on W1's words ({@code lines -> flatMap(split " ")}) over the batches, as
   * {@link #measure(EngineWorkload, List, int)} does, so that other pipelines (such as SQL's word count) are
   * measured on the same input, the same way.
   *
   * @param name the run's name (the context's application name)
   * @param pipeline defines the output on the words stream
   * @param batches the input lines of each batch
   * @param warmUp how many first batches are not measured
   * @param statusPage whether the context serves its status page, and whether a client polls it
   * @param setUp what to do with the context, its pipeline defined, before it starts
   * @return the measured batches' times in milliseconds
   */
  static List<Double> measure(String name, Consumer<DStream<String>> pipeline, List<List<String>> batches,
      int warmUp, StatusPageMode statusPage, Consumer<StreamingContext> setUp) {
    List<Double> times = new ArrayList<>();
    for (Batch batch : run(name, pipeline, batches, warmUp, statusPage, setUp, false)) {
      times.add(batch.engineMillis());
    }
    return times;
  }

  /**
   * Runs a workload over the batches and, after each batch, the plain loop over the same lines.
   *
   * @param workload the pipeline
   * @param batches the input lines of each batch
   * @param warmUp how many first batches are not measured
   * @param statusPage whether the context serves its status page, and whether a client polls it
   * @return the measured batches, in order
   */
  static List<Batch> measureBesideLoop(EngineWorkload workload, List<List<String>> batches, int warmUp,
      StatusPageMode statusPage) {
    return run(workload.name(), pairsOf(workload), batches, warmUp, statusPage, ssc -> { }, true);
  }

  private static Consumer<DStream<String>> pairsOf(EngineWorkload workload) {
    return words -> workload.define(words.mapToPair(word -> new Tuple2<>(word, 1)), BATCH_INTERVAL);
  }

  private static List<Batch> run(String name, Consumer<DStream<String>> pipeline, List<List<String>> batches,
      int warmUp, StatusPageMode statusPage, Consumer<StreamingContext> setUp, boolean withLoop) {
    try (TestStreamingContext t = TestStreamingContext.create(BATCH_INTERVAL, statusPage.conf(name))) {
      StreamingContext ssc = t.context();
      Queue<RDD<String>> queue = new ArrayDeque<>();
      for (List<String> batch : batches) {
        queue.add(ssc.parallelize(batch, 2));
      }
      pipeline.accept(ssc.queueStream(queue, true).flatMap(line -> Arrays.asList(line.split(" ")).iterator()));
      setUp.accept(ssc);
      t.runBatches(0);
      List<Batch> measured = new ArrayList<>();
      StatusPageMode.Client client = statusPage.startClient(ssc);
      try {
        for (int b = 0; b < batches.size(); b++) {
          long allocatedBefore = AllocatedBytes.allThreads();
          long start = System.nanoTime();
          t.runBatches(1);
          double engineMillis = (System.nanoTime() - start) / 1e6;
          long allocated = AllocatedBytes.allThreads() - allocatedBefore;
          double loopMillis = withLoop ? WordCountLoop.millis(batches.get(b)) : Double.NaN;
          if (b >= warmUp) {
            measured.add(new Batch(engineMillis, loopMillis, allocated));
          }
        }
      } finally {
        client.close();
      }
      return measured;
    }
  }
}
