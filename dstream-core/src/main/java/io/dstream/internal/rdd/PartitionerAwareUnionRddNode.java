package io.dstream.internal.rdd;

import io.dstream.rdd.Partitioner;
import java.util.Iterator;
import java.util.List;

/**
 * The union of parents that share one partitioner: partition {@code i} holds partition {@code i} of every
 * parent, so the union keeps the partitioner and a later by-key operation with it needs no shuffle (a
 * window over batches that were each reduced by key is reduced again in place).
 *
 * @param <T> the record type
 */
public final class PartitionerAwareUnionRddNode<T> extends RddNode<T> {
  private final List<RddNode<T>> parents;
  private final Partitioner partitioner;

  /**
   * Creates the union.
   *
   * @param engine the engine
   * @param parents the parents, in order; each must have {@code partitioner} as its partitioner
   * @param partitioner the parents' common partitioner
   * @throws IllegalArgumentException if a parent is partitioned otherwise
   */
  public PartitionerAwareUnionRddNode(Engine engine, List<RddNode<T>> parents, Partitioner partitioner) {
    super(engine);
    for (RddNode<T> parent : parents) {
      if (!partitioner.equals(parent.partitioner())) {
        throw new IllegalArgumentException(parent + " is partitioned by " + parent.partitioner() + ", not by "
            + partitioner + "; use a plain union");
      }
    }
    this.parents = List.copyOf(parents);
    this.partitioner = partitioner;
  }

  /**
   * Returns the partitioner that every node has, which a partitioner-aware union of them needs.
   *
   * @param nodes the candidate parents
   * @return their common partitioner, or null if they have none
   */
  public static Partitioner commonPartitioner(List<? extends RddNode<?>> nodes) {
    if (nodes.isEmpty()) {
      return null;
    }
    Partitioner first = nodes.get(0).partitioner();
    for (RddNode<?> node : nodes) {
      if (first == null || !first.equals(node.partitioner())) {
        return null;
      }
    }
    return first;
  }

  @Override
  public int numPartitions() {
    return partitioner.numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return NarrowDependency.onEach(parents);
  }

  @Override
  protected Iterator<T> compute(int partition) {
    return Iterators.concat(parents.size(), i -> parents.get(i).iterator(partition));
  }

  @Override
  public Partitioner partitioner() {
    return partitioner;
  }
}
