package io.dstream.internal.receiver;

import io.dstream.Clock;
import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.Time;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.durable.CheckpointDirectory;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.scheduler.BatchSchedule;
import io.dstream.internal.scheduler.BlockAllocator;
import io.dstream.internal.scheduler.FailureHandler;
import io.dstream.internal.scheduler.ListenerBus;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.StreamNode;
import io.dstream.receiver.Receiver;
import io.dstream.receiver.internal.ReceiverSupervisor;
import io.dstream.scheduler.ReceiverInfo;
import io.dstream.storage.internal.BlockManager;
import io.dstream.storage.internal.RefusedStores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receivers of one context: creates the receiver streams, and runs the receivers of those an output
 * operation uses through their lifecycle. Two parts do the work: the {@link BlockLedger} keeps each stream's
 * blocks (allocation to batches, the batches' RDDs, forgetting and deletion, the write-ahead log and its
 * recovery), and the {@link ReceiverLauncher} runs the supervisors and rate controllers. A stream reads its
 * batches from the ledger directly; the tracker only wires them and orders the steps.
 *
 * <p>Blocks live in the engine's {@link BlockManager} (in a temporary directory, memory bounded by
 * {@code dstream.storage.memoryFraction}, shared with cached partitions); with
 * {@code dstream.receiver.writeAheadLog.enable} each stream that an output operation uses also logs its
 * blocks and allocations under the checkpoint directory, and {@link #recoverFromLog} rebuilds them after a
 * crash. A stream no output uses has no receiver running, so it opens no log: it would only leave an empty
 * directory, and on recovery read blocks no batch asks for.
 *
 * <p>Lifecycle: streams are created before start; {@link #prepare} (at start, after the graph has started)
 * opens the storage and builds the supervisors, {@link #startReceivers()} starts them, {@link #stopReceivers}
 * stops them (their buffered records become blocks), {@link #close} closes the write-ahead logs (the engine
 * closes the block store).
 */
public final class ReceiverTracker implements BlockAllocator {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverTracker.class);

  private final StreamingConf conf;
  private final DStreamGraph graph;
  private final Engine engine;
  private final ReceiverReports reports;
  private final BlockLedger ledger;
  private final ReceiverLauncher launcher;
  private final Map<Receiver<?>, ReceiverInputStreamNode<?>> streams = new IdentityHashMap<>();
  private final List<ReceiverInputStreamNode<?>> streamsInOrder = new ArrayList<>();
  private volatile BlockManager blockManager;
  private long firstNewBlockNumber;

  /**
   * Creates the tracker; it holds no resources until {@link #prepare} or {@link #recoverFromLog}.
   *
   * @param conf the context's configuration
   * @param graph the context's graph
   * @param engine runs the batches' RDDs
   * @param bus where receiver events go
   * @param clock the context's clock: stamps errors and log records, and drives the receivers' timers
   * @param serializer serializes the write-ahead log's records, and reads the bytes receivers store
   * @param failures told of a fatal error that a receiver reported
   */
  public ReceiverTracker(StreamingConf conf, DStreamGraph graph, Engine engine, ListenerBus bus, Clock clock,
      Serializer serializer, FailureHandler failures) {
    this.conf = conf;
    this.graph = graph;
    this.engine = engine;
    this.reports = new ReceiverReports(bus, clock, failures);
    this.ledger = new BlockLedger(conf, engine, clock, serializer);
    this.launcher = new ReceiverLauncher(conf, bus, clock, graph.batchDuration().milliseconds(), reports,
        serializer);
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
  public synchronized <T> ReceiverInputStreamNode<T> newStream(Receiver<T> receiver, String operationName) {
    Objects.requireNonNull(receiver, "receiver");
    graph.checkCanDefineStreams("create a receiver stream");
    ReceiverInputStreamNode<?> existing = streams.get(receiver);
    if (existing != null) {
      throw new IllegalArgumentException("the receiver " + receiver.getClass().getName() + " already feeds "
          + existing + "; a receiver object runs once: create a new receiver for each stream");
    }
    ReceiverInputStreamNode<T> stream = new ReceiverInputStreamNode<>(graph, receiver, ledger, operationName);
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
    List<ReceiverInputStreamNode<?>> used = usedStreams();
    for (ReceiverInputStreamNode<?> stream : streamsInOrder) {
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
    if (!ledger.isOpen()) {
      try {
        open(checkpoints.orElse(null), null);
      } catch (IOException e) {
        throw new IllegalStateException("cannot open the receivers' write-ahead logs in " + checkpoints.get()
            + ": " + e.getMessage(), e);
      }
    }
    for (ReceiverInputStreamNode<?> stream : used) {
      ReceivedBlockTracker tracker = ledger.tracker(stream.id()).orElseThrow(() -> new IllegalStateException(stream
          + " is used by an output operation defined after the received blocks were recovered; define every "
          + "output operation before recovering"));
      launcher.prepare(stream, tracker, blockManager, firstNewBlockNumber);
      ledger.run(stream.id());
    }
  }

  /** Starts every prepared receiver; each runs on its own thread. */
  public void startReceivers() {
    launcher.startAll();
  }

  /**
   * Asks every receiver to stop; a stopping receiver stores the records it still buffers as a last block.
   * Returns at once.
   *
   * @param reason why, reported to listeners
   */
  public void stopReceivers(String reason) {
    launcher.stopAll(reason);
  }

  /**
   * Waits until every receiver asked to stop has stopped and reported its last blocks, at most until the
   * stop's deadline. A receiver whose last block waits for room in the block store at the deadline cannot
   * stop until batches make room; since no batch takes what is stored after this wait, such stores are
   * refused then (counted by {@link #refusedStores()}), and the receivers get
   * {@value ReceiverLauncher#REFUSED_STORE_GRACE_MILLIS} ms past the deadline to stop.
   *
   * @param deadlineNanos the stop's deadline, on the scale of {@link System#nanoTime()}
   * @return true if all have stopped (a receiver's own thread does not wait for that receiver)
   */
  public boolean awaitReceiversStopped(long deadlineNanos) {
    return launcher.awaitStoppedRefusingAtDeadline(deadlineNanos).isEmpty();
  }

  /**
   * Stops the receivers still running and closes the write-ahead logs. Call it once the batches have
   * stopped, before the engine closes the block store (which deletes every block; the logs keep theirs).
   *
   * @param deadlineNanos the stop's deadline, on the scale of {@link System#nanoTime()}: how long to wait for
   *     the receivers to stop (see {@link #awaitReceiversStopped})
   */
  public void close(long deadlineNanos) {
    launcher.stopAll("the streaming context stopped");
    // No batch runs any more, so no block will be released: a receiver waiting for room would wait forever.
    launcher.refuseWaitingStores();
    for (ReceiverSupervisor late : launcher.awaitStoppedRefusingAtDeadline(deadlineNanos)) {
      LOG.warn("The receiver of stream {} did not stop within the stop's {}; it may still be in its onStop()",
          late.streamId(), ConfigKeys.STOP_TIMEOUT.name());
    }
    launcher.closeClock();
    ledger.closeLogs();
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
    // On a clock other than the system's, the blocks cut at or before the batch time are stored first.
    launcher.runTimersDueBy(time);
    ledger.allocateTo(time);
  }

  /**
   * Counts the received blocks that no completed batch processed: those the given batches took, and those
   * no batch took.
   *
   * @param unprocessed the batches that were generated and not processed
   * @return the backlog of every running receiver stream
   */
  public ReceivedBacklog backlog(Set<Time> unprocessed) {
    return ledger.backlog(unprocessed);
  }

  @Override
  public boolean hasUnallocatedBlocks() {
    return ledger.hasUnallocatedBlocks();
  }

  @Override
  public void deleteForgottenBlocks(Set<Time> neededByRecovery) {
    ledger.deleteForgottenBlocks(neededByRecovery);
  }

  @Override
  public void checkpointWritten(BatchSchedule durable) {
    ledger.checkpointWritten(durable);
  }

  /**
   * Tells whether a thread is a receiver's: one on which a receiver's callbacks run.
   *
   * @param candidate the thread
   * @return true for a receiver supervisor's thread
   */
  public boolean isReceiverThread(Thread candidate) {
    return launcher.isReceiverThread(candidate);
  }

  /**
   * Returns the supervisor of a stream's receiver, once prepared.
   *
   * @param streamId the stream's id
   * @return the supervisor, if the stream's receiver runs in this context
   */
  public Optional<ReceiverSupervisor> supervisor(int streamId) {
    return launcher.supervisor(streamId);
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

  /** Opens the ledger; with a schedule, recovers the streams' blocks from their logs. */
  private void open(CheckpointDirectory checkpoints, BatchSchedule recovering) throws IOException {
    blockManager = engine.blockManager();
    List<ReceiverInputStreamNode<?>> used = usedStreams();
    firstNewBlockNumber = ledger.open(used, checkpoints, recovering);
    for (ReceiverInputStreamNode<?> stream : used) {
      reports.register(ledger.tracker(stream.id()).orElseThrow(), receiverName(stream.receiver()));
    }
  }

  /** The receiver streams that an output operation uses, in creation order: the ones whose receiver runs. */
  private List<ReceiverInputStreamNode<?>> usedStreams() {
    Set<StreamNode<?>> usedByOutputs = graph.streamsUsedByOutputs();
    List<ReceiverInputStreamNode<?>> used = new ArrayList<>();
    for (ReceiverInputStreamNode<?> stream : streamsInOrder) {
      if (usedByOutputs.contains(stream)) {
        used.add(stream);
      }
    }
    return used;
  }

  private static String receiverName(Receiver<?> receiver) {
    String simple = receiver.getClass().getSimpleName();
    return simple.isEmpty() ? receiver.getClass().getName() : simple;
  }

  private void requireNotOpened(String what) {
    if (ledger.isOpen()) {
      throw new IllegalStateException("cannot " + what + ": the receivers' storage is already open (the context "
          + "has started, or received blocks were already recovered)");
    }
  }
}
