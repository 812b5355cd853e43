package io.dstream.internal.rdd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code toLocalIterator}: the records of a node in partition order, one partition in memory at a time. The
 * first partition is computed when the iterator is first asked for a record, each next one when the one
 * before is used up, each by its own job.
 *
 * @param <T> the record type
 */
public final class PartitionByPartitionIterator<T> implements Iterator<T> {
  private final RddNode<T> node;
  private int nextPartition;
  private Iterator<T> current = Collections.emptyIterator();

  /**
   * Creates the iterator; computes nothing yet.
   *
   * @param node the records
   */
  public PartitionByPartitionIterator(RddNode<T> node) {
    this.node = node;
  }

  /**
   * Tells whether a record is left, computing partitions until one has a record or none is left.
   *
   * @return true if a record is left
   * @throws io.dstream.rdd.JobFailedException if a partition's job fails
   */
  @Override
  public boolean hasNext() {
    while (!current.hasNext() && nextPartition < node.numPartitions()) {
      List<List<T>> computed = node.engine().jobRunner().runJob(node, new int[] {nextPartition++},
          (p, records) -> {
            List<T> list = new ArrayList<>();
            records.forEachRemaining(list::add);
            return list;
          });
      current = computed.get(0).iterator();
    }
    return current.hasNext();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no records left in " + node);
    }
    return current.next();
  }
}
