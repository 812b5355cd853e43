package io.dstream.internal.scaleout;

import io.dstream.Time;
import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.state.StateChanges;
import io.dstream.internal.state.StateStep;
import java.util.List;
import java.util.Set;

/**
 * A batch's state step that also writes, for each partition the instance owns, how the partition's state
 * changed to the state's changelog ({@link PartitionScope}): the changes the step recorded while it computed the
 * partition are written before its records are kept.
 *
 * @param <T> the record type of the state
 */
public final class ChangeloggedStep<T> implements StateStep<T> {
  private final StateStep<T> step;
  private final Set<Integer> owned;
  private final StateChangelog changelog;
  private final Time batch;

  /**
   * Creates the step.
   *
   * @param step computes the batch's state and records its changes ({@link StateStep#changes})
   * @param owned the partitions the instance owns at the batch: only their changes are written
   * @param changelog where the changes go
   * @param batch the batch time
   */
  public ChangeloggedStep(StateStep<T> step, Set<Integer> owned, StateChangelog changelog, Time batch) {
    this.step = step;
    this.owned = Set.copyOf(owned);
    this.changelog = changelog;
    this.batch = batch;
  }

  @Override
  public List<Dependency> dependencies() {
    return step.dependencies();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the step recorded no changes of the partition
   */
  @Override
  public List<T> compute(int partition) throws Exception {
    List<T> records = step.compute(partition);
    StateChanges changes = step.changes(partition);
    if (changes == null) {
      throw new IllegalStateException(step + " recorded no changes of partition " + partition + ", which a "
          + "scale-out application's changelog needs; it must be created to record them");
    }
    if (owned.contains(partition) && !changes.isEmpty()) {
      changelog.write(batch, partition, changes);
    }
    return records;
  }
}
