package io.dstream.checkpoint.internal.fs;

import io.dstream.checkpoint.fs.DurableOutputStream;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem.Operation;
import java.io.IOException;
import java.util.Objects;

/** Appends to a {@link MemoryEntry}; fails where the file system's injected faults say so. */
final class MemoryOutputStream extends DurableOutputStream {
  private final InMemoryFileSystem fileSystem;
  private final MemoryEntry entry;
  private final String path;
  private long remaining;
  private boolean closed;

  MemoryOutputStream(InMemoryFileSystem fileSystem, MemoryEntry entry, String path, long writeLimit) {
    this.fileSystem = fileSystem;
    this.entry = entry;
    this.path = path;
    this.remaining = writeLimit;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    checkOpen();
    fileSystem.faults().check(Operation.WRITE, fileSystem.toUri(path));
    if (remaining == InjectedFaults.NO_LIMIT || length <= remaining) {
      fileSystem.append(entry, bytes, offset, length);
      remaining = remaining == InjectedFaults.NO_LIMIT ? remaining : remaining - length;
      return;
    }
    // Like a crash in the middle of a write: the first bytes reach the file, the rest do not.
    int accepted = (int) remaining;
    fileSystem.append(entry, bytes, offset, accepted);
    remaining = 0;
    throw new IOException("injected fault: the write to " + fileSystem.toUri(path) + " fails after "
        + accepted + " of its " + length + " bytes");
  }

  @Override
  public void sync() throws IOException {
    checkOpen();
    fileSystem.faults().check(Operation.SYNC, fileSystem.toUri(path));
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("the stream to " + fileSystem.toUri(path) + " is closed");
    }
  }
}
