package io.dstream.checkpoint.fs;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream to a file that can force what was written to durable storage, so that it survives a crash of
 * the process or of the machine. Returned by {@link FileSystem#create(String)}.
 */
public abstract class DurableOutputStream extends OutputStream {
  /** Creates the stream. */
  protected DurableOutputStream() {}

  /**
   * Flushes buffered bytes and forces everything written so far to durable storage (on a local disk: an
   * fsync). It costs a disk round trip, milliseconds on a spinning disk; call it only where durability is
   * needed.
   *
   * @throws IOException if the bytes cannot be written or forced, or the stream is closed
   */
  public abstract void sync() throws IOException;
}
