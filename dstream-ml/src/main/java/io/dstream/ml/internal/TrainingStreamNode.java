package io.dstream.ml.internal;

import io.dstream.DStreamLike;
import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.internal.ContextAccess;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.ForEachStreamNode;
import io.dstream.internal.stream.SnapshotStore;
import io.dstream.internal.stream.SnapshottingStream;
import io.dstream.internal.stream.StreamNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream a streaming algorithm's {@code trainOn} adds: it passes its parent's batches through, and an output
 * of it trains the model on each, so that the model of batch {@code t} is the update of the model of
 * {@code t - slide} by batch {@code t}'s points. It keeps the model of each batch time still needed (the latest,
 * and those whose batches are still remembered), so that the chain is the same whatever order the jobs of
 * concurrent batches end in, and a batch trained once is never trained again.
 *
 * <p>With a checkpoint directory, the model of every checkpoint time (the smallest multiple of the batch interval
 * of at least 10 s) is written to it once the batch completed, and the metadata checkpoint records that time:
 * a restart ({@code getOrCreate}) restores the model of the snapshot, trains again on the batches after it that
 * had completed (their input streams give the same records again), and goes on with the batches left to run.
 * Without one, the model lives in memory only, as in Spark.
 *
 * <p>Training runs on job threads under the chain's own lock, never under the node's monitor, so the job
 * generator, which takes the monitor to generate a batch, never waits for training.
 *
 * @param <T> the point type
 * @param <M> the model type
 */
