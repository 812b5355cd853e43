package io.dstream.internal;

import io.dstream.rdd.JobFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a context's run ends, as {@code awaitTermination} reports it: the first failed job, the fatal error
 * that ended the context (see {@link io.dstream.checkpoint.internal.FatalErrors}), and whether the stop is complete. Thread-safe; waiters
 * are woken by every change.
 */
final class RunOutcome {
  private static final Logger LOG = LoggerFactory.getLogger(RunOutcome.class);

  private JobFailedException firstFailure;
  private VirtualMachineError fatal;
  private boolean ignoringFailures;
  private boolean terminated;

  /** Records a job failure; the first one is kept, unless a stop that interrupts jobs is under way. */
  synchronized void jobFailed(JobFailedException failure) {
    if (ignoringFailures) {
      LOG.debug("Ignoring a failure during stop: {}", failure.toString());
      return;
    }
    if (firstFailure == null) {
      firstFailure = failure;
    }
    notifyAll();
  }

  /**
   * Records the fatal error that ends the run; later jobs fail because of the stop it causes.
   *
   * @return false if an earlier fatal error is already recorded (this one changes nothing)
   */
  synchronized boolean fatal(VirtualMachineError error) {
    if (fatal != null) {
      return false;
    }
    fatal = error;
    ignoringFailures = true;
    notifyAll();
    return true;
  }

  /** From now on, job failures are the doing of a stop that interrupts jobs, not of the user's code. */
  synchronized void ignoreFailures() {
    ignoringFailures = true;
  }

  /** The stop is complete: wakes every waiter. */
  synchronized void terminated() {
    terminated = true;
    notifyAll();
  }

  /**
   * Waits until the stop is complete or a job fails; after a fatal error, until the stop it caused is complete,
   * so that when the error is rethrown the context has stopped.
   *
   * @param timeoutMillis how long to wait, or a negative number to wait without limit
   * @return true if the stop is complete, false if the time ran out
   * @throws VirtualMachineError the fatal error, if one ended the run
   * @throws JobFailedException the first failed job, if any
   * @throws InterruptedException if interrupted while waiting
   */
  synchronized boolean await(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, timeoutMillis) * 1_000_000L;
    while (!terminated && (firstFailure == null || fatal != null)) {
      if (timeoutMillis < 0) {
        wait();
      } else {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          break;
        }
        wait(left);
      }
    }
    if (fatal != null) {
      throw fatal;
    }
    if (firstFailure != null) {
      throw firstFailure;
    }
    return terminated;
  }
}
