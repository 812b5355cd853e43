package io.dstream.internal.receiver;

import io.dstream.Clock;
import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.Time;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.checkpoint.wal.FileWriteAheadLog;
import io.dstream.internal.checkpoint.CheckpointDirectory;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.scheduler.BatchSchedule;
import io.dstream.internal.scheduler.BlockAllocator;
import io.dstream.internal.scheduler.FailureHandler;
import io.dstream.internal.scheduler.ListenerBus;
import io.dstream.internal.scheduler.SystemClock;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.StreamNode;
import io.dstream.rdd.RDD;
import io.dstream.receiver.Receiver;
import io.dstream.receiver.internal.BlockManagerBlockHandler;
import io.dstream.receiver.internal.PIDRateEstimator;
import io.dstream.receiver.internal.ReceivedBlockHandler;
import io.dstream.receiver.internal.ReceiverSettings;
import io.dstream.receiver.internal.ReceiverSupervisor;
import io.dstream.scheduler.ReceiverInfo;
import io.dstream.storage.internal.BlockManager;
import io.dstream.storage.internal.RefusedStores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receivers of one context: creates the receiver streams, runs one {@link ReceiverSupervisor} per
 * stream that an output operation uses (each on its own thread, never a worker thread), collects the blocks
 * they store into each stream's {@link ReceivedBlockTracker}, allocates them to each batch before the batch
 * is generated, serves them to the batch's RDD, and deletes them once the stream has forgotten the batch.
 *
 * <p>Blocks live in the engine's {@link BlockManager} (in a temporary directory, memory bounded by
 * {@code dstream.storage.memoryFraction}, shared with cached partitions); with
 * {@code dstream.receiver.writeAheadLog.enable} each stream that an output operation uses also logs its
 * blocks and allocations under the checkpoint directory, and {@link #recoverFromLog} rebuilds them after a
 * crash. A stream no output uses has no receiver running, so it opens no log: it would only leave an empty
 * directory, and on recovery read blocks no batch asks for. With {@code dstream.backpressure.enabled} a
 * {@link RateController} per stream sets its receiver's rate after every batch.
 *
 * <p>Lifecycle: streams are created before start; {@link #prepare} (at start, after the graph has started)
 * opens the storage and builds the supervisors, {@link #startReceivers()} starts them, {@link #stopReceivers}
 * stops them (their buffered records become blocks), {@link #close} closes the write-ahead logs (the engine
 * closes the block store).
 */
public final class ReceiverTracker implements BlockAllocator {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverTracker.class);
  /**
   * How long past a stop's deadline the receivers whose stores were refused then may take to stop: a
   * refused store fails at once, so this only lets their threads end, and bounds receivers that hang.
   */
  static final long REFUSED_STORE_GRACE_MILLIS = 200;

  private final StreamingConf conf;
  private final DStreamGraph graph;
  private final Engine engine;
  private final ListenerBus bus;
  private final Clock clock;
  private final Serializer serializer;
  private final ReceiverReports reports;
  private final Map<Receiver<?>, ReceiverInputNode<?>> streams = new IdentityHashMap<>();
  private final List<ReceiverInputNode<?>> streamsInOrder = new ArrayList<>();
  private final Map<Integer, ReceivedBlockTracker> blockTrackers = new ConcurrentHashMap<>();
  private final Map<Integer, ReceivedBlockTracker> running = new ConcurrentHashMap<>();
  private final Map<Integer, ReceiverSupervisor> supervisors = new LinkedHashMap<>();
  private final Map<Integer, Time> forgottenUpTo = new ConcurrentHashMap<>();
  private final Set<Integer> warnedDeletedBatch = ConcurrentHashMap.newKeySet();
  private final MissingBlocksCheck missingBlocks = new MissingBlocksCheck();
  /** The receivers' clock on a context clock other than the system's; null: each receiver keeps its own. */
  private final ClockDrivenReceiverClock receiverClock;
  private volatile BlockManager blockManager;
  private boolean opened;
  private long firstNewBlockNumber;
  private boolean storesRefused;
  private volatile long firstRefusalNanos;

  /**
   * Creates the tracker; it holds no resources until {@link #prepare} or {@link #recoverFromLog}.
   *
   * @param conf the context's configuration
   * @param graph the context's graph
   * @param engine runs the batches' RDDs
   * @param bus where receiver events go
   * @param clock the context's clock: stamps errors and log records
   * @param serializer serializes the write-ahead log's records
   * @param failures told of a fatal error that a receiver reported
   */
  public ReceiverTracker(StreamingConf conf, DStreamGraph graph, Engine engine, ListenerBus bus, Clock clock,
      Serializer serializer, FailureHandler failures) {
    this.conf = conf;
    this.graph = graph;
    this.engine = engine;
    this.bus = bus;
    this.clock = clock;
    this.serializer = serializer;
    this.reports = new ReceiverReports(bus, clock, failures);
    this.receiverClock = clock instanceof SystemClock ? null : new ClockDrivenReceiverClock(clock);
  }

  /**
   * Creates the input stream of a receiver.
   *
   * @param receiver the receiver; one receiver object feeds one stream
   * @param operationName the name of the operation that creates the stream, such as {@code socketTextStream}
   * @param <T> the record type
   * @return the stream
   * @throws IllegalArgumentException if the receiver already feeds a stream
   * @throws IllegalStateException if the context has started or stopped
   */
  public synchronized <T> ReceiverInputNode<T> newStream(Receiver<T> receiver, String operationName) {
    Objects.requireNonNull(receiver, "receiver");
    graph.checkCanDefineStreams("create a receiver stream");
    ReceiverInputNode<?> existing = streams.get(receiver);
    if (existing != null) {
      throw new IllegalArgumentException("the receiver " + receiver.getClass().getName() + " already feeds "
          + existing + "; a receiver object runs once: create a new receiver for each stream");
    }
    ReceiverInputNode<T> stream = new ReceiverInputNode<>(graph, receiver, this, operationName);
    streams.put(receiver, stream);
    streamsInOrder.add(stream);
    return stream;
  }

  /**
   * Rebuilds, from the write-ahead log of each receiver stream that an output operation uses, the blocks
   * that were received and not processed before the application stopped: the batches allocated and not
   * finished get their blocks again, and the blocks no batch took wait for the next batch. Their data is read
   * from the log. Call it before start, once every output operation is defined, on a graph built like the
   * one that wrote the logs; without it, start discards what earlier runs logged. Does nothing if the
   * write-ahead log is off.
   *
   * <p>Checks that the logs still hold every block of the batches that run again (see
   * {@link MissingBlocksCheck}).
   *
   * @param checkpoints the checkpoint directory that holds the logs
   * @param schedule the schedule recovery restarts from, which says the batches that run again; null to take
   *     every batch the logs allocated and did not forget as one that runs again
   * @throws IllegalStateException if the receivers were already prepared or recovered
   * @throws IOException if a log cannot be read, or misses blocks (unless
   *     {@code dstream.receiver.writeAheadLog.skipMissingBlocks}); the message names them
   */
  public synchronized void recoverFromLog(CheckpointDirectory checkpoints, BatchSchedule schedule)
      throws IOException {
    requireNotOpened("recover received blocks");
    Objects.requireNonNull(checkpoints, "checkpoints");
    if (!conf.get(ConfigKeys.RECEIVER_WAL_ENABLE)) {
      LOG.info("The receivers' write-ahead log is off ({} is false): no received blocks to recover",
          ConfigKeys.RECEIVER_WAL_ENABLE);
      return;
    }
    open(checkpoints, schedule == null ? new BatchSchedule(new Time(0), new Time(0), List.of()) : schedule);
  }

  /**
   * Opens the block storage and builds a supervisor for every receiver stream that an output operation uses
   * (the others are not started, with a warning). Called at start, once the graph has started.
   *
   * @param checkpoints the context's checkpoint directory, if set
   * @throws IllegalStateException if the write-ahead log is on and no checkpoint directory is set, or a log
   *     cannot be opened
   */
  public synchronized void prepare(Optional<CheckpointDirectory> checkpoints) {
    List<ReceiverInputNode<?>> used = usedStreams();
    for (ReceiverInputNode<?> stream : streamsInOrder) {
      if (!used.contains(stream)) {
        LOG.warn("{} is not used by any output operation, so its receiver is not started (and it opens no "
            + "write-ahead log)", stream);
      }
    }
    if (used.isEmpty()) {
      return;
    }
    if (conf.get(ConfigKeys.RECEIVER_WAL_ENABLE) && checkpoints.isEmpty()) {
      throw new IllegalStateException(ConfigKeys.RECEIVER_WAL_ENABLE + " is true, but no checkpoint directory is "
          + "set, and the write-ahead log lives there; call ssc.checkpoint(directory) before start(), or turn the "
          + "write-ahead log off");
    }
    if (!opened) {
      try {
        open(checkpoints.orElse(null), null);
      } catch (IOException e) {
        throw new IllegalStateException("cannot open the receivers' write-ahead logs in " + checkpoints.get()
            + ": " + e.getMessage(), e);
      }
    }
    for (ReceiverInputNode<?> stream : used) {
      if (!blockTrackers.containsKey(stream.id())) {
        throw new IllegalStateException(stream + " is used by an output operation defined after the received "
            + "blocks were recovered; define every output operation before recovering");
      }
      supervisors.put(stream.id(), newSupervisor(stream));
      running.put(stream.id(), blockTrackers.get(stream.id()));
    }
  }

  /** Starts every prepared receiver; each runs on its own thread. */
  public synchronized void startReceivers() {
    if (receiverClock != null && !supervisors.isEmpty()) {
      receiverClock.start();
    }
    supervisors.values().forEach(ReceiverSupervisor::start);
  }

  /**
   * Asks every receiver to stop; a stopping receiver stores the records it still buffers as a last block.
   * Returns at once.
   *
   * @param reason why, reported to listeners
   */
  public void stopReceivers(String reason) {
    for (ReceiverSupervisor supervisor : supervisors()) {
      supervisor.stop(reason, null);
    }
  }

  /**
   * Waits until every receiver asked to stop has stopped and reported its last blocks, at most until the
   * stop's deadline. A receiver whose last block waits for room in the block store at the deadline cannot
   * stop until batches make room; since no batch takes what is stored after this wait, such stores are
   * refused then (counted by {@link #refusedStores()}), and the receivers get
   * {@value #REFUSED_STORE_GRACE_MILLIS} ms past the deadline to stop.
   *
   * @param deadlineNanos the stop's deadline, on the scale of {@link System#nanoTime()}
   * @return true if all have stopped (a receiver's own thread does not wait for that receiver)
   */
  public boolean awaitReceiversStopped(long deadlineNanos) {
    return awaitStoppedRefusingAtDeadline(deadlineNanos).isEmpty();
  }

  /** Returns the supervisors still running at the deadline, and after the grace that follows a refusal. */
  private List<ReceiverSupervisor> awaitStoppedRefusingAtDeadline(long deadlineNanos) {
    List<ReceiverSupervisor> running = awaitStopped(supervisors(), deadlineNanos);
    if (!running.isEmpty()) {
      refuseWaitingStores();
      // The grace counts from the first refusal (once per stop): a stop whose other steps ran past the deadline
      // still gives it, and a second wait of the same stop does not give it again.
      long graceEnd = Math.max(deadlineNanos, firstRefusalNanos)
          + TimeUnit.MILLISECONDS.toNanos(REFUSED_STORE_GRACE_MILLIS);
      running = awaitStopped(running, graceEnd);
    }
    return running;
  }

  /** Waits for the supervisors to stop; returns those still running at the deadline. */
  private static List<ReceiverSupervisor> awaitStopped(List<ReceiverSupervisor> supervisors, long deadline) {
    List<ReceiverSupervisor> running = new ArrayList<>();
    for (ReceiverSupervisor supervisor : supervisors) {
      if (supervisor.isSupervisorThread(Thread.currentThread())) {
        // A receiver that stops the context from its own thread stops once that call returns.
        continue;
      }
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      try {
        if (!supervisor.awaitTermination(left, TimeUnit.MILLISECONDS)) {
          running.add(supervisor);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.add(supervisor);
        return running;
      }
    }
    return running;
  }

  private void refuseWaitingStores() {
    synchronized (this) {
      if (!storesRefused) {
        storesRefused = true;
        firstRefusalNanos = System.nanoTime();
      }
    }
    BlockManager blocks = blockManager;
    if (blocks != null) {
      blocks.refuseWaitingStores("the streaming context stopped before batches made room for it");
    }
  }

  /**
   * Stops the receivers still running and closes the write-ahead logs. Call it once the batches have
   * stopped, before the engine closes the block store (which deletes every block; the logs keep theirs).
   *
   * @param deadlineNanos the stop's deadline, on the scale of {@link System#nanoTime()}: how long to wait for
   *     the receivers to stop (see {@link #awaitReceiversStopped})
   */
  public void close(long deadlineNanos) {
    stopReceivers("the streaming context stopped");
    // No batch runs any more, so no block will be released: a receiver waiting for room would wait forever.
    refuseWaitingStores();
    for (ReceiverSupervisor late : awaitStoppedRefusingAtDeadline(deadlineNanos)) {
      LOG.warn("The receiver of stream {} did not stop within the stop's {}; it may still be in its onStop()",
          late.streamId(), ConfigKeys.STOP_TIMEOUT.name());
    }
    if (receiverClock != null) {
      receiverClock.close();
    }
    synchronized (this) {
      for (ReceivedBlockTracker tracker : blockTrackers.values()) {
        if (tracker.log() != null) {
          try {
            tracker.log().close();
          } catch (IOException e) {
            LOG.warn("Could not close the write-ahead log of stream {}: {}", tracker.streamId(), e.getMessage());
          }
        }
      }
    }
  }

  /**
   * Counts the received blocks that {@link #close} (or an earlier refusal) refused to store because they
   * waited for room that no batch would make any more.
   *
   * @return the refused blocks and their records
   */
  public RefusedStores refusedStores() {
    BlockManager blocks = blockManager;
    return blocks == null ? new RefusedStores(0, 0) : blocks.refusedStores();
  }

  @Override
  public void allocateBlocksToBatch(Time time) {
    if (receiverClock != null) {
      // On a driven clock, the blocks cut at or before the batch time are stored and reported first.
      receiverClock.runTasksDueBy(time.milliseconds());
    }
    for (ReceivedBlockTracker tracker : running.values()) {
      tracker.allocateTo(time);
    }
  }

  /**
   * Counts the received blocks that no completed batch processed: those the given batches took, and those
   * no batch took.
   *
   * @param unprocessed the batches that were generated and not processed
   * @return the backlog of every running receiver stream
   */
  public ReceivedBacklog backlog(Set<Time> unprocessed) {
    ReceivedBacklog total = ReceivedBacklog.NONE;
    for (ReceivedBlockTracker tracker : running.values()) {
      total = total.plus(tracker.backlog(unprocessed));
    }
    return total;
  }

  @Override
  public boolean hasUnallocatedBlocks() {
    return running.values().stream().anyMatch(ReceivedBlockTracker::hasUnallocatedBlocks);
  }

  /**
   * Returns the RDD of a receiver stream's batch: its allocated blocks.
   *
   * @return the RDD, or null if the batch was already forgotten (a stream cannot hand out deleted blocks)
   */
  <T> RDD<T> blockRdd(int streamId, Time time) {
    ReceivedBlockTracker tracker = running.get(streamId);
    Optional<List<ReceivedBlock>> blocks = tracker == null ? Optional.empty() : tracker.blocksOf(time);
    if (blocks.isEmpty()) {
      // Once per stream at WARN: a window over deleted batches asks again every batch.
      if (warnedDeletedBatch.add(streamId)) {
        LOG.warn("Stream {} was asked for batch {}, whose blocks were already deleted (or never received); the "
            + "batch has no RDD (use ssc.remember to keep batches longer; further cases are logged at DEBUG)",
            streamId, time);
      } else {
        LOG.debug("Stream {} was asked for deleted batch {}; it has no RDD", streamId, time);
      }
      return null;
    }
    return RddAccess.rdd(new BlockRddNode<T>(engine, tracker, time, blocks.get()));
  }

  @Override
  public void deleteForgottenBlocks(Set<Time> unfinished) {
    for (Map.Entry<Integer, Time> forgotten : forgottenUpTo.entrySet()) {
      ReceivedBlockTracker tracker = running.get(forgotten.getKey());
      if (tracker != null) {
        tracker.forgetUpTo(forgotten.getValue(), unfinished);
      }
    }
  }

  @Override
  public void checkpointWritten(BatchSchedule durable) {
    Time finishedUpTo = durable.finishedUpTo();
    for (ReceivedBlockTracker tracker : running.values()) {
      tracker.logForgotten(finishedUpTo);
    }
  }

  /** Returns which blocks a stream's batches took, for the metadata checkpoint. */
  Object receivedProgress(int streamId) {
    ReceivedBlockTracker tracker = blockTrackers.get(streamId);
    return tracker == null ? new ReceivedBlocksProgress(List.of()) : tracker.progress();
  }

  /** Notes which blocks the checkpoint says a stream's batches took, for the check at recovery. */
  void expectReceived(int streamId, ReceivedBlocksProgress progress) {
    missingBlocks.expect(streamId, progress);
  }

  /**
   * Notes that a receiver stream has forgotten its batches up to a time; {@link #deleteForgottenBlocks}
   * deletes their blocks once the batch that completed is accounted for.
   */
  void forget(int streamId, Time upTo) {
    forgottenUpTo.merge(streamId, upTo, Time::max);
  }

  /**
   * Tells whether a thread is a receiver's: one on which a receiver's callbacks run.
   *
   * @param candidate the thread
   * @return true for a receiver supervisor's thread
   */
  public boolean isReceiverThread(Thread candidate) {
    return supervisors().stream().anyMatch(supervisor -> supervisor.isSupervisorThread(candidate));
  }

  /**
   * Returns the supervisor of a stream's receiver, once prepared.
   *
   * @param streamId the stream's id
   * @return the supervisor, if the stream's receiver runs in this context
   */
  public synchronized Optional<ReceiverSupervisor> supervisor(int streamId) {
    return Optional.ofNullable(supervisors.get(streamId));
  }

  /**
   * Returns what is known of a stream's receiver: whether it is active, its last error.
   *
   * @param streamId the stream's id
   * @return the receiver's info, if the stream's receiver runs in this context
   */
  public Optional<ReceiverInfo> receiverInfo(int streamId) {
    return reports.info(streamId);
  }

  private synchronized List<ReceiverSupervisor> supervisors() {
    return List.copyOf(supervisors.values());
  }

  /** Opens the trackers; with a schedule, recovers them from their logs, checking what the logs miss. */
  private void open(CheckpointDirectory checkpoints, BatchSchedule recovering) throws IOException {
    blockManager = engine.blockManager();
    opened = true;
    // Recovered blocks keep the ids of the run that logged them, whose stream ids may differ from this run's:
    // every stream's new blocks start after the highest number recovered from any log, so no id is reused.
    long firstNewBlockNumber = 0;
    for (ReceiverInputNode<?> stream : usedStreams()) {
      StreamLog log = checkpoints != null && conf.get(ConfigKeys.RECEIVER_WAL_ENABLE)
          ? openLog(checkpoints, stream) : null;
      ReceivedBlockTracker tracker = new ReceivedBlockTracker(stream.id(), blockManager, log);
      if (log != null && recovering != null) {
        firstNewBlockNumber = Math.max(firstNewBlockNumber, tracker.recover());
        missingBlocks.check(tracker, recovering);
      } else if (log != null) {
        int discarded = log.discardAll();
        if (discarded > 0) {
          LOG.warn("Discarded {} segments of the write-ahead log of {} left by an earlier run; use "
              + "StreamingContext.getOrCreate to process what an earlier run received", discarded, stream);
        }
      }
      blockTrackers.put(stream.id(), tracker);
      reports.register(tracker, receiverName(stream.receiver()));
    }
    this.firstNewBlockNumber = firstNewBlockNumber;
    if (recovering != null) {
      missingBlocks.finish(conf.get(ConfigKeys.RECEIVER_WAL_SKIP_MISSING_BLOCKS));
    }
  }

  /** The receiver streams that an output operation uses, in creation order: the ones whose receiver runs. */
  private List<ReceiverInputNode<?>> usedStreams() {
    Set<StreamNode<?>> usedByOutputs = graph.streamsUsedByOutputs();
    List<ReceiverInputNode<?>> used = new ArrayList<>();
    for (ReceiverInputNode<?> stream : streamsInOrder) {
      if (usedByOutputs.contains(stream)) {
        used.add(stream);
      }
    }
    return used;
  }

  /** Opens a stream's log under its stable key (read now, at start: names may be given after creation). */
  private StreamLog openLog(CheckpointDirectory checkpoints, ReceiverInputNode<?> stream) throws IOException {
    long rollingMs = conf.get(ConfigKeys.RECEIVER_WAL_ROLLING_INTERVAL).milliseconds();
    return new StreamLog(new FileWriteAheadLog(checkpoints.writeAheadLog(stream.stableKey()),
        rollingMs), serializer, clock);
  }

  private ReceiverSupervisor newSupervisor(ReceiverInputNode<?> stream) {
    ReceivedBlockTracker tracker = blockTrackers.get(stream.id());
    ReceivedBlockHandler handler = tracker.log() != null
        ? new LoggedBlockHandler(blockManager, tracker) : new BlockManagerBlockHandler(blockManager);
    ReceiverSettings settings = new ReceiverSettings(conf.get(ConfigKeys.BLOCK_INTERVAL).milliseconds(),
        conf.get(ConfigKeys.RECEIVER_RESTART_DELAY).milliseconds(), conf.get(ConfigKeys.RECEIVER_MAX_RATE),
        conf.get(ConfigKeys.RECEIVER_MAX_BUFFERED_RECORDS));
    ReceiverSupervisor.Builder builder = ReceiverSupervisor.builder(stream.receiver(), stream.id(), handler)
        .settings(settings).listener(reports).firstBlockNumber(firstNewBlockNumber);
    if (receiverClock != null) {
      builder.clock(receiverClock);
    }
    ReceiverSupervisor supervisor = builder.build();
    if (conf.get(ConfigKeys.BACKPRESSURE_ENABLED)) {
      Long initialRate = conf.get(ConfigKeys.BACKPRESSURE_INITIAL_RATE);
      if (initialRate != null) {
        supervisor.updateRate(initialRate);
      }
      PIDRateEstimator estimator = new PIDRateEstimator(graph.batchDuration().milliseconds(),
          conf.get(ConfigKeys.PID_PROPORTIONAL), conf.get(ConfigKeys.PID_INTEGRAL),
          conf.get(ConfigKeys.PID_DERIVED), conf.get(ConfigKeys.PID_MIN_RATE));
      bus.addListener(new RateController(stream.id(), estimator, supervisor::updateRate));
    }
    return supervisor;
  }

  private static String receiverName(Receiver<?> receiver) {
    String simple = receiver.getClass().getSimpleName();
    return simple.isEmpty() ? receiver.getClass().getName() : simple;
  }

  private void requireNotOpened(String what) {
    if (opened) {
      throw new IllegalStateException("cannot " + what + ": the receivers' storage is already open (the context "
          + "has started, or received blocks were already recovered)");
    }
  }
}
