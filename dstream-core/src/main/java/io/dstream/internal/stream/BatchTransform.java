package io.dstream.internal.stream;

import io.dstream.Time;
import io.dstream.internal.rdd.RddNode;
import java.util.List;

/**
 * Builds a batch's RDD from the same batch's RDDs of the parent streams through a user function: the body of
 * {@code transform} and its variants, which hands the user public RDDs and takes back the one it returns.
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
   * @return the batch's RDD, or null if the user function returned null
   * @throws Exception whatever the user function throws
   */
  RddNode<U> apply(List<RddNode<?>> parents, Time time) throws Exception;
}
