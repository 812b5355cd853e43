package io.dstream.benchmarks;

import io.dstream.DStream;
import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.rdd.RDD;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One throughput run of an engine workload: the batches are queued (one per interval) into a queue stream
 * of a {@code local[2]} context on the system clock, and each measured batch's processing time is taken
 * from the listener's {@code BatchInfo}.
 */
final class ThroughputRun {
  /** Long enough that a batch is processed before the next is due, so batches do not queue up. */
  static final Duration BATCH_INTERVAL = Durations.milliseconds(250);

  private ThroughputRun() {}

  /**
   * Runs a workload over the batches and returns the processing times of all but the first
   * {@code warmUp} batches.
   *
   * @param workload the pipeline
   * @param batches the input lines of each batch
   * @param warmUp how many first batches are not measured
   * @return the measured batches' processing times in milliseconds
   * @throws InterruptedException if interrupted while waiting for the batches
   */
  static List<Double> measure(EngineWorkload workload, List<List<String>> batches, int warmUp)
      throws InterruptedException {
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
   * @return the measured batches' processing times in milliseconds
   * @throws InterruptedException if interrupted while waiting for the batches
   */
  static List<Double> measure(EngineWorkload workload, List<List<String>> batches, int warmUp,
      StatusPageMode statusPage, Consumer<StreamingContext> setUp) throws InterruptedException {
    return measure(workload.name(), words -> workload.define(words.mapToPair(word -> new Tuple2<>(word, 1)),
        BATCH_INTERVAL), batches, warmUp, statusPage, setUp);
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
   * @return the measured batches' processing times in milliseconds
   * @throws InterruptedException if interrupted while waiting for the batches
   */
  static List<Double> measure(String name, Consumer<DStream<String>> pipeline, List<List<String>> batches,
      int warmUp, StatusPageMode statusPage, Consumer<StreamingContext> setUp) throws InterruptedException {
    StreamingContext ssc = new StreamingContext(statusPage.conf(name), BATCH_INTERVAL);
    try {
      Queue<RDD<String>> queue = new ArrayDeque<>();
      for (List<String> batch : batches) {
        queue.add(ssc.parallelize(batch, 2));
      }
      pipeline.accept(ssc.queueStream(queue, true).flatMap(line -> Arrays.asList(line.split(" ")).iterator()));
      List<Double> times = new ArrayList<>();
      CountDownLatch done = new CountDownLatch(batches.size());
      ssc.addStreamingListener(new StreamingListener() {
        private int seen;

        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted event) {
          if (seen++ >= warmUp && times.size() < batches.size() - warmUp) {
            times.add((double) event.batchInfo().processingDelay().orElseThrow());
          }
          done.countDown();
        }
      });
      setUp.accept(ssc);
      ssc.start();
      StatusPageMode.Client client = statusPage.startClient(ssc);
      try {
        if (!done.await(10, TimeUnit.MINUTES)) {
          throw new IllegalStateException(name + " did not finish its batches within 10 minutes");
        }
      } finally {
        client.close();
      }
      ssc.awaitTerminationOrTimeout(0);
      return times;
    } finally {
      ssc.stop();
    }
  }
}
