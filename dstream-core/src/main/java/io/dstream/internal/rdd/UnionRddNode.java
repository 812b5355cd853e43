package io.dstream.internal.rdd;

import java.util.Iterator;
import java.util.List;

/**
 * The partitions of several parents side by side, without moving data: partition {@code i} of the union is
 * some partition of one parent.
 *
 * @param <T> the record type
 */
public final class UnionRddNode<T> extends RddNode<T> {
  private final List<RddNode<T>> parents;
  private final int[] parentOf;
  private final int[] partitionInParent;

  /**
   * Creates the union.
   *
   * @param engine the engine
   * @param parents the parents, in order
   */
  public UnionRddNode(Engine engine, List<RddNode<T>> parents) {
    super(engine);
    this.parents = List.copyOf(parents);
    int total = parents.stream().mapToInt(RddNode::numPartitions).sum();
    parentOf = new int[total];
    partitionInParent = new int[total];
    int next = 0;
    for (int p = 0; p < parents.size(); p++) {
      for (int i = 0; i < parents.get(p).numPartitions(); i++) {
        parentOf[next] = p;
        partitionInParent[next] = i;
        next++;
      }
    }
  }

  @Override
  public int numPartitions() {
    return parentOf.length;
  }

  @Override
  public List<Dependency> dependencies() {
    return NarrowDependency.onEach(parents);
  }

  @Override
  protected Iterator<T> compute(int partition) {
    return parents.get(parentOf[partition]).iterator(partitionInParent[partition]);
  }

  @Override
  public long knownCount() {
    long sum = 0;
    for (RddNode<T> parent : parents) {
      long count = parent.knownCount();
      if (count < 0) {
        return -1;
      }
      sum += count;
    }
    return sum;
  }
}
