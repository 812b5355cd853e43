package io.dstream.ml.internal;

import io.dstream.rdd.RDD;

/**
 * How a streaming algorithm learns from one batch: the next model from the previous one and the batch's points.
 *
 * @param <T> the point type
 * @param <M> the model type
 */
@FunctionalInterface
public interface ModelUpdate<T, M> {
  /**
   * Returns the model after learning from a batch; runs on a job thread, and may run jobs on the batch.
   *
   * @param model the model before the batch
   * @param batch the batch's points
   * @return the model after it
   * @throws Exception whatever learning throws (a bad point fails the batch's job)
   */
  M update(M model, RDD<T> batch) throws Exception;
}
