package io.dstream.internal.receiver;

import io.dstream.Time;
import io.dstream.receiver.internal.FailureSeries;
import io.dstream.receiver.internal.ReceivedBlockInfo;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.internal.BlockManager;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocks of one receiver stream: those reported and waiting for a batch, and those each batch took,
 * until the batch is forgotten; then their data is deleted. With a {@link StreamLog}, every allocation is
 * logged before it takes effect, a batch is logged as forgotten only once a durable metadata checkpoint
 * records it as finished, and {@link #recover()} rebuilds the state from the log.
 *
 * <p>Blocks are reported from the receivers' threads, allocated and forgotten on the job generator's
 * thread, and read by tasks; the bookkeeping is guarded by this object's lock, reads need none.
 */
final class ReceivedBlockTracker {
  private static final Logger LOG = LoggerFactory.getLogger(ReceivedBlockTracker.class);

  private final int streamId;
  private final BlockManager blockManager;
  private final StreamLog log;
  // Written to the log by the storing thread, not yet reported by it: reported right after, same thread.
  private final Map<BlockId, LoggedBlock> loggedNotReported = new ConcurrentHashMap<>();
  private final ArrayDeque<ReceivedBlock> unallocated = new ArrayDeque<>();
  private final TreeMap<Time, Allocation> allocations = new TreeMap<>();
  // Forgotten by the stream (blocks deleted from the block manager), not yet logged as forgotten.
  private final TreeMap<Time, Allocation> forgottenNotLogged = new TreeMap<>();
  // Recovered allocations' blocks that the log no longer holds, by batch.
  private final TreeMap<Time, List<BlockId>> missingFromLog = new TreeMap<>();
  private Time lastAllocated;
  private final FailureSeries allocationLogFailures = new FailureSeries(LOG);
  private final FailureSeries blockDeleteFailures = new FailureSeries(LOG);

  /**
   * The blocks a batch took.
   *
   * @param blocks the blocks, in the order they were received
   * @param logTimeMs the time of the allocation's log record, or {@link Long#MAX_VALUE} if it has none
   */
  private record Allocation(List<ReceivedBlock> blocks, long logTimeMs) {}

  /**
   * Creates the tracker of one stream.
   *
   * @param streamId the stream's id
   * @param blockManager where the stream's blocks are stored
   * @param log the stream's write-ahead log, or null when the log is off
   */
  ReceivedBlockTracker(int streamId, BlockManager blockManager, StreamLog log) {
    this.streamId = streamId;
    this.blockManager = blockManager;
    this.log = log;
  }

  int streamId() {
    return streamId;
  }

  /** Returns the stream's write-ahead log, or null when the log is off. */
  StreamLog log() {
    return log;
  }

  /** Notes where the log keeps a block that is about to be reported. */
  void logged(BlockId id, LoggedBlock where) {
    loggedNotReported.put(id, where);
  }

  /** Takes a reported block; it waits for the next batch. */
  synchronized void addBlock(ReceivedBlockInfo info) {
    LoggedBlock logged = loggedNotReported.remove(info.blockId());
    unallocated.add(new ReceivedBlock(info.blockId(), info.numRecords(), logged));
    if (logged != null) {
      log.handedOver(logged.timeMs());
    }
  }

  /**
   * Gives every waiting block to the batch at a time, logging the allocation first: if the log cannot be
   * written, the batch gets no blocks of this stream and they wait for the next batch (the failure is
   * logged, once per series of failures). A batch that already has blocks (recovered from the log)
   * keeps them. A batch not later than the last allocated one that has none gets none: the log drops an
   * allocation only once a durable metadata checkpoint records its batch as finished (see
   * {@link #logForgotten}), and an unfinished batch keeps its allocation (see {@link #forgetUpTo}), so such a
   * batch either took no blocks or is never run again.
   */
  void allocateTo(Time batch) {
    List<ReceivedBlock> blocks;
    synchronized (this) {
      if (allocations.containsKey(batch)) {
        return;
      }
      if (lastAllocated != null && !batch.greater(lastAllocated)) {
        allocations.put(batch, new Allocation(List.of(), Long.MAX_VALUE));
        return;
      }
      blocks = List.copyOf(unallocated);
    }
    // The log is written without the lock, which every receiver's report needs: reports only append to
    // the waiting blocks, and only this (the job generator's) thread takes from them.
    long logTimeMs = Long.MAX_VALUE;
    if (log != null && !blocks.isEmpty()) {
      try {
        logTimeMs = log.writeAllocation(batch, blocks.stream().map(ReceivedBlock::id).toList());
        allocationLogFailures.succeeded("The allocations of stream " + streamId + " are logged again");
      } catch (IOException e) {
        allocationLogFailures.failed("Could not log the allocation of " + blocks.size() + " blocks of stream "
            + streamId + " to batch " + batch + "; they wait for the next batch", e);
        synchronized (this) {
          allocations.put(batch, new Allocation(List.of(), Long.MAX_VALUE));
        }
        return;
      }
    }
    synchronized (this) {
      for (int i = 0; i < blocks.size(); i++) {
        unallocated.poll();
      }
      allocations.put(batch, new Allocation(blocks, logTimeMs));
      lastAllocated = batch;
    }
  }

  /**
   * Returns the blocks of a batch.
   *
   * @return the blocks, empty if the batch was never allocated or is already forgotten
   */
  synchronized Optional<List<ReceivedBlock>> blocksOf(Time batch) {
    Allocation allocation = allocations.get(batch);
    return allocation == null ? Optional.empty() : Optional.of(allocation.blocks());
  }

  /**
   * Counts the blocks that the given batches took and the blocks that no batch took.
   *
   * @param batches the batches not processed
   * @return the backlog
   */
  synchronized ReceivedBacklog backlog(Set<Time> batches) {
    int allocated = 0;
    for (Time batch : batches) {
      Allocation allocation = allocations.get(batch);
      allocated += allocation == null ? 0 : allocation.blocks().size();
    }
    long records = unallocated.stream().mapToLong(ReceivedBlock::numRecords).sum();
    return new ReceivedBacklog(allocated, unallocated.size(), records);
  }

  synchronized boolean hasUnallocatedBlocks() {
    return !unallocated.isEmpty();
  }

  /**
   * Forgets the finished batches up to a time, which the stream no longer needs, and deletes their blocks
   * from the block manager. With a log, a batch in {@code neededByRecovery} (it failed or has not completed, or
   * it follows the latest state snapshot, so that a restart recomputes state over it) keeps its allocation and
   * blocks, since a restart needs them again; and the log keeps the forgotten allocations
   * until {@link #logForgotten} learns that a durable metadata checkpoint records their batches as finished.
   * Does no log I/O.
   *
   * @param upTo the latest batch time the stream forgot
   * @param neededByRecovery the batches a restart needs again
   */
  void forgetUpTo(Time upTo, Set<Time> neededByRecovery) {
    List<ReceivedBlock> blocks = new ArrayList<>();
    synchronized (this) {
      Iterator<Map.Entry<Time, Allocation>> done = allocations.headMap(upTo, true).entrySet().iterator();
      while (done.hasNext()) {
        Map.Entry<Time, Allocation> entry = done.next();
        if (log != null && neededByRecovery.contains(entry.getKey())) {
          continue;
        }
        blocks.addAll(entry.getValue().blocks());
        if (log != null) {
          forgottenNotLogged.put(entry.getKey(), entry.getValue());
        }
        done.remove();
      }
    }
    for (ReceivedBlock block : blocks) {
      try {
        blockManager.remove(block.id());
        blockDeleteFailures.succeeded("Blocks of stream " + streamId + " are deleted again");
      } catch (BlockStoreException e) {
        blockDeleteFailures.failed("Could not delete block " + block.id() + " of stream " + streamId, e);
      }
    }
  }

  /**
   * Logs that the forgotten batches up to a time are forgotten and cleans the log of the records no longer
   * needed, once a metadata checkpoint that records every batch up to that time as finished is durably
   * written: from then on a restart never runs those batches again. Batches whose allocation is still kept
   * (the ones a restart needs) and everything after them stay in the log. Does nothing without a log.
   *
   * @param finishedUpTo the latest time up to which the newest durable checkpoint records every batch as
   *     finished
   */
  void logForgotten(Time finishedUpTo) {
    if (log == null) {
      return;
    }
    Time upTo;
    long oldestNeeded;
    SortedMap<Time, Allocation> logged;
    synchronized (this) {
      Time limit = allocations.isEmpty() || finishedUpTo.less(allocations.firstKey())
          ? finishedUpTo : new Time(allocations.firstKey().milliseconds() - 1);
      SortedMap<Time, Allocation> forgettable = forgottenNotLogged.headMap(limit, true);
      if (forgettable.isEmpty()) {
        return;
      }
      upTo = forgettable.lastKey();
      logged = new TreeMap<>(forgettable);
      forgettable.clear();
      oldestNeeded = oldestNeededLogTime();
    }
    try {
      log.writeForgotten(upTo);
      log.clean(oldestNeeded);
    } catch (IOException e) {
      synchronized (this) {
        forgottenNotLogged.putAll(logged);
      }
      LOG.warn("Could not clean the write-ahead log of stream {} after batch {}; it is tried again after the "
          + "next metadata checkpoint: {}", streamId, upTo, e.getMessage());
    }
  }

  /** The time of the oldest log record that recovery would still need. */
  private long oldestNeededLogTime() {
    long oldest = Long.MAX_VALUE;
    for (ReceivedBlock block : unallocated) {
      oldest = Math.min(oldest, logTime(block));
    }
    for (Allocation allocation : allocations.values()) {
      oldest = Math.min(oldest, allocationLogTime(allocation));
    }
    for (Allocation allocation : forgottenNotLogged.values()) {
      oldest = Math.min(oldest, allocationLogTime(allocation));
    }
    return oldest;
  }

  private static long allocationLogTime(Allocation allocation) {
    long oldest = allocation.logTimeMs();
    for (ReceivedBlock block : allocation.blocks()) {
      oldest = Math.min(oldest, logTime(block));
    }
    return oldest;
  }

  private static long logTime(ReceivedBlock block) {
    return block.logged() == null ? Long.MAX_VALUE : block.logged().timeMs();
  }

  /**
   * Reads a block's records: from the block manager, or, if it lost the block, from the write-ahead log.
   *
   * @throws BlockStoreException if neither has the block
   */
  <T> List<T> read(ReceivedBlock block) {
    BlockStoreException unreadable = null;
    try {
      Optional<List<T>> stored = blockManager.get(block.id());
      if (stored.isPresent()) {
        return stored.get();
      }
    } catch (BlockStoreException e) {
      unreadable = e;
    }
    if (block.logged() == null) {
      throw new BlockStoreException(block.id(), "block " + block.id() + " of stream " + streamId + " is lost: "
          + (unreadable != null ? "no replica can be read" : "no replica holds it any more") + ", and no "
          + "write-ahead log keeps a copy (set dstream.receiver.writeAheadLog.enable to keep one)", unreadable);
    }
    try {
      @SuppressWarnings("unchecked")
      List<T> records = (List<T>) log.readBlock(block.logged());
      return records;
    } catch (IOException e) {
      throw new BlockStoreException(block.id(), "block " + block.id() + " of stream " + streamId + " is in "
          + "neither the block store nor readable in the write-ahead log: " + e.getMessage(), e);
    }
  }

  /**
   * Rebuilds the blocks and allocations from the write-ahead log: the batches it allocated and did not
   * forget get their blocks again, and the blocks no batch took wait for the next one. Their data stays in
   * the log and is read from there.
   *
   * @return the number after the highest block number in the log, where the stream's new blocks start
   * @throws IOException if the log cannot be read
   */
  synchronized long recover() throws IOException {
    Map<BlockId, ReceivedBlock> received = new LinkedHashMap<>();
    long nextBlockNumber = 0;
    for (StreamLog.Entry entry : log.readAll()) {
      if (entry.event() instanceof LoggedEvent.BlockAdded added) {
        BlockId id = added.id().id();
        received.put(id, new ReceivedBlock(id, added.records().size(), entry.where()));
        nextBlockNumber = Math.max(nextBlockNumber, blockNumber(id) + 1);
      } else if (entry.event() instanceof LoggedEvent.BatchAllocated allocated) {
        Time batch = new Time(allocated.batchTimeMs());
        List<ReceivedBlock> blocks = new ArrayList<>();
        List<BlockId> missing = new ArrayList<>();
        for (BlockName name : allocated.blocks()) {
          BlockId id = name.id();
          ReceivedBlock block = received.remove(id);
          if (block != null) {
            blocks.add(block);
          } else {
            missing.add(id);
          }
        }
        if (!missing.isEmpty()) {
          missingFromLog.put(batch, missing);
        }
        allocations.put(batch, new Allocation(blocks, entry.where().timeMs()));
        lastAllocated = lastAllocated == null ? batch : lastAllocated.max(batch);
      } else if (entry.event() instanceof LoggedEvent.BatchesForgotten forgotten) {
        allocations.headMap(new Time(forgotten.upToMs()), true).clear();
        missingFromLog.headMap(new Time(forgotten.upToMs()), true).clear();
      }
    }
    unallocated.addAll(received.values());
    LOG.info("Recovered stream {} from its write-ahead log: {} batches to process again, {} blocks waiting for a "
        + "batch", streamId, allocations.size(), unallocated.size());
    return nextBlockNumber;
  }

  /** Returns the blocks that recovered allocations name and the log no longer holds, by batch. */
  synchronized Map<Time, List<BlockId>> blocksMissingFromLog() {
    return new TreeMap<>(missingFromLog);
  }

  /** Returns every block this tracker holds: waiting for a batch, or taken by one not yet forgotten. */
  synchronized Set<BlockId> knownBlocks() {
    Set<BlockId> known = new HashSet<>();
    unallocated.forEach(block -> known.add(block.id()));
    allocations.values().forEach(allocation -> allocation.blocks().forEach(block -> known.add(block.id())));
    return known;
  }

  /** Returns the batches that took blocks and are not forgotten, for the metadata checkpoint. */
  synchronized ReceivedBlocksProgress progress() {
    List<ReceivedBlocksProgress.Batch> batches = new ArrayList<>();
    for (Map.Entry<Time, Allocation> allocation : allocations.entrySet()) {
      if (!allocation.getValue().blocks().isEmpty()) {
        batches.add(new ReceivedBlocksProgress.Batch(allocation.getKey().milliseconds(), allocation.getValue()
            .blocks().stream().map(block -> new ReceivedBlocksProgress.Block(BlockName.of(block.id()), block.numRecords()))
            .toList()));
      }
    }
    return new ReceivedBlocksProgress(batches);
  }

  private static long blockNumber(BlockId id) {
    if (!(id instanceof BlockId.Stream received)) {
      throw new IllegalStateException("a receiver's write-ahead log holds block " + id + ", which is not a "
          + "received block (input-<stream>-<number>); was the log directory written by something else?");
    }
    return received.number();
  }

  @Override
  public String toString() {
    return "ReceivedBlockTracker(stream " + streamId + ")";
  }
}
