package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.internal.rdd.LocalCheckpointRddNode;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.scaleout.PartitionScope;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream in the DStream graph: the engine-side half of a {@link io.dstream.DStream}.
 *
 * <p>A subclass supplies three things: its slide duration, its parents, and {@link #compute(Time)}, the RDD
 * of one batch. Everything else lives here once: validity of batch times, the per-time cache of generated
 * RDDs, persistence of those RDDs, local checkpoints that cut their lineage, how long they are remembered,
 * and clearing them afterwards. The engine works in {@link RddNode}s throughout; a batch becomes a public
 * {@code RDD} only where a user function receives one ({@code transform}, {@code foreachRDD}, {@code slice}).
 *
 * <p><b>Threads.</b> A node is defined (created, named, persisted, checkpointed) by the thread that builds
 * the pipeline, and {@link #initialize} and {@link #remember} run on the thread that starts the context,
 * after the graph froze its streams and before the job generator's thread exists. From then on its
 * definition (zero time, remember duration, checkpoint interval, storage level) is read-only; it is kept in volatile fields (the times
 * in {@code StreamTimes}), so any thread reads it without a lock. Per batch, the job generator's event-loop
 * thread generates RDDs ({@link #getOrCompute}) and forgets them ({@link #clearMetadata}); job threads may
 * call {@link #getOrCompute} and {@link #generatedRdd} too (a {@code slice}, a window or a state computed by a
 * data job). The node's one lock is its monitor, held by {@link #getOrCompute}: it makes computing a time's
 * RDD and caching it one step, so that no time is computed twice (a queue or file stream would hand out
 * its input twice) and {@link #compute} never runs on two threads at once for the same node. The cache is a
 * concurrent map, so reading it and forgetting from it take no lock. Nothing here is on the per-record
 * path: records flow through the RDDs' tasks, which never touch a stream node.
 *
 * @param <T> the record type
 */
public abstract class StreamNode<T> {
  private static final Logger LOG = LoggerFactory.getLogger(StreamNode.class);

  private final DStreamGraph graph;
  private final int id;
  private volatile String name;
  private final GeneratedRdds<T> generated = new GeneratedRdds<>();
  private volatile StorageLevel storageLevel = StorageLevel.NONE;
  private final StreamTimes times = new StreamTimes(this);

  /**
   * Creates a node and registers its id with the graph.
   *
   * @param graph the graph the node belongs to
   * @throws IllegalStateException if the context has already started or stopped
   */
  protected StreamNode(DStreamGraph graph) {
    this.graph = graph;
    this.id = graph.registerStream(this);
  }

  /**
   * Returns the graph this node belongs to.
   *
   * @return the graph
   */
  public final DStreamGraph graph() {
    return graph;
  }

  /**
   * Returns the node's id: its position in creation order, stable across runs of the same program.
   *
   * @return the id
   */
  public final int id() {
    return id;
  }

  /**
   * Names this stream ({@code DStream.name}): the name becomes its stable key.
   *
   * @param newName the name; starts with a letter, then letters, digits, '.', '_' or '-'
   * @throws IllegalArgumentException if the name is malformed or another stream of the graph has it
   * @throws IllegalStateException if the context has already started
   */
  public final void name(String newName) {
    graph.nameStream(this, newName);
    this.name = newName;
  }

  /**
   * Returns the name given with {@link #name(String)}.
   *
   * @return the name, or null if the stream has none
   */
  public final String name() {
    return name;
  }

  /**
   * Returns the key that identifies this stream across runs of the same program: its name if it has one,
   * otherwise its id in creation order. Recovery matches the streams of a checkpoint by it, and each
   * stream's durable data is stored under it.
   *
   * @return the name, or the id as text
   */
  public final String stableKey() {
    String named = name;
    return named != null ? named : String.valueOf(id);
  }

  /**
   * Returns the interval between two RDDs of this stream.
   *
   * @return the slide duration, a multiple of the batch duration
   */
  public abstract Duration slideDuration();

  /**
   * Returns the streams this one is computed from.
   *
   * @return the parents, empty for an input stream
   */
  public abstract List<StreamNode<?>> dependencies();

  /**
   * Computes the RDD of one batch. Called by {@link #getOrCompute} only, under this node's monitor.
   *
   * @param time a valid batch time of this stream
   * @return the RDD, or null if the stream has none for that time
   * @throws Exception whatever a user function run at generation time (such as {@code transform}) throws
   */
  protected abstract RddNode<T> compute(Time time) throws Exception;

  /**
   * Returns how long past RDDs must be kept beyond this stream's own remember duration for its children:
   * windowed streams add their window length.
   *
   * @return the duration parents must remember
   */
  protected Duration parentRememberDuration() {
    return times.rememberDuration();
  }

  /**
   * Tells whether this stream builds each RDD on its own earlier ones (an incremental window, state), so
   * that without a checkpoint its lineage would grow with every batch. Such a stream is checkpointed at
   * the smallest multiple of its slide duration that is at least 10 seconds unless an interval was set.
   *
   * @return false unless overridden
   */
  protected boolean mustCheckpoint() {
    return false;
  }

  /**
   * Returns the RDD of a batch: from the cache if it was generated already, otherwise computed, locally
   * checkpointed if the time is a checkpoint time, persisted at this stream's storage level, and cached until
   * {@link #clearMetadata} forgets it.
   *
   * @param time the batch time
   * @return the RDD, or null if {@code time} is not a batch time of this stream or it has no RDD then
   * @throws Exception whatever {@link #compute} throws
   */
  public final synchronized RddNode<T> getOrCompute(Time time) throws Exception {
    if (!isTimeValid(time)) {
      return null;
    }
    RddNode<T> cached = generated.get(time);
    if (cached != null) {
      return cached;
    }
    RddNode<T> rdd = compute(time);
    if (rdd == null) {
      return null;
    }
    if (isCheckpointTime(time)) {
      rdd = checkpointLocally(rdd);
    }
    generated.add(time, rdd, storageLevel);
    return rdd;
  }

  /**
   * Cuts the lineage of the RDD of a checkpoint time. By default it is wrapped in a {@link LocalCheckpointRddNode},
   * which the batch's jobs compute as they compute any RDD (so the cost is part of the batch's processing
   * time, not of generating it) and which then keeps the records and lets go of its lineage, so that the
   * lineage of every later batch starts here. A stream whose RDDs drop their lineage by themselves once
   * computed overrides this to return the RDD as it is.
   *
   * @param rdd the RDD of a checkpoint time
   * @return the RDD to use for that time
   */
  protected RddNode<T> checkpointLocally(RddNode<T> rdd) {
    return LocalCheckpointRddNode.of(rdd);
  }

  /**
   * Returns the RDD generated for a time, without computing one.
   *
   * @param time the batch time
   * @return the RDD, or null if none was generated (or it was already forgotten)
   */
  public final RddNode<T> generatedRdd(Time time) {
    return generated.get(time);
  }

  /**
   * Returns how many generated RDDs this stream currently remembers.
   *
   * @return the count
   */
  public final int rememberedRddCount() {
    return generated.size();
  }

  /**
   * Tells whether a time is a batch time of this stream: after its zero time and on its slide grid.
   *
   * @param time the time
   * @return true if the stream produces an RDD at that time
   * @throws IllegalStateException if the stream was not initialized (the context has not started)
   */
  public final boolean isTimeValid(Time time) {
    return times.isBatchTime(time);
  }

  /**
   * Returns the RDDs of every batch time of this stream from {@code from} to {@code to}, both inclusive.
   * Times off this stream's slide grid are moved down onto it, as in Spark.
   *
   * <p>Times after the latest batch are computed now, as Spark computes them, if every input this stream
   * is computed from can compute a batch before its time ({@link InputStreamNode#computesAhead()}: queue
   * streams). Each of those inputs first computes, in batch order, every batch from the one after the latest
   * up to {@code to}, so that each batch takes what it would have taken at its time (a queue stream hands
   * out its RDDs in order; computing only the sliced times would give the next batch's RDD to a later one).
   * The RDDs stay cached, and those batches run with them when their time comes. Otherwise (a receiver,
   * file or Kafka stream, whose data for a later batch is not there yet) times after the latest batch are
   * left out, as they are before the first batch: after a recovery the first batches are run again, so
   * which batch comes next is not known until one was generated.
   *
   * @param from the first time
   * @param to the last time
   * @return the RDDs, oldest first
   * @throws IllegalStateException if the context has not started
   * @throws Exception whatever {@link #compute} throws
   */
  public final List<RddNode<T>> slice(Time from, Time to) throws Exception {
    times.zero(); // throws if the context has not started
    Time lastBatch = graph.lastBatchTime();
    if (lastBatch == null) {
      return List.of();
    }
    Time upTo = times.alignDown(to);
    if (upTo.greater(lastBatch)) {
      List<InputStreamNode<?>> inputs = new ArrayList<>();
      collectInputs(this, inputs);
      if (inputs.stream().allMatch(InputStreamNode::computesAhead)) {
        // From the latest batch itself: the job generator may have announced it and not yet computed its
        // inputs, and a later batch computed first would take its RDD. Computing a time is done once, under
        // the input's monitor, so the generator then finds it computed.
        for (InputStreamNode<?> input : inputs) {
          for (Time time = lastBatch; !time.greater(upTo); time = time.plus(input.slideDuration())) {
            input.getOrCompute(time);
          }
        }
      } else {
        upTo = lastBatch;
      }
    }
    return WindowSpec.rddsIn(this, times.alignDown(from).minus(slideDuration()), upTo);
  }

  /** Adds the input streams that {@code stream} is computed from (itself, if it is one), each once. */
  private static void collectInputs(StreamNode<?> stream, List<InputStreamNode<?>> inputs) {
    if (stream instanceof InputStreamNode<?> input) {
      if (!inputs.contains(input)) {
        inputs.add(input);
      }
      return;
    }
    for (StreamNode<?> parent : stream.dependencies()) {
      collectInputs(parent, inputs);
    }
  }

  /**
   * Sets the storage level of the RDDs this stream will generate.
   *
   * @param level the level
   * @throws IllegalStateException if the context has already started
   */
  public final void persist(StorageLevel level) {
    graph.checkCanDefineStreams("change the storage level of a stream");
    this.storageLevel = level;
  }

  /**
   * Returns the storage level of the RDDs this stream generates.
   *
   * @return the level, NONE if not persisted
   */
  public final StorageLevel storageLevel() {
    return storageLevel;
  }

  /**
   * Makes this stream checkpoint its RDDs every interval: the RDD of each batch time that is a multiple of
   * the interval after the zero time is computed when it is generated, kept in memory, and its lineage
   * dropped.
   *
   * @param interval the checkpoint interval
   * @throws IllegalArgumentException if the interval is not a positive multiple of the slide duration
   * @throws IllegalStateException if the context has already started
   */
  public final void checkpoint(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    graph.checkCanDefineStreams("set the checkpoint interval of a stream");
    times.checkpointEvery(interval);
  }

  /**
   * Returns the checkpoint interval.
   *
   * @return the interval, or null if this stream is not checkpointed (a stream that must be checkpointed
   *     gets its default at start)
   */
  public final Duration checkpointInterval() {
    return times.checkpointInterval();
  }

  /**
   * Tells whether a batch time is a checkpoint time of this stream: a multiple of its checkpoint interval
   * after the zero time. Its RDD of that time is locally checkpointed when generated.
   *
   * @param time the batch time
   * @return false if the stream is not checkpointed
   * @throws IllegalStateException if the context has not started
   */
  protected final boolean isCheckpointTime(Time time) {
    return times.isCheckpointTime(time);
  }

  /**
   * Sets the zero time (the batch time before the first batch) of this stream and its parents, the default
   * checkpoint interval of a stream that must be checkpointed, and the smallest remember duration: one
   * slide. Runs at start, on the starting thread.
   *
   * @param zero the zero time
   */
  final void initialize(Time zero) {
    Time origin = graph.scaleOutApplication().isPresent() ? new Time(0) : zero;
    if (!times.initialize(zero, origin, mustCheckpoint())) {
      return;
    }
    for (StreamNode<?> parent : dependencies()) {
      parent.initialize(zero);
    }
  }

  /**
   * Makes this stream (and, as far as it needs them, its parents) remember generated RDDs for at least a
   * duration. Runs before or at start.
   *
   * @param duration the minimum remember duration
   */
  final void remember(Duration duration) {
    times.remember(duration);
    for (StreamNode<?> parent : dependencies()) {
      parent.remember(parentRememberDuration());
    }
  }

  /**
   * Returns how long generated RDDs are remembered.
   *
   * @return the remember duration, or null before the context starts
   */
  public final Duration rememberDuration() {
    return times.rememberDuration();
  }

  /**
   * Checks, at start, that this stream and its parents fit the batch duration and have what they need.
   *
   * @param batchDuration the context's batch duration
   * @throws IllegalArgumentException if a slide duration is not a multiple of the batch duration
   * @throws IllegalStateException if a stream cannot run as defined (see {@link #checkCanStart()})
   */
  final void validateAtStart(Duration batchDuration) {
    if (!slideDuration().isMultipleOf(batchDuration)) {
      throw new IllegalArgumentException("the slide duration " + slideDuration() + " of " + this
          + " is not a multiple of the batch duration " + batchDuration + "; use a multiple of the batch duration");
    }
    checkCanStart();
    for (StreamNode<?> parent : dependencies()) {
      parent.validateAtStart(batchDuration);
    }
  }

  /**
   * Checks, at start, what this stream needs from its context beyond fitting durations: a stateful stream
   * needs a checkpoint directory.
   *
   * @throws IllegalStateException if the stream cannot run as defined; the message says what to do
   */
  protected void checkCanStart() {
  }

  /**
   * Refuses to start in a scale-out application, for a stream whose results there would differ from a single
   * JVM's.
   *
   * @param why why it would differ
   * @throws IllegalStateException if the graph is an instance of a scale-out application
   */
  protected final void refuseInScaleOut(String why) {
    Optional<String> application = graph.scaleOutApplication();
    if (application.isPresent()) {
      throw new IllegalStateException(this + " cannot run in the scale-out application '" + application.get()
          + "' (dstream.application.id): " + why + "; run it in a single-JVM application (without "
          + "dstream.application.id), or keep a running aggregate with updateStateByKey or mapWithState instead");
    }
  }

  /**
   * Called, in a scale-out application, on the job thread that ends the batch at {@code time} once its jobs have
   * all succeeded, before the batch is committed: the place for work that must be part of the batch's commit,
   * such as writing a state's changes.
   *
   * @param time the batch time
   * @throws Exception if the work fails: the batch then fails and is not committed
   */
  protected void beforeCommit(Time time) throws Exception {
  }

  /**
   * Returns the partitions of a Kafka topic that this stream's records live in, if they do: partition
   * {@code p} of each batch holds the records of the topic's partition {@code p}, keyed as the topic is. Only a
   * scale-out application has such streams; a stream keeps its parent's scope if it keeps the records' keys
   * and partitions.
   *
   * @return the scope, or empty if the records are not known to be partitioned so
   */
  public Optional<PartitionScope> partitionScope() {
    return Optional.empty();
  }

  /**
   * Called on a job thread once every job of the batch at {@code time} has ended (whether or not they
   * succeeded), before the job generator learns of the batch's completion, so before its metadata checkpoint
   * and before its RDDs can be forgotten: the place for work on the batch's data that must follow the batch,
   * such as writing a snapshot of state. Batch generation goes on meanwhile. Called once per completed batch;
   * with concurrent jobs, the calls of two batches may overlap.
   *
   * @param time the completed batch's time
   */
  protected void onBatchCompleted(Time time) {
  }

  /**
   * Does the work on a completed batch's data: completes its local checkpoint, then {@link #onBatchCompleted}.
   *
   * @param time the completed batch's time
   */
  final void completeBatch(Time time) {
    completeLocalCheckpoint(time);
    onBatchCompleted(time);
  }

  /**
   * Forgets (and unpersists) the RDDs generated at or before {@code time - rememberDuration}, here and in the
   * parents. Runs on the job generator's thread.
   *
   * @param time the time of the batch that just completed
   */
  final void clearMetadata(Time time) {
    Time latestForgotten = generated.forgetUpTo(time.minus(times.rememberDuration()));
    if (latestForgotten != null) {
      forgotten(latestForgotten);
    }
    for (StreamNode<?> parent : dependencies()) {
      parent.clearMetadata(time);
    }
  }

  /** Completes a checkpoint time's RDD that the batch's jobs read only in part (a take) or failed on. */
  private void completeLocalCheckpoint(Time time) {
    RddNode<T> batch = generatedRdd(time);
    try {
      if (batch != null) {
        LocalCheckpointRddNode.complete(batch);
      }
    } catch (RuntimeException e) {
      LOG.warn("{} could not compute its checkpoint of batch {} ({}); the lineage of its later batches starts "
          + "at the previous checkpoint until the next one", this, time, e.toString());
    }
  }

  /**
   * Called by {@link #clearMetadata} after it forgot this stream's RDDs of every time up to {@code upTo}: no
   * batch, window or state needs them any more. An input stream releases what those batches held here (a
   * receiver stream deletes their blocks). Does nothing unless overridden.
   *
   * @param upTo the latest time forgotten
   */
  protected void forgotten(Time upTo) {}

  /**
   * Tells whether the stream was initialized at start, which happens to every stream an output depends on.
   *
   * @return true once it has a zero time
   */
  public final boolean isInitialized() {
    return times.isInitialized();
  }

  /**
   * Returns the operation's name, such as {@code map} or {@code queueStream}.
   *
   * @return the name
   */
  public abstract String operationName();

  /**
   * Returns the values, besides its operation, its parents and its functions, that decide which records this
   * stream's batches hold: a file stream's directory, a window's durations. A checkpoint records them, and
   * recovery refuses a graph in which one changed, because the progress and state restored into this stream
   * (and the streams computed from it) were built for the old values.
   *
   * <p>Left out on purpose, so that they may change across a restart: functions (code cannot be compared, and
   * fixing it is what a restart is for), partitioners and partition counts, storage levels and checkpoint
   * intervals (they decide how records are spread, kept, or cut from their lineage, never which records a batch
   * holds; restored state is placed with the current partitioner), and the configuration.
   *
   * @return each parameter's name, as a message shows it, and its value as text; empty unless overridden
   */
  public Map<String, String> parameters() {
    return Map.of();
  }

  @Override
  public String toString() {
    String named = name;
    return operationName() + "[" + (named != null ? "'" + named + "'" : String.valueOf(id)) + "]";
  }
}
