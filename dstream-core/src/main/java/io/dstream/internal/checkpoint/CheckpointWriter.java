package io.dstream.internal.checkpoint;

import io.dstream.checkpoint.internal.Lifecycle;
import io.dstream.checkpoint.internal.store.CheckpointStore;
import io.dstream.checkpoint.serializer.Serializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes metadata checkpoints on a thread of its own, so that the job generator never waits for I/O. It holds
 * at most one checkpoint waiting to be written: a newer one replaces it (the newer one says everything the
 * older one did), so a slow file system makes checkpoints rarer, never a growing queue.
 *
 * <p>A failed write is logged (the first of a series at ERROR, then at DEBUG until one succeeds) and the
 * application goes on; a restart would then recover from the newest checkpoint that was written.
 */
final class CheckpointWriter {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

  /** NEW: only {@link #writeNow} writes; RUNNING: the writer thread writes; CLOSED: nothing more is written. */
  private enum WriterState implements Lifecycle.State<WriterState> {
    NEW, RUNNING, CLOSED;

    @Override
    public Set<WriterState> next() {
      return switch (this) {
        case NEW -> EnumSet.of(RUNNING, CLOSED);
        case RUNNING -> EnumSet.of(CLOSED);
        case CLOSED -> EnumSet.noneOf(WriterState.class);
      };
    }
  }

  private final CheckpointStore store;
  private final Serializer serializer;
  private final Thread thread;
  private final Object lock = new Object();
  private final Lifecycle<WriterState> lifecycle = new Lifecycle<>("the checkpoint writer", WriterState.NEW);
  private MetadataCheckpoint waiting;
  // Completed when the waiting checkpoint's write ends, with whether it was written: those of the checkpoints
  // it replaced, and its own.
  private List<CompletableFuture<Boolean>> waitingDone = new ArrayList<>();
  private boolean writing;
  private boolean failing;
  private long written;
  private volatile Consumer<MetadataCheckpoint> onWritten = checkpoint -> {};

  CheckpointWriter(CheckpointStore store, Serializer serializer, String appName) {
    this.store = store;
    this.serializer = serializer;
    this.thread = new Thread(this::loop, "dstream-" + appName + "-checkpoint-writer");
    this.thread.setDaemon(true);
  }

  /**
   * Writes a checkpoint on the caller's thread, before any checkpoint is handed over.
   *
   * @throws IOException if it cannot be written
   * @throws IllegalStateException if checkpoints were handed over already
   */
  void writeNow(MetadataCheckpoint checkpoint) throws IOException {
    if (!lifecycle.is(WriterState.NEW)) {
      throw new IllegalStateException("writeNow is for the checkpoint before the writer thread starts, but the "
          + "writer is " + lifecycle.current());
    }
    store.write(checkpoint.lastGeneratedTimeMs(), checkpoint, serializer);
    synchronized (lock) {
      written++;
    }
  }

  /**
   * Sets who learns of every checkpoint the writer thread writes successfully, on that thread, right after
   * the write.
   */
  void whenWritten(Consumer<MetadataCheckpoint> listener) {
    onWritten = listener;
  }

  /**
   * Hands over a checkpoint to write, replacing the one waiting, if any; ignored once closed.
   *
   * @return completes once the write of this checkpoint, or of a newer one that replaced it, has ended: with
   *     true if it was written, false if it failed or the writer is closed (then at once)
   */
  CompletableFuture<Boolean> submit(MetadataCheckpoint checkpoint) {
    synchronized (lock) {
      if (lifecycle.is(WriterState.CLOSED)) {
        LOG.debug("Not writing the checkpoint of {}: the writer is closed", checkpoint.lastGeneratedTimeMs());
        return CompletableFuture.completedFuture(false);
      }
      if (lifecycle.is(WriterState.NEW)) {
        lifecycle.moveTo(WriterState.RUNNING);
        thread.start();
      }
      CompletableFuture<Boolean> done = new CompletableFuture<>();
      waiting = checkpoint;
      waitingDone.add(done);
      lock.notifyAll();
      return done;
    }
  }

  /**
   * Waits until every checkpoint handed over has been written (or has failed).
   *
   * @param timeoutMillis how long to wait at most
   * @return true if nothing is left to write
   * @throws InterruptedException if interrupted while waiting
   */
  boolean awaitWritten(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    synchronized (lock) {
      while (waiting != null || writing) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          return false;
        }
        lock.wait(left);
      }
      return true;
    }
  }

  /** Returns how many checkpoints were written successfully. */
  long writtenCount() {
    synchronized (lock) {
      return written;
    }
  }

  /**
   * Writes the checkpoint still waiting, then ends the thread; a second call does nothing.
   *
   * @param deadlineNanos until when to wait for that write, on the scale of {@link System#nanoTime()}: the
   *     stop's deadline
   */
  void close(long deadlineNanos) {
    synchronized (lock) {
      boolean threadStarted = lifecycle.is(WriterState.RUNNING);
      if (!lifecycle.tryMoveTo(WriterState.CLOSED) || !threadStarted) {
        return;
      }
      lock.notifyAll();
    }
    long timeoutMillis = Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    try {
      // join(0) would wait for ever: past the deadline, only look.
      thread.join(Math.max(1, timeoutMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("The last metadata checkpoint was not written by the stop's deadline ({} ms were left for it); a "
          + "restart recovers from the one before", timeoutMillis);
    }
  }

  private void loop() {
    while (true) {
      MetadataCheckpoint next;
      List<CompletableFuture<Boolean>> nextDone;
      synchronized (lock) {
        while (waiting == null && !lifecycle.is(WriterState.CLOSED)) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (waiting == null) {
          return;
        }
        next = waiting;
        nextDone = waitingDone;
        waiting = null;
        waitingDone = new ArrayList<>();
        writing = true;
      }
      boolean succeeded = false;
      try {
        succeeded = write(next);
        if (succeeded) {
          onWritten.accept(next);
        }
      } finally {
        // Also when an Error ends this thread: a batch whose jobs wait for this write must not wait for ever.
        synchronized (lock) {
          writing = false;
          if (succeeded) {
            written++;
          }
          lock.notifyAll();
        }
        boolean outcome = succeeded;
        nextDone.forEach(done -> done.complete(outcome));
      }
    }
  }

  private boolean write(MetadataCheckpoint checkpoint) {
    try {
      store.write(checkpoint.lastGeneratedTimeMs(), checkpoint, serializer);
      if (failing) {
        LOG.info("Metadata checkpoints are written again to {}", store.directory());
        failing = false;
      }
      return true;
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        LOG.error("Could not write the metadata checkpoint of batch {} to {}; the application goes on, but a "
            + "restart would recover from an older checkpoint and run more batches again",
            checkpoint.lastGeneratedTimeMs(), store.directory(), e);
        failing = true;
      } else {
        LOG.debug("Could not write the metadata checkpoint of batch {} either: {}", checkpoint.lastGeneratedTimeMs(),
            e.toString());
      }
      return false;
    }
  }
}
