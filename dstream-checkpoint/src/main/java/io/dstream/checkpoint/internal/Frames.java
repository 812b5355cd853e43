package io.dstream.checkpoint.internal;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame that every dstream file format wraps its records in: the payload's length (int), the CRC32C of
 * the payload (int), then the payload. The length lets a reader tell a truncated file from a complete one;
 * the checksum lets it tell corrupt bytes from good ones. Read frames back with a {@link FrameReader}.
 *
 * <p>Used by object files, checkpoint files and write-ahead log segments, so that all three detect damage
 * the same way.
 */
public final class Frames {
  /** The bytes before a frame's payload: its length and its checksum. */
  public static final int HEADER_BYTES = 8;

  private Frames() {}

  /**
   * Returns the CRC32C of some bytes, as stored in a frame.
   *
   * @param bytes the bytes
   * @return their checksum
   */
  public static int checksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length);
    return (int) crc.getValue();
  }

  /**
   * Writes one frame to a stream.
   *
   * @param out where to write
   * @param payload the frame's payload
   * @throws IOException if writing fails
   */
  public static void write(DataOutput out, byte[] payload) throws IOException {
    out.writeInt(payload.length);
    out.writeInt(checksum(payload));
    out.write(payload);
  }

  /**
   * Returns one frame as a single array, for writers that must append a whole frame in one call.
   *
   * @param payload the frame's payload
   * @return the frame's bytes: header, then payload
   */
  public static byte[] encode(byte[] payload) {
    return ByteBuffer.allocate(HEADER_BYTES + payload.length)
        .putInt(payload.length)
        .putInt(checksum(payload))
        .put(payload)
        .array();
  }
}
