package io.dstream.internal.state;

import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.KeepingRddNode;
import io.dstream.internal.rdd.UserCodeException;
import io.dstream.rdd.Partitioner;
import java.util.List;

/**
 * One batch's state: computes each partition once, keeps it, and once every partition is kept lets go of
 * its inputs, becoming a dataset that holds its records itself (as a local checkpoint does).
 *
 * <p>Why it lets go: the state of each batch is built on the previous batch's, so a plain lineage would
 * chain every batch to all the batches before it (up to the next checkpoint), keeping their new data and
 * its shuffle outputs reachable; for a large state with much new data per batch that is several times the
 * state itself. Once a batch's state is computed nothing needs its inputs any more: the state is never
 * evicted, and the stream forgets it (making it garbage) only after the next batch's state no longer needs
 * it. So each batch's memory is its state, and the previous batch's state while the batch runs.
 *
 * <p>A partition is computed at most once even if two jobs ask for it at the same time (the user's function
 * is called once per key and batch); a failed computation keeps nothing, so a retry starts again from the
 * same inputs.
 *
 * @param <T> the record type
 */
public final class StateRddNode<T> extends KeepingRddNode<T> {
  private final String name;
  private volatile StateStep<T> step;

  private StateRddNode(Engine engine, String name, Partitioner partitioner, StateStep<T> step) {
    super(engine, partitioner.numPartitions(), partitioner);
    this.name = name;
    this.step = step;
  }

  /**
   * Returns a node that computes the state with a step when a job first needs it.
   *
   * @param engine the engine
   * @param name the operation's name, for lineage dumps
   * @param partitioner the state's partitioner; the node has its partitions
   * @param step computes each partition from the inputs
   * @param <T> the record type
   * @return the node
   */
  public static <T> StateRddNode<T> computing(Engine engine, String name, Partitioner partitioner,
      StateStep<T> step) {
    return new StateRddNode<>(engine, name, partitioner, step);
  }

  /**
   * Returns a node that holds given records already (a restored snapshot).
   *
   * @param engine the engine
   * @param name the operation's name, for lineage dumps
   * @param partitioner the partitioner that placed the records
   * @param partitions the records of each partition, one list per partition of {@code partitioner}
   * @param <T> the record type
   * @return the node
   * @throws IllegalArgumentException if the number of lists is not the partitioner's number of partitions
   */
  public static <T> StateRddNode<T> holding(Engine engine, String name, Partitioner partitioner,
      List<List<T>> partitions) {
    if (partitions.size() != partitioner.numPartitions()) {
      throw new IllegalArgumentException(partitions.size() + " partitions given for " + partitioner);
    }
    StateRddNode<T> node = new StateRddNode<>(engine, name, partitioner, null);
    for (int i = 0; i < partitions.size(); i++) {
      node.keep(i, partitions.get(i));
    }
    return node;
  }

  /**
   * Returns a partition's records as the step returned them (computing them first if need be), so that the next
   * batch's step can reuse their structure rather than read them one by one.
   *
   * @param partition the partition index
   * @return the records, which the caller must not change
   */
  public List<T> partitionAsKept(int partition) {
    return keptRecords(partition);
  }

  @Override
  public List<Dependency> dependencies() {
    StateStep<T> current = step;
    return current == null ? List.of() : current.dependencies();
  }

  @Override
  protected List<T> computeOnce(int partition) {
    StateStep<T> current = step;
    if (current == null) {
      throw new IllegalStateException(this + " has released its inputs but not kept partition " + partition);
    }
    try {
      return current.compute(partition);
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
  }

  @Override
  protected void releaseInputs() {
    step = null;
  }

  @Override
  public String describe() {
    return name;
  }
}
