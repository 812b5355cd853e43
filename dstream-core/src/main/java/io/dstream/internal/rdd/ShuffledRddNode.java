package io.dstream.internal.rdd;

import io.dstream.Tuple2;
import io.dstream.rdd.Partitioner;
import java.util.Iterator;
import java.util.List;

/**
 * The reduce side of a shuffle: partition {@code i} holds the keys that the partitioner sends to {@code i},
 * combined if the shuffle has an aggregator.
 *
 * @param <K> the key type
 * @param <C> the value (or combiner) type
 */
public final class ShuffledRddNode<K, C> extends RddNode<Tuple2<K, C>> {
  private final ShuffleDependency<K, ?, C> dependency;
  private final String name;

  /**
   * Creates the node.
   *
   * @param dependency the shuffle to read
   * @param name the operation's name, for lineage dumps
   */
  public ShuffledRddNode(ShuffleDependency<K, ?, C> dependency, String name) {
    super(dependency.parent().engine());
    this.dependency = dependency;
    this.name = name;
  }

  @Override
  public int numPartitions() {
    return dependency.partitioner().numPartitions();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(dependency);
  }

  @Override
  protected Iterator<Tuple2<K, C>> compute(int partition) {
    return dependency.read(partition);
  }

  @Override
  public Partitioner partitioner() {
    return dependency.partitioner();
  }

  @Override
  public String describe() {
    return name;
  }
}
