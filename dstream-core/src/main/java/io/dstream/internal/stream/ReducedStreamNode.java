package io.dstream.internal.stream;

import io.dstream.function.Function2;
import io.dstream.internal.rdd.NarrowOperation;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import java.util.Collections;
import java.util.Iterator;

/**
 * {@code reduce}: at most one record per batch, the batch's records combined with an associative and
 * commutative function (none for an empty batch). Each partition is reduced in place, and the partitions'
 * results are reduced in one partition.
 *
 * @param <T> the record type
 */
public final class ReducedStreamNode<T> extends PerBatchStreamNode<T, T> {
  private final NarrowOperation<T, T> reducePartitions;

  /**
   * Creates the stream.
   *
   * @param parent the stream to reduce
   * @param f the reduce function
   * @throws IllegalStateException if the context has already started
   */
  public ReducedStreamNode(StreamNode<T> parent, Function2<T, T, T> f) {
    super(parent, "reduce");
    this.reducePartitions = NarrowOperation.mapPartitions(records -> reduce(records, f), false);
  }

  @Override
  protected RddNode<T> apply(RddNode<T> batch) {
    return reducePartitions.on(RddOperations.coalesce(reducePartitions.on(batch), 1, false));
  }

  private static <T> Iterator<T> reduce(Iterator<T> records, Function2<T, T, T> f) throws Exception {
    if (!records.hasNext()) {
      return Collections.emptyIterator();
    }
    T acc = records.next();
    while (records.hasNext()) {
      acc = f.call(acc, records.next());
    }
    return Collections.singletonList(acc).iterator();
  }
}
