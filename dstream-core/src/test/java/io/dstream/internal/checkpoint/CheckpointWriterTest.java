package io.dstream.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.fs.DelegatingFileSystem;
import io.dstream.checkpoint.fs.DurableOutputStream;
import io.dstream.checkpoint.fs.FileSystem;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.internal.store.CheckpointStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint writer keeps the job generator off the file system: handing over a checkpoint never waits
 * for a write, and checkpoints handed over while a write is slow are coalesced into the newest one.
 */
class CheckpointWriterTest {
  private static final long WAIT_MILLIS = 30_000;

  private final InMemoryFileSystem memory = InMemoryFileSystem.newNamespace();
  private final GatedFileSystem gated = new GatedFileSystem(memory);

  @AfterEach
  void discard() {
    gated.open();
    memory.discard();
  }

  private static long deadline() {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
  }

  private static MetadataCheckpoint checkpointOf(long batchMs) {
    return new MetadataCheckpoint(MetadataCheckpoint.FORMAT_VERSION, 1_000, 0, batchMs, List.of(),
        new GraphFingerprint(List.of()), Map.of(), Map.of(), Map.of());
  }

  @Test
  void checkpointsHandedOverDuringASlowWriteAreCoalescedIntoTheNewest() throws Exception {
    CheckpointStore store = new CheckpointStore(new Location(gated, "/metadata"), 10);
    CheckpointWriter writer = new CheckpointWriter(store, new KryoSerializer(), "test");

    writer.submit(checkpointOf(1_000));
    assertThat(gated.entered.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    // The writer is stuck in the first write; these return at once and only the newest is kept.
    writer.submit(checkpointOf(2_000));
    writer.submit(checkpointOf(3_000));
    writer.submit(checkpointOf(4_000));
    gated.open();

    assertThat(writer.awaitWritten(WAIT_MILLIS)).isTrue();
    assertThat(store.times()).containsExactly(1_000L, 4_000L);
    assertThat(writer.writtenCount()).isEqualTo(2);
    writer.close(deadline());
  }

  @Test
  void closeWritesTheCheckpointStillWaiting() throws Exception {
    CheckpointStore store = new CheckpointStore(new Location(gated, "/metadata"), 10);
    CheckpointWriter writer = new CheckpointWriter(store, new KryoSerializer(), "test");
    writer.submit(checkpointOf(1_000));
    assertThat(gated.entered.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    writer.submit(checkpointOf(2_000));
    gated.open();

    writer.close(deadline());

    assertThat(store.times()).containsExactly(1_000L, 2_000L);
    assertThat(store.readLatest().orElseThrow().<MetadataCheckpoint>value(new KryoSerializer()))
        .isEqualTo(checkpointOf(2_000));
  }

  @Test
  void aClosedWriterIgnoresNewCheckpoints() throws Exception {
    CheckpointStore store = new CheckpointStore(new Location(memory, "/metadata"), 10);
    CheckpointWriter writer = new CheckpointWriter(store, new KryoSerializer(), "test");
    writer.close(deadline());

    assertThat(writer.submit(checkpointOf(1_000))).isCompletedWithValue(false);

    assertThat(writer.awaitWritten(WAIT_MILLIS)).isTrue();
    assertThat(store.times()).isEmpty();
  }

  @Test
  void closeWaitsForAStuckWriteOnlyUntilTheStopsDeadline() throws Exception {
    CheckpointStore store = new CheckpointStore(new Location(gated, "/metadata"), 10);
    CheckpointWriter writer = new CheckpointWriter(store, new KryoSerializer(), "test");
    CompletableFuture<Boolean> written = writer.submit(checkpointOf(1_000));
    assertThat(gated.entered.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();

    long start = System.nanoTime();
    writer.close(start + TimeUnit.MILLISECONDS.toNanos(50));

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(WAIT_MILLIS / 2);
    assertThat(written).isNotDone();
    gated.open();
    written.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    assertThat(store.times()).containsExactly(1_000L);
  }

  @Test
  void aCheckpointReplacedByANewerOneCompletesWhenTheNewerOneIsWritten() throws Exception {
    CheckpointStore store = new CheckpointStore(new Location(gated, "/metadata"), 10);
    CheckpointWriter writer = new CheckpointWriter(store, new KryoSerializer(), "test");
    CompletableFuture<Boolean> first = writer.submit(checkpointOf(1_000));
    assertThat(gated.entered.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    CompletableFuture<Boolean> replaced = writer.submit(checkpointOf(2_000));
    CompletableFuture<Boolean> newest = writer.submit(checkpointOf(3_000));
    assertThat(List.of(first, replaced, newest)).noneMatch(CompletableFuture::isDone);

    gated.open();

    CompletableFuture.allOf(first, replaced, newest).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    assertThat(List.of(first, replaced, newest)).allMatch(written -> written.join());
    assertThat(store.times()).containsExactly(1_000L, 3_000L);
    writer.close(deadline());
  }

  @Test
  void aFailedWriteCompletesWithFalse() throws Exception {
    CheckpointStore store = new CheckpointStore(new Location(new RefusingFileSystem(memory), "/metadata"), 10);
    CheckpointWriter writer = new CheckpointWriter(store, new KryoSerializer(), "test");

    CompletableFuture<Boolean> written = writer.submit(checkpointOf(1_000));

    assertThat(written.get(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(store.times()).isEmpty();
    writer.close(deadline());
  }

  /** Passes everything to a file system, except that creating a file fails. */
  private static final class RefusingFileSystem extends DelegatingFileSystem {
    RefusingFileSystem(FileSystem target) {
      super(target);
    }

    @Override
    public DurableOutputStream create(String path) throws IOException {
      throw new IOException("injected: the disk is full");
    }
  }

  /** Passes everything to a file system, except that creating a file waits until the gate is opened. */
  private static final class GatedFileSystem extends DelegatingFileSystem {
    final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);

    GatedFileSystem(FileSystem target) {
      super(target);
    }

    void open() {
      gate.countDown();
    }

    @Override
    public DurableOutputStream create(String path) throws IOException {
      entered.countDown();
      try {
        if (!gate.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          throw new IOException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted at the gate", e);
      }
      return super.create(path);
    }
  }
}
