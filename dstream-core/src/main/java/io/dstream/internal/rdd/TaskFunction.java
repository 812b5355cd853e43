package io.dstream.internal.rdd;

import java.util.Iterator;

/**
 * What the final stage of a job does with each partition: the body of an action.
 *
 * @param <T> the record type
 * @param <U> the per-partition result type
 */
@FunctionalInterface
public interface TaskFunction<T, U> {
  /**
   * Consumes one partition.
   *
   * @param partition the partition index
   * @param records the partition's records
   * @return the partition's result
   * @throws Exception whatever a user function inside throws
   */
  U apply(int partition, Iterator<T> records) throws Exception;
}
