package io.dstream.internal.receiver;

import io.dstream.Clock;
import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.Time;
import io.dstream.checkpoint.internal.wal.FileWriteAheadLog;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.durable.CheckpointDirectory;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.scheduler.BatchSchedule;
import io.dstream.rdd.RDD;
import io.dstream.storage.internal.BlockManager;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The received blocks of every running receiver stream, one {@link ReceivedBlockTracker} each: the one place
 * where blocks are allocated to batches, served to a batch's RDD, forgotten with the batches their stream
 * forgot, and deleted. With {@code dstream.receiver.writeAheadLog.enable} each stream's blocks and allocations
 * are also logged under the checkpoint directory, and {@link #open} with a schedule rebuilds them after a
 * crash.
 *
 * <p>Blocks are reported from the receivers' threads; allocation, forgetting and deletion happen on the job
 * generator's thread; RDDs are served to the batch's jobs. The maps are concurrent; each tracker guards its own
 * bookkeeping.
 */
final class BlockLedger {
  private static final Logger LOG = LoggerFactory.getLogger(BlockLedger.class);

  private final StreamingConf conf;
  private final Engine engine;
  private final Clock clock;
  private final Serializer serializer;
  private final Map<Integer, ReceivedBlockTracker> trackers = new ConcurrentHashMap<>();
  private final Map<Integer, ReceivedBlockTracker> running = new ConcurrentHashMap<>();
  private final Map<Integer, Time> forgottenUpTo = new ConcurrentHashMap<>();
  private final Set<Integer> warnedDeletedBatch = ConcurrentHashMap.newKeySet();
  private final MissingBlocksCheck missingBlocks = new MissingBlocksCheck();
  private volatile boolean opened;

  BlockLedger(StreamingConf conf, Engine engine, Clock clock, Serializer serializer) {
    this.conf = conf;
    this.engine = engine;
    this.clock = clock;
    this.serializer = serializer;
  }

  /** Tells whether {@link #open} has run: the storage is open, recovered or not. */
  boolean isOpen() {
    return opened;
  }

  /**
   * Opens a tracker for each stream; with a schedule, recovers them from their logs, checking what the logs
   * miss (see {@link MissingBlocksCheck}).
   *
   * @param streams the receiver streams that an output operation uses
   * @param checkpoints the checkpoint directory, or null if none is set
   * @param recovering the schedule recovery restarts from, or null when not recovering
   * @return the number the streams' new blocks start at: after every number recovered from any log, since
   *     recovered blocks keep the ids of the run that logged them, whose stream ids may differ from this run's
   * @throws IOException if a log cannot be opened or read, or misses blocks a batch that runs again needs
   */
  long open(List<ReceiverInputStreamNode<?>> streams, CheckpointDirectory checkpoints, BatchSchedule recovering)
      throws IOException {
    opened = true;
    BlockManager blockManager = engine.blockManager();
    long firstNewBlockNumber = 0;
    for (ReceiverInputStreamNode<?> stream : streams) {
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
      trackers.put(stream.id(), tracker);
    }
    if (recovering != null) {
      missingBlocks.finish(conf.get(ConfigKeys.RECEIVER_WAL_SKIP_MISSING_BLOCKS));
    }
    return firstNewBlockNumber;
  }

  /** Opens a stream's log under its stable key (read now, at start: names may be given after creation). */
  private StreamLog openLog(CheckpointDirectory checkpoints, ReceiverInputStreamNode<?> stream) throws IOException {
    long rollingMs = conf.get(ConfigKeys.RECEIVER_WAL_ROLLING_INTERVAL).milliseconds();
    return new StreamLog(new FileWriteAheadLog(checkpoints.writeAheadLog(stream.stableKey()), rollingMs),
        serializer, clock);
  }

  /** Returns the tracker opened for a stream, if any. */
  Optional<ReceivedBlockTracker> tracker(int streamId) {
    return Optional.ofNullable(trackers.get(streamId));
  }

  /** Makes a stream's blocks part of the batches: its receiver runs from now on. */
  void run(int streamId) {
    running.put(streamId, trackers.get(streamId));
  }

  /** Allocates every running stream's unallocated blocks to the batch at {@code time}. */
  void allocateTo(Time time) {
    for (ReceivedBlockTracker tracker : running.values()) {
      tracker.allocateTo(time);
    }
  }

  /** Tells whether some running stream has blocks no batch took yet. */
  boolean hasUnallocatedBlocks() {
    return running.values().stream().anyMatch(ReceivedBlockTracker::hasUnallocatedBlocks);
  }

  /** Counts the blocks no completed batch processed: those of the given batches, and those no batch took. */
  ReceivedBacklog backlog(Set<Time> unprocessed) {
    ReceivedBacklog total = ReceivedBacklog.NONE;
    for (ReceivedBlockTracker tracker : running.values()) {
      total = total.plus(tracker.backlog(unprocessed));
    }
    return total;
  }

  /**
   * Returns the RDD of a receiver stream's batch: its allocated blocks.
   *
   * @return the RDD, or null if the batch was already forgotten (a stream cannot hand out deleted blocks)
   */
  <T> RddNode<T> batchRdd(int streamId, Time time) {
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
    return new BlockRddNode<T>(engine, tracker, time, blocks.get());
  }

  /**
   * Notes that a stream has forgotten its batches up to a time; {@link #deleteForgottenBlocks} deletes their
   * blocks once the batch that completed is accounted for.
   */
  void forget(int streamId, Time upTo) {
    forgottenUpTo.merge(streamId, upTo, Time::max);
  }

  /** Deletes the blocks of the forgotten batches, except those a restart needs when they are logged. */
  void deleteForgottenBlocks(Set<Time> neededByRecovery) {
    for (Map.Entry<Integer, Time> forgotten : forgottenUpTo.entrySet()) {
      ReceivedBlockTracker tracker = running.get(forgotten.getKey());
      if (tracker != null) {
        tracker.forgetUpTo(forgotten.getValue(), neededByRecovery);
      }
    }
  }

  /** Lets the logs drop the forgotten batches a durable checkpoint records as finished. */
  void checkpointWritten(BatchSchedule durable) {
    Time finishedUpTo = durable.finishedUpTo();
    for (ReceivedBlockTracker tracker : running.values()) {
      tracker.logForgotten(finishedUpTo);
    }
  }

  /** Returns which blocks a stream's batches took, for the metadata checkpoint. */
  Object progress(int streamId) {
    ReceivedBlockTracker tracker = trackers.get(streamId);
    return tracker == null ? new ReceivedBlocksProgress(List.of()) : tracker.progress();
  }

  /** Notes which blocks the checkpoint says a stream's batches took, for the check at recovery. */
  void expectReceived(int streamId, ReceivedBlocksProgress progress) {
    missingBlocks.expect(streamId, progress);
  }

  /** Closes the write-ahead logs; the blocks stay in the block store, which the engine closes. */
  void closeLogs() {
    for (ReceivedBlockTracker tracker : trackers.values()) {
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
