package io.dstream.internal.rdd;

import java.util.Iterator;

/**
 * Turns one partition's records into another's, knowing the partition index: the body of a narrow
 * transformation, pipelined inside a task.
 *
 * @param <T> the input record type
 * @param <U> the output record type
 */
@FunctionalInterface
public interface PartitionFunction<T, U> {
  /**
   * Transforms a partition.
   *
   * @param partition the partition index
   * @param records the input records
   * @return the output records
   * @throws Exception whatever a user function inside throws
   */
  Iterator<U> apply(int partition, Iterator<T> records) throws Exception;
}
