package io.dstream.internal.rdd;

import io.dstream.rdd.Partitioner;
import java.util.Iterator;
import java.util.List;

/**
 * A narrow transformation of each partition of one parent: map, flatMap, filter, mapPartitions and the
 * like, all pipelined into the parent's task.
 *
 * @param <T> the parent's record type
 * @param <U> this node's record type
 */
public final class MapPartitionsRddNode<T, U> extends RddNode<U> {
  private final RddNode<T> parent;
  private final PartitionFunction<T, U> function;
  private final boolean preservesPartitioning;
  private final String name;

  /**
   * Creates the node.
   *
   * @param parent the parent
   * @param name the operation's name, for lineage dumps
   * @param function the per-partition function
   * @param preservesPartitioning whether keys stay where the parent's partitioner put them
   */
  public MapPartitionsRddNode(RddNode<T> parent, String name, PartitionFunction<T, U> function,
      boolean preservesPartitioning) {
    super(parent.engine());
    this.parent = parent;
    this.name = name;
    this.function = function;
    this.preservesPartitioning = preservesPartitioning;
  }

  @Override
  public int numPartitions() {
    return parent.numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(new NarrowDependency(parent));
  }

  @Override
  protected Iterator<U> compute(int partition) {
    try {
      return function.apply(partition, parent.iterator(partition));
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
  }

  @Override
  public Partitioner partitioner() {
    return preservesPartitioning ? parent.partitioner() : null;
  }

  @Override
  public String describe() {
    return name;
  }
}
