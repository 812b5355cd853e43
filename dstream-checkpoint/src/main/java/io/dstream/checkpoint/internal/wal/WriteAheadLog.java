package io.dstream.checkpoint.internal.wal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * An append-only log of records, each stamped with a time, that survives a crash: what a receiver writes
 * before it acknowledges data, and what recovery reads back. Records older than what recovery needs are
 * dropped with {@link #clean(long)}.
 *
 * <pre>{@code
 * try (WriteAheadLog log = new FileWriteAheadLog(FileSystems.resolve("/var/app/wal"), 60_000)) {
 *   RecordHandle handle = log.write(blockBytes, clock.millis());
 *   byte[] again = log.read(handle);
 *   List<LogRecord> sinceCheckpoint = log.readAfter(checkpointTime);
 *   log.clean(checkpointTime);
 * }
 * }</pre>
 */
public interface WriteAheadLog extends Closeable {
  /**
   * Appends a record; when this returns, the record is as durable as the implementation promises.
   *
   * @param data the record's bytes
   * @param timeMs the record's time in milliseconds, at least 0; {@link #readAfter(long)} and
   *     {@link #clean(long)} go by it
   * @return where the record is, for {@link #read(RecordHandle)}
   * @throws IllegalArgumentException if the time is negative
   * @throws IllegalStateException if the log is closed
   * @throws IOException if the record cannot be written
   */
  RecordHandle write(byte[] data, long timeMs) throws IOException;

  /**
   * Reads back one record.
   *
   * @param handle what {@link #write(byte[], long)} returned
   * @return the record's bytes
   * @throws java.nio.file.NoSuchFileException if the record was cleaned
   * @throws io.dstream.checkpoint.serializer.CorruptDataException if the record is damaged
   * @throws IllegalStateException if the log is closed
   * @throws IOException if it cannot be read
   */
  byte[] read(RecordHandle handle) throws IOException;

  /**
   * Reads back, in the order they were written, the records whose time is after a given time; a record cut
   * short by a crash is not returned.
   *
   * @param timeMs the time, in milliseconds; records of exactly this time are not returned
   * @return the records, in a new list
   * @throws io.dstream.checkpoint.serializer.CorruptDataException if the log is damaged anywhere but at the
   *     end of a segment; the message names the place
   * @throws IllegalStateException if the log is closed
   * @throws IOException if the log cannot be read
   */
  List<LogRecord> readAfter(long timeMs) throws IOException;

  /**
   * Reads back every record, in the order they were written; see {@link #readAfter(long)}.
   *
   * @return the records, in a new list
   * @throws io.dstream.checkpoint.serializer.CorruptDataException if the log is damaged anywhere but at the
   *     end of a segment
   * @throws IllegalStateException if the log is closed
   * @throws IOException if the log cannot be read
   */
  default List<LogRecord> readAll() throws IOException {
    return readAfter(Long.MIN_VALUE);
  }

  /**
   * Describes the parts of the log that are gone although parts written after them are still there (a
   * segment deleted between two that exist), for recovery to report: the records they held cannot be read
   * back. Cleaning never makes such a gap, since it deletes only the oldest part of the log, in the order it
   * was written.
   *
   * @return one description per gap, naming what is missing; empty if the log is whole (or cannot tell)
   * @throws IllegalStateException if the log is closed
   * @throws IOException if the log cannot be listed
   */
  default List<String> missingParts() throws IOException {
    return List.of();
  }

  /**
   * Deletes records older than a given time, from the start of the log: records are deleted in whole parts
   * (segments), in the order they were written, up to the first part that holds a record of this time or
   * later, so some older records may stay until a later call; no record of this time or later is deleted.
   *
   * @param thresholdMs the time in milliseconds
   * @return how many segments were deleted
   * @throws IllegalStateException if the log is closed
   * @throws IOException if a segment cannot be deleted
   */
  int clean(long thresholdMs) throws IOException;

  /**
   * Makes what was written durable and releases the log's files; later calls of the other methods throw
   * {@link IllegalStateException}. Closing twice does nothing.
   *
   * @throws IOException if the last segment cannot be made durable or closed
   */
  @Override
  void close() throws IOException;
}
