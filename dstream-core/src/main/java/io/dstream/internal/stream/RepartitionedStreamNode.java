package io.dstream.internal.stream;

import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;

/**
 * {@code repartition}: every batch's records spread evenly over a number of partitions, through a shuffle.
 *
 * @param <T> the record type
 */
public final class RepartitionedStreamNode<T> extends PerBatchStreamNode<T, T> {
  private final int numPartitions;

  /**
   * Creates the stream.
   *
   * @param parent the stream to repartition
   * @param numPartitions the number of partitions, positive
   * @throws IllegalStateException if the context has already started
   */
  public RepartitionedStreamNode(StreamNode<T> parent, int numPartitions) {
    super(parent, "repartition");
    this.numPartitions = numPartitions;
  }

  @Override
  protected RddNode<T> apply(RddNode<T> batch) {
    return RddOperations.repartition(batch, numPartitions);
  }
}
