package io.dstream;

/**
 * Factory methods for {@link Duration}: {@code Durations.seconds(1)}, as in Spark's Java API.
 */
public final class Durations {
  private Durations() {}

  /**
   * Returns a duration of the given milliseconds.
   *
   * @param millis milliseconds
   * @return the duration
   */
  public static Duration milliseconds(long millis) {
    return new Duration(millis);
  }

  /**
   * Returns a duration of the given seconds.
   *
   * @param seconds seconds
   * @return the duration
   */
  public static Duration seconds(long seconds) {
    return new Duration(Math.multiplyExact(seconds, 1000L));
  }

  /**
   * Returns a duration of the given minutes.
   *
   * @param minutes minutes
   * @return the duration
   */
  public static Duration minutes(long minutes) {
    return new Duration(Math.multiplyExact(minutes, 60_000L));
  }
}
