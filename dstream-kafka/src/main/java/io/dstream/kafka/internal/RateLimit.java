package io.dstream.kafka.internal;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * How many offsets of each partition a direct stream's batch takes at most, from
 * {@code dstream.kafka.maxRatePerPartition} and, with {@code dstream.backpressure.enabled}, the stream's
 * estimated rate: the estimate (or {@code dstream.backpressure.initialRate} until there is one) is shared among
 * the partitions in proportion to their lag, each share capped by the maximum rate; with no estimate and no
 * initial rate the maximum rate alone applies. Whenever some limit applies, a partition with records waiting
 * gets at least {@code dstream.kafka.minRatePerPartition}. A rate becomes a number of offsets as rate times the
 * batch duration in seconds, at least 1.
 *
 * <p>The estimate arrives through {@link #accept} from the stream's rate controller, on the listener bus; the
 * limits are read on the job generator's thread.
 */
public final class RateLimit implements LongConsumer {
  private static final long NONE = Long.MAX_VALUE;

  private final long maxRatePerPartition;
  private final long minRatePerPartition;
  private final long initialRate;
  private final boolean backpressure;
  private final double batchSeconds;
  private volatile long estimatedRate;

  RateLimit(long maxRatePerPartition, long minRatePerPartition, long initialRate, boolean backpressure,
      long batchDurationMs) {
    this.maxRatePerPartition = maxRatePerPartition;
    this.minRatePerPartition = minRatePerPartition;
    this.initialRate = initialRate;
    this.backpressure = backpressure;
    this.batchSeconds = batchDurationMs / 1000.0;
  }

  /**
   * Returns no limit: every batch reads up to the partitions' ends (the repartition topics of a scale-out
   * application, whose records are already within what the stage before them read).
   *
   * @param batchDurationMs the batch duration in milliseconds
   * @return the absence of a limit
   */
  public static RateLimit none(long batchDurationMs) {
    return new RateLimit(0, 1, 0, false, batchDurationMs);
  }

  /**
   * Reads the limits of a context's configuration.
   *
   * @param conf the configuration
   * @param batchDurationMs the batch duration in milliseconds
   * @return the limits
   * @throws IllegalArgumentException if {@code dstream.kafka.minRatePerPartition} exceeds a set
   *     {@code dstream.kafka.maxRatePerPartition}
   */
  public static RateLimit fromConf(StreamingConf conf, long batchDurationMs) {
    long max = conf.get(ConfigKeys.KAFKA_MAX_RATE_PER_PARTITION);
    long min = conf.get(ConfigKeys.KAFKA_MIN_RATE_PER_PARTITION);
    if (max > 0 && min > max) {
      throw new IllegalArgumentException(ConfigKeys.KAFKA_MIN_RATE_PER_PARTITION.name() + " is " + min
          + ", above " + ConfigKeys.KAFKA_MAX_RATE_PER_PARTITION.name() + " " + max + "; set it to at most " + max);
    }
    Long initial = conf.get(ConfigKeys.BACKPRESSURE_INITIAL_RATE);
    return new RateLimit(max, min, initial == null ? 0 : initial, conf.get(ConfigKeys.BACKPRESSURE_ENABLED),
        batchDurationMs);
  }

  /**
   * Tells whether backpressure sets this stream's rate: then a rate controller feeds {@link #accept}.
   *
   * @return the value of {@code dstream.backpressure.enabled}
   */
  public boolean backpressure() {
    return backpressure;
  }

  /**
   * Takes the rate controller's new estimate of the stream's rate.
   *
   * @param recordsPerSecond the estimate, at least 1
   */
  @Override
  public void accept(long recordsPerSecond) {
    estimatedRate = recordsPerSecond;
  }

  /**
   * Returns the most offsets each partition's range of the next batch may hold.
   *
   * @param lags the offsets waiting in each partition (latest minus where the batch starts)
   * @return for each partition, in the same order, the most offsets, or {@link Long#MAX_VALUE} for no limit
   */
  long[] maxOffsets(long[] lags) {
    long[] max = new long[lags.length];
    long streamRate = backpressure ? (estimatedRate > 0 ? estimatedRate : initialRate) : 0;
    if (streamRate == 0 && maxRatePerPartition == 0) {
      Arrays.fill(max, NONE);
      return max;
    }
    long totalLag = 0;
    for (long lag : lags) {
      totalLag += lag;
    }
    long floor = offsets(minRatePerPartition);
    for (int i = 0; i < lags.length; i++) {
      double rate = maxRatePerPartition;
      if (streamRate > 0) {
        double share = totalLag == 0 ? 0 : (double) lags[i] / totalLag * streamRate;
        rate = maxRatePerPartition > 0 ? Math.min(share, maxRatePerPartition) : share;
      }
      max[i] = Math.max(offsets(rate), floor);
    }
    return max;
  }

  private long offsets(double recordsPerSecond) {
    return Math.max(1, (long) (recordsPerSecond * batchSeconds));
  }

  @Override
  public String toString() {
    return "RateLimit(maxRatePerPartition=" + maxRatePerPartition + ", minRatePerPartition=" + minRatePerPartition
        + ", backpressure=" + backpressure + ", estimate=" + estimatedRate + ")";
  }
}
