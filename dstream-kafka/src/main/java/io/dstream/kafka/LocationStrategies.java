package io.dstream.kafka;

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
}
