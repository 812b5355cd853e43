package io.dstream.internal.stream;

import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.state.KeyedUpdate;
import io.dstream.internal.state.StateInputs;
import io.dstream.internal.state.StateSnapshot;
import io.dstream.internal.state.StateStep;
import io.dstream.internal.state.UpdateStateStep;
import io.dstream.rdd.Partitioner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A state kept by key: every batch, the state of each key (a record {@code (key, state)}) is an update
 * applied to the key's new values and its previous state, for every key that has either. The update is the
 * user's function for {@code updateStateByKey}, or the engine's rules for a state of its own (a scale-out
 * window's, see {@link KeyedWindowStreamNode}). The state stays partitioned by one partitioner, so each batch
 * shuffles only its new records and reads the previous state narrowly (see {@link UpdateStateStep});
 * checkpoints and snapshots are {@link StatefulStreamNode}'s.
 *
 * <p>Recovery compares no {@link #parameters()} of it: the update function is code, the initial state is
 * data, and the partitioner is tuning (a restored snapshot is placed with the current one).
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 */
public final class StateByKeyStreamNode<K, V, S> extends StatefulStreamNode<K, V, Tuple2<K, S>> {
  private final String operation;
  private final KeyedUpdate<K, V, S> update;
  private final RddNode<Tuple2<K, S>> initialState;

  /**
   * Creates the stream.
   *
   * @param parent the stream of new records
   * @param environment the context's engine, checkpoint directory and serializer
   * @param definedAt where the user defined it, for messages
   * @param operation the operation's name, such as {@code updateStateByKey}
   * @param update what each key's state becomes in a batch
   * @param partitioner the state's partitioner, or null for a state that is only ever defined in a scale-out
   *     application, whose partitions are its topic's
   * @param initialState the state before the first batch, or null for none
   * @throws IllegalStateException if the context has already started
   */
  public StateByKeyStreamNode(StreamNode<Tuple2<K, V>> parent, StateEnvironment environment, String definedAt,
      String operation, KeyedUpdate<K, V, S> update, Partitioner partitioner, RddNode<Tuple2<K, S>> initialState) {
    super(parent, environment, definedAt, partitioner);
    this.operation = operation;
    this.update = update;
    this.initialState = initialState;
  }

  @Override
  protected StateStep<Tuple2<K, S>> stateStep(Time time, RddNode<Tuple2<K, S>> previous,
      RddNode<Tuple2<K, V>> newData) {
    return new UpdateStateStep<>(new StateInputs<>(previous, newData, partitioner()), time, update, operation,
        writesChangelog());
  }

  @Override
  protected RddNode<Tuple2<K, S>> initialState(Time firstBatch) {
    return initialState == null ? null : PairOperations.partitionBy(initialState, partitioner());
  }

  @Override
  protected boolean hasInitialState() {
    return initialState != null;
  }

  @Override
  protected StateSnapshot.Partition snapshotOf(Iterator<Tuple2<K, S>> records) {
    List<Object> keys = new ArrayList<>();
    List<Object> states = new ArrayList<>();
    records.forEachRemaining(record -> {
      keys.add(record._1());
      states.add(record._2());
    });
    return new StateSnapshot.Partition(keys.toArray(), states.toArray(), new long[0]);
  }

  @Override
  @SuppressWarnings("unchecked")
  protected List<Tuple2<K, S>> recordsOf(StateSnapshot.Partition partition) {
    List<Tuple2<K, S>> records = new ArrayList<>(partition.keys().length);
    for (int i = 0; i < partition.keys().length; i++) {
      records.add(new Tuple2<>((K) partition.keys()[i], (S) partition.states()[i]));
    }
    return records;
  }

  @Override
  protected long keysIn(RddNode<Tuple2<K, S>> state) {
    return state.knownCount();
  }

  @Override
  public String operationName() {
    return operation;
  }
}
