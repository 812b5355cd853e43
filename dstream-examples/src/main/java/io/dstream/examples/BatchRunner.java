package io.dstream.examples;

import io.dstream.StreamingContext;
import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an example's context for a fixed number of batches and then stops it, so that an example ends on
 * its own instead of waiting in {@code awaitTermination()} for someone to stop it.
 */
final class BatchRunner {
  private BatchRunner() {}

  /**
   * Reads the number of batches to run from the first command-line argument.
   *
   * @param args the command-line arguments; the first, if present, is the number of batches
   * @param defaultBatches the number to use when there is no argument
   * @return the number of batches, at least 1
   * @throws IllegalArgumentException if the argument is not a positive integer
   */
  static int batchCount(String[] args, int defaultBatches) {
    if (args.length == 0) {
      return defaultBatches;
    }
    int batches;
    try {
      batches = Integer.parseInt(args[0].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the number of batches must be a positive integer, got '" + args[0]
          + "'; pass for example -Dexec.args=" + defaultBatches, e);
    }
    if (batches <= 0) {
      throw new IllegalArgumentException("the number of batches must be positive, got " + batches
          + "; pass for example -Dexec.args=" + defaultBatches);
    }
    return batches;
  }

  /**
   * Starts the context, waits until {@code batches} batches have completed, then stops it gracefully.
   *
   * @param ssc a context whose pipeline is fully defined and that has not been started
   * @param batches how many batches to run
   * @throws JobFailedException if a batch failed; its cause is the exception the user function threw
   * @throws InterruptedException if the calling thread is interrupted while waiting
   * @throws IllegalStateException if the context cannot be started (see {@link StreamingContext#start()})
   */
  static void run(StreamingContext ssc, int batches) throws InterruptedException {
    CountDownLatch remaining = new CountDownLatch(batches);
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted event) {
        // A failed batch ends the run at once: the failure is rethrown below.
        long count = event.batchInfo().hasFailure() ? remaining.getCount() : 1;
        for (long i = 0; i < count; i++) {
          remaining.countDown();
        }
      }
    });
    ssc.start();
    try {
      // Once per batch interval, notice a context that ended on its own (stopped by the pipeline, or
      // failed: awaitTerminationOrTimeout rethrows the failure).
      while (!remaining.await(ssc.batchDuration().milliseconds(), TimeUnit.MILLISECONDS)) {
        if (ssc.awaitTerminationOrTimeout(0)) {
          return;
        }
      }
    } finally {
      ssc.stop(true);
    }
    ssc.awaitTermination();
  }
}
