package io.dstream.internal.rdd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A dependency in which each child partition reads a bounded set of parent partitions directly, inside its
 * own task (map, filter, union, coalesce...).
 *
 * @param parent the parent node
 */
public record NarrowDependency(RddNode<?> parent) implements Dependency {

  /**
   * Returns a narrow dependency on each of several parents, in order.
   *
   * @param parents the parents
   * @return the dependencies, unmodifiable
   */
  public static List<Dependency> onEach(List<? extends RddNode<?>> parents) {
    List<Dependency> deps = new ArrayList<>(parents.size());
    for (RddNode<?> parent : parents) {
      deps.add(new NarrowDependency(parent));
    }
    return Collections.unmodifiableList(deps);
  }
}
