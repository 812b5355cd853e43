package io.dstream.internal.rdd;

import io.dstream.rdd.Partitioner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A dataset that was computed once and now holds its records itself, with no lineage: a local checkpoint.
 *
 * <p>Streams that build every batch on the previous batch's result (an incremental window, state) would
 * otherwise grow a lineage one step longer every batch: each step keeps its parents, and their shuffle
 * outputs, reachable, and a job over it walks the whole chain. Materializing the result every checkpoint
 * interval cuts that chain. The records stay in memory only as long as the node is reachable; they cannot
 * be recomputed, so the node reports itself as {@link #isMaterialized() materialized} and persisting it
 * copies nothing.
 *
 * @param <T> the record type
 */
public final class LocalCheckpointNode<T> extends RddNode<T> {
  private final List<List<T>> partitions;
  private final Partitioner partitioner;

  private LocalCheckpointNode(Engine engine, List<List<T>> partitions, Partitioner partitioner) {
    super(engine);
    this.partitions = List.copyOf(partitions);
    this.partitioner = partitioner;
  }

  /**
   * Computes every partition of a node now (one job; partitions already persisted are read from memory) and
   * returns a node that holds the records, with the same partitioning and no dependencies.
   *
   * @param node the node to materialize
   * @param <T> the record type
   * @return the materialized node
   * @throws io.dstream.rdd.JobFailedException if computing a partition fails; its cause is the user's
   *     exception
   * @throws IllegalStateException if the engine was stopped
   */
  public static <T> LocalCheckpointNode<T> materialize(RddNode<T> node) {
    if (node instanceof LocalCheckpointNode<T> done) {
      return done;
    }
    List<List<T>> partitions = node.engine().jobRunner().runJob(node, (partition, records) -> {
      List<T> copy = new ArrayList<>();
      records.forEachRemaining(copy::add);
      return copy;
    });
    return new LocalCheckpointNode<>(node.engine(), partitions, node.partitioner());
  }

  @Override
  public int numPartitions() {
    return partitions.size();
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of();
  }

  @Override
  protected Iterator<T> compute(int partition) {
    return partitions.get(partition).iterator();
  }

  @Override
  public Partitioner partitioner() {
    return partitioner;
  }

  @Override
  public long knownCount() {
    long count = 0;
    for (List<T> partition : partitions) {
      count += partition.size();
    }
    return count;
  }

  @Override
  public boolean isMaterialized() {
    return true;
  }
}
