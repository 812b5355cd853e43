package io.dstream.rdd;

import io.dstream.checkpoint.internal.Arguments;
import java.io.Serializable;
import java.util.Locale;

/**
 * The count, mean, variance, maximum and minimum of a set of numbers, as {@link DoubleRDD#stats()} returns
 * them, in Spark's form ({@code org.apache.spark.util.StatCounter}): the mean and variance are kept with
 * Welford's method, and two counters merge with Chan's, so that summing large numbers loses no precision.
 *
 * <pre>{@code
 * StatCounter stats = ssc.parallelize(List.of(1, 2, 3, 4)).mapToDouble(x -> x).stats();
 * stats.count();   // 4
 * stats.mean();    // 2.5
 * stats.stdev();   // 1.118..., the population standard deviation
 * }</pre>
 *
 * <p>Like Spark's, a counter is mutable: {@code merge} adds to it and returns it. Not thread-safe.
 */
public final class StatCounter implements Serializable {
  private static final long serialVersionUID = 1L;

  private long n;
  private double mu;
  private double m2;
  private double maxValue = Double.NEGATIVE_INFINITY;
  private double minValue = Double.POSITIVE_INFINITY;

  /** Creates a counter of no values. */
  public StatCounter() {}

  /**
   * Creates a counter of some values.
   *
   * <pre>{@code
   * StatCounter stats = new StatCounter(List.of(1.0, 2.0));   // count 2, mean 1.5
   * }</pre>
   *
   * @param values the values, none null
   */
  public StatCounter(Iterable<Double> values) {
    Arguments.requireNonNull(values, "values");
    values.forEach(this::merge);
  }

  /**
   * Adds a value.
   *
   * @param value the value
   * @return this counter
   */
  public StatCounter merge(double value) {
    double delta = value - mu;
    n++;
    mu += delta / n;
    m2 += delta * (value - mu);
    maxValue = Math.max(maxValue, value);
    minValue = Math.min(minValue, value);
    return this;
  }

  /**
   * Adds the values another counter counted.
   *
   * <pre>{@code
   * StatCounter all = new StatCounter(List.of(1.0, 2.0)).merge(new StatCounter(List.of(3.0)));   // mean 2.0
   * }</pre>
   *
   * @param other the other counter; unchanged (it may be this one)
   * @return this counter
   */
  public StatCounter merge(StatCounter other) {
    Arguments.requireNonNull(other, "other");
    if (other.n == 0) {
      return this;
    }
    if (n == 0) {
      n = other.n;
      mu = other.mu;
      m2 = other.m2;
      maxValue = other.maxValue;
      minValue = other.minValue;
      return this;
    }
    long otherN = other.n;
    double otherMu = other.mu;
    double delta = otherMu - mu;
    long total = n + otherN;
    // The weighted mean, computed from the larger side's mean where one side is much larger, for precision.
    if (otherN * 10 < n) {
      mu += delta * otherN / total;
    } else if (n * 10 < otherN) {
      mu = otherMu - delta * n / total;
    } else {
      mu = (mu * n + otherMu * otherN) / total;
    }
    m2 += other.m2 + delta * delta * n * otherN / total;
    n = total;
    maxValue = Math.max(maxValue, other.maxValue);
    minValue = Math.min(minValue, other.minValue);
    return this;
  }

  /**
   * Returns an independent copy.
   *
   * @return a new counter of the same values
   */
  public StatCounter copy() {
    return new StatCounter().merge(this);
  }

  /**
   * Returns how many values were counted.
   *
   * @return the count
   */
  public long count() {
    return n;
  }

  /**
   * Returns the mean.
   *
   * @return the mean; 0 for no values, as in Spark
   */
  public double mean() {
    return mu;
  }

  /**
   * Returns the sum, as the count times the mean.
   *
   * @return the sum; 0 for no values
   */
  public double sum() {
    return n * mu;
  }

  /**
   * Returns the largest value.
   *
   * @return the maximum; negative infinity for no values, NaN if a value was NaN
   */
  public double max() {
    return maxValue;
  }

  /**
   * Returns the smallest value.
   *
   * @return the minimum; positive infinity for no values, NaN if a value was NaN
   */
  public double min() {
    return minValue;
  }

  /**
   * Returns the population variance, the mean squared distance from the mean: same as {@link #popVariance()}.
   *
   * @return the variance; NaN for no values
   */
  public double variance() {
    return popVariance();
  }

  /**
   * Returns the population variance: the sum of squared distances from the mean, divided by the count.
   *
   * @return the variance; NaN for no values
   */
  public double popVariance() {
    return n == 0 ? Double.NaN : m2 / n;
  }

  /**
   * Returns the sample variance: the sum of squared distances from the mean divided by the count minus 1,
   * an unbiased estimate of the variance of the population the values were drawn from.
   *
   * @return the sample variance; NaN for fewer than two values
   */
  public double sampleVariance() {
    return n <= 1 ? Double.NaN : m2 / (n - 1);
  }

  /**
   * Returns the population standard deviation: same as {@link #popStdev()}.
   *
   * @return the square root of {@link #variance()}
   */
  public double stdev() {
    return popStdev();
  }

  /**
   * Returns the population standard deviation.
   *
   * @return the square root of {@link #popVariance()}
   */
  public double popStdev() {
    return Math.sqrt(popVariance());
  }

  /**
   * Returns the sample standard deviation.
   *
   * @return the square root of {@link #sampleVariance()}
   */
  public double sampleStdev() {
    return Math.sqrt(sampleVariance());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "(count: %d, mean: %f, stdev: %f, max: %f, min: %f)", n, mu, stdev(),
        maxValue, minValue);
  }
}
