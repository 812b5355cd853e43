package io.dstream.internal.rdd;

import java.util.ArrayList;
import java.util.List;

/**
 * A dataset that computes each partition of another once, keeps it, and once every partition is kept lets
 * go of that other dataset: a local checkpoint, with no lineage left behind it.
 *
 * <p>Streams that build every batch on the previous batch's result (an incremental window) would otherwise
 * grow a lineage one step longer every batch: each step keeps its parents, and their shuffle outputs,
 * reachable, and a job over it walks the whole chain. Checkpointing the result every checkpoint interval
 * cuts that chain. The records are computed by the batch's own jobs, as any partition is (so the cost shows
 * in the batch's processing time), and kept only as long as the node is reachable; they cannot be computed
 * again once the source is let go, so the node keeps them itself rather than in the block store, and
 * persisting it stores nothing more.
 *
 * @param <T> the record type
 */
public final class LocalCheckpointRddNode<T> extends KeepingRddNode<T> {
  private volatile RddNode<T> source;

  private LocalCheckpointRddNode(RddNode<T> source) {
    super(source.engine(), source.numPartitions(), source.partitioner());
    this.source = source;
  }

  /**
   * Returns a local checkpoint of a node: its partitions are computed when a job first needs them (through
   * the node's own cache if it is persisted), then kept.
   *
   * @param node the node to checkpoint
   * @param <T> the record type
   * @return the checkpoint, with the node's partitioning
   */
  public static <T> LocalCheckpointRddNode<T> of(RddNode<T> node) {
    return node instanceof LocalCheckpointRddNode<T> done ? done : new LocalCheckpointRddNode<>(node);
  }

  /**
   * Returns a local checkpoint of a node with every partition computed now, in one job.
   *
   * @param node the node to checkpoint
   * @param <T> the record type
   * @return the checkpoint, {@link #isMaterialized() materialized}
   * @throws io.dstream.rdd.JobFailedException if computing a partition fails; its cause is the user's
   *     exception
   * @throws IllegalStateException if the engine was stopped
   */
  public static <T> LocalCheckpointRddNode<T> materialize(RddNode<T> node) {
    LocalCheckpointRddNode<T> checkpoint = of(node);
    complete(checkpoint);
    return checkpoint;
  }

  /**
   * Computes the partitions of a local checkpoint that no job computed yet (a job that read only some, or
   * failed, leaves the checkpoint holding on to its lineage, which then grows with every later batch built on
   * it). Does nothing for another node or a complete checkpoint.
   *
   * @param node any node
   * @throws io.dstream.rdd.JobFailedException if computing a partition fails; its cause is the user's
   *     exception
   * @throws IllegalStateException if the engine was stopped
   */
  public static void complete(RddNode<?> node) {
    if (node instanceof LocalCheckpointRddNode<?> checkpoint) {
      checkpoint.keepEveryPartition();
    }
  }

  @Override
  public List<Dependency> dependencies() {
    RddNode<T> current = source;
    return current == null ? List.of() : List.of(new NarrowDependency(current));
  }

  @Override
  protected List<T> computeOnce(int partition) {
    RddNode<T> current = source;
    if (current == null) {
      throw new IllegalStateException(this + " has let go of its source but not kept partition " + partition);
    }
    List<T> records = new ArrayList<>();
    current.iterator(partition).forEachRemaining(records::add);
    return records;
  }

  @Override
  protected void releaseInputs() {
    source = null;
  }
}
