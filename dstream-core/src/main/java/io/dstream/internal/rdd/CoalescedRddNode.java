package io.dstream.internal.rdd;

import java.util.Iterator;
import java.util.List;

/**
 * Fewer partitions without a shuffle: each partition reads a contiguous range of the parent's partitions.
 *
 * @param <T> the record type
 */
public final class CoalescedRddNode<T> extends RddNode<T> {
  private final RddNode<T> parent;
  private final int numPartitions;

  /**
   * Creates the node.
   *
   * @param parent the parent
   * @param numPartitions the target count; capped at the parent's count
   */
  public CoalescedRddNode(RddNode<T> parent, int numPartitions) {
    super(parent.engine());
    this.parent = parent;
    this.numPartitions = Math.min(numPartitions, parent.numPartitions());
  }

  @Override
  public int numPartitions() {
    return numPartitions;
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(new NarrowDependency(parent));
  }

  @Override
  protected Iterator<T> compute(int partition) {
    int parents = parent.numPartitions();
    int from = (int) ((long) partition * parents / numPartitions);
    int to = (int) ((long) (partition + 1) * parents / numPartitions);
    return Iterators.concat(to - from, i -> parent.iterator(from + i));
  }
}
