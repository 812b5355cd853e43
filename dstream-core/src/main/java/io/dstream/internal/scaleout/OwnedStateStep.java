package io.dstream.internal.scaleout;

import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.NarrowDependency;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.state.StateSnapshot;
import io.dstream.internal.state.StateStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The previous state of a batch at which the partitions an instance owns changed ({@link PartitionScope}): a
 * partition no longer owned is empty, a partition gained is restored from its changelog, and every other
 * partition is the previous state's. Restoring runs in the tasks, so partitions restore in parallel.
 *
 * @param <T> the record type of the state
 */
public final class OwnedStateStep<T> implements StateStep<T> {
  private final RddNode<T> previous;
  private final PartitionScope.Ownership ownership;
  private final StateChangelog changelog;
  private final Function<StateSnapshot.Partition, List<T>> recordsOf;

  /**
   * Creates the step.
   *
   * @param previous the previous state, or null if there is none
   * @param ownership the partitions owned at the batch, and those gained
   * @param changelog where a gained partition's state is read from
   * @param recordsOf turns one partition's keys and states into its records
   */
  public OwnedStateStep(RddNode<T> previous, PartitionScope.Ownership ownership, StateChangelog changelog,
      Function<StateSnapshot.Partition, List<T>> recordsOf) {
    this.previous = previous;
    this.ownership = ownership;
    this.changelog = changelog;
    this.recordsOf = recordsOf;
  }

  @Override
  public List<Dependency> dependencies() {
    return previous == null ? List.of() : List.of(new NarrowDependency(previous));
  }

  @Override
  public List<T> compute(int partition) throws Exception {
    if (!ownership.owned().contains(partition)) {
      return new ArrayList<>();
    }
    if (ownership.gained().contains(partition)) {
      return recordsOf.apply(changelog.restore(partition));
    }
    List<T> records = new ArrayList<>();
    if (previous != null) {
      previous.iterator(partition).forEachRemaining(records::add);
    }
    return records;
  }
}
