package io.dstream.checkpoint.internal.wal;

/** A record read back from a {@link WriteAheadLog}: its time, its bytes, and where it is. */
public final class LogRecord {
  private final long timeMs;
  private final byte[] data;
  private final RecordHandle handle;

  LogRecord(long timeMs, byte[] data, RecordHandle handle) {
    this.timeMs = timeMs;
    this.data = data;
    this.handle = handle;
  }

  /**
   * Returns the time the record was written with.
   *
   * @return milliseconds
   */
  public long timeMs() {
    return timeMs;
  }

  /**
   * Returns the record's bytes. The array is not copied; do not modify it.
   *
   * @return the bytes
   */
  public byte[] data() {
    return data;
  }

  /**
   * Returns where the record is, as {@link WriteAheadLog#write(byte[], long)} returned it.
   *
   * @return the handle
   */
  public RecordHandle handle() {
    return handle;
  }

  /**
   * Describes the record.
   *
   * @return its time, size and place
   */
  @Override
  public String toString() {
    return "LogRecord(time " + timeMs + " ms, " + data.length + " bytes, " + handle + ")";
  }
}
