package io.dstream.kafka;

/**
 * Where the tasks reading Kafka partitions run: in Spark, on which executor. dstream runs every task on the
 * worker threads of one JVM, so all strategies behave alike; they exist so that Spark programs port unchanged.
 * Get one from {@link LocationStrategies}.
 */
public final class LocationStrategy {
  private final String name;

  LocationStrategy(String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return name;
  }
}
