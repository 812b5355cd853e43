package io.dstream.internal.receiver;

import io.dstream.Clock;
import io.dstream.Time;
import io.dstream.checkpoint.internal.wal.LogRecord;
import io.dstream.checkpoint.internal.wal.WriteAheadLog;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.storage.BlockId;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The write-ahead log of one receiver stream, as {@link LoggedEvent}s: its received blocks (with their
 * data), the allocations of blocks to batches, and the batches forgotten. Each record is stamped with the
 * context's clock, never going backwards, and {@link #clean(long)} deletes what is older than the oldest
 * record still needed.
 *
 * <p>A block is written by the thread that stores it, before the tracker hears of it. Until the tracker has
 * it ({@link #handedOver(long)}), its time is held here as pending, so that a clean in between cannot
 * delete it: a clean computes its threshold and deletes under this object's lock, and a write takes its time
 * under the same lock, so every record written is either pending at the clean or newer than its threshold.
 * Thread-safe.
 */
final class StreamLog implements Closeable {
  private final WriteAheadLog log;
  private final Serializer serializer;
  private final Clock clock;
  private final TreeMap<Long, Integer> pendingTimes = new TreeMap<>(); // guarded by this
  private long latestTimeMs; // guarded by this

  StreamLog(WriteAheadLog log, Serializer serializer, Clock clock) {
    this.log = log;
    this.serializer = serializer;
    this.clock = clock;
  }

  /**
   * Writes a block's records; returns once the log has them. The block's time stays pending until
   * {@link #handedOver(long)}.
   *
   * @throws IOException if the log cannot be written (the time is then no longer pending)
   * @throws IllegalArgumentException if a record cannot be serialized
   */
  LoggedBlock writeBlock(BlockId id, List<?> records) throws IOException {
    byte[] bytes = serializer.serialize(new LoggedEvent.BlockAdded(BlockName.of(id), records));
    long timeMs = reservePendingTime();
    try {
      return new LoggedBlock(log.write(bytes, timeMs), timeMs);
    } catch (IOException | RuntimeException e) {
      handedOver(timeMs);
      throw e;
    }
  }

  /** Tells that the block written at a time is now known to the tracker, or was given up. */
  synchronized void handedOver(long timeMs) {
    pendingTimes.computeIfPresent(timeMs, (time, count) -> count == 1 ? null : count - 1);
  }

  /**
   * Logs that a batch took these blocks.
   *
   * @return the record's time
   * @throws IOException if the log cannot be written
   */
  long writeAllocation(Time batch, List<BlockId> blocks) throws IOException {
    long timeMs = nextTime();
    log.write(serializer.serialize(new LoggedEvent.BatchAllocated(batch.milliseconds(),
        blocks.stream().map(BlockName::of).toList())),
        timeMs);
    return timeMs;
  }

  /**
   * Logs that every batch up to a time is forgotten.
   *
   * @throws IOException if the log cannot be written
   */
  void writeForgotten(Time upTo) throws IOException {
    log.write(serializer.serialize(new LoggedEvent.BatchesForgotten(upTo.milliseconds())), nextTime());
  }

  /**
   * Reads a block's records back.
   *
   * @throws IOException if the record cannot be read, or is not a block
   */
  List<?> readBlock(LoggedBlock block) throws IOException {
    Object event = serializer.deserialize(log.read(block.handle()));
    if (!(event instanceof LoggedEvent.BlockAdded added)) {
      throw new CorruptDataException("the write-ahead log record at " + block.handle() + " holds "
          + (event == null ? "null" : event.getClass().getName()) + ", not a block");
    }
    return added.records();
  }

  /**
   * Reads every event still in the log, in the order written, each with where it is; a block's data is read
   * back when its batch needs it.
   *
   * @throws IOException if the log cannot be read or a record is corrupt
   */
  List<Entry> readAll() throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (LogRecord record : log.readAll()) {
      Object event = serializer.deserialize(record.data());
      if (!(event instanceof LoggedEvent logged)) {
        throw new CorruptDataException("the write-ahead log record " + record + " holds "
            + (event == null ? "null" : event.getClass().getName()) + ", not a receiver log event");
      }
      synchronized (this) {
        latestTimeMs = Math.max(latestTimeMs, record.timeMs());
      }
      entries.add(new Entry(logged, new LoggedBlock(record.handle(), record.timeMs())));
    }
    return entries;
  }

  /**
   * Describes the parts missing from the log between parts that exist (a deleted segment).
   *
   * @throws IOException if the log cannot be listed
   */
  List<String> missingParts() throws IOException {
    return log.missingParts();
  }

  /**
   * Deletes the records older than both {@code neededFromMs} and every pending block.
   *
   * @param neededFromMs the time of the oldest record the tracker still needs, or {@link Long#MAX_VALUE}
   * @throws IOException if a segment cannot be deleted
   */
  synchronized void clean(long neededFromMs) throws IOException {
    long threshold = Math.min(neededFromMs, latestTimeMs);
    if (!pendingTimes.isEmpty()) {
      threshold = Math.min(threshold, pendingTimes.firstKey());
    }
    log.clean(threshold);
  }

  /**
   * Deletes every record: what a fresh start does with the log of an earlier run it does not recover.
   *
   * @return how many segments were deleted
   * @throws IOException if a segment cannot be deleted
   */
  synchronized int discardAll() throws IOException {
    return log.clean(Long.MAX_VALUE);
  }

  @Override
  public void close() throws IOException {
    log.close();
  }

  private synchronized long reservePendingTime() {
    long timeMs = nextTime();
    pendingTimes.merge(timeMs, 1, Integer::sum);
    return timeMs;
  }

  private synchronized long nextTime() {
    latestTimeMs = Math.max(latestTimeMs, clock.getTimeMillis());
    return latestTimeMs;
  }

  /**
   * An event read back from the log.
   *
   * @param event the event
   * @param where its record: for a block, where its data is
   */
  record Entry(LoggedEvent event, LoggedBlock where) {}

  @Override
  public String toString() {
    return "StreamLog(" + log + ")";
  }
}
