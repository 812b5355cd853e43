package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.Tuple2;
import io.dstream.function.Function2;
import io.dstream.function.Function;
import io.dstream.internal.rdd.RddNode;
import io.dstream.rdd.Partitioner;
import io.dstream.storage.StorageLevel;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incremental {@code reduceByKeyAndWindow}: each window's result is the previous window's result with
 * the batches that left the window inverse-reduced out and the batches that entered it reduced in, so a
 * window costs work in proportion to the batches that move, not to its length.
 *
 * <pre>
 *   |---- previous window ----|
 *             |---- current window ----|
 *   |- old -|                 |- new --|
 * </pre>
 *
 * <p>The parent is the stream reduced by key per batch with this window's partitioner, so each partition of a
 * result is the same partition of the previous result updated with the same partition of the old and new
 * batches, without a shuffle ({@link IncrementalWindowRddNode}, which keeps each partition's map and lets go of
 * its inputs once it has them all, so the lineage of a result ends at the previous one). The parent is
 * persisted, since each reduced batch is read again when it leaves the window.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ReducedWindowedStreamNode<K, V> extends StreamNode<Tuple2<K, V>> {
  private static final Logger LOG = LoggerFactory.getLogger(ReducedWindowedStreamNode.class);

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
    // Spark's level for the results, as a user may read it; they keep their records themselves, so it stores
    // nothing more.
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
    IncrementalWindowRddNode<K, V> previous = (IncrementalWindowRddNode<K, V>) generatedRdd(previousEnd);
    // When the window is shorter than the slide, consecutive windows do not overlap: the whole previous
    // window leaves and the whole current one enters.
    List<RddNode<Tuple2<K, V>>> oldBatches = previous == null ? List.of()
        : WindowSpec.rddsIn(reduced, previousEnd.minus(spec.window()), previousEnd.min(currentStart));
    List<RddNode<Tuple2<K, V>>> newBatches =
        WindowSpec.rddsIn(reduced, previous == null ? currentStart : previousEnd.max(currentStart), time);
    if (previous == null && newBatches.isEmpty()) {
      return null;
    }
    return new IncrementalWindowRddNode<>(previous, oldBatches, newBatches, partitioner, reduce, invReduce, filter);
  }

  /** A result lets go of its lineage by itself once every partition is computed: see {@link #onBatchCompleted}. */
  @Override
  protected RddNode<Tuple2<K, V>> checkpointLocally(RddNode<Tuple2<K, V>> rdd) {
    return rdd;
  }

  /**
   * Computes the partitions of a checkpoint time's result that the batch's jobs did not read (a {@code take}),
   * so that the lineage of later results starts there at the latest.
   */
  @Override
  protected void onBatchCompleted(Time time) {
    RddNode<Tuple2<K, V>> result = generatedRdd(time);
    if (result instanceof IncrementalWindowRddNode<K, V> window && isCheckpointTime(time)) {
      try {
        window.keepEveryPartition();
      } catch (RuntimeException e) {
        LOG.warn("{} could not compute its result of batch {} ({}); the lineage of its later results starts "
            + "at an earlier one until a result is complete", this, time, e.toString());
      }
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
