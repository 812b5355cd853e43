package io.dstream.internal.stream;

import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.ParallelCollectionRddNode;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import java.util.Iterator;
import java.util.List;

/**
 * {@code count}: one record per batch, the number of records in the batch (0 for an empty batch). Narrow:
 * each partition is counted in place, and the counts (with a 0, so that an empty batch has a record) are
 * summed in one partition.
 *
 * @param <T> the parent's record type
 */
public final class CountedStreamNode<T> extends PerBatchStreamNode<T, Long> {

  /**
   * Creates the stream.
   *
   * @param parent the stream to count
   * @throws IllegalStateException if the context has already started
   */
  public CountedStreamNode(StreamNode<T> parent) {
    super(parent, "count");
  }

  @Override
  protected RddNode<Long> apply(RddNode<T> batch) {
    RddNode<Long> counts = NarrowOperation.<T, Long>mapPartitions(CountedStreamNode::count, false).on(batch);
    RddNode<Long> withZero = RddOperations.union(List.of(counts,
        new ParallelCollectionRddNode<>(batch.engine(), List.of(0L), 1)));
    return NarrowOperation.<Long, Long>mapPartitions(CountedStreamNode::sum, false)
        .on(RddOperations.coalesce(withZero, 1, false));
  }

  private static <T> Iterator<Long> count(Iterator<T> records) {
    long n = 0;
    for (; records.hasNext(); records.next()) {
      n++;
    }
    return List.of(n).iterator();
  }

  private static Iterator<Long> sum(Iterator<Long> counts) {
    long sum = 0;
    while (counts.hasNext()) {
      sum += counts.next();
    }
    return List.of(sum).iterator();
  }
}
