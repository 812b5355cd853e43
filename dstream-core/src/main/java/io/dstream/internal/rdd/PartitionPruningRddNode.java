package io.dstream.internal.rdd;

import java.util.Iterator;
import java.util.List;

/**
 * A contiguous range of a parent's partitions, the others left out without being computed: partition
 * {@code i} is the parent's partition {@code first + i}. What {@code filterByRange} reads of a range-partitioned
 * RDD.
 *
 * @param <T> the record type
 */
public final class PartitionPruningRddNode<T> extends RddNode<T> {
  private final RddNode<T> parent;
  private final int first;
  private final int count;

  /**
   * Creates the node.
   *
   * @param parent the parent
   * @param first the first parent partition kept
   * @param last the last parent partition kept, at least {@code first}
   */
  public PartitionPruningRddNode(RddNode<T> parent, int first, int last) {
    super(parent.engine());
    this.parent = parent;
    this.first = first;
    this.count = last - first + 1;
  }

  @Override
  public int numPartitions() {
    return count;
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(new NarrowDependency(parent));
  }

  @Override
  protected Iterator<T> compute(int partition) {
    return parent.iterator(first + partition);
  }
}
