package io.dstream.internal.rdd;

import io.dstream.rdd.Partitioner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The union of parents that share one partitioner: partition {@code i} holds partition {@code i} of every
 * parent, so the union keeps the partitioner and a later by-key operation with it needs no shuffle (a
 * window over batches that were each reduced by key is reduced again in place).
 *
 * @param <T> the record type
 */
public final class PartitionerAwareUnionNode<T> extends RddNode<T> {
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
  public PartitionerAwareUnionNode(Engine engine, List<RddNode<T>> parents, Partitioner partitioner) {
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
    List<Dependency> deps = new ArrayList<>(parents.size());
    for (RddNode<T> parent : parents) {
      deps.add(new NarrowDependency(parent));
    }
    return Collections.unmodifiableList(deps);
  }

  @Override
  protected Iterator<T> compute(int partition) {
    Iterator<RddNode<T>> remaining = parents.iterator();
    return new Iterator<>() {
      private Iterator<T> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && remaining.hasNext()) {
          current = remaining.next().iterator(partition);
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  @Override
  public Partitioner partitioner() {
    return partitioner;
  }
}
