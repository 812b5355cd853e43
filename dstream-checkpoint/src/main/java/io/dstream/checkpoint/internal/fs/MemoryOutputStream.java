package io.dstream.checkpoint.internal.fs;

import io.dstream.checkpoint.fs.DurableOutputStream;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem.Operation;
import java.io.IOException;
import java.util.Objects;

/** Appends to a {@link MemoryEntry}; fails where the file system's {@link FaultHook} says so. */
final class MemoryOutputStream extends DurableOutputStream {
  private final InMemoryFileSystem fileSystem;
  private final MemoryEntry entry;
  private final String path;
  private boolean closed;

  MemoryOutputStream(InMemoryFileSystem fileSystem, MemoryEntry entry, String path) {
    this.fileSystem = fileSystem;
    this.entry = entry;
    this.path = path;
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
    fileSystem.append(entry, bytes, offset, length);
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
