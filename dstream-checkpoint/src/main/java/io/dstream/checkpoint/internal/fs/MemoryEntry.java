package io.dstream.checkpoint.internal.fs;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/** A file or directory of an {@link InMemoryFileSystem}; guarded by that file system's lock. */
final class MemoryEntry {
  private final boolean directory;
  private byte[] bytes = new byte[0];
  private int length;
  private long modified;

  MemoryEntry(boolean directory, long modified) {
    this.directory = directory;
    this.modified = modified;
  }

  boolean isDirectory() {
    return directory;
  }

  long modified() {
    return modified;
  }

  void append(byte[] source, int offset, int count, long now) {
    if (length + count > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
    }
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
    modified = now;
  }

  int length() {
    return length;
  }

  /**
   * Returns a stream of the content from an offset on, as it is now, without copying it: appends write only
   * past the current length, and a growing file moves to a new array, so the bytes the stream covers never
   * change.
   */
  InputStream read(long offset) {
    int start = (int) Math.min(offset, length);
    return new ByteArrayInputStream(bytes, start, length - start);
  }
}
