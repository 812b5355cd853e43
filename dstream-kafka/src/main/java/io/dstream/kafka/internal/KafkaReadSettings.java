package io.dstream.kafka.internal;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import java.time.Duration;

/**
 * How the Kafka RDDs of a context read: the settings that {@code dstream.kafka.*} keys give.
 *
 * @param pollTimeout how long a task waits for the next record of its range before it fails
 * @param requestTimeout how long one request for partitions or offsets that generates a batch waits before it is
 *     tried again: the poll timeout, at most half the stop timeout so that a stop during an outage ends in time
 * @param minOffsetsPerTask the fewest offsets a task of a split range reads ({@link RangeSplits})
 */
public record KafkaReadSettings(Duration pollTimeout, Duration requestTimeout, long minOffsetsPerTask) {
  /**
   * Reads the settings of a context's configuration.
   *
   * @param conf the configuration
   * @return the settings
   */
  public static KafkaReadSettings fromConf(StreamingConf conf) {
    Duration poll = Duration.ofMillis(conf.get(ConfigKeys.KAFKA_POLL_TIMEOUT).milliseconds());
    Duration halfStop = Duration.ofMillis(Math.max(1, conf.get(ConfigKeys.STOP_TIMEOUT).milliseconds() / 2));
    return new KafkaReadSettings(poll, poll.compareTo(halfStop) < 0 ? poll : halfStop,
        conf.get(ConfigKeys.KAFKA_MIN_RECORDS_PER_TASK));
  }

  /**
   * Returns these settings with every partition's range read by one task, never split.
   *
   * @return the settings
   */
  public KafkaReadSettings oneTaskPerPartition() {
    return new KafkaReadSettings(pollTimeout, requestTimeout, Long.MAX_VALUE);
  }
}
