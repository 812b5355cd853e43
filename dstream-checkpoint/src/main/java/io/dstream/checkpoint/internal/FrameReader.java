package io.dstream.checkpoint.internal;

import io.dstream.checkpoint.internal.FrameResult.Damage;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads the frames that {@link Frames} wrote, one by one, and says exactly what is wrong with a damaged
 * one instead of throwing: each format decides for itself whether a torn last frame is an error (an object
 * file, a checkpoint) or the expected trace of a crash (a write-ahead log). Not thread-safe.
 */
public final class FrameReader implements Closeable {
  private final InputStream in;
  private long position;

  /**
   * Starts reading frames at the stream's current position.
   *
   * @param in the stream; closed by {@link #close()}
   * @param startOffset the offset of the stream's current position in its file, used in results
   */
  public FrameReader(InputStream in, long startOffset) {
    InputStream source = Objects.requireNonNull(in, "in");
    this.in = source.markSupported() ? source : new BufferedInputStream(source);
    this.position = startOffset;
  }

  /**
   * Tells whether any byte follows the current position.
   *
   * @return false at the end of the data
   * @throws IOException if reading fails
   */
  public boolean hasMore() throws IOException {
    in.mark(1);
    int next = in.read();
    in.reset();
    return next >= 0;
  }

  /**
   * Returns the offset of the next frame.
   *
   * @return the offset in bytes
   */
  public long position() {
    return position;
  }

  /**
   * Reads the next frame. After a {@link FrameResult.Damaged} result the position is undefined: stop
   * reading.
   *
   * @return the frame, the end of the data, or what is wrong with the frame
   * @throws IOException if reading fails
   */
  public FrameResult next() throws IOException {
    long start = position;
    byte[] header = readUpTo(Frames.HEADER_BYTES);
    if (header.length == 0) {
      return new FrameResult.End(start);
    }
    if (header.length < Frames.HEADER_BYTES) {
      return new FrameResult.Damaged(start, Damage.TRUNCATED, "the stream ends inside its header", true);
    }
    ByteBuffer fields = ByteBuffer.wrap(header);
    int length = fields.getInt();
    int expectedChecksum = fields.getInt();
    if (length < 0) {
      return new FrameResult.Damaged(start, Damage.BAD_LENGTH, "it declares a negative length " + length,
          !hasMore());
    }
    // readNBytes grows its buffer as bytes arrive, so a corrupt huge length cannot allocate it all up front.
    byte[] payload = readUpTo(length);
    if (payload.length < length) {
      return new FrameResult.Damaged(start, Damage.TRUNCATED, "the stream ends after " + payload.length
          + " of its " + length + " bytes", true);
    }
    if (Frames.checksum(payload) != expectedChecksum) {
      return new FrameResult.Damaged(start, Damage.BAD_CHECKSUM, "its checksum does not match its " + length
          + " bytes", !hasMore());
    }
    return new FrameResult.Frame(start, payload);
  }

  /**
   * Closes the underlying stream.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    in.close();
  }

  private byte[] readUpTo(int count) throws IOException {
    byte[] bytes = in.readNBytes(count);
    position += bytes.length;
    return bytes;
  }
}
