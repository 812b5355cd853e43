package io.dstream.internal.scaleout;

import io.dstream.Time;
import io.dstream.internal.rdd.Dependency;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.state.StateChanges;
import io.dstream.internal.state.StateSnapshot;
import io.dstream.internal.state.StateStep;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A batch's state step that also writes, for each partition the instance owns, how the partition's state
 * changed to the state's changelog ({@link PartitionScope}): the partition's records are computed, compared
 * with the previous state's, and the difference written before the records are kept.
 *
 * @param <T> the record type of the state
 */
public final class ChangeloggedStep<T> implements StateStep<T> {
  private static final StateSnapshot.Partition EMPTY =
      new StateSnapshot.Partition(new Object[0], new Object[0], new long[0]);

  private final StateStep<T> step;
  private final RddNode<T> previous;
  private final Set<Integer> owned;
  private final StateChangelog changelog;
  private final Time batch;
  private final Function<Iterator<T>, StateSnapshot.Partition> snapshotOf;

  /**
   * Creates the step.
   *
   * @param step computes the batch's state
   * @param previous the previous state the step reads, or null if there is none
   * @param owned the partitions the instance owns at the batch: only their changes are written
   * @param changelog where the changes go
   * @param batch the batch time
   * @param snapshotOf turns one partition's records into its keys and states
   */
  public ChangeloggedStep(StateStep<T> step, RddNode<T> previous, Set<Integer> owned, StateChangelog changelog,
      Time batch, Function<Iterator<T>, StateSnapshot.Partition> snapshotOf) {
    this.step = step;
    this.previous = previous;
    this.owned = Set.copyOf(owned);
    this.changelog = changelog;
    this.batch = batch;
    this.snapshotOf = snapshotOf;
  }

  @Override
  public List<Dependency> dependencies() {
    return step.dependencies();
  }

  @Override
  public List<T> compute(int partition) throws Exception {
    List<T> records = step.compute(partition);
    StateChanges recorded = step.changes(partition);
    if (owned.contains(partition)) {
      StateChanges changes = recorded != null ? recorded : StateChanges.between(
          previous == null ? EMPTY : snapshotOf.apply(previous.iterator(partition)),
          snapshotOf.apply(records.iterator()));
      if (!changes.isEmpty()) {
        changelog.write(batch, partition, changes);
      }
    }
    return records;
  }
}
