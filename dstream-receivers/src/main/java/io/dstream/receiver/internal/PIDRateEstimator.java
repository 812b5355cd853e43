package io.dstream.receiver.internal;

import java.util.OptionalDouble;

/**
 * Estimates, after each completed batch, how many records per second the receivers should take in, so
 * that the pipeline keeps up (backpressure). It is a PID controller whose set point is the rate the last
 * batch was actually processed at:
 *
 * <ul>
 *   <li>the error is the previous estimate minus the measured processing rate
 *       ({@code records / processing delay});
 *   <li>the integral term is the backlog, the records that the scheduling delay represents per batch
 *       interval ({@code scheduling delay * processing rate / batch interval});
 *   <li>the derivative term is the error's change per second since the previous batch.
 * </ul>
 *
 * <p>The new rate is {@code previous - proportional * error - integral * backlog - derivative * change},
 * never below {@code minRate}. The first batch with data only sets the starting point and yields no rate.
 * The defaults are those of Spark: proportional 1.0, integral 0.2, derivative 0.0, minimum rate 100.
 * Thread-safe.
 */
public final class PIDRateEstimator {
  /** Default weight of the current error. */
  public static final double DEFAULT_PROPORTIONAL = 1.0;
  /** Default weight of the accumulated error (the backlog). */
  public static final double DEFAULT_INTEGRAL = 0.2;
  /** Default weight of the error's change. */
  public static final double DEFAULT_DERIVATIVE = 0.0;
  /** Default lowest rate, in records per second. */
  public static final double DEFAULT_MIN_RATE = 100;

  private final long batchIntervalMs;
  private final double proportional;
  private final double integral;
  private final double derivative;
  private final double minRate;

  private boolean firstRun = true;
  private long latestTimeMs = -1;
  private double latestRate = -1;
  private double latestError = -1;

  /**
   * Creates an estimator with the default weights and minimum rate.
   *
   * @param batchIntervalMs the batch interval in milliseconds, positive
   * @throws IllegalArgumentException if the batch interval is not positive
   */
  public PIDRateEstimator(long batchIntervalMs) {
    this(batchIntervalMs, DEFAULT_PROPORTIONAL, DEFAULT_INTEGRAL, DEFAULT_DERIVATIVE, DEFAULT_MIN_RATE);
  }

  /**
   * Creates an estimator.
   *
   * @param batchIntervalMs the batch interval in milliseconds, positive
   * @param proportional weight of the current error, not negative
   * @param integral weight of the backlog, not negative
   * @param derivative weight of the error's change, not negative
   * @param minRate the lowest rate ever returned, positive
   * @throws IllegalArgumentException if a parameter is out of range; the message names it
   */
  public PIDRateEstimator(long batchIntervalMs, double proportional, double integral, double derivative,
      double minRate) {
    if (batchIntervalMs <= 0) {
      throw new IllegalArgumentException("the batch interval of a rate estimator must be positive, got "
          + batchIntervalMs + " ms");
    }
    requireNotNegative("proportional", proportional);
    requireNotNegative("integral", integral);
    requireNotNegative("derivative", derivative);
    if (!(minRate > 0)) {
      throw new IllegalArgumentException("the minimum rate of a rate estimator must be positive, got " + minRate
          + " records/s");
    }
    this.batchIntervalMs = batchIntervalMs;
    this.proportional = proportional;
    this.integral = integral;
    this.derivative = derivative;
    this.minRate = minRate;
  }

  private static void requireNotNegative(String name, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException("the " + name + " weight of a rate estimator must not be negative, got "
          + value);
    }
  }

  /**
   * Takes in the statistics of a completed batch and returns the new rate.
   *
   * @param batchTimeMs the batch's time; batches must come in increasing time order
   * @param numRecords how many records the batch held
   * @param processingDelayMs how long the batch took to process
   * @param schedulingDelayMs how long the batch waited before it started
   * @return the new rate in records per second; empty for the first batch with data, for a batch that is
   *     not later than the previous one, and for a batch without records or without processing time
   */
  public synchronized OptionalDouble compute(long batchTimeMs, long numRecords, long processingDelayMs,
      long schedulingDelayMs) {
    if (batchTimeMs <= latestTimeMs || numRecords <= 0 || processingDelayMs <= 0) {
      return OptionalDouble.empty();
    }
    double secondsSinceUpdate = (batchTimeMs - latestTimeMs) / 1000.0;
    double processingRate = numRecords * 1000.0 / processingDelayMs;
    double error = latestRate - processingRate;
    double backlog = schedulingDelayMs * processingRate / batchIntervalMs;
    double errorChange = (error - latestError) / secondsSinceUpdate;
    double newRate = Math.max(minRate,
        latestRate - proportional * error - integral * backlog - derivative * errorChange);
    latestTimeMs = batchTimeMs;
    if (firstRun) {
      latestRate = processingRate;
      latestError = 0;
      firstRun = false;
      return OptionalDouble.empty();
    }
    latestRate = newRate;
    latestError = error;
    return OptionalDouble.of(newRate);
  }

  @Override
  public String toString() {
    return "PIDRateEstimator(proportional=" + proportional + ", integral=" + integral + ", derivative="
        + derivative + ", minRate=" + minRate + ")";
  }
}
