package io.dstream.checkpoint.wal;

import io.dstream.checkpoint.internal.FrameResult;
import io.dstream.checkpoint.internal.FrameResult.Damage;
import io.dstream.checkpoint.internal.Frames;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame of one write-ahead log record (segment format 2): the payload's length (int), the CRC32C of the
 * payload (int), the CRC32C of those 8 bytes (int), then the payload.
 *
 * <p>The header's own checksum is what tells a torn end from damage. A crash in the middle of an append
 * leaves a prefix of the frame: the segment ends inside it. A flipped bit in a length, by contrast, would
 * otherwise make the frame seem to run past the end of the segment and pass for a torn end, hiding every
 * record after it; with the header checked, a damaged length is recognised as damage. So the end of a
 * segment is torn only if the segment ends inside a frame whose header is intact (or inside the header
 * itself), if the last frame's payload does not match its checksum and nothing follows it, or if nothing but
 * zero bytes follows the start of a damaged header (what a power failure can leave after the last write).
 */
final class RecordFrames {
  /** The bytes before a frame's payload: length, payload checksum, header checksum. */
  static final int HEADER_BYTES = 12;

  private final InputStream in;
  private long position;

  /**
   * Starts reading frames at the stream's current position.
   *
   * @param in the stream; not closed here
   * @param startOffset the offset of the stream's position in its segment, used in results
   */
  RecordFrames(InputStream in, long startOffset) {
    this.in = in.markSupported() ? in : new BufferedInputStream(in);
    this.position = startOffset;
  }

  /** Returns a whole frame for a payload, to be appended in one write. */
  static byte[] encode(byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length)
        .putInt(payload.length)
        .putInt(Frames.checksum(payload));
    frame.putInt(headerChecksum(frame.array()));
    return frame.put(payload).array();
  }

  /**
   * Reads the next frame. After a {@link FrameResult.Damaged} result, stop reading.
   *
   * @return the frame, the end of the segment, or what is wrong with the frame
   * @throws IOException if reading fails
   */
  FrameResult next() throws IOException {
    long start = position;
    byte[] header = readUpTo(HEADER_BYTES);
    if (header.length == 0) {
      return new FrameResult.End(start);
    }
    if (header.length < HEADER_BYTES) {
      return new FrameResult.Damaged(start, Damage.TRUNCATED, "the segment ends inside its header", true);
    }
    ByteBuffer fields = ByteBuffer.wrap(header);
    int length = fields.getInt();
    int payloadChecksum = fields.getInt();
    if (fields.getInt() != headerChecksum(header)) {
      boolean onlyZeros = isZero(header) && restIsZero();
      return new FrameResult.Damaged(start, Damage.BAD_HEADER, "its header does not match its checksum"
          + (onlyZeros ? ", and only zero bytes follow" : " (its length or checksum is damaged)"), onlyZeros);
    }
    if (length < 0) {
      return new FrameResult.Damaged(start, Damage.BAD_LENGTH, "it declares a negative length " + length, false);
    }
    byte[] payload = readUpTo(length);
    if (payload.length < length) {
      return new FrameResult.Damaged(start, Damage.TRUNCATED, "the segment ends after " + payload.length
          + " of its " + length + " bytes", true);
    }
    if (Frames.checksum(payload) != payloadChecksum) {
      return new FrameResult.Damaged(start, Damage.BAD_CHECKSUM, "its checksum does not match its " + length
          + " bytes", !hasMore());
    }
    return new FrameResult.Frame(start, payload);
  }

  /** The checksum of a header's first 8 bytes: its length and its payload's checksum. */
  private static int headerChecksum(byte[] header) {
    CRC32C crc = new CRC32C();
    crc.update(header, 0, Integer.BYTES * 2);
    return (int) crc.getValue();
  }

  private boolean hasMore() throws IOException {
    in.mark(1);
    int next = in.read();
    in.reset();
    return next >= 0;
  }

  /** Reads to the end of the segment; true if every byte is zero. */
  private boolean restIsZero() throws IOException {
    byte[] chunk = new byte[8192];
    for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
      for (int i = 0; i < read; i++) {
        if (chunk[i] != 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private byte[] readUpTo(int count) throws IOException {
    // readNBytes grows its buffer as bytes arrive, so a length that is wrong cannot allocate it all up front.
    byte[] bytes = in.readNBytes(count);
    position += bytes.length;
    return bytes;
  }
}
