package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The DStream graph of one context: its input and output streams, the ids handed out to streams in
 * creation order, and the walks over the graph that the job generator needs (start, generate the jobs of
 * a batch, clear old RDDs).
 *
 * <p>Streams are defined on the user's thread before start; afterwards the graph is frozen and only the
 * job generator's thread walks it.
 */
public final class DStreamGraph {
  private static final Pattern STREAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

  private final Duration batchDuration;
  private final List<InputNode<?>> inputs = new ArrayList<>();
  private final List<ForEachNode<?>> outputs = new ArrayList<>();
  private final List<StreamNode<?>> streams = new ArrayList<>();
  private final Map<String, StreamNode<?>> namedStreams = new HashMap<>();
  private Duration rememberDuration;
  private volatile boolean frozen;
  private volatile Time lastBatchTime;
  private volatile boolean stopped;
  private Time zeroTime;

  /**
   * Creates an empty graph.
   *
   * @param batchDuration the batch interval
   */
  public DStreamGraph(Duration batchDuration) {
    this.batchDuration = batchDuration;
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

  synchronized void addInput(InputNode<?> input) {
    inputs.add(input);
  }

  synchronized int addOutput(ForEachNode<?> output) {
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
    if (stopped) {
      throw new IllegalStateException("cannot " + what + ": the StreamingContext has been stopped; create a new "
          + "StreamingContext and define the pipeline on it");
    }
    if (frozen) {
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
  public synchronized boolean hasOutputs() {
    return !outputs.isEmpty();
  }

  /**
   * Freezes the graph and prepares every stream for batches after {@code zero}: zero times, remember
   * durations and duration checks.
   *
   * @param zero the batch time before the first batch
   * @param startTimeMillis the clock's time now, which inputs may note (see {@link InputNode#onStart})
   * @throws IllegalArgumentException if a stream's slide is not a multiple of the batch duration
   */
  public synchronized void start(Time zero, long startTimeMillis) {
    frozen = true;
    zeroTime = zero;
    for (ForEachNode<?> output : outputs) {
      output.initialize(zero);
    }
    for (ForEachNode<?> output : outputs) {
      output.remember(rememberDuration);
    }
    for (ForEachNode<?> output : outputs) {
      output.validateAtStart(batchDuration);
    }
    for (InputNode<?> input : inputs) {
      if (input.isInitialized()) {
        input.onStart(startTimeMillis);
      }
    }
  }

  /**
   * Freezes the graph for good because the context has stopped: it accepts no new streams either.
   */
  public void freeze() {
    stopped = true;
    frozen = true;
  }

  /**
   * Returns the batch time before the first batch.
   *
   * @return the zero time, or null before start
   */
  public synchronized Time zeroTime() {
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
    for (InputNode<?> input : inputStreams()) {
      if (input.isInitialized()) {
        input.getOrCompute(time);
      }
    }
    List<Job> jobs = new ArrayList<>();
    for (ForEachNode<?> output : outputStreams()) {
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
    for (ForEachNode<?> output : outputStreams()) {
      jobs.add(output.failedJob(time, error));
    }
    return jobs;
  }

  /**
   * Counts the records each input stream put into a batch, where that is known without a job.
   *
   * @param time the batch time
   * @return the counts by stream id, in id order; streams whose count is unknown are left out
   */
  public Map<Integer, Long> recordCounts(Time time) {
    Map<Integer, Long> counts = new TreeMap<>();
    for (InputNode<?> input : inputStreams()) {
      long count = input.recordCount(time);
      if (count >= 0) {
        counts.put(input.id(), count);
      }
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Forgets RDDs that no stream needs any more after the batch at {@code time} completed.
   *
   * @param time the completed batch's time
   */
  public void clearMetadata(Time time) {
    for (ForEachNode<?> output : outputStreams()) {
      output.clearMetadata(time);
    }
  }

  /**
   * Lets every {@link RecoverableInput} forget the progress that neither deduplication nor recovery needs
   * any more, after a batch completed.
   *
   * @param completed the completed batch's time
   * @param unfinished the batches generated but not completed successfully, whose progress recovery needs
   */
  public void forgetInputProgress(Time completed, Set<Time> unfinished) {
    for (InputNode<?> input : inputStreams()) {
      if (input instanceof RecoverableInput recoverable) {
        recoverable.forgetProgress(completed, unfinished);
      }
    }
  }

  /**
   * Returns the input streams, in creation order.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<InputNode<?>> inputStreams() {
    return Collections.unmodifiableList(new ArrayList<>(inputs));
  }

  /**
   * Returns every stream of the graph (inputs, transformations and output operations), in creation order:
   * the order of their ids.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<StreamNode<?>> streams() {
    return Collections.unmodifiableList(new ArrayList<>(streams));
  }

  /**
   * Returns the streams that some output operation is computed from, directly or through other streams, and
   * the outputs themselves: the streams {@link #start} initializes. The others never compute a batch (a
   * receiver stream among them is never started).
   *
   * @return the streams, in no particular order
   */
  public synchronized Set<StreamNode<?>> streamsUsedByOutputs() {
    Set<StreamNode<?>> used = new HashSet<>();
    Deque<StreamNode<?>> toVisit = new ArrayDeque<>(outputs);
    while (!toVisit.isEmpty()) {
      StreamNode<?> stream = toVisit.pop();
      if (used.add(stream)) {
        toVisit.addAll(stream.dependencies());
      }
    }
    return used;
  }

  /**
   * Returns the output streams, in definition order.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<ForEachNode<?>> outputStreams() {
    return Collections.unmodifiableList(new ArrayList<>(outputs));
  }
}
