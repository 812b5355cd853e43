package io.dstream;

import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.EngineKryoRegistrator;
import io.dstream.internal.rdd.PairOperations;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.scaleout.PartitionScope;
import io.dstream.internal.scaleout.StateChangelog;
import io.dstream.internal.state.StateChanges;
import io.dstream.internal.state.StateSnapshot;
import io.dstream.internal.stream.StreamNode;
import io.dstream.rdd.HashPartitioner;
import io.dstream.rdd.Partitioner;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PartitionScope} over four partitions (key {@code k} in partition {@code k % 4}) whose ownership per
 * batch a test scripts, with in-memory changelogs: what a scale-out instance's Kafka topics give the engine,
 * without Kafka, so that the engine's side is tested alone.
 *
 * <p>Only one context runs at a time in a JVM, so two instances of an application are two copies of its pipeline
 * in one context, each with its own scope; the scopes share their changelogs, which are named by the order in
 * which the states of a pipeline ask for them ({@code "0"}, {@code "1"}, ...), so that the copies' states meet
 * in the same changelogs as the instances' states meet in the same topics.
 */
final class ScriptedScope implements PartitionScope {
  static final Partitioner FOUR = new HashPartitioner(4);
  static final Set<Integer> ALL = Set.of(0, 1, 2, 3);

  final Map<Long, Ownership> ownership = new ConcurrentHashMap<>();
  private final Map<String, MemoryChangelog> changelogs;
  private final List<String> stateKeys = new ArrayList<>();

  ScriptedScope() {
    this(new ConcurrentHashMap<>());
  }

  /** Creates a scope whose changelogs are kept in a map that the scopes of other copies may share. */
  ScriptedScope(Map<String, MemoryChangelog> changelogs) {
    this.changelogs = changelogs;
  }

  /** Returns the changelogs, by the order in which the states asked for them. */
  Map<String, MemoryChangelog> changelogs() {
    return changelogs;
  }

  /** Returns the stable keys the states asked for their changelogs with, in the order they asked. */
  synchronized List<String> stateKeys() {
    return List.copyOf(stateKeys);
  }

  /** Returns the changelog of the only state of the pipeline. */
  MemoryChangelog changelog() {
    if (changelogs.size() != 1) {
      throw new IllegalStateException("the pipeline has " + changelogs.size() + " states, not one: "
          + changelogs.keySet());
    }
    return changelogs.values().iterator().next();
  }

  /** Returns a context that is an instance of the scale-out application {@code app}. */
  static TestStreamingContext scaleOutContext() {
    return TestStreamingContext.create(Durations.seconds(1), new StreamingConf().set("dstream.application.id", "app"));
  }

  /** Scripts the partitions owned at a batch, and those of them gained at it (restored from the changelog). */
  void own(long batch, Set<Integer> owned, Set<Integer> gained) {
    ownership.put(batch, new Ownership(owned, gained));
  }

  /** The pairs of each batch, placed by this scope's partitioner and carrying it, as a topic's would be. */
  PairDStream<Integer, Integer> scoped(TestStreamingContext t, List<List<Tuple2<Integer, Integer>>> batches) {
    PairDStream<Integer, Integer> input = t.pairInputStream(batches);
    StreamNode<Tuple2<Integer, Integer>> node = new PassThroughStreamNode<>(input.node) {
      @Override
      protected RddNode<Tuple2<Integer, Integer>> compute(Time time) throws Exception {
        RddNode<Tuple2<Integer, Integer>> batch = super.compute(time);
        return batch == null ? null : PairOperations.partitionBy(batch, FOUR);
      }

      @Override
      public Optional<PartitionScope> partitionScope() {
        return Optional.of(ScriptedScope.this);
      }

      @Override
      public String operationName() {
        return "scoped";
      }
    };
    return new PairDStream<>(t.context(), node);
  }

  @Override
  public Partitioner partitioner() {
    return FOUR;
  }

  @Override
  public Ownership ownership(Time batch) {
    return ownership.get(batch.milliseconds());
  }

  @Override
  public synchronized StateChangelog changelog(String stateKey) {
    if (!stateKeys.contains(stateKey)) {
      stateKeys.add(stateKey);
    }
    return changelogs.computeIfAbsent(String.valueOf(stateKeys.indexOf(stateKey)), key -> new MemoryChangelog());
  }

  @Override
  public String describe() {
    return "four scripted partitions";
  }

  /** Records each write as text, and restores the latest state of each key a test or a write stored. */
  static final class MemoryChangelog implements StateChangelog {
    private static final Serializer SERIALIZER = EngineKryoRegistrator.defaultSerializer();

    final List<String> writes = new ArrayList<>();
    final List<Integer> restored = new ArrayList<>();
    final Map<Integer, Map<Object, Object>> stored = new HashMap<>();

    /** The keys and states as a new owner reads them: deserialized, so that nothing is shared with the writer. */
    @Override
    public synchronized StateSnapshot.Partition restore(int partition) throws CorruptDataException {
      restored.add(partition);
      Map<Object, Object> state = new TreeMap<>(stored.getOrDefault(partition, Map.of()));
      StateSnapshot.Partition read = new StateSnapshot.Partition(state.keySet().toArray(), state.values().toArray(),
          new long[0]);
      return SERIALIZER.deserialize(SERIALIZER.serialize(read));
    }

    @Override
    public synchronized void write(Time batch, int partition, StateChanges changes) {
      Map<Object, Object> set = new TreeMap<>();
      Map<Object, Object> shown = new TreeMap<>();
      boolean timed = changes.changed().updateTimes().length > 0;
      for (int i = 0; i < changes.changed().keys().length; i++) {
        set.put(changes.changed().keys()[i], changes.changed().states()[i]);
        shown.put(changes.changed().keys()[i], changes.changed().states()[i]
            + (timed ? "@" + changes.changed().updateTimes()[i] : ""));
      }
      Map<Object, Object> partitionState = stored.computeIfAbsent(partition, p -> new TreeMap<>());
      partitionState.putAll(set);
      Arrays.asList(changes.removed()).forEach(partitionState::remove);
      writes.add(batch.milliseconds() + " p" + partition + " set " + shown + " removed "
          + Arrays.toString(changes.removed()));
      // By batch time, then as text (partition, keys), whatever order the tasks wrote in.
      writes.sort(Comparator.<String>comparingLong(write -> Long.parseLong(write.substring(0, write.indexOf(' '))))
          .thenComparing(Comparator.naturalOrder()));
    }
  }
}
