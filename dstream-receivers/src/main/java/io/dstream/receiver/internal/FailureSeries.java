package io.dstream.receiver.internal;

import org.slf4j.Logger;

/**
 * Logs a series of failures of one repeated action without flooding the log: the first failure at WARN with
 * its stack trace, the following ones at DEBUG, and one INFO when the action succeeds again. Thread-safe.
 */
public final class FailureSeries {
  private final Logger log;
  private int failures;

  /**
   * Creates a series that logs to a logger.
   *
   * @param log the logger
   */
  public FailureSeries(Logger log) {
    this.log = log;
  }

  /**
   * Logs a failure: at WARN with the stack trace if it starts a series, else at DEBUG.
   *
   * @param message what failed
   * @param error why, or null if the failure has no exception (a receiver may restart without one)
   */
  public synchronized void failed(String message, Throwable error) {
    if (failures++ == 0) {
      log.warn(message + " (further failures are logged at DEBUG until it succeeds)", error);
    } else if (error == null) {
      log.debug("{} ({} failures in a row)", message, failures);
    } else {
      log.debug("{} ({} failures in a row): {}", message, failures, error.toString());
    }
  }

  /**
   * Ends a series of failures, if any, with one INFO: the message, then "after N failed attempts".
   *
   * @param message what succeeded
   */
  public synchronized void succeeded(String message) {
    if (failures > 0) {
      log.info("{} after {} failed attempts", message, failures);
      failures = 0;
    }
  }
}
