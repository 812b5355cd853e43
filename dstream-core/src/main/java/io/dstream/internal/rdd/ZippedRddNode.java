package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Pairs the {@code n}-th record of a partition of one parent with the {@code n}-th record of the same
 * partition of another: {@code zip}. Both parents have the same partition count; a partition in which one
 * parent runs out of records before the other fails its task.
 *
 * @param <T> the left record type
 * @param <U> the right record type
 */
final class ZippedRddNode<T, U> extends RddNode<Tuple2<T, U>> {
  private final RddNode<T> left;
  private final RddNode<U> right;

  ZippedRddNode(RddNode<T> left, RddNode<U> right) {
    super(left.engine());
    if (left.numPartitions() != right.numPartitions()) {
      throw new IllegalArgumentException("zip: this RDD has " + left.numPartitions() + " partitions and the other "
          + right.numPartitions() + "; zip needs the same number of partitions and of records in each, as when one "
          + "RDD is a map of the other; otherwise pair records by position with zipWithIndex and a join");
    }
    this.left = left;
    this.right = right;
  }

  @Override
  public int numPartitions() {
    return left.numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return NarrowDependency.onEach(List.of(left, right));
  }

  @Override
  protected Iterator<Tuple2<T, U>> compute(int partition) {
    Iterator<T> lefts = left.iterator(partition);
    Iterator<U> rights = right.iterator(partition);
    return new Iterator<>() {
      private long position;

      @Override
      public boolean hasNext() {
        boolean hasLeft = lefts.hasNext();
        if (hasLeft != rights.hasNext()) {
          throw new IllegalStateException("zip: in partition " + partition + " the " + (hasLeft ? "other" : "first")
              + " RDD ran out of records after " + position + "; zip needs the same number of records in every "
              + "partition, as when one RDD is a map of the other");
        }
        return hasLeft;
      }

      @Override
      public Tuple2<T, U> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        position++;
        return new Tuple2<>(lefts.next(), rights.next());
      }
    };
  }
}
