package io.dstream.internal.stream;

import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;

/**
 * What an output operation does with each batch's RDD, on a job thread: print it, write it to files, or hand
 * it to the user's {@code foreachRDD} function.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface BatchOutput<T> {
  /**
   * Outputs one batch.
   *
   * @param batch the batch's RDD
   * @param time the batch time
   * @throws Exception whatever the output (or the user function inside) throws
   */
  void run(RddNode<T> batch, Time time) throws Exception;
}
