package io.dstream.benchmarks;

import io.dstream.Durations;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.rdd.RDD;
import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * L1 of {@code shared/bench/WORKLOAD.md}: W1 with small batches on shorter and shorter intervals; an
 * interval is sustained when, over all its batches, the total delay of every batch (end of processing
 * minus batch time) stays under twice the interval.
 */
final class LatencyRun {
  private LatencyRun() {}

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
    StreamingContext ssc = new StreamingContext(statusPage.conf("L1"), Durations.milliseconds(intervalMillis));
    try {
      Queue<RDD<String>> queue = new ArrayDeque<>();
      for (List<String> batch : batches) {
        queue.add(ssc.parallelize(batch, 2));
      }
      EngineWorkload.W1.define(ssc.queueStream(queue, true)
          .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
          .mapToPair(word -> new Tuple2<>(word, 1)), ssc.batchDuration());
      AtomicLong worst = new AtomicLong();
      CountDownLatch done = new CountDownLatch(batches.size());
      ssc.addStreamingListener(new StreamingListener() {
        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted event) {
          BatchInfo info = event.batchInfo();
          long totalDelay = info.processingEndTime().orElseThrow() - info.batchTime().milliseconds();
          worst.accumulateAndGet(totalDelay, Math::max);
          done.countDown();
        }
      });
      ssc.start();
      StatusPageMode.Client client = statusPage.startClient(ssc);
      try {
        if (!done.await(10, TimeUnit.MINUTES)) {
          throw new IllegalStateException("L1 at " + intervalMillis + " ms did not finish within 10 minutes");
        }
      } finally {
        client.close();
      }
      return worst.get();
    } finally {
      ssc.stop();
    }
  }
}
