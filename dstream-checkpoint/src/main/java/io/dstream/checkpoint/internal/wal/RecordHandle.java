package io.dstream.checkpoint.internal.wal;

import java.util.Objects;

/**
 * Where a record of a {@link WriteAheadLog} is: returned by {@link WriteAheadLog#write(byte[], long)},
 * given to {@link WriteAheadLog#read(RecordHandle)}. Small and plain, so that it can be kept (for example
 * in a checkpoint) to read the record after a restart.
 *
 * @param segment the name of the segment file that holds the record
 * @param offset where the record's frame starts in the segment, in bytes
 * @param length the length of the record's frame, in bytes
 */
public record RecordHandle(String segment, long offset, int length) {
  /**
   * Checks the fields.
   *
   * @param segment the name of the segment file that holds the record
   * @param offset where the record's frame starts in the segment, in bytes
   * @param length the length of the record's frame, in bytes
   * @throws IllegalArgumentException if the offset or length is negative
   */
  public RecordHandle {
    Objects.requireNonNull(segment, "segment");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("a record handle needs an offset and a length of at least 0, got "
          + offset + " and " + length);
    }
  }
}
