package io.dstream.internal.rdd;

import io.dstream.checkpoint.fs.Location;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads the lines of one {@link TextFileSplit} as a stream: memory holds one buffer and the current line,
 * whatever the file's size. Lines end with {@code \n}, {@code \r\n} or {@code \r} (not part of the line); a
 * last line without a terminator is a line. Each line is decoded on its own as UTF-8, with malformed bytes
 * as U+FFFD; a terminator byte never occurs inside a multi-byte character, so cutting the file on bytes
 * never cuts a character of a line.
 *
 * <p>The reader closes its stream at the end of its lines, on a read error, and on {@link #close()}.
 */
final class SplitLineReader implements Iterator<String>, Closeable {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final TextFileSplit split;
  private final long end;
  private final long limit;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int filled;
  /** The offset in the file of {@code buffer[position]}. */
  private long offset;
  /** The start of a line that spans more than one buffer. */
  private byte[] spanning = new byte[256];
  private int spanningLength;
  private String next;
  private boolean closed;

  /**
   * Opens a split's file and skips to the first line that starts in the split.
   *
   * @param split the split
   * @return the reader
   * @throws IOException naming the file, if it cannot be opened or read
   */
  static SplitLineReader open(TextFileSplit split) throws IOException {
    Location file = split.file();
    try {
      return new SplitLineReader(file.fileSystem().open(file.path(), Math.max(0, split.start() - 1)), split);
    } catch (IOException e) {
      throw new IOException("cannot read the input file " + file + ": " + e, e);
    }
  }

  private SplitLineReader(InputStream in, TextFileSplit split) throws IOException {
    this.in = in;
    this.split = split;
    this.end = split.end();
    this.limit = split.length();
    long start = split.start();
    if (start > 0) {
      // The line that holds byte start - 1 started before the split; if that byte ends a line, the line
      // after it starts at `start` (or after the \n of a \r\n cut in two) and is this split's first line.
      offset = start - 1;
      try {
        readLine(false);
      } catch (IOException e) {
        close();
        throw e;
      }
    }
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (closed) {
      return false;
    }
    try {
      next = offset < end && offset < limit ? readLine(true) : null;
    } catch (IOException e) {
      closeQuietly();
      throw UserCodeException.wrap(new IOException("cannot read the input file " + split + ": " + e, e));
    }
    if (next == null) {
      closeQuietly();
      return false;
    }
    return true;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more lines in " + split);
    }
    String line = next;
    next = null;
    return line;
  }

  /**
   * Reads the line at the current offset and its terminator.
   *
   * @param keep false to skip the line without keeping its bytes
   * @return the line (the empty string when skipping), or null if the file ends at the current offset
   */
  private String readLine(boolean keep) throws IOException {
    spanningLength = 0;
    boolean started = false;
    while (true) {
      if (position == filled && !fill()) {
        return started ? decode(keep, 0, 0) : null;
      }
      long beforeLimit = limit - offset;
      int scanEnd = beforeLimit < filled - position ? position + (int) beforeLimit : filled;
      int i = position;
      while (i < scanEnd && buffer[i] != '\n' && buffer[i] != '\r') {
        i++;
      }
      if (i < scanEnd) {
        String line = decode(keep, position, i);
        boolean carriageReturn = buffer[i] == '\r';
        consume(i + 1 - position);
        if (carriageReturn) {
          skipNewlineAfterCarriageReturn();
        }
        return line;
      }
      started = true;
      if (keep) {
        keepSpanning(position, scanEnd);
      }
      consume(scanEnd - position);
      if (offset >= limit) {
        return decode(keep, 0, 0);
      }
    }
  }

  /** Returns the line made of the kept spanning bytes and {@code buffer[from, to)}. */
  private String decode(boolean keep, int from, int to) {
    if (!keep) {
      return "";
    }
    if (spanningLength == 0) {
      return new String(buffer, from, to - from, StandardCharsets.UTF_8);
    }
    keepSpanning(from, to);
    return new String(spanning, 0, spanningLength, StandardCharsets.UTF_8);
  }

  private void keepSpanning(int from, int to) {
    int count = to - from;
    if (spanningLength + count > spanning.length) {
      spanning = Arrays.copyOf(spanning, Math.max(spanningLength + count, spanning.length * 2));
    }
    System.arraycopy(buffer, from, spanning, spanningLength, count);
    spanningLength += count;
  }

  private void skipNewlineAfterCarriageReturn() throws IOException {
    if (offset < limit && (position < filled || fill()) && buffer[position] == '\n') {
      consume(1);
    }
  }

  private void consume(int bytes) {
    position += bytes;
    offset += bytes;
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    if (read < 0) {
      return false;
    }
    position = 0;
    filled = read;
    return true;
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      // Every line was read, or the read error is being reported; a failed close loses nothing more.
    }
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      in.close();
    }
  }

  @Override
  public String toString() {
    return "lines of " + split;
  }
}
