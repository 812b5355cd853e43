package io.dstream.internal.rdd;

import io.dstream.checkpoint.fs.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition of a text file: a byte range {@code [start, end)} of the file, which owns the lines that
 * start inside it (as Hadoop's and Spark's input splits do). A line that starts inside the range is read to
 * its end, even past {@code end}; the bytes before the first line that starts in the range belong to the
 * previous split. So the splits of a file hold each of its lines exactly once, wherever the cuts fall: in a
 * line, in a {@code \r\n}, or in a multi-byte UTF-8 character.
 *
 * <p>Bytes at or past {@code length}, the file's length when its batch took it, are never read: a file that
 * grows afterwards is read as it was.
 *
 * @param file the file
 * @param start the first byte of the range
 * @param end the byte after the range; {@link Long#MAX_VALUE} for a file of unknown length
 * @param length the file's length; {@link Long#MAX_VALUE} if unknown, to read to the end
 */
public record TextFileSplit(Location file, long start, long end, long length) {
  private static final long UNKNOWN = Long.MAX_VALUE;

  /**
   * Cuts a file into splits of at most {@code maxSplitBytes} bytes, all of about the same size. An empty file
   * is one empty split (its batch still has a partition for it); a file of unknown length is one split read
   * to its end.
   *
   * @param file the file
   * @param length its length in bytes, or a negative number if unknown
   * @param maxSplitBytes the most bytes of one split, at least 1
   * @return the splits, in file order
   * @throws IllegalArgumentException if {@code maxSplitBytes} is below 1
   */
  public static List<TextFileSplit> of(Location file, long length, long maxSplitBytes) {
    if (maxSplitBytes < 1) {
      throw new IllegalArgumentException("a split holds at least 1 byte, got " + maxSplitBytes);
    }
    if (length < 0) {
      return List.of(new TextFileSplit(file, 0, UNKNOWN, UNKNOWN));
    }
    long count = Math.max(1, (length + maxSplitBytes - 1) / maxSplitBytes);
    long size = (length + count - 1) / count;
    List<TextFileSplit> splits = new ArrayList<>((int) Math.min(count, 1024));
    for (long start = 0; splits.isEmpty() || start < length; start += size) {
      splits.add(new TextFileSplit(file, start, Math.min(length, start + size), length));
    }
    return splits;
  }

  /**
   * Tells whether no line can start in this split.
   *
   * @return true for an empty range
   */
  public boolean isEmpty() {
    return start >= end;
  }

  @Override
  public String toString() {
    return end == UNKNOWN ? file.toString() : file + " [" + start + ", " + end + ")";
  }
}
