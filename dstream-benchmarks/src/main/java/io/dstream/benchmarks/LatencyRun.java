package io.dstream.benchmarks;

import io.dstream.Durations;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.rdd.RDD;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * L1 of {@code shared/bench/WORKLOAD.md}: W1 with small batches on one batch interval; the interval is
 * sustained when, over all its batches, the total delay of every batch (end of processing minus batch time)
 * stays under twice the interval.
 */
final class LatencyRun {
  private LatencyRun() {}

  /**
   * What one run at one interval measured, per batch in batch order (milliseconds, as the listener's
   * {@link BatchInfo} has them), and the collections the JVM made meanwhile.
   *
   * @param intervalMillis the batch interval
   * @param schedulingDelays each batch's scheduling delay (processing start minus batch time)
   * @param processingTimes each batch's processing time
   * @param totalDelays each batch's total delay (processing end minus batch time)
   * @param collections the garbage collections during the run
   * @param collectionMillis their accumulated time, as the collectors count it
   * @param cpuNanos the CPU time the whole JVM used during the run, or -1 if the JVM does not tell
   */
  record Result(long intervalMillis, long[] schedulingDelays, long[] processingTimes, long[] totalDelays,
      long collections, long collectionMillis, long cpuNanos) {
    /** The largest total delay. */
    long worstTotalDelay() {
      return Arrays.stream(totalDelays).max().orElse(0);
    }

    /** Whether every batch's total delay stayed under twice the interval. */
    boolean sustained() {
      return worstTotalDelay() < 2 * intervalMillis;
    }

    @Override
    public String toString() {
      long over = Arrays.stream(totalDelays).filter(d -> d >= 2 * intervalMillis).count();
      return String.format(Locale.ROOT, "%d ms: %s; total delay worst %d ms, p99 %d, median %d, %d of %d batches "
              + "at >= %d ms (the worst at batch %d); scheduling delay worst %d; processing worst %d, median %d; "
              + "%d GCs (%d ms); CPU %.2f ms per batch",
          intervalMillis, sustained() ? "sustained" : "not sustained", worstTotalDelay(),
          percentile(totalDelays, 0.99), percentile(totalDelays, 0.5), over, totalDelays.length,
          2 * intervalMillis, indexOfMax(totalDelays), max(schedulingDelays), max(processingTimes),
          percentile(processingTimes, 0.5), collections, collectionMillis,
          cpuNanos / 1e6 / Math.max(1, totalDelays.length));
    }

    private static long max(long[] values) {
      return Arrays.stream(values).max().orElse(0);
    }

    private static int indexOfMax(long[] values) {
      int worst = 0;
      for (int i = 1; i < values.length; i++) {
        if (values[i] > values[worst]) {
          worst = i;
        }
      }
      return worst;
    }

    private static long percentile(long[] values, double p) {
      long[] sorted = values.clone();
      Arrays.sort(sorted);
      return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
  }

  /**
   * Runs W1 at one batch interval and returns the worst total delay.
   *
   * @param batches the input lines of each batch
   * @param intervalMillis the batch interval
   * @param statusPage whether the context serves its status page, and whether a client polls it
   * @return the largest total delay of any batch, in milliseconds
   * @throws InterruptedException if interrupted while waiting for the batches
   */
  static long worstTotalDelay(List<List<String>> batches, long intervalMillis, StatusPageMode statusPage)
      throws InterruptedException {
    return measure(batches, intervalMillis, statusPage).worstTotalDelay();
  }

  /**
   * Runs W1 at one batch interval, one queued batch per interval.
   *
   * @param batches the input lines of each batch
   * @param intervalMillis the batch interval
   * @param statusPage whether the context serves its status page, and whether a client polls it
   * @return each batch's delays
   * @throws InterruptedException if interrupted while waiting for the batches
   * @throws IllegalStateException if the batches did not end within 10 minutes
   */
  static Result measure(List<List<String>> batches, long intervalMillis, StatusPageMode statusPage)
      throws InterruptedException {
    StreamingContext ssc = new StreamingContext(statusPage.conf("L1"), Durations.milliseconds(intervalMillis));
    try {
      Queue<RDD<String>> queue = new ArrayDeque<>();
      for (List<String> batch : batches) {
        queue.add(ssc.parallelize(batch, 2));
      }
      EngineWorkload.W1.define(ssc.queueStream(queue, true)
          .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
          .mapToPair(word -> new Tuple2<>(word, 1)), ssc.batchDuration());
      int count = batches.size();
      long[] scheduling = new long[count];
      long[] processing = new long[count];
      long[] total = new long[count];
      CountDownLatch done = new CountDownLatch(count);
      ssc.addStreamingListener(new StreamingListener() {
        private int index;

        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted event) {
          // Called on the listener bus's one thread, in batch order.
          if (index < count) {
            BatchInfo info = event.batchInfo();
            scheduling[index] = info.schedulingDelay().orElseThrow();
            processing[index] = info.processingDelay().orElseThrow();
            total[index] = info.totalDelay().orElseThrow();
            index++;
            done.countDown();
          }
        }
      });
      long collectionsBefore = collections();
      long collectionMillisBefore = collectionMillis();
      long cpuBefore = cpuNanos();
      ssc.start();
      StatusPageMode.Client client = statusPage.startClient(ssc);
      try {
        if (!done.await(10, TimeUnit.MINUTES)) {
          throw new IllegalStateException("L1 at " + intervalMillis + " ms did not finish within 10 minutes");
        }
      } finally {
        client.close();
      }
      return new Result(intervalMillis, scheduling, processing, total, collections() - collectionsBefore,
          collectionMillis() - collectionMillisBefore, cpuBefore < 0 ? -1 : cpuNanos() - cpuBefore);
    } finally {
      ssc.stop();
    }
  }

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static long collectionMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }
}
