package io.dstream.internal.rdd;

/**
 * An edge of the lineage graph: how a node's partitions depend on a parent's.
 *
 * <p>A {@link NarrowDependency} is computed inside the child's task (the two are pipelined); a
 * {@link ShuffleDependency} ends a stage: the parent's map tasks must all finish before any child task
 * starts.
 */
public sealed interface Dependency permits NarrowDependency, ShuffleDependency {
  /**
   * Returns the parent node.
   *
   * @return the parent
   */
  RddNode<?> parent();
}
