package io.dstream.examples;

import io.dstream.Duration;
import io.dstream.StreamingContext;
import io.dstream.rdd.JobFailedException;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Runs an example's context: until it is stopped (killed), for a fixed number of batches, or until a
 * condition holds, and then stops it gracefully, so that an example given a number of batches ends on its
 * own instead of waiting in {@code awaitTermination()} for someone to stop it.
 */
final class BatchRunner {
  /** The line that stops a context run by {@link #runUntilStopLine}. */
  static final String STOP_LINE = "stop";
  private static final long NO_TIMEOUT = Long.MAX_VALUE;

  private BatchRunner() {}

  /**
   * Runs a context for a number of batches if one is given, or else until it is stopped or the JVM ends
   * (as Spark's examples run: until you press Ctrl-C or kill the process).
   *
   * @param ssc a context whose pipeline is fully defined and that has not been started
   * @param batches how many batches to run, or empty to run until stopped
   * @throws JobFailedException if a batch failed; its cause is the exception the user function threw
   * @throws InterruptedException if the calling thread is interrupted while waiting
   * @throws IllegalStateException if the context cannot be started (see {@link StreamingContext#start()})
   */
  static void run(StreamingContext ssc, OptionalInt batches) throws InterruptedException {
    if (batches.isPresent()) {
      run(ssc, batches.getAsInt());
    } else {
      ssc.start();
      ssc.awaitTermination();
    }
  }

  /**
   * Starts the context and runs it until the line {@value #STOP_LINE} arrives on {@code input}, or the input
   * ends, then stops it gracefully: every batch whose time has come runs (and commits) first. For a program
   * started several times that must leave no batch half done when it is told to end.
   *
   * @param ssc a context whose pipeline is fully defined and that has not been started
   * @param input where the stop line comes from, such as {@code System.in}; read on a daemon thread
   * @throws JobFailedException if a batch failed; its cause is the exception the user function threw
   * @throws InterruptedException if the calling thread is interrupted while waiting
   * @throws IllegalStateException if the context cannot be started (see {@link StreamingContext#start()})
   */
  static void runUntilStopLine(StreamingContext ssc, InputStream input) throws InterruptedException {
    ssc.start();
    Thread reader = new Thread(() -> {
      awaitStopLine(input);
      ssc.stop(true);
    }, "stop-on-input");
    // A context that ends by itself (a failed batch) ends the program without waiting for the input.
    reader.setDaemon(true);
    reader.start();
    ssc.awaitTermination();
  }

  /** Returns once {@code input} holds the stop line or ends; a read error counts as its end. */
  private static void awaitStopLine(InputStream input) {
    BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    try {
      String line;
      while ((line = lines.readLine()) != null && !line.strip().equals(STOP_LINE)) {
        // Any other line is not for us.
      }
    } catch (IOException e) {
      // Nothing more can come: stop as at the end of the input.
    }
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
    AtomicInteger completed = new AtomicInteger();
    runUntil(ssc, event -> completed.incrementAndGet() >= batches, NO_TIMEOUT, true);
  }

  /**
   * Starts the context, checks a condition after every completed batch, and stops the context gracefully
   * once the condition holds or the timeout has passed, whichever comes first.
   *
   * @param ssc a context whose pipeline is fully defined and that has not been started
   * @param condition what to wait for, for example that some output has appeared; called on a listener
   *     thread after each batch has completed, so that it sees every output of that batch
   * @param timeout how long to wait at most
   * @return true if the condition held, false if the time ran out first
   * @throws JobFailedException if a batch failed; its cause is the exception the user function threw
   * @throws IllegalStateException if the context cannot be started, or the condition threw (the cause)
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  static boolean runUntil(StreamingContext ssc, BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    return runUntil(ssc, event -> condition.getAsBoolean(), timeout.milliseconds(), true);
  }

  /**
   * Checks a condition after every batch that completes from now on in a context that is already running (one
   * that a program's own {@code main} started), and stops the context gracefully once the condition holds or
   * the timeout has passed, whichever comes first.
   *
   * @param running a started context
   * @param condition what to wait for; called on a listener thread after each completed batch
   * @param timeout how long to wait at most
   * @return true if the condition held, false if the time ran out first
   * @throws JobFailedException if a batch failed; its cause is the exception the user function threw
   * @throws IllegalStateException if the condition threw (the cause)
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  static boolean stopWhen(StreamingContext running, BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    return runUntil(running, event -> condition.getAsBoolean(), timeout.milliseconds(), false);
  }

  private static boolean runUntil(StreamingContext ssc, Predicate<StreamingListenerBatchCompleted> doneAfter,
      long timeoutMillis, boolean start) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<RuntimeException> conditionFailure = new AtomicReference<>();
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted event) {
        try {
          // A failed batch ends the run at once: awaitTermination rethrows the failure below.
          if (event.batchInfo().hasFailure() || doneAfter.test(event)) {
            done.countDown();
          }
        } catch (RuntimeException e) {
          conditionFailure.compareAndSet(null, e);
          done.countDown();
        }
      }
    });
    long deadline = timeoutMillis == NO_TIMEOUT ? NO_TIMEOUT : System.nanoTime() / 1_000_000 + timeoutMillis;
    boolean reached = false;
    if (start) {
      ssc.start();
    }
    try {
      // Once per batch interval, notice a context that ended on its own (stopped by the pipeline, or
      // failed: awaitTerminationOrTimeout rethrows the failure).
      long interval = ssc.batchDuration().milliseconds();
      while (!reached) {
        long left = deadline - System.nanoTime() / 1_000_000;
        if (left <= 0 || ssc.awaitTerminationOrTimeout(0)) {
          break;
        }
        reached = done.await(Math.min(interval, left), TimeUnit.MILLISECONDS);
      }
    } finally {
      ssc.stop(true);
    }
    ssc.awaitTermination();
    if (conditionFailure.get() != null) {
      throw new IllegalStateException("the condition to stop the run threw " + conditionFailure.get(),
          conditionFailure.get());
    }
    return reached;
  }
}
