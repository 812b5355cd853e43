package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.scaleout.ChangeloggedStep;
import io.dstream.internal.scaleout.OwnedStateStep;
import io.dstream.internal.scaleout.PartitionScope;
import io.dstream.internal.scaleout.StateChangelog;
import io.dstream.internal.state.StateRddNode;
import io.dstream.internal.state.StateSnapshot;
import io.dstream.internal.state.StateStep;
import io.dstream.rdd.Partitioner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream whose every batch is a state built from the previous batch's state and the batch's new
 * key-value records ({@code updateStateByKey}, {@code mapWithState}). A subclass supplies how a batch's
 * state is computed, the initial state, and how state turns into a snapshot and back; this class supplies
 * the rest, once:
 *
 * <ul>
 *   <li>the chain from batch to batch: the previous state is the RDD of one slide earlier, or the initial
 *       state at the first batch, or a restored snapshot;
 *   <li>the checkpoint directory it needs ({@link #checkCanStart()} refuses to start without one);
 *   <li>checkpoints every checkpoint interval (by default the smallest multiple of the slide of at least
 *       10 s): once the batch's jobs have all ended, a snapshot of the state is written to the checkpoint
 *       directory, on the job thread that ended the batch, before the batch's metadata checkpoint is taken:
 *       writing adds nothing to the batch's processing time, never holds up the generation of batches, and
 *       delays the next batch's jobs only if it takes longer than what is left of the batch interval;
 *   <li>{@link #restoreSnapshot(Time) restoring} a snapshot written by an earlier run.
 * </ul>
 *
 * <p>In a scale-out application ({@code dstream.application.id}) the state lives with the Kafka partitions its
 * keys arrive on instead ({@link PartitionScope}, which the parent must carry: records sent through a topic):
 * partition {@code p} of the state is partition {@code p} of the topic, the instance keeps the partitions it
 * owns, restores a partition it gains from the state's changelog, drops one it loses, and writes each batch's
 * changes to the changelog before the batch is committed. No checkpoint directory is used.
 *
 * <p>The lineage needs no cutting at checkpoint times: every state RDD keeps its records and drops its
 * inputs as soon as it is computed (see {@link io.dstream.internal.state.StateRddNode}), which is a local
 * checkpoint of every batch, done by the batch's own job rather than on the job generator's thread. Only
 * the state of the latest batch is remembered (and, while a batch runs, the previous one), so a forgotten
 * state is garbage at once.
 *
 * @param <K> the key type
 * @param <V> the value type of the new records
 * @param <T> the record type of the state RDDs
 */
public abstract class StatefulStreamNode<K, V, T> extends StreamNode<T> implements SnapshottingStream {
  private static final Logger LOG = LoggerFactory.getLogger(StatefulStreamNode.class);

  private final StreamNode<Tuple2<K, V>> parent;
  private final StateEnvironment environment;
  private final String definedAt;
  private final Partitioner configuredPartitioner;
  // Set at start in a scale-out application: the topic partitions the state lives in, and its changelog.
  private volatile PartitionScope scope;
  private volatile StateChangelog changelog;
  // The stream whose stable key names the state's changelog: this one, unless the state serves another stream.
  private volatile StreamNode<?> namedBy = this;
  private Set<Integer> ownedAtLastBatch = Set.of();
  private final SnapshotStore<StateSnapshot> snapshots;
  private Time restoredTime;
  private RddNode<T> restoredRdd;
  private Time lastSnapshotAttempt;
  private volatile Time latestSnapshot;
  private Time latestCountableTime;
  private volatile RddNode<T> latestCountable;

  /**
   * Creates the stream.
   *
   * @param parent the stream of new key-value records
   * @param environment the engine, checkpoint directory and serializer of the context
   * @param definedAt where the user defined the stream, such as {@code updateStateByKey at App.java:42}
   * @param partitioner the state's partitioner, unless the state lives in a scale-out application's partitions
   * @throws IllegalStateException if the context has already started
   */
  protected StatefulStreamNode(StreamNode<Tuple2<K, V>> parent, StateEnvironment environment, String definedAt,
      Partitioner partitioner) {
    super(parent.graph());
    this.parent = parent;
    this.environment = environment;
    this.definedAt = definedAt;
    this.configuredPartitioner = partitioner;
    this.snapshots = new SnapshotStore<>(environment, this, StateSnapshot.class, "state snapshot");
  }

  /**
   * Returns how a batch's state is computed from the previous state and the batch's new records.
   *
   * @param time the batch time
   * @param previous the previous state (partitioned by {@link #partitioner()}), or null if there is none
   * @param newData the batch's new records, or null if the parent has no RDD for the batch
   * @return the step that computes each partition of the new state
   */
  protected abstract StateStep<T> stateStep(Time time, RddNode<T> previous, RddNode<Tuple2<K, V>> newData);

  /**
   * Returns the state before the first batch.
   *
   * @param firstBatch the time of the first batch
   * @return the initial state partitioned by the state's partitioner, or null to start empty
   */
  protected abstract RddNode<T> initialState(Time firstBatch);

  /**
   * Tells whether the user gave an initial state.
   *
   * @return true if there is one
   */
  protected abstract boolean hasInitialState();

  /**
   * Turns one partition of a state RDD into its keys and states, for a snapshot.
   *
   * @param records the partition's records
   * @return the partition's keys and states
   */
  protected abstract StateSnapshot.Partition snapshotOf(Iterator<T> records);

  /**
   * Turns keys and states, all of one partition, back into the partition's records: the inverse of
   * {@link #snapshotOf}.
   *
   * @param partition the keys and states
   * @return the records, a list the caller keeps
   */
  protected abstract List<T> recordsOf(StateSnapshot.Partition partition);

  /**
   * Counts the keys of a state whose every partition is computed.
   *
   * @param state the state RDD, materialized
   * @return the number of keys it holds
   */
  protected abstract long keysIn(RddNode<T> state);

  /**
   * Returns the state's partitioner: the scale-out application's partitions, or the one the user chose.
   *
   * @return the partitioner
   */
  protected final Partitioner partitioner() {
    PartitionScope current = scope;
    return current != null ? current.partitioner() : configuredPartitioner;
  }

  /**
   * Tells whether each batch's changes go to a changelog (a scale-out application's state): the steps of
   * {@link #stateStep} must then record them ({@link StateStep#changes}).
   *
   * @return true once started in a scale-out application
   */
  protected final boolean writesChangelog() {
    return scope != null;
  }

  /**
   * Turns a snapshot back into a state RDD, placing each key with the current partitioner (which may differ
   * from the one the snapshot was written with).
   */
  private RddNode<T> restore(StateSnapshot snapshot) {
    Partitioner partitioner = partitioner();
    int count = partitioner.numPartitions();
    List<List<Object>> keys = new ArrayList<>(count);
    List<List<Object>> states = new ArrayList<>(count);
    List<List<Long>> times = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add(new ArrayList<>());
      states.add(new ArrayList<>());
      times.add(new ArrayList<>());
    }
    for (StateSnapshot.Partition part : snapshot.partitions()) {
      for (int i = 0; i < part.keys().length; i++) {
        int target = partitioner.getPartition(part.keys()[i]);
        keys.get(target).add(part.keys()[i]);
        states.get(target).add(part.states()[i]);
        if (part.updateTimes().length > 0) {
          times.get(target).add(part.updateTimes()[i]);
        }
      }
    }
    List<List<T>> partitions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      partitions.add(recordsOf(new StateSnapshot.Partition(keys.get(i).toArray(), states.get(i).toArray(),
          times.get(i).stream().mapToLong(Long::longValue).toArray())));
    }
    return StateRddNode.holding(environment.engine(), operationName(), partitioner, partitions);
  }

  /**
   * Returns the context's engine, checkpoint directory and serializer.
   *
   * @return the environment
   */
  protected final StateEnvironment environment() {
    return environment;
  }

  @Override
  public final Duration slideDuration() {
    return parent.slideDuration();
  }

  @Override
  public final List<StreamNode<?>> dependencies() {
    return List.of(parent);
  }

  @Override
  protected final boolean mustCheckpoint() {
    return true;
  }

  /** Returns the RDD as it is: state RDDs drop their lineage by themselves once computed. */
  @Override
  protected final RddNode<T> checkpointLocally(RddNode<T> rdd) {
    return rdd;
  }

  @Override
  protected final void checkCanStart() {
    Optional<String> application = graph().scaleOutApplication();
    if (application.isPresent()) {
      useScaleOutPartitions(application.get());
      return;
    }
    if (environment.checkpointDirectory().get().isEmpty()) {
      throw new IllegalStateException(definedAt + " (" + this + ") keeps state across batches, and a stateful "
          + "stream needs a checkpoint directory to write that state to; call ssc.checkpoint(directory) before "
          + "start()");
    }
  }

  /**
   * Makes the state live in the partitions of the scope its parent carries.
   *
   * @throws IllegalStateException if the parent carries none (its keys did not come through a topic), or an
   *     initial state was given
   */
  private void useScaleOutPartitions(String application) {
    Optional<PartitionScope> carried = parent.partitionScope();
    if (carried.isEmpty()) {
      throw new IllegalStateException(definedAt + " (" + this + ") keeps state per key, but in the scale-out "
          + "application '" + application + "' each instance sees only some of the keys unless the records "
          + "reach this stream through a Kafka topic keyed by its key: send the pairs through one first, for "
          + "example KafkaUtils.through(pairs, \"" + application + "-" + operationName() + "-by-key\", kafkaParams)"
          + "." + operationName() + "(...), with nothing in between that changes the key");
    }
    if (hasInitialState()) {
      throw new IllegalStateException(definedAt + " (" + this + ") has an initial state RDD, which a scale-out "
          + "application cannot split among its instances; drop the initial state, or feed it through the "
          + "input topic");
    }
    scope = carried.get();
    changelog = scope.changelog(namedBy.stableKey());
  }

  /**
   * Makes the state's changelog named after another stream's stable key: the stream the user sees (and may
   * name) when this state is the inner part of it.
   *
   * @param stream the stream the state serves
   */
  final void nameChangelogAfter(StreamNode<?> stream) {
    namedBy = stream;
  }

  @Override
  protected final RddNode<T> compute(Time time) throws Exception {
    // Under this node's monitor (see StreamNode), like restoreSnapshot's writes of the restored state.
    if (restoredTime != null && !time.greater(restoredTime)) {
      // The state before a restored snapshot is unknown.
      return time.equals(restoredTime) ? restoredRdd : null;
    }
    RddNode<Tuple2<K, V>> newData = parent.getOrCompute(time);
    RddNode<T> previous = previousState(time);
    PartitionScope current = scope;
    if (current == null) {
      return StateRddNode.computing(environment.engine(), operationName(), partitioner(),
          stateStep(time, previous, newData));
    }
    PartitionScope.Ownership ownership = current.ownership(time);
    if (!ownership.gained().isEmpty() || !ownership.owned().equals(ownedAtLastBatch)) {
      previous = StateRddNode.computing(environment.engine(), operationName() + " (owned partitions)",
          partitioner(), new OwnedStateStep<>(previous, ownership, changelog, this::recordsOf));
      if (!ownership.gained().isEmpty()) {
        // Restored now, on the worker threads, before the batch's jobs run: a restore may wait for the previous
        // owner's last transaction to end, and must not do so while this batch's transaction is open.
        previous.engine().jobRunner().runJob(previous, (partition, records) -> records.hasNext());
      }
    }
    ownedAtLastBatch = ownership.owned();
    return StateRddNode.computing(environment.engine(), operationName(), partitioner(),
        new ChangeloggedStep<>(stateStep(time, previous, newData), ownership.owned(), changelog, time));
  }

  /**
   * In a scale-out application, computes the batch's state if no job did, so that its changes reach the
   * changelog before the batch is committed.
   */
  @Override
  protected final void beforeCommit(Time time) throws Exception {
    if (scope == null) {
      return;
    }
    RddNode<T> state = getOrCompute(time);
    if (state != null) {
      state.engine().jobRunner().runJob(state, (partition, records) -> records.hasNext());
    }
  }

  private RddNode<T> previousState(Time time) throws Exception {
    Time previousTime = time.minus(slideDuration());
    if (previousTime.equals(restoredTime)) {
      return restoredRdd;
    }
    if (!previousTime.greater(graph().zeroTime())) {
      return initialState(time);
    }
    return getOrCompute(previousTime);
  }

  /**
   * After a checkpoint time's batch, writes the snapshot of its state. A failed write (or a state that cannot
   * be computed, because the batch failed) is logged and leaves the previous snapshot the latest; the next
   * checkpoint time tries again.
   */
  @Override
  protected final void onBatchCompleted(Time time) {
    releaseRestoredState();
    noteCountableState(time);
    if (!isCheckpointTime(time) || scope != null) {
      return;
    }
    synchronized (this) {
      if (time.equals(lastSnapshotAttempt)) {
        return;
      }
      lastSnapshotAttempt = time;
    }
    try {
      // Normally the batch's jobs computed the state already; if none read it (or the batch failed), this
      // computes it now.
      RddNode<T> state = getOrCompute(time);
      if (state == null) {
        return;
      }
      List<StateSnapshot.Partition> partitions =
          state.engine().jobRunner().runJob(state, (partition, records) -> snapshotOf(records));
      snapshots.write(time, new StateSnapshot(partitions));
      snapshotWritten(time);
      LOG.debug("Wrote the state snapshot of {} for {}", this, time);
    } catch (Exception e) {
      LOG.error("Could not write the state snapshot of {} ({}) for {} to {}: {}; the latest snapshot stays {}, "
          + "and the next checkpoint interval tries again", this, definedAt, time, snapshots, e.toString(),
          latestSnapshotTime().map(Time::toString).orElse("none"), e);
    }
  }

  /**
   * Forgets the restored state once the state of the next batch has been generated: that state holds it as
   * its input for as long as it needs it, so the restored state is not kept for the life of the stream.
   */
  private synchronized void releaseRestoredState() {
    if (restoredRdd != null && generatedRdd(restoredTime.plus(slideDuration())) != null) {
      restoredRdd = null;
    }
  }

  /** Keeps the newest completed batch's state, if its jobs computed all of it, for {@link #keysHeld()}. */
  private synchronized void noteCountableState(Time time) {
    RddNode<T> state = generatedRdd(time);
    if (state != null && state.isMaterialized()
        && (latestCountableTime == null || time.greater(latestCountableTime))) {
      latestCountableTime = time;
      latestCountable = state;
    }
  }

  /**
   * Returns how many keys the state holds: that of the newest completed batch whose jobs computed every
   * partition of it. Safe from any thread (a completed state is never changed); for mapWithState it takes one
   * pass over the keys.
   *
   * @return the number of keys, or empty before a batch computed the whole state
   */
  public final OptionalLong keysHeld() {
    RddNode<T> state = latestCountable;
    return state == null ? OptionalLong.empty() : OptionalLong.of(keysIn(state));
  }

  /** With concurrent jobs, the snapshots of two batches may be written at once: the latest stays the latest. */
  private synchronized void snapshotWritten(Time time) {
    if (latestSnapshot == null || time.greater(latestSnapshot)) {
      latestSnapshot = time;
    }
  }

  @Override
  public final Optional<Time> latestSnapshotTime() {
    return Optional.ofNullable(latestSnapshot);
  }

  @Override
  public final void checkSnapshot(Time time) throws IOException {
    snapshots.check(time);
  }

  /**
   * Makes the snapshot of a time, written by an earlier run into the same checkpoint directory, this
   * stream's state at that time: the next batch continues from it, and times before it have no state.
   * Call it before the batch after {@code time} is generated.
   *
   * @param time the snapshot's time
   * @throws IOException if there is no snapshot of that time, or it cannot be read; the message names the
   *     file or directory
   * @throws IllegalStateException if no checkpoint directory is set
   */
  @Override
  public final void restoreSnapshot(Time time) throws IOException {
    RddNode<T> restored = restore(snapshots.read(time));
    synchronized (this) {
      restoredTime = time;
      restoredRdd = restored;
    }
    latestSnapshot = time;
    LOG.info("Restored the state of {} from its snapshot of {}", this, time);
  }
}
