package io.dstream.receiver.internal;

/**
 * How a {@link ReceiverSupervisor} runs its receiver. dstream-core fills it from the configuration keys
 * {@code dstream.blockInterval}, {@code dstream.receiver.restartDelay}, {@code dstream.receiver.maxRate} and
 * {@code dstream.receiver.maxBufferedRecords}.
 *
 * <pre>{@code
 * ReceiverSettings settings = ReceiverSettings.defaults().withBlockIntervalMs(50).withMaxRate(10_000);
 * }</pre>
 *
 * @param blockIntervalMs how often buffered single records are cut into a block, in milliseconds (positive)
 * @param restartDelayMs how long a restarting receiver waits before it starts again, in milliseconds
 *     (not negative)
 * @param maxRate the most records per second the receiver may store, or {@link #UNLIMITED_RATE}
 * @param maxBufferedRecords the most single records buffered for the next block; the {@code store(record)}
 *     that fills the buffer cuts and stores the block at once (positive)
 */
public record ReceiverSettings(long blockIntervalMs, long restartDelayMs, long maxRate, int maxBufferedRecords) {
  /** The default block interval: 200 ms. */
  public static final long DEFAULT_BLOCK_INTERVAL_MS = 200;
  /** The default restart delay: 2 s. */
  public static final long DEFAULT_RESTART_DELAY_MS = 2000;
  /** A {@code maxRate} of 0 means that the receiver's rate is not limited. */
  public static final long UNLIMITED_RATE = 0;
  /** The default bound of the single records buffered for the next block: 100,000. */
  public static final int DEFAULT_MAX_BUFFERED_RECORDS = 100_000;

  /**
   * Validates the settings.
   *
   * @param blockIntervalMs the block interval in milliseconds
   * @param restartDelayMs the restart delay in milliseconds
   * @param maxRate the rate limit in records per second, or 0 for none
   * @param maxBufferedRecords the bound of the buffer of single records
   * @throws IllegalArgumentException if the block interval or the buffer bound is not positive, or the delay
   *     or rate is negative
   */
  public ReceiverSettings {
    if (blockIntervalMs <= 0) {
      throw new IllegalArgumentException("the block interval must be positive, got " + blockIntervalMs
          + " ms; the usual value is 200 ms, and about 50 ms is the useful minimum");
    }
    if (restartDelayMs < 0) {
      throw new IllegalArgumentException("the receiver restart delay must not be negative, got "
          + restartDelayMs + " ms");
    }
    if (maxRate < 0) {
      throw new IllegalArgumentException("the receiver's maximum rate must not be negative, got " + maxRate
          + " records/s; use 0 for no limit");
    }
    if (maxBufferedRecords <= 0) {
      throw new IllegalArgumentException("the most records buffered for a block must be positive, got "
          + maxBufferedRecords);
    }
  }

  /**
   * Creates settings with the default buffer bound, {@link #DEFAULT_MAX_BUFFERED_RECORDS}.
   *
   * @param blockIntervalMs the block interval in milliseconds
   * @param restartDelayMs the restart delay in milliseconds
   * @param maxRate the rate limit in records per second, or 0 for none
   * @throws IllegalArgumentException if the block interval is not positive, or the delay or rate is
   *     negative
   */
  public ReceiverSettings(long blockIntervalMs, long restartDelayMs, long maxRate) {
    this(blockIntervalMs, restartDelayMs, maxRate, DEFAULT_MAX_BUFFERED_RECORDS);
  }

  /**
   * Returns the defaults: 200 ms blocks, a 2 s restart delay, no rate limit.
   *
   * @return the default settings
   */
  public static ReceiverSettings defaults() {
    return new ReceiverSettings(DEFAULT_BLOCK_INTERVAL_MS, DEFAULT_RESTART_DELAY_MS, UNLIMITED_RATE);
  }

  /**
   * Returns these settings with another block interval.
   *
   * @param millis the block interval in milliseconds
   * @return the new settings
   * @throws IllegalArgumentException if the interval is not positive
   */
  public ReceiverSettings withBlockIntervalMs(long millis) {
    return new ReceiverSettings(millis, restartDelayMs, maxRate, maxBufferedRecords);
  }

  /**
   * Returns these settings with another restart delay.
   *
   * @param millis the restart delay in milliseconds
   * @return the new settings
   * @throws IllegalArgumentException if the delay is negative
   */
  public ReceiverSettings withRestartDelayMs(long millis) {
    return new ReceiverSettings(blockIntervalMs, millis, maxRate, maxBufferedRecords);
  }

  /**
   * Returns these settings with another rate limit.
   *
   * @param recordsPerSecond the most records per second, or 0 for no limit
   * @return the new settings
   * @throws IllegalArgumentException if the rate is negative
   */
  public ReceiverSettings withMaxRate(long recordsPerSecond) {
    return new ReceiverSettings(blockIntervalMs, restartDelayMs, recordsPerSecond, maxBufferedRecords);
  }

  /**
   * Returns these settings with another bound of the buffer of single records.
   *
   * @param records the most records buffered for the next block
   * @return the new settings
   * @throws IllegalArgumentException if the bound is not positive
   */
  public ReceiverSettings withMaxBufferedRecords(int records) {
    return new ReceiverSettings(blockIntervalMs, restartDelayMs, maxRate, records);
  }
}
