package io.dstream.checkpoint.internal.fs;

import io.dstream.checkpoint.fs.DurableOutputStream;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem.Operation;
import java.io.IOException;
import java.net.URI;

/**
 * Where a test makes an {@link InMemoryFileSystem} fail: consulted before each operation and given each new
 * stream. Package-private, so that only test code of this package (dstream-checkpoint's test-jar) installs
 * one; an in-memory file system without a hook never fails by itself.
 */
interface FaultHook {
  /** The hook of a file system into which no test injected faults. */
  FaultHook NONE = new FaultHook() {
    @Override
    public void check(Operation operation, URI target) {}

    @Override
    public DurableOutputStream wrap(DurableOutputStream out, URI target) {
      return out;
    }
  };

  /**
   * Throws if the operation should fail.
   *
   * @param operation what is about to happen
   * @param target the file or directory it concerns
   * @throws IOException the injected failure
   */
  void check(Operation operation, URI target) throws IOException;

  /**
   * Returns the stream a caller of {@code create} gets: the file's own, or one that fails part-way.
   *
   * @param out the stream to the new file
   * @param target the new file
   * @return the stream to hand out
   */
  DurableOutputStream wrap(DurableOutputStream out, URI target);
}
