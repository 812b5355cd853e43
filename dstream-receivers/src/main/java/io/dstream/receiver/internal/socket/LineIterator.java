package io.dstream.receiver.internal.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads UTF-8 lines from a stream, holding at most one line of {@code maxLineBytes} (plus a read buffer) in
 * memory. Lines end with {@code \n} or {@code \r\n}; a last line without a newline counts. Malformed UTF-8
 * becomes U+FFFD. A longer line is cut to its first {@code maxLineBytes} bytes, moved back to a character
 * boundary, and the rest of it is skipped; the first cut line logs a warning. Read errors surface as
 * {@link UncheckedIOException}. Not thread-safe.
 *
 * <p>{@link #nextLines(Object[])} is the bulk path: it decodes every whole line already in the read buffer
 * in one call, and a line of ASCII (the common case) becomes a string with one copy of its bytes, found in
 * the same pass that looks for its end.
 */
public final class LineIterator implements Iterator<String> {
  private static final Logger LOG = LoggerFactory.getLogger(LineIterator.class);
  private static final int DEFAULT_CHUNK_BYTES = 64 * 1024;
  private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 16;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

  private final InputStream in;
  private final int maxLineBytes;
  private final String source;
  private final byte[] chunk;
  private int position;
  private int limit;
  private boolean endOfStream;
  // The line being assembled when it spans reads: up to maxLineBytes + 1 bytes, room for a trailing '\r'.
  private byte[] line = new byte[128];
  private int lineLength;
  private boolean lineStarted;
  private boolean lineOverflowed;
  private boolean warned;
  private String next;
  private boolean ascii; // of the line scanLine() found last

  /**
   * Creates an iterator over a stream's lines, reading 64 KiB at a time.
   *
   * @param in the stream
   * @param maxLineBytes the longest line kept, in bytes of UTF-8; longer lines are cut
   * @param source what the stream comes from, for messages (such as {@code host:port})
   * @throws IllegalArgumentException if the maximum is not positive
   */
  public LineIterator(InputStream in, int maxLineBytes, String source) {
    this(in, maxLineBytes, source, DEFAULT_CHUNK_BYTES);
  }

  LineIterator(InputStream in, int maxLineBytes, String source, int chunkBytes) {
    checkMaxLineBytes(maxLineBytes);
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.source = source;
    this.chunk = new byte[chunkBytes];
  }

  static void checkMaxLineBytes(int maxLineBytes) {
    if (maxLineBytes < 1 || maxLineBytes >= MAX_ARRAY_BYTES) {
      throw new IllegalArgumentException("the maximum line length must be 1 to " + (MAX_ARRAY_BYTES - 1)
          + " bytes, got " + maxLineBytes);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = readLine();
    }
    return next != null;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the stream from " + source + " has no more lines");
    }
    String result = next;
    next = null;
    return result;
  }

  /**
   * Decodes lines into an array, as many as it holds, without waiting for more bytes once it has one line:
   * whatever whole lines the read buffer holds, or, when it holds none, the next line (read as
   * {@link #next()} would).
   *
   * @param batch where the lines go, from index 0
   * @return how many lines it holds now; 0 only at the end of the stream
   * @throws UncheckedIOException if reading fails
   */
  public int nextLines(Object[] batch) {
    int count = 0;
    if (next != null) {
      batch[count++] = next;
      next = null;
    }
    while (count < batch.length) {
      int newline = position < limit ? scanLine() : -1;
      if (newline < 0 || newline - position > maxLineBytes) {
        // No whole line in the buffer (or one to cut): wait for it only if there is nothing to return yet.
        String line = count == 0 ? readLine() : null;
        if (line == null) {
          break;
        }
        batch[count++] = line;
        continue;
      }
      int length = withoutCarriageReturn(chunk, position, newline - position);
      batch[count++] = new String(chunk, position, length,
          ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      position = newline + 1;
    }
    return count;
  }

  /**
   * Finds the end of the line that starts at {@code position} in the read buffer, noting in {@link #ascii}
   * whether its bytes are all ASCII (so it decodes as ISO-8859-1, a plain copy).
   *
   * @return the index of its newline, or -1 if the buffer holds no newline
   */
  private int scanLine() {
    long high = 0;
    int i = position;
    // Eight bytes at a time: the lowest byte equal to '\n' is the lowest one flagged by the zero-byte test
    // on (word ^ NEWLINES) (a false flag can only sit above a true one).
    for (; i + Long.BYTES <= limit; i += Long.BYTES) {
      long word = (long) LONGS.get(chunk, i);
      long x = word ^ NEWLINES;
      long found = (x - ONES) & ~x & HIGH_BITS;
      if (found != 0) {
        int offset = Long.numberOfTrailingZeros(found) >>> 3;
        long before = (1L << (offset << 3)) - 1;
        ascii = ((high | word & before) & HIGH_BITS) == 0;
        return i + offset;
      }
      high |= word;
    }
    for (; i < limit; i++) {
      byte b = chunk[i];
      if (b == '\n') {
        ascii = (high & HIGH_BITS) == 0;
        return i;
      }
      if (b < 0) {
        high = HIGH_BITS;
      }
    }
    return -1;
  }

  private String readLine() {
    lineLength = 0;
    lineStarted = false;
    lineOverflowed = false;
    while (true) {
      if (position == limit && !fill()) {
        return lineStarted ? finishLine() : null;
      }
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      if (newline >= 0 && !lineStarted) {
        // The common case: the whole line is in the read buffer, decode it from there.
        int length = withoutCarriageReturn(chunk, position, end - position);
        if (length <= maxLineBytes) {
          String decoded = new String(chunk, position, length, StandardCharsets.UTF_8);
          position = newline + 1;
          return decoded;
        }
      }
      append(end);
      if (newline >= 0) {
        position = newline + 1;
        return finishLine();
      }
    }
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Adds chunk[position, end) to the line, dropping what goes beyond maxLineBytes + 1. */
  private void append(int end) {
    lineStarted = true;
    int length = end - position;
    int room = maxLineBytes + 1 - lineLength;
    int kept = Math.min(length, room);
    if (kept < length) {
      lineOverflowed = true;
    }
    if (lineLength + kept > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(maxLineBytes + 1L, Math.max(2L * line.length, lineLength + kept)));
    }
    System.arraycopy(chunk, position, line, lineLength, kept);
    lineLength += kept;
    position = end;
  }

  private String finishLine() {
    int length = lineOverflowed ? lineLength : withoutCarriageReturn(line, 0, lineLength);
    if (length > maxLineBytes) {
      length = characterBoundary(line, maxLineBytes);
      warnOnce();
    }
    return new String(line, 0, length, StandardCharsets.UTF_8);
  }

  private void warnOnce() {
    if (!warned) {
      warned = true;
      LOG.warn("A line from {} is longer than {} bytes; it was cut to that length. Further long lines from "
          + "this connection are cut without a warning (raise dstream.receiver.maxLineLength to keep them)",
          source, maxLineBytes);
    }
  }

  private static int withoutCarriageReturn(byte[] bytes, int offset, int length) {
    return length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
  }

  /**
   * Returns the largest length not above {@code max} that does not end inside a multi-byte character, so a
   * cut never turns a valid character into a replacement character.
   */
  static int characterBoundary(byte[] bytes, int max) {
    // Find the lead byte of the character that contains byte max - 1 (at most 3 bytes back).
    int lead = max - 1;
    while (lead > 0 && lead > max - 4 && (bytes[lead] & 0xC0) == 0x80) {
      lead--;
    }
    int needed = sequenceLength(bytes[lead]);
    return lead + needed <= max || needed == 0 ? max : lead;
  }

  /** The length of the UTF-8 sequence a byte starts, or 0 if it cannot start one. */
  private static int sequenceLength(byte lead) {
    int b = lead & 0xFF;
    if (b < 0x80) {
      return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      return 2;
    }
    if (b >= 0xE0 && b <= 0xEF) {
      return 3;
    }
    if (b >= 0xF0 && b <= 0xF4) {
      return 4;
    }
    return 0;
  }

  private boolean fill() {
    if (endOfStream) {
      return false;
    }
    try {
      int read;
      do {
        read = in.read(chunk, 0, chunk.length);
      } while (read == 0);
      if (read < 0) {
        endOfStream = true;
        return false;
      }
      position = 0;
      limit = read;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("reading from " + source + " failed: " + e.getMessage(), e);
    }
  }
}
