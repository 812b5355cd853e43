package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.function.Function2;
import io.dstream.function.Function;
import io.dstream.internal.rdd.CoGroupedRddNode;
import io.dstream.internal.rdd.Iterators;
import io.dstream.internal.rdd.MapPartitionsRddNode;
import io.dstream.internal.rdd.RddNode;
import io.dstream.rdd.Partitioner;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The incremental {@code reduceByKeyAndWindow}: each window's result is the previous window's result with
 * the batches that left the window inverse-reduced out and the batches that entered it reduced in, so a
 * window costs work in proportion to the batches that move and the keys it holds, not to its length.
 *
 * <pre>
 *   |---- previous window ----|
 *             |---- current window ----|
 *   |- old -|                 |- new --|
 * </pre>
 *
 * <p>The parent is the stream reduced by key per batch with this window's partitioner, so the previous
 * result, the old and the new batches are cogrouped without a shuffle. Both the parent and this stream are
 * persisted, since every result and every reduced batch is read again by later windows; and the lineage
 * that chains each result to the previous one is cut by a local checkpoint every checkpoint interval.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ReducedWindowedStreamNode<K, V> extends StreamNode<Tuple2<K, V>> {
  private final StreamNode<Tuple2<K, V>> reduced;
  private final WindowSpec spec;
  private final Function2<V, V, V> reduce;
  private final Function2<V, V, V> invReduce;
  private final Function<Tuple2<K, V>, Boolean> filter;
  private final Partitioner partitioner;

  /**
   * Creates the window and persists it and its parent.
   *
   * @param reduced the parent reduced by key in each batch, with {@code partitioner}
   * @param spec the window's durations, checked against the parent
   * @param reduce the associative and commutative reduce function
   * @param invReduce the inverse of {@code reduce}: {@code invReduce(reduce(a, b), b) == a}
   * @param filter which keys to keep in each result, or null to keep all
   * @param partitioner the partitioner of {@code reduced} and of the results
   * @throws IllegalStateException if the context has already started
   */
  public ReducedWindowedStreamNode(StreamNode<Tuple2<K, V>> reduced, WindowSpec spec, Function2<V, V, V> reduce,
      Function2<V, V, V> invReduce, Function<Tuple2<K, V>, Boolean> filter, Partitioner partitioner) {
    super(reduced.graph());
    this.reduced = reduced;
    this.spec = spec;
    this.reduce = reduce;
    this.invReduce = invReduce;
    this.filter = filter;
    this.partitioner = partitioner;
    if (!reduced.storageLevel().isValid()) {
      reduced.persist(StorageLevel.MEMORY_ONLY_SER);
    }
    persist(StorageLevel.MEMORY_ONLY_SER);
  }

  @Override
  public Duration slideDuration() {
    return spec.slide();
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return List.of(reduced);
  }

  @Override
  protected Duration parentRememberDuration() {
    // The old batches of the next window reach back one slide and one window length.
    return rememberDuration().plus(spec.window());
  }

  @Override
  protected boolean mustCheckpoint() {
    return true;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Incremental from the previous window's result when that was generated (every window but the first
   * of a run). Otherwise, after a restart (results live in memory only), the window is reduced from its own
   * batches: computing the previous result would need the one before, and so on back to the application's
   * first batch, a recursion as deep as the application is old (it overflowed the stack after some thousands
   * of batches) over batches long forgotten.
   */
  @Override
  protected RddNode<Tuple2<K, V>> compute(Time time) throws Exception {
    Time previousEnd = time.minus(spec.slide());
    Time currentStart = time.minus(spec.window());
    RddNode<Tuple2<K, V>> previous = generatedRdd(previousEnd);
    // When the window is shorter than the slide, consecutive windows do not overlap: the whole previous
    // window leaves and the whole current one enters.
    List<RddNode<Tuple2<K, V>>> oldBatches = previous == null ? List.of()
        : WindowSpec.rddsIn(reduced, previousEnd.minus(spec.window()), previousEnd.min(currentStart));
    List<RddNode<Tuple2<K, V>>> newBatches =
        WindowSpec.rddsIn(reduced, previous == null ? currentStart : previousEnd.max(currentStart), time);

    List<RddNode<? extends Tuple2<K, ?>>> parents = new ArrayList<>();
    if (previous != null) {
      parents.add(previous);
    }
    parents.addAll(oldBatches);
    parents.addAll(newBatches);
    if (parents.isEmpty()) {
      return null;
    }
    Merge merge = new Merge(previous != null ? 1 : 0, oldBatches.size(), newBatches.size());
    CoGroupedRddNode<K> cogrouped = new CoGroupedRddNode<>(parents.get(0).engine(), parents, partitioner);
    return new MapPartitionsRddNode<>(cogrouped, "reduceByKeyAndWindow", (partition, records) -> {
      Iterator<Tuple2<K, V>> merged = Iterators.map(records, merge::apply);
      return filter == null ? merged : Iterators.filter(merged, filter);
    }, true);
  }

  /** Merges one key's cogrouped values: previous result, minus the old batches, plus the new batches. */
  private final class Merge {
    private final int previousCount;
    private final int oldCount;
    private final int newCount;

    Merge(int previousCount, int oldCount, int newCount) {
      this.previousCount = previousCount;
      this.oldCount = oldCount;
      this.newCount = newCount;
    }

    @SuppressWarnings("unchecked")
    Tuple2<K, V> apply(Tuple2<K, List<List<Object>>> group) throws Exception {
      List<List<Object>> values = group._2();
      boolean inPrevious = previousCount == 1 && !values.get(0).isEmpty();
      List<V> leaving = reducedValues(values, previousCount, oldCount);
      List<V> entering = reducedValues(values, previousCount + oldCount, newCount);
      if (!inPrevious && !leaving.isEmpty()) {
        throw new IllegalStateException("reduceByKeyAndWindow: key " + group._1() + " has values leaving the "
            + "window but none in the previous window's result. The filter function must drop only keys with "
            + "nothing left in the window (such as a zero count), and keys must have consistent equals() and "
            + "hashCode()");
      }
      V value = inPrevious ? (V) values.get(0).get(0) : reduceAll(entering);
      if (inPrevious && !leaving.isEmpty()) {
        value = invReduce.call(value, reduceAll(leaving));
      }
      if (inPrevious && !entering.isEmpty()) {
        value = reduce.call(value, reduceAll(entering));
      }
      return new Tuple2<>(group._1(), value);
    }

    /** Returns the values of a key in a range of cogrouped batches: at most one per batch, reduced already. */
    @SuppressWarnings("unchecked")
    private List<V> reducedValues(List<List<Object>> values, int from, int count) {
      List<V> result = new ArrayList<>(count);
      for (int i = from; i < from + count; i++) {
        if (!values.get(i).isEmpty()) {
          result.add((V) values.get(i).get(0));
        }
      }
      return result;
    }

    private V reduceAll(List<V> values) throws Exception {
      V acc = values.get(0);
      for (int i = 1; i < values.size(); i++) {
        acc = reduce.call(acc, values.get(i));
      }
      return acc;
    }
  }

  @Override
  public String operationName() {
    return "reduceByKeyAndWindow";
  }

  /** Its durations: see {@link WindowSpec#parameters()}. Its partitioner is tuning, and not compared. */
  @Override
  public Map<String, String> parameters() {
    return spec.parameters();
  }
}
