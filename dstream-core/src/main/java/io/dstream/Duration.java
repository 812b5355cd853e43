package io.dstream;

import io.dstream.checkpoint.internal.Arguments;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A length of time in milliseconds: batch intervals, window lengths, slide intervals and timeouts.
 *
 * <p>Immutable. Build one with {@link Durations}. The arithmetic follows Spark Streaming's {@code Duration}.
 */
public final class Duration implements Comparable<Duration> {
  private final long millis;

  /**
   * Creates a duration.
   *
   * @param millis the length in milliseconds; may be zero or negative (a difference of two times)
   */
  public Duration(long millis) {
    this.millis = millis;
  }

  /**
   * Returns the length in milliseconds.
   *
   * @return milliseconds
   */
  public long milliseconds() {
    return millis;
  }

  /**
   * Returns the sum of this duration and another.
   *
   * @param that the duration to add
   * @return {@code this + that}
   */
  public Duration plus(Duration that) {
    Arguments.requireNonNull(that, "that");
    return new Duration(millis + that.millis);
  }

  /**
   * Returns the difference of this duration and another.
   *
   * @param that the duration to subtract
   * @return {@code this - that}
   */
  public Duration minus(Duration that) {
    Arguments.requireNonNull(that, "that");
    return new Duration(millis - that.millis);
  }

  /**
   * Returns this duration multiplied by a factor.
   *
   * @param times the factor
   * @return {@code this * times}
   */
  public Duration times(int times) {
    return new Duration(millis * times);
  }

  /**
   * Returns how many times another duration fits into this one.
   *
   * @param that the divisor
   * @return {@code this / that} as a double
   * @throws IllegalArgumentException if {@code that} is zero
   */
  public double div(Duration that) {
    Arguments.requireNonNull(that, "that");
    if (that.millis == 0) {
      throw new IllegalArgumentException("cannot divide " + this + " by a zero duration; pass a non-zero "
          + "divisor (check Duration.isZero() first)");
    }
    return (double) millis / that.millis;
  }

  /**
   * Tells whether this duration is a whole multiple of another.
   *
   * @param that the candidate divisor
   * @return true if {@code this % that == 0}
   * @throws IllegalArgumentException if {@code that} is zero
   */
  public boolean isMultipleOf(Duration that) {
    Arguments.requireNonNull(that, "that");
    if (that.millis == 0) {
      throw new IllegalArgumentException("cannot tell whether " + this + " is a multiple of a zero duration; "
          + "pass a non-zero duration (check Duration.isZero() first)");
    }
    return millis % that.millis == 0;
  }

  /**
   * Tells whether this duration is zero.
   *
   * @return true if the length is 0 ms
   */
  public boolean isZero() {
    return millis == 0;
  }

  /**
   * Tells whether this duration is shorter than another.
   *
   * @param that the other duration
   * @return {@code this < that}
   */
  public boolean less(Duration that) {
    Arguments.requireNonNull(that, "that");
    return millis < that.millis;
  }

  /**
   * Tells whether this duration is at most as long as another.
   *
   * @param that the other duration
   * @return {@code this <= that}
   */
  public boolean lessEq(Duration that) {
    Arguments.requireNonNull(that, "that");
    return millis <= that.millis;
  }

  /**
   * Tells whether this duration is longer than another.
   *
   * @param that the other duration
   * @return {@code this > that}
   */
  public boolean greater(Duration that) {
    Arguments.requireNonNull(that, "that");
    return millis > that.millis;
  }

  /**
   * Tells whether this duration is at least as long as another.
   *
   * @param that the other duration
   * @return {@code this >= that}
   */
  public boolean greaterEq(Duration that) {
    Arguments.requireNonNull(that, "that");
    return millis >= that.millis;
  }

  /**
   * Returns the longer of this duration and another.
   *
   * @param that the other duration
   * @return the maximum
   */
  public Duration max(Duration that) {
    Arguments.requireNonNull(that, "that");
    return millis >= that.millis ? this : that;
  }

  /**
   * Returns the shorter of this duration and another.
   *
   * @param that the other duration
   * @return the minimum
   */
  public Duration min(Duration that) {
    Arguments.requireNonNull(that, "that");
    return millis <= that.millis ? this : that;
  }

  /**
   * Returns a human-readable form such as {@code 250 ms}, {@code 1.5 s}, {@code 2 min} or {@code 1.5 h}: the
   * largest unit the length reaches, with at most three decimals and no trailing zeros.
   *
   * @return the pretty form
   */
  public String prettyPrint() {
    long length = Math.abs(millis);
    if (length < 1000) {
      return millis + " ms";
    } else if (length < 60_000) {
      return inUnit(1000) + " s";
    } else if (length < 3_600_000) {
      return inUnit(60_000) + " min";
    }
    return inUnit(3_600_000) + " h";
  }

  private String inUnit(long unitMillis) {
    return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(unitMillis), 3, RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
  }

  @Override
  public int compareTo(Duration that) {
    Arguments.requireNonNull(that, "that");
    return Long.compare(millis, that.millis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Duration d && d.millis == millis;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(millis);
  }

  /** Returns {@code "<millis> ms"}, as Spark prints a duration. */
  @Override
  public String toString() {
    return millis + " ms";
  }
}
