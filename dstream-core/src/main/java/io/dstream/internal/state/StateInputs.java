package io.dstream.internal.state;

import io.dstream.Tuple2;
import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.NarrowDependency;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.ShuffleDependency;
import io.dstream.rdd.Partitioner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The two inputs of a batch's state, read partition by partition: the previous state, already partitioned
 * by the state's partitioner and so read narrowly (no shuffle), and the batch's new key-value records,
 * shuffled to the same partitioner unless they are partitioned by it already. Each batch therefore
 * shuffles only its new data.
 *
 * @param <P> the record type of the previous state
 * @param <K> the key type
 * @param <V> the value type of the new data
 */
public final class StateInputs<P, K, V> {
  private final RddNode<P> previous;
  private final RddNode<Tuple2<K, V>> newData;
  private final ShuffleDependency<K, V, V> shuffle;
  private final List<Dependency> dependencies;

  /**
   * Creates the inputs.
   *
   * @param previous the previous state partitioned by {@code partitioner}, or null if there is none
   * @param newData the batch's records, or null if the batch has none
   * @param partitioner the state's partitioner
   * @throws IllegalStateException if the previous state is not partitioned by {@code partitioner}
   */
  public StateInputs(RddNode<P> previous, RddNode<Tuple2<K, V>> newData, Partitioner partitioner) {
    if (previous != null && !partitioner.equals(previous.partitioner())) {
      throw new IllegalStateException("the previous state " + previous + " is partitioned by "
          + previous.partitioner() + ", not by the state's partitioner " + partitioner);
    }
    this.previous = previous;
    boolean partitionedAlready = newData != null && partitioner.equals(newData.partitioner());
    this.newData = partitionedAlready ? newData : null;
    this.shuffle = newData != null && !partitionedAlready
        ? new ShuffleDependency<>(newData, partitioner, null, false) : null;
    List<Dependency> deps = new ArrayList<>(2);
    if (previous != null) {
      deps.add(new NarrowDependency(previous));
    }
    if (this.newData != null) {
      deps.add(new NarrowDependency(this.newData));
    }
    if (shuffle != null) {
      deps.add(shuffle);
    }
    this.dependencies = Collections.unmodifiableList(deps);
  }

  /**
   * Returns the dependencies on the inputs.
   *
   * @return a narrow dependency on the previous state, and a narrow or shuffle one on the new data
   */
  public List<Dependency> dependencies() {
    return dependencies;
  }

  /**
   * Reads one partition of the previous state.
   *
   * @param partition the partition index
   * @return its records, none if there is no previous state
   */
  public Iterator<P> previous(int partition) {
    return previous == null ? Collections.emptyIterator() : previous.iterator(partition);
  }

  /**
   * Reads one partition of the previous state as the previous batch's step kept it, if the previous state is a
   * batch's state (so that a step can reuse the structure its predecessor built).
   *
   * @param partition the partition index
   * @return the records, which the caller must not change; null if there is no previous state or it is an
   *     initial state: then read it with {@link #previous}
   */
  public List<P> previousAsKept(int partition) {
    return previous instanceof StateRddNode<P> state ? state.partitionAsKept(partition) : null;
  }

  /**
   * Counts the new records of one partition if that costs no reading (they come from a shuffle).
   *
   * @param partition the partition index
   * @return the number of records, or -1 if it is not known before reading them
   */
  public int newDataCount(int partition) {
    return shuffle != null ? shuffle.recordCount(partition) : newData == null ? 0 : -1;
  }

  /**
   * Reads the new records of one partition.
   *
   * @param partition the partition index
   * @return the records whose keys the partitioner sends to that partition
   */
  public Iterator<Tuple2<K, V>> newData(int partition) {
    if (shuffle != null) {
      return shuffle.read(partition);
    }
    return newData == null ? Collections.emptyIterator() : newData.iterator(partition);
  }
}
