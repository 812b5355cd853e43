package io.dstream.internal.stream;

import io.dstream.Time;
import io.dstream.rdd.RDD;
import java.util.List;

/**
 * Builds a batch's RDD from the same batch's RDDs of the parent streams: the body of every per-batch
 * (stateless) stream operation.
 *
 * @param <U> the result's record type
 */
@FunctionalInterface
public interface BatchTransform<U> {
  /**
   * Builds the RDD.
   *
   * @param parents the parents' RDDs for the batch, in the parents' order
   * @param time the batch time
   * @return the batch's RDD
   * @throws Exception whatever a user function run here throws
   */
  RDD<U> apply(List<RDD<?>> parents, Time time) throws Exception;
}
