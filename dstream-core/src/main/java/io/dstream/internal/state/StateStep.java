package io.dstream.internal.state;

import io.dstream.internal.rdd.Dependency;
import java.util.List;

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
   * Returns how a partition computed already changed from the previous state, if the step recorded it (then
   * nothing needs to compare the two states); each partition's changes are returned once.
   *
   * @param partition the partition index
   * @return the changes, or null if the step does not record them
   */
  default StateChanges changes(int partition) {
    return null;
  }

}
