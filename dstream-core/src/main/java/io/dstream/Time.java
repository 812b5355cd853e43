package io.dstream;

import io.dstream.checkpoint.internal.Arguments;
import java.util.ArrayList;
import java.util.List;

/**
 * A point in time in milliseconds since the epoch (or since zero, on a manual clock): the time of a batch.
 *
 * <p>Immutable. Every batch is identified by its time, which is a multiple of the batch duration; the
 * arithmetic follows Spark Streaming's {@code Time}.
 */
public final class Time implements Comparable<Time> {
  private final long millis;

  /**
   * Creates a time.
   *
   * @param millis milliseconds since the clock's origin
   */
  public Time(long millis) {
    this.millis = millis;
  }

  /**
   * Returns the time in milliseconds.
   *
   * @return milliseconds since the clock's origin
   */
  public long milliseconds() {
    return millis;
  }

  /**
   * Returns this time moved forward by a duration.
   *
   * @param duration the duration to add
   * @return {@code this + duration}
   */
  public Time plus(Duration duration) {
    Arguments.requireNonNull(duration, "duration");
    return new Time(millis + duration.milliseconds());
  }

  /**
   * Returns this time moved back by a duration.
   *
   * @param duration the duration to subtract
   * @return {@code this - duration}
   */
  public Time minus(Duration duration) {
    Arguments.requireNonNull(duration, "duration");
    return new Time(millis - duration.milliseconds());
  }

  /**
   * Returns the duration between another time and this one.
   *
   * @param that the earlier time
   * @return {@code this - that}
   */
  public Duration minus(Time that) {
    Arguments.requireNonNull(that, "that");
    return new Duration(millis - that.millis);
  }

  /**
   * Tells whether this time is a whole multiple of a duration (measured from zero).
   *
   * @param duration the duration
   * @return true if {@code millis % duration == 0}
   * @throws IllegalArgumentException if the duration is zero
   */
  public boolean isMultipleOf(Duration duration) {
    Arguments.requireNonNull(duration, "duration");
    if (duration.isZero()) {
      throw new IllegalArgumentException("cannot tell whether " + this + " is a multiple of a zero duration; "
          + "pass a non-zero duration (check Duration.isZero() first)");
    }
    return millis % duration.milliseconds() == 0;
  }

  /**
   * Returns the latest multiple of a duration that is not after this time.
   *
   * @param duration the duration; must be positive
   * @return {@code floor(this / duration) * duration}
   * @throws IllegalArgumentException if the duration is not positive
   */
  public Time floor(Duration duration) {
    Arguments.requireNonNull(duration, "duration");
    return floor(duration, new Time(0));
  }

  /**
   * Returns the latest time {@code zeroTime + k * duration} that is not after this time.
   *
   * @param duration the duration; must be positive
   * @param zeroTime the origin of the grid
   * @return the grid point at or before this time
   * @throws IllegalArgumentException if the duration is not positive
   */
  public Time floor(Duration duration, Time zeroTime) {
    Arguments.requireNonNull(duration, "duration");
    Arguments.requireNonNull(zeroTime, "zeroTime");
    long d = duration.milliseconds();
    if (d <= 0) {
      throw new IllegalArgumentException("floor needs a positive duration, got " + duration);
    }
    return new Time(Math.floorDiv(millis - zeroTime.millis, d) * d + zeroTime.millis);
  }

  /**
   * Returns the times from this one (inclusive) to {@code end} (exclusive) in steps of {@code interval}.
   *
   * @param end the end, exclusive
   * @param interval the step; must be positive
   * @return the times in increasing order
   * @throws IllegalArgumentException if the interval is not positive
   */
  public List<Time> until(Time end, Duration interval) {
    Arguments.requireNonNull(end, "end");
    Arguments.requireNonNull(interval, "interval");
    return range(end, interval, false);
  }

  /**
   * Returns the times from this one to {@code end}, both inclusive, in steps of {@code interval}.
   *
   * @param end the end, inclusive
   * @param interval the step; must be positive
   * @return the times in increasing order
   * @throws IllegalArgumentException if the interval is not positive
   */
  public List<Time> to(Time end, Duration interval) {
    Arguments.requireNonNull(end, "end");
    Arguments.requireNonNull(interval, "interval");
    return range(end, interval, true);
  }

  private List<Time> range(Time end, Duration interval, boolean inclusive) {
    long step = interval.milliseconds();
    if (step <= 0) {
      throw new IllegalArgumentException("the step must be a positive duration, got " + interval);
    }
    List<Time> times = new ArrayList<>();
    for (long t = millis; inclusive ? t <= end.millis : t < end.millis; t += step) {
      times.add(new Time(t));
    }
    return times;
  }

  /**
   * Tells whether this time is before another.
   *
   * @param that the other time
   * @return {@code this < that}
   */
  public boolean less(Time that) {
    Arguments.requireNonNull(that, "that");
    return millis < that.millis;
  }

  /**
   * Tells whether this time is not after another.
   *
   * @param that the other time
   * @return {@code this <= that}
   */
  public boolean lessEq(Time that) {
    Arguments.requireNonNull(that, "that");
    return millis <= that.millis;
  }

  /**
   * Tells whether this time is after another.
   *
   * @param that the other time
   * @return {@code this > that}
   */
  public boolean greater(Time that) {
    Arguments.requireNonNull(that, "that");
    return millis > that.millis;
  }

  /**
   * Tells whether this time is not before another.
   *
   * @param that the other time
   * @return {@code this >= that}
   */
  public boolean greaterEq(Time that) {
    Arguments.requireNonNull(that, "that");
    return millis >= that.millis;
  }

  /**
   * Returns the later of this time and another.
   *
   * @param that the other time
   * @return the maximum
   */
  public Time max(Time that) {
    Arguments.requireNonNull(that, "that");
    return millis >= that.millis ? this : that;
  }

  /**
   * Returns the earlier of this time and another.
   *
   * @param that the other time
   * @return the minimum
   */
  public Time min(Time that) {
    Arguments.requireNonNull(that, "that");
    return millis <= that.millis ? this : that;
  }

  @Override
  public int compareTo(Time that) {
    Arguments.requireNonNull(that, "that");
    return Long.compare(millis, that.millis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Time t && t.millis == millis;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(millis);
  }

  /** Returns {@code "<millis> ms"}, as Spark prints a batch time. */
  @Override
  public String toString() {
    return millis + " ms";
  }
}
