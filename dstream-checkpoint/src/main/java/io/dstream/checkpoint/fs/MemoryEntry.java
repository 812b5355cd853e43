package io.dstream.checkpoint.fs;

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

  byte[] content() {
    return Arrays.copyOf(bytes, length);
  }
}
