package io.dstream.internal.stream;

import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.RddNode;
import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.Partitioner;

/**
 * The partitioner of a by-key stream operation given none ({@code reduceByKey(f)}, {@code groupByKey()},
 * {@code join(other)}, ...), chosen per batch as Spark Streaming chooses it: a {@link HashPartitioner} over the
 * context's default parallelism ({@code dstream.default.parallelism}, else the worker thread count), so a batch
 * of one partition is still combined by as many tasks as there are threads, and keys land in the partitions
 * Spark's would. A batch that is partitioned already keeps its partitioner (the largest, for a join), so it is
 * not shuffled again; Spark shuffles it unless its partitioner is that hash partitioner.
 */
final class DefaultStreamPartitioner {
  private DefaultStreamPartitioner() {}

  /**
   * Returns the partitioner for a batch and the batches it is combined with.
   *
   * @param batch the batch the operation is on
   * @param others the other batches, such as the right side of a join
   * @return the partitioner
   */
  static Partitioner of(RddNode<?> batch, RddNode<?>... others) {
    return PairOperations.largestPartitioner(batch, others)
        .orElseGet(() -> new HashPartitioner(batch.engine().defaultParallelism()));
  }
}
