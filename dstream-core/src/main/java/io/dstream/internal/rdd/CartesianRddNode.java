package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Every pair of a record of one parent and a record of another: partition {@code i * m + j} pairs partition
 * {@code i} of the left parent with partition {@code j} of the right one (which has {@code m}). Both are read
 * inside the task; the right partition is held in memory while the left one streams past it.
 *
 * @param <T> the left record type
 * @param <U> the right record type
 */
final class CartesianRddNode<T, U> extends RddNode<Tuple2<T, U>> {
  private final RddNode<T> left;
  private final RddNode<U> right;
  private final int numPartitions;

  CartesianRddNode(RddNode<T> left, RddNode<U> right) {
    super(left.engine());
    this.left = left;
    this.right = right;
    long product = (long) left.numPartitions() * right.numPartitions();
    if (product > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("cartesian: " + left.numPartitions() + " x " + right.numPartitions()
          + " partitions are too many; coalesce one side first");
    }
    this.numPartitions = (int) product;
  }

  @Override
  public int numPartitions() {
    return numPartitions;
  }

  @Override
  public List<Dependency> dependencies() {
    return NarrowDependency.onEach(List.of(left, right));
  }

  @Override
  protected Iterator<Tuple2<T, U>> compute(int partition) {
    int rightPartitions = right.numPartitions();
    List<U> rights = new ArrayList<>();
    right.iterator(partition % rightPartitions).forEachRemaining(rights::add);
    if (rights.isEmpty()) {
      return Collections.emptyIterator();
    }
    return Iterators.flatMap(left.iterator(partition / rightPartitions),
        x -> Iterators.map(rights.iterator(), y -> new Tuple2<>(x, y)));
  }

  @Override
  public long knownCount() {
    long l = left.knownCount();
    long r = right.knownCount();
    return l < 0 || r < 0 ? -1 : l * r;
  }
}
