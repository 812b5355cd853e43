package io.dstream.checkpoint.internal.fs;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem.Operation;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/** The failures a test has asked an {@link InMemoryFileSystem} to inject. Thread-safe. */
final class InjectedFaults {
  static final long NO_LIMIT = -1;

  private final Set<Operation> failing = EnumSet.noneOf(Operation.class);
  private long writeLimit = NO_LIMIT;

  synchronized void fail(Operation operation) {
    failing.add(operation);
  }

  synchronized void failWritesAfter(long bytes) {
    writeLimit = bytes;
  }

  synchronized void clear() {
    failing.clear();
    writeLimit = NO_LIMIT;
  }

  /** Throws if the operation should fail. */
  void check(Operation operation, Object target) throws IOException {
    boolean fail;
    synchronized (this) {
      fail = failing.contains(operation);
    }
    if (fail) {
      throw new IOException("injected fault: " + operation + " of " + target + " fails");
    }
  }

  /** How many bytes a stream created now may write before failing, or {@link #NO_LIMIT}. */
  synchronized long writeLimitForNewStream() {
    return writeLimit;
  }
}
