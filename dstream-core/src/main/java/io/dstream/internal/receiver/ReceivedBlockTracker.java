package io.dstream.internal.receiver;

import io.dstream.Time;
import io.dstream.receiver.internal.ReceivedBlockInfo;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.internal.BlockManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocks of one receiver stream: those reported and waiting for a batch, and those each batch took,
 * until the batch is forgotten; then their data is deleted. With a {@link StreamLog}, every allocation and
 * forgetting is logged before it takes effect, and {@link #recover()} rebuilds the state from the log.
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
  private Time lastAllocated;

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
   * written, the blocks wait for the next batch. A batch that already has blocks (recovered from the log)
   * keeps them, and a batch not later than the last allocated one that has none (it was processed before a
   * restart) gets none.
   *
   * @throws UncheckedIOException if the allocation cannot be logged
   */
  synchronized void allocateTo(Time batch) {
    if (allocations.containsKey(batch)) {
      return;
    }
    if (lastAllocated != null && !batch.greater(lastAllocated)) {
      allocations.put(batch, new Allocation(List.of(), Long.MAX_VALUE));
      return;
    }
    List<ReceivedBlock> blocks = List.copyOf(unallocated);
    long logTimeMs = Long.MAX_VALUE;
    if (log != null && !blocks.isEmpty()) {
      try {
        logTimeMs = log.writeAllocation(batch, blocks.stream().map(ReceivedBlock::id).toList());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot log the allocation of " + blocks.size() + " blocks of stream "
            + streamId + " to batch " + batch + "; they wait for the next batch: " + e.getMessage(), e);
      }
    }
    unallocated.clear();
    allocations.put(batch, new Allocation(blocks, logTimeMs));
    lastAllocated = batch;
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

  synchronized boolean hasUnallocatedBlocks() {
    return !unallocated.isEmpty();
  }

  /**
   * Forgets every batch up to a time and deletes its blocks' data, from the block manager and, once it is
   * logged that they are forgotten, from the write-ahead log.
   */
  synchronized void forgetUpTo(Time upTo) {
    SortedMap<Time, Allocation> done = allocations.headMap(upTo, true);
    if (done.isEmpty()) {
      return;
    }
    List<ReceivedBlock> blocks = new ArrayList<>();
    done.values().forEach(allocation -> blocks.addAll(allocation.blocks()));
    done.clear();
    for (ReceivedBlock block : blocks) {
      try {
        blockManager.remove(block.id());
      } catch (BlockStoreException e) {
        LOG.warn("Could not delete block {} of stream {}: {}", block.id(), streamId, e.getMessage());
      }
    }
    if (log != null) {
      try {
        log.writeForgotten(upTo);
        log.clean(oldestNeededLogTime());
      } catch (IOException e) {
        LOG.warn("Could not clean the write-ahead log of stream {} after batch {}; it is tried again after the "
            + "next batch: {}", streamId, upTo, e.getMessage());
      }
    }
  }

  /** The time of the oldest log record that recovery would still need. */
  private long oldestNeededLogTime() {
    long oldest = Long.MAX_VALUE;
    for (ReceivedBlock block : unallocated) {
      oldest = Math.min(oldest, logTime(block));
    }
    for (Allocation allocation : allocations.values()) {
      oldest = Math.min(oldest, allocation.logTimeMs());
      for (ReceivedBlock block : allocation.blocks()) {
        oldest = Math.min(oldest, logTime(block));
      }
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
        received.put(added.id(), new ReceivedBlock(added.id(), added.records().size(), entry.where()));
        nextBlockNumber = Math.max(nextBlockNumber, blockNumber(added.id()) + 1);
      } else if (entry.event() instanceof LoggedEvent.BatchAllocated allocated) {
        List<ReceivedBlock> blocks = new ArrayList<>();
        for (BlockId id : allocated.blocks()) {
          ReceivedBlock block = received.remove(id);
          if (block != null) {
            blocks.add(block);
          }
        }
        Time batch = new Time(allocated.batchTimeMs());
        allocations.put(batch, new Allocation(blocks, entry.where().timeMs()));
        lastAllocated = lastAllocated == null ? batch : lastAllocated.max(batch);
      } else if (entry.event() instanceof LoggedEvent.BatchesForgotten forgotten) {
        allocations.headMap(new Time(forgotten.upToMs()), true).clear();
      }
    }
    unallocated.addAll(received.values());
    LOG.info("Recovered stream {} from its write-ahead log: {} batches to process again, {} blocks waiting for a "
        + "batch", streamId, allocations.size(), unallocated.size());
    return nextBlockNumber;
  }

  private static long blockNumber(BlockId id) {
    String name = id.name();
    return Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
  }

  @Override
  public String toString() {
    return "ReceivedBlockTracker(stream " + streamId + ")";
  }
}