public final class TrainingStreamNode<T, M> extends StreamNode<T> implements SnapshottingStream {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingStreamNode.class);

  private final StreamNode<T> parent;
  private final String algorithm;
  private final M initial;
  private final ModelUpdate<T, M> update;
  private final ModelCodec<M> codec;
  private final Consumer<M> publish;
  private final SnapshotStore<double[][]> snapshots;
  private final Object chainLock = new Object();
  // By batch time in ms. Written under chainLock; forgotten() trims it from the job generator's thread, which
  // must not wait for training, hence a concurrent map.
  private final NavigableMap<Long, M> models = new ConcurrentSkipListMap<>();
  // What training a batch threw when a later batch's job trained on it first (concurrent jobs), kept for the
  // batch's own job to throw. Written under chainLock, trimmed as models is.
  private final NavigableMap<Long, Exception> failures = new ConcurrentSkipListMap<>();
  private Long restoredTime;
  private Long publishedTime;
  private volatile Time latestSnapshot;

  private TrainingStreamNode(StreamNode<T> parent, DStreamLike<T, ?, ?> points, String algorithm, M initial,
      ModelUpdate<T, M> update, ModelCodec<M> codec, Consumer<M> publish) {
    super(parent.graph());
    this.parent = parent;
    this.algorithm = algorithm;
    this.initial = initial;
    this.update = update;
    this.codec = codec;
    this.publish = publish;
    this.snapshots = new SnapshotStore<>(ContextAccess.runtime(points.context()).stateEnvironment(), this,
        double[][].class, "model snapshot");
  }

  /**
   * Makes a stream train a model on each of its batches, from the batch after the zero time on: adds the training
   * stream and its output to the stream's context.
   *
   * @param points the training points
   * @param algorithm the public class's name, for the graph and messages (a restart refuses another algorithm)
   * @param initial the model before the first batch
   * @param update how the model learns from a batch
   * @param codec the model as rows of numbers, for snapshots
   * @param publish called with each newer model, on the job thread that made it (and with a restored one)
   * @param <T> the point type
   * @param <M> the model type
   * @return the training stream
   * @throws IllegalStateException if the context has started
   */
  public static <T, M> TrainingStreamNode<T, M> trainOn(DStreamLike<T, ?, ?> points, String algorithm, M initial,
      ModelUpdate<T, M> update, ModelCodec<M> codec, Consumer<M> publish) {
    TrainingStreamNode<T, M> node = new TrainingStreamNode<>(ContextAccess.node(points), points, algorithm, initial,
        update, codec, publish);
    new ForEachStreamNode<>(node, (batch, time) -> node.modelAt(time), "trainOn of " + algorithm);
    return node;
  }

  @Override
  public Duration slideDuration() {
    return parent.slideDuration();
  }

  @Override
  public List<StreamNode<?>> dependencies() {
    return List.of(parent);
  }

  @Override
  protected RddNode<T> compute(Time time) throws Exception {
    return parent.getOrCompute(time);
  }

  /** Snapshots the model every checkpoint interval, by default. */
  @Override
  protected boolean mustCheckpoint() {
    return true;
  }

  /** The batches pass through: there is no lineage of this stream's own to cut. */
  @Override
  protected RddNode<T> checkpointLocally(RddNode<T> rdd) {
    return rdd;
  }

  @Override
  public String operationName() {
    return "trainOn";
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of("algorithm", algorithm);
  }

  /**
   * Returns the model after the batch of a time, training on every batch from the newest model kept up to it.
   * A batch whose training fails leaves the model as it was, and its exception fails that batch's job: at once if
   * it is the batch asked for, otherwise (a later batch's job trained on it first) when its own job asks.
   *
   * @param time a batch time of this stream
   * @return the model, or null for a batch before a restored snapshot (the snapshot covers it)
   * @throws Exception whatever training throws
   */
  M modelAt(Time time) throws Exception {
    long ms = time.milliseconds();
    synchronized (chainLock) {
      if (restoredTime != null && ms < restoredTime) {
        return null;
      }
      Map.Entry<Long, M> known = models.floorEntry(ms);
      if (known == null && !models.isEmpty()) {
        throw new IllegalStateException(this + " no longer keeps the model of " + time + " (it keeps those from "
            + models.firstKey() + " ms); a batch that old cannot be trained on again");
      }
      Exception failedEarlier = failures.remove(ms);
      if (failedEarlier != null) {
        throw failedEarlier;
      }
      long from = known == null ? graph().zeroTime().milliseconds() : known.getKey();
      M model = known == null ? initial : known.getValue();
      long slide = slideDuration().milliseconds();
      for (long t = from + slide; t < ms; t += slide) {
        try {
          model = trainedOn(new Time(t), model);
        } catch (Exception e) {
          failures.put(t, e);
          model = models.get(t);
        }
      }
      if (from < ms) {
        model = trainedOn(time, model);
      }
      if (publishedTime == null || ms >= publishedTime) {
        publishedTime = ms;
        publish.accept(model);
      }
      return model;
    }
  }

  private M trainedOn(Time time, M previous) throws Exception {
    M next = previous;
    try {
      RddNode<T> batch = getOrCompute(time);
      if (batch != null) {
        next = update.update(previous, RddAccess.rdd(batch));
      }
    } finally {
      models.put(time.milliseconds(), next);
    }
    return next;
  }

  /** Keeps the model of the newest forgotten batch, from which the chain goes on, and drops those before it. */
  @Override
  protected void forgotten(Time upTo) {
    Long base = models.floorKey(upTo.milliseconds());
    if (base != null) {
      models.headMap(base).clear();
      failures.headMap(base).clear();
    }
  }

  /**
   * At a checkpoint time, with a checkpoint directory, writes the batch's model. A failed write is logged and
   * leaves the previous snapshot the latest; the next checkpoint time tries again.
   */
  @Override
  protected void onBatchCompleted(Time time) {
    if (!isCheckpointTime(time) || !snapshots.hasDirectory()) {
      return;
    }
    try {
      M model = modelAt(time);
      if (model == null) {
        return;
      }
      snapshots.write(time, codec.toRows(model));
      synchronized (this) {
        if (latestSnapshot == null || time.greater(latestSnapshot)) {
          latestSnapshot = time;
        }
      }
      LOG.debug("Wrote the model snapshot of {} for {}", this, time);
    } catch (Exception e) {
      LOG.error("Could not write the model snapshot of {} ({}) for {} to {}: {}; the latest snapshot stays {}, and "
          + "the next checkpoint interval tries again", this, algorithm, time, snapshots, e.toString(),
          latestSnapshotTime().map(Time::toString).orElse("none"), e);
    }
  }

  @Override
  public boolean writesSnapshots() {
    return snapshots.hasDirectory();
  }

  @Override
  public Optional<Time> latestSnapshotTime() {
    return Optional.ofNullable(latestSnapshot);
  }

  @Override
  public void checkSnapshot(Time time) throws IOException {
    snapshots.check(time);
  }

  /**
   * Makes the model of a snapshot the model of its time: the batches after it train from it.
   *
   * @param time the snapshot's time
   * @throws IOException if there is no snapshot of that time, or it cannot be read or is not a model of this
   *     algorithm; the message names the file
   */
  @Override
  public void restoreSnapshot(Time time) throws IOException {
    double[][] rows = snapshots.read(time);
    M model;
    try {
      model = codec.fromRows(rows);
    } catch (IllegalArgumentException e) {
      throw new CorruptDataException("the model snapshot of time " + time + " in " + snapshots + " is not a model of "
          + algorithm + ": " + e.getMessage(), e);
    }
    synchronized (chainLock) {
      models.clear();
      models.put(time.milliseconds(), model);
      restoredTime = time.milliseconds();
      publishedTime = time.milliseconds();
      publish.accept(model);
    }
    latestSnapshot = time;
    LOG.info("Restored the model of {} ({}) from its snapshot of {}", this, algorithm, time);
  }
}
