package io.dstream.kafka;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** The location strategies of Spark's Kafka integration; in one JVM they all mean the same. */
public final class LocationStrategies {
  private static final LocationStrategy CONSISTENT = new LocationStrategy("PreferConsistent");
  private static final LocationStrategy BROKERS = new LocationStrategy("PreferBrokers");

  private LocationStrategies() {}

  /**
   * Spreads partitions over the worker threads: the usual choice.
   *
   * @return the strategy
   */
  public static LocationStrategy PreferConsistent() {
    return CONSISTENT;
  }

  /**
   * In Spark, runs a partition's task on its leader broker's host; here the same as {@link #PreferConsistent()}.
   *
   * @return the strategy
   */
  public static LocationStrategy PreferBrokers() {
    return BROKERS;
  }

  /**
   * In Spark, runs the tasks of the given partitions on the given hosts (and the others as
   * {@link #PreferConsistent()} does); here, where every task runs on the worker threads of this JVM, the same
   * as {@link #PreferConsistent()}. It exists so that Spark programs that use it port unchanged.
   *
   * <pre>{@code
   * LocationStrategy strategy = LocationStrategies.PreferFixed(Map.of(new TopicPartition("words", 0), "host1"));
   * }</pre>
   *
   * @param hostMap each partition's host in Spark; not used
   * @return the strategy
   * @throws IllegalArgumentException if {@code hostMap} is null
   */
  public static LocationStrategy PreferFixed(Map<TopicPartition, String> hostMap) {
    if (hostMap == null) {
      throw new IllegalArgumentException("hostMap is null; give each partition's host (an empty map will do), "
          + "or use PreferConsistent()");
    }
    return new LocationStrategy("PreferFixed" + hostMap);
  }
}
