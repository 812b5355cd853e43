package io.dstream.internal.state;

import io.dstream.internal.rdd.Dependency;
import java.util.List;
import java.util.Set;

/**
 * How a {@link StateRddNode} computes each partition of a batch's state from its inputs (the previous state
 * and the batch's new data).
 *
 * @param <T> the record type of the state RDD
 */
public interface StateStep<T> {
  /**
   * Returns the inputs the step reads, for the job runner.
   *
   * @return the dependencies
   */
  List<Dependency> dependencies();

  /**
   * Computes one partition of the new state.
   *
   * @param partition the partition index
   * @return the partition's records, a list the caller keeps
   * @throws Exception whatever the user's function throws
   */
  List<T> compute(int partition) throws Exception;

  /**
   * Returns the keys that brought new values in a partition already computed, if the step recorded them: a state
   * compared with the previous batch's to find what changed is then known to be unchanged where it is the same
   * object and its key brought nothing.
   *
   * @param partition the partition index
   * @return the keys, or null if the step does not record them
   */
  default Set<?> keysWithNewValues(int partition) {
    return null;
  }
}
