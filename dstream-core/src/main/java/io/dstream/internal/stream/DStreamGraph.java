package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.checkpoint.internal.Lifecycle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DStream graph of one context: its input and output streams, the ids handed out to streams in
 * creation order, and the walks over the graph that the job generator needs (start, generate the jobs of
 * a batch, clear old RDDs).
 *
 * <p>Streams are defined on the user's thread before start, under the graph's lock. {@link #start} (or a
 * stop) freezes the graph: its streams are then kept in immutable lists that any thread reads without a lock
 * (the job generator's thread, and the job threads that complete batches).
 */
public final class DStreamGraph {
  private static final Logger LOG = LoggerFactory.getLogger(DStreamGraph.class);
  private static final Pattern STREAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

  /** DEFINING: streams may be added; STARTED: frozen and running; STOPPED: frozen for good. */
  private enum GraphState implements Lifecycle.State<GraphState> {
    DEFINING, STARTED, STOPPED;

    @Override
    public Set<GraphState> next() {
      return switch (this) {
        case DEFINING -> EnumSet.of(STARTED, STOPPED);
        case STARTED -> EnumSet.of(STOPPED);
        case STOPPED -> EnumSet.noneOf(GraphState.class);
      };
    }
  }

  /** The streams of a frozen graph. */
  private record Frozen(List<InputStreamNode<?>> inputs, List<ForEachStreamNode<?>> outputs, List<StreamNode<?>> streams,
      List<StreamNode<?>> usedByOutputs) {}

  private final Duration batchDuration;
  private final Lifecycle<GraphState> lifecycle = new Lifecycle<>("the DStream graph", GraphState.DEFINING);
  // Filled while the graph is defined, under its lock; replaced by the immutable copy in frozen at start.
  private final List<InputStreamNode<?>> inputs = new ArrayList<>();
  private final List<ForEachStreamNode<?>> outputs = new ArrayList<>();
  private final List<StreamNode<?>> streams = new ArrayList<>();
  private final Map<String, StreamNode<?>> namedStreams = new HashMap<>();
  private final String applicationId;
  private Duration rememberDuration;
  private volatile Frozen frozen;
  private volatile Time lastBatchTime;
  private volatile Time zeroTime;

  /**
   * Creates an empty graph of a single-JVM application.
   *
   * @param batchDuration the batch interval
   */
  public DStreamGraph(Duration batchDuration) {
    this(batchDuration, null);
  }

  /**
   * Creates an empty graph.
   *
   * @param batchDuration the batch interval
   * @param applicationId the scale-out application this is an instance of ({@code dstream.application.id}),
   *     or null for a single-JVM application
   */
  public DStreamGraph(Duration batchDuration, String applicationId) {
    this.batchDuration = batchDuration;
    this.applicationId = applicationId;
  }

  /**
   * Returns the scale-out application this graph runs an instance of: its streams then share their input
   * partitions, and their keyed state, with the other instances.
   *
   * @return the application id, empty for a single-JVM application
   */
  public Optional<String> scaleOutApplication() {
    return Optional.ofNullable(applicationId);
  }

  /**
   * Returns the batch interval.
   *
   * @return the batch duration
   */
  public Duration batchDuration() {
    return batchDuration;
  }

  synchronized int registerStream(StreamNode<?> stream) {
    checkCanDefineStreams("add a new stream, transformation or output operation");
    streams.add(stream);
    return streams.size() - 1;
  }

  synchronized void nameStream(StreamNode<?> stream, String name) {
    Objects.requireNonNull(name, "name");
    checkCanDefineStreams("name a stream");
    if (!STREAM_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' cannot name a stream: a name starts with a letter, "
          + "followed by letters, digits, '.', '_' or '-' (it names the stream's data in the checkpoint "
          + "directory), for example 'wordCounts'");
    }
    StreamNode<?> holder = namedStreams.get(name);
    if (holder != null && holder != stream) {
      throw new IllegalArgumentException("the name '" + name + "' is already used by " + holder
          + "; names must be unique within a StreamingContext, so choose another one");
    }
    if (stream.name() != null) {
      namedStreams.remove(stream.name());
    }
    namedStreams.put(name, stream);
  }

  synchronized void addInput(InputStreamNode<?> input) {
    inputs.add(input);
  }

  synchronized int addOutput(ForEachStreamNode<?> output) {
    outputs.add(output);
    return outputs.size() - 1;
  }

  /**
   * Throws unless streams may still be defined, that is, the context has not started.
   *
   * @param what what the caller tried to do, for the message
   * @throws IllegalStateException if the graph is frozen
   */
  public void checkCanDefineStreams(String what) {
    GraphState state = lifecycle.current();
    if (state == GraphState.STOPPED) {
      throw new IllegalStateException("cannot " + what + ": the StreamingContext has been stopped; create a new "
          + "StreamingContext and define the pipeline on it");
    }
    if (state == GraphState.STARTED) {
      throw new IllegalStateException("cannot " + what + " after the StreamingContext has started; define the "
          + "whole pipeline (streams and output operations) before calling start()");
    }
  }

  /**
   * Makes every stream remember its generated RDDs for at least a duration ({@code ssc.remember}).
   *
   * @param duration the duration
   * @throws IllegalStateException if the context has already started
   */
  public synchronized void remember(Duration duration) {
    checkCanDefineStreams("change the remember duration");
    rememberDuration = duration;
  }

  /**
   * Tells whether any output operation is defined.
   *
   * @return true if there is at least one
   */
  public boolean hasOutputs() {
    return !outputStreams().isEmpty();
  }

  /**
   * Freezes the graph and prepares every stream for batches after {@code zero}: zero times, remember
   * durations and duration checks.
   *
   * @param zero the batch time before the first batch
   * @param startTimeMillis the clock's time now, which inputs may note (see {@link InputStreamNode#onStart})
   * @throws IllegalArgumentException if a stream's slide is not a multiple of the batch duration
   */
  public void start(Time zero, long startTimeMillis) {
    Frozen graph;
    Duration remember;
    synchronized (this) {
      lifecycle.moveTo(GraphState.STARTED);
      graph = freezeStreams();
      remember = rememberDuration;
    }
    zeroTime = zero;
    for (ForEachStreamNode<?> output : graph.outputs()) {
      output.initialize(zero);
    }
    for (ForEachStreamNode<?> output : graph.outputs()) {
      output.remember(remember);
    }
    for (ForEachStreamNode<?> output : graph.outputs()) {
      output.validateAtStart(batchDuration);
    }
    for (InputStreamNode<?> input : graph.inputs()) {
      if (input.isInitialized()) {
        input.onStart(startTimeMillis);
      }
    }
  }

  /**
   * Tells each initialized input stream that the context has stopped ({@link InputStreamNode#onStop}); an input that
   * fails to close is logged and the others are still told.
   */
  public void stopInputs() {
    for (InputStreamNode<?> input : inputStreams()) {
      if (input.isInitialized()) {
        try {
          input.onStop();
        } catch (RuntimeException e) {
          LOG.warn("{} failed to close its source at stop", input, e);
        }
      }
    }
  }

  /**
   * Freezes the graph for good because the context has stopped: it accepts no new streams either.
   */
  public synchronized void freeze() {
    if (lifecycle.tryMoveTo(GraphState.STOPPED)) {
      freezeStreams();
    }
  }

  /** Makes the streams immutable, once; call it under the lock. */
  private Frozen freezeStreams() {
    if (frozen == null) {
      frozen = snapshot();
    }
    return frozen;
  }

  /** An immutable copy of the streams as they are now; call it under the graph's lock. */
  private Frozen snapshot() {
    return new Frozen(List.copyOf(inputs), List.copyOf(outputs), List.copyOf(streams), usedByOutputs());
  }

  /**
   * The graph's streams: once started, the frozen lists, read without a lock; before, a copy taken under the
   * lock (the streams are still being defined).
   */
  private Frozen asFrozen() {
    Frozen graph = frozen;
    if (graph != null) {
      return graph;
    }
    synchronized (this) {
      return snapshot();
    }
  }

  /**
   * Returns the batch time before the first batch.
   *
   * @return the zero time, or null before start
   */
  public Time zeroTime() {
    return zeroTime;
  }

  /**
   * Returns the time of the latest batch whose jobs were generated (or are being generated).
   *
   * @return the time, or null before the first batch
   */
  public Time lastBatchTime() {
    return lastBatchTime;
  }

  /**
   * Generates the jobs of one batch: one per output operation that has an RDD at that time, in the order
   * the output operations were defined. RDD lineages are built here; nothing is computed yet (except the
   * local checkpoints of streams that are due one).
   *
   * @param time the batch time
   * @return the jobs
   * @throws Exception whatever a user function run at generation time throws
   */
  public List<Job> generateJobs(Time time) throws Exception {
    lastBatchTime = time;
    // Every input that an output depends on takes its batch now, even if no output reads it at this time
    // (a window shorter than its slide skips batches): a queue stream hands out its next RDD when asked, so
    // a skipped batch would otherwise slide into the next batch that is read.
    for (InputStreamNode<?> input : inputStreams()) {
      if (input.isInitialized()) {
        input.getOrCompute(time);
      }
    }
    List<Job> jobs = new ArrayList<>();
    for (ForEachStreamNode<?> output : outputStreams()) {
      Job job = output.generateJob(time);
      if (job != null) {
        jobs.add(job);
      }
    }
    return jobs;
  }

  /**
   * Returns the jobs of a batch whose generation failed: one per output operation, each failing with the
   * error, so that the batch is reported and completed like any failed batch.
   *
   * @param time the batch time
   * @param error what generating the batch threw
   * @return the failing jobs
   */
  public List<Job> failedJobs(Time time, Throwable error) {
    List<Job> jobs = new ArrayList<>();
    for (ForEachStreamNode<?> output : outputStreams()) {
      jobs.add(output.failedJob(time, error));
    }
    return jobs;
  }

  /**
   * Tells whether a batch's jobs must wait for the checkpoint of its generation: whether an input requires it
   * ({@link RecoverableInput#requiresDurableGeneration()}).
   *
   * @return true if any input stream requires it
   */
  public boolean requiresDurableGeneration() {
    return inputStreams().stream()
        .anyMatch(input -> input instanceof RecoverableInput recoverable && recoverable.requiresDurableGeneration());
  }

  /**
   * Counts the records each input stream put into a batch, where that is known without a job.
   *
   * @param time the batch time
   * @return the counts by stream id, in id order; streams whose count is unknown are left out
   */
  public Map<Integer, Long> recordCounts(Time time) {
    Map<Integer, Long> counts = new TreeMap<>();
    for (InputStreamNode<?> input : inputStreams()) {
      long count = input.recordCount(time);
      if (count >= 0) {
        counts.put(input.id(), count);
      }
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Does the work on a batch's data that follows the end of its jobs (completes its local checkpoints, writes
   * the snapshots of state that are due), once per stream that an output uses, parents first. It runs on the
   * job thread that ended the batch, not on the job generator's thread, so that batch generation never waits
   * for it; the generator learns of the batch's completion, and checkpoints it, only afterwards.
   *
   * @param time the completed batch's time
   */
  public void completeBatch(Time time) {
    for (StreamNode<?> stream : frozen().usedByOutputs()) {
      stream.completeBatch(time);
    }
  }

  /**
   * In a scale-out application, does the work that must be part of a batch's commit (see
   * {@link StreamNode#beforeCommit}) for every stream the outputs use.
   *
   * @param time the batch time
   * @throws Exception if the work of a stream fails
   */
  public void prepareCommit(Time time) throws Exception {
    for (StreamNode<?> stream : frozen().usedByOutputs()) {
      stream.beforeCommit(time);
    }
  }

  /**
   * Forgets RDDs that no stream needs any more after the batch at {@code time} completed.
   *
   * @param time the completed batch's time
   */
  public void clearMetadata(Time time) {
    for (ForEachStreamNode<?> output : outputStreams()) {
      output.clearMetadata(time);
    }
  }

  /**
   * Returns the batches whose input a restart needs again, after a batch completed: the unfinished ones, and,
   * while a stateful stream exists, every batch after the oldest of the stateful streams' latest snapshots (or
   * after the zero time, before a first snapshot): a restart brings the restored state forward over those
   * batches, completed or not, so their inputs must give again exactly what they gave.
   *
   * @param completed the completed batch's time
   * @param unfinished the batches generated but not completed successfully
   * @return the batch times, a new set
   */
  public Set<Time> neededByRecovery(Time completed, Set<Time> unfinished) {
    Set<Time> needed = new HashSet<>(unfinished);
    Time oldestState = oldestStateRecoveryPoint();
    if (oldestState != null) {
      for (Time t = oldestState.plus(batchDuration); !t.greater(completed); t = t.plus(batchDuration)) {
        needed.add(t);
      }
    }
    return needed;
  }

  /**
   * Lets every {@link RecoverableInput} forget the progress that neither deduplication nor recovery needs
   * any more, after a batch completed.
   *
   * @param completed the completed batch's time
   * @param neededByRecovery the batches whose progress must be kept ({@link #neededByRecovery})
   */
  public void forgetInputProgress(Time completed, Set<Time> neededByRecovery) {
    for (InputStreamNode<?> input : inputStreams()) {
      if (input instanceof RecoverableInput recoverable) {
        recoverable.forgetProgress(completed, neededByRecovery);
      }
    }
  }

  /** The time a restart's state recomputation starts from: the oldest latest snapshot, or null if no state. */
  private Time oldestStateRecoveryPoint() {
    Time oldest = null;
    for (StreamNode<?> stream : streams()) {
      if (stream instanceof SnapshottingStream stateful && stateful.writesSnapshots()) {
        Time from = stateful.latestSnapshotTime().orElse(zeroTime());
        oldest = oldest == null ? from : oldest.min(from);
      }
    }
    return oldest;
  }

  /**
   * Returns the input streams, in creation order.
   *
   * @return an unmodifiable copy
   */
  public List<InputStreamNode<?>> inputStreams() {
    return asFrozen().inputs();
  }

  /**
   * Returns every stream of the graph (inputs, transformations and output operations), in creation order:
   * the order of their ids.
   *
   * @return an unmodifiable copy
   */
  public List<StreamNode<?>> streams() {
    return asFrozen().streams();
  }

  /**
   * Returns the streams that some output operation is computed from, directly or through other streams, and
   * the outputs themselves: the streams {@link #start} initializes. The others never compute a batch (a
   * receiver stream among them is never started).
   *
   * @return the streams, in no particular order
   */
  public Set<StreamNode<?>> streamsUsedByOutputs() {
    return new HashSet<>(asFrozen().usedByOutputs());
  }

  /** The streams an output uses, outputs included, in creation order (so parents first). */
  private List<StreamNode<?>> usedByOutputs() {
    Set<StreamNode<?>> used = new HashSet<>();
    Deque<StreamNode<?>> toVisit = new ArrayDeque<>(outputs);
    while (!toVisit.isEmpty()) {
      StreamNode<?> stream = toVisit.pop();
      if (used.add(stream)) {
        toVisit.addAll(stream.dependencies());
      }
    }
    return streams.stream().filter(used::contains).toList();
  }

  /**
   * Returns the output streams, in definition order.
   *
   * @return an unmodifiable copy
   */
  public List<ForEachStreamNode<?>> outputStreams() {
    return asFrozen().outputs();
  }

  private Frozen frozen() {
    Frozen graph = frozen;
    if (graph == null) {
      throw new IllegalStateException("the DStream graph has not been started: no batch can have completed; "
          + "start the StreamingContext first");
    }
    return graph;
  }
}
