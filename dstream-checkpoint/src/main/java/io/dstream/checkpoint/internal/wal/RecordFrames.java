package io.dstream.checkpoint.internal.wal;

import io.dstream.checkpoint.internal.FrameResult.Damage;
import io.dstream.checkpoint.internal.FrameResult;
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
 * <p>Only what a crash in the middle of the last append can leave counts as a torn end; anything else is
 * damage. Every append is forced to disk before the next one starts, so a crash tears one frame, the last:
 * <ul>
 *   <li>a killed process leaves a prefix of the frame: the segment ends inside it (the header's own checksum
 *       tells this from a damaged length, which would otherwise make a frame seem to run past the end);
 *   <li>a power failure can also leave the part of the frame that had not reached the disk as zero bytes.
 *       A disk writes whole sectors, so a frame whose header is intact is torn only if its payload ends in
 *       zero bytes from a {@value #SECTOR_BYTES}-byte boundary of the file on, and nothing follows it. A
 *       frame whose header is damaged is torn only if everything from some byte inside that header to the
 *       end of the segment is zero, and that zero tail is no longer than the one frame it can belong to: at
 *       most {@value #ZERO_TAIL_BYTES} bytes (one block of common file systems), or the frame's declared
 *       length when the zeros start after its length field.
 * </ul>
 * A longer zero tail, or a last frame whose bytes differ otherwise, cannot come from the last append: it is
 * damage that would hide records whose writes had returned.
 */
final class RecordFrames {
  /** The bytes before a frame's payload: length, payload checksum, header checksum. */
  static final int HEADER_BYTES = 12;

  /** The unit in which disks write: a power failure loses whole sectors of the last append. */
  static final int SECTOR_BYTES = 512;

  /** The longest zero tail taken for a torn frame whose length is unknown (see the class documentation). */
  static final int ZERO_TAIL_BYTES = 4096;

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
      return damagedHeader(start, header, length);
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
      return damagedPayload(start, payload);
    }
    return new FrameResult.Frame(start, payload);
  }

  /**
   * Reads the rest of a stream, which must hold only zero bytes, but no more than a limit.
   *
   * @return how many zero bytes there were, or -1 if a byte is not zero or there are more than the limit
   */
  static long zerosToEnd(InputStream in, long limit) throws IOException {
    byte[] chunk = new byte[8192];
    long zeros = 0;
    for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
      zeros += read;
      if (zeros > limit || !isZero(chunk, read)) {
        return -1;
      }
    }
    return zeros;
  }

  /** A header that does not match its checksum: a torn end only if it and the rest were zeroed from inside it. */
  private FrameResult.Damaged damagedHeader(long start, byte[] header, int length) throws IOException {
    int zerosFrom = trailingZerosStart(header);
    if (zerosFrom == header.length) {
      return new FrameResult.Damaged(start, Damage.BAD_HEADER, "its header does not match its checksum (its "
          + "length or checksum is damaged)", false);
    }
    // The length is known only if all its bytes were kept; otherwise one block is what a torn frame may zero.
    long frameLimit = zerosFrom >= Integer.BYTES && length >= 0 ? (long) HEADER_BYTES + length : 0;
    long limit = Math.max(ZERO_TAIL_BYTES, frameLimit);
    long zeros = zerosToEnd(in, limit - HEADER_BYTES);
    if (zeros < 0) {
      return new FrameResult.Damaged(start, Damage.BAD_HEADER, "its header does not match its checksum, and "
          + "what follows is not only the zero bytes, " + limit + " at most from the record's start, that a "
          + "crash in the last write can leave (records written before may have been zeroed)", false);
    }
    return new FrameResult.Damaged(start, Damage.BAD_HEADER, "its header does not match its checksum, and "
        + "everything from its byte " + zerosFrom + " to the end of the segment is zero", true);
  }

  /** A payload that does not match its checksum: a torn end only if power loss can have zeroed its end. */
  private FrameResult.Damaged damagedPayload(long start, byte[] payload) throws IOException {
    String mismatch = "its checksum does not match its " + payload.length + " bytes";
    if (hasMore()) {
      return new FrameResult.Damaged(start, Damage.BAD_CHECKSUM, mismatch + ", and more data follows", false);
    }
    int zerosFrom = trailingZerosStart(payload);
    long payloadStart = start + HEADER_BYTES;
    long firstSectorInZeros = Math.floorDiv(payloadStart + zerosFrom + SECTOR_BYTES - 1, SECTOR_BYTES)
        * SECTOR_BYTES;
    if (firstSectorInZeros < payloadStart + payload.length) {
      return new FrameResult.Damaged(start, Damage.BAD_CHECKSUM, mismatch + ", which are zero from offset "
          + firstSectorInZeros + " on", true);
    }
    return new FrameResult.Damaged(start, Damage.BAD_CHECKSUM, mismatch + ", and they do not end in zero "
        + "sectors, as a crash leaves them", false);
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

  /** The index from which the bytes are all zero to their end (their length if the last is not zero). */
  private static int trailingZerosStart(byte[] bytes) {
    int from = bytes.length;
    while (from > 0 && bytes[from - 1] == 0) {
      from--;
    }
    return from;
  }

  private static boolean isZero(byte[] bytes, int count) {
    for (int i = 0; i < count; i++) {
      if (bytes[i] != 0) {
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
