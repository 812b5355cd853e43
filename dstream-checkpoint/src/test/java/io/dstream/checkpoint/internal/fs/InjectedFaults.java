package io.dstream.checkpoint.internal.fs;

import io.dstream.checkpoint.fs.DurableOutputStream;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem.Operation;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The failures a test injects into an {@link InMemoryFileSystem}: every call of an operation fails, or
 * every stream created from then on breaks after a number of bytes, as a crash in the middle of a write
 * would leave the file. Lasts until {@link #clear()} or the namespace's {@code discard()}. Thread-safe.
 *
 * <pre>{@code
 * InjectedFaults.into(fs).fail(Operation.RENAME);
 * InjectedFaults.into(fs).failWritesAfter(100);   // the next files written break after 100 bytes
 * InjectedFaults.into(fs).clear();
 * }</pre>
 */
public final class InjectedFaults implements FaultHook {
  private static final long NO_LIMIT = -1;

  private final Set<Operation> failing = EnumSet.noneOf(Operation.class);
  private final Set<Operation> held = EnumSet.noneOf(Operation.class);
  private long writeLimit = NO_LIMIT;

  private InjectedFaults() {}

  /**
   * Returns the faults of a file system, installing them on first use.
   *
   * @param fileSystem the file system
   * @return its faults
   */
  public static InjectedFaults into(InMemoryFileSystem fileSystem) {
    synchronized (fileSystem) {
      if (fileSystem.faults() instanceof InjectedFaults installed) {
        return installed;
      }
      InjectedFaults faults = new InjectedFaults();
      fileSystem.injectFaults(faults);
      return faults;
    }
  }

  /**
   * Makes every later call of an operation fail with an IOException, until {@link #clear()}.
   *
   * @param operation the operation
   */
  public synchronized void fail(Operation operation) {
    failing.add(Objects.requireNonNull(operation, "operation"));
  }

  /**
   * Makes each stream created from now on fail once it has written that many bytes: the write that crosses
   * the limit stores its first bytes and then throws. Lasts until {@link #clear()}.
   *
   * @param bytes how many bytes each stream may write; 0 fails the first write
   * @throws IllegalArgumentException if negative
   */
  public synchronized void failWritesAfter(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("the number of bytes before a write fails must be >= 0, got " + bytes);
    }
    writeLimit = bytes;
  }

  /**
   * Makes every later call of an operation wait, as on a hung file system, until {@link #clear()}.
   *
   * @param operation the operation
   */
  public synchronized void hold(Operation operation) {
    held.add(Objects.requireNonNull(operation, "operation"));
  }

  /** Stops injecting failures and lets held calls go on (streams created before keep their write limit). */
  public synchronized void clear() {
    failing.clear();
    held.clear();
    writeLimit = NO_LIMIT;
    notifyAll();
  }

  @Override
  public void check(Operation operation, URI target) throws IOException {
    boolean fail;
    synchronized (this) {
      while (held.contains(operation)) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while " + operation + " of " + target + " was held", e);
        }
      }
      fail = failing.contains(operation);
    }
    if (fail) {
      throw new IOException("injected fault: " + operation + " of " + target + " fails");
    }
  }

  @Override
  public synchronized DurableOutputStream wrap(DurableOutputStream out, URI target) {
    return writeLimit == NO_LIMIT ? out : new LimitedStream(out, target, writeLimit);
  }

  /** A stream that lets through its first bytes, then fails every write, like a crash in mid-write. */
  private static final class LimitedStream extends DurableOutputStream {
    private final DurableOutputStream out;
    private final URI target;
    private long remaining;

    LimitedStream(DurableOutputStream out, URI target, long limit) {
      this.out = out;
      this.target = target;
      this.remaining = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (length <= remaining) {
        out.write(bytes, offset, length);
        remaining -= length;
        return;
      }
      int accepted = (int) remaining;
      out.write(bytes, offset, accepted);
      remaining = 0;
      throw new IOException("injected fault: the write to " + target + " fails after " + accepted + " of its "
          + length + " bytes");
    }

    @Override
    public void sync() throws IOException {
      out.sync();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
