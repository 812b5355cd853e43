package io.dstream.checkpoint.internal.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.LogCapture;
import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem.Operation;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.InjectedFaults;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckpointStoreInMemoryTest extends CheckpointStoreContract {
  private final InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();

  @Override
  Location newDirectory() {
    return FileSystems.resolve("memory://" + fs.namespace() + "/app/checkpoints");
  }

  @AfterEach
  void discard() {
    fs.discard();
  }

  @Test
  void aWriteThatFailsMidwayLeavesThePreviousCheckpointsAsTheyWere() throws IOException {
    CheckpointStore store = new CheckpointStore(newDirectory());
    store.write(1_000, "one".getBytes(UTF_8));
    store.write(2_000, "two".getBytes(UTF_8));
    InjectedFaults.into(fs).failWritesAfter(12);
    assertThatThrownBy(() -> store.write(3_000, new byte[100]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot write the checkpoint " + newDirectory().child("checkpoint-3000"))
        .hasMessageContaining("injected fault");
    InjectedFaults.into(fs).clear();
    assertThat(store.times()).containsExactly(1_000L, 2_000L);
    assertThat(new String(store.readLatest().orElseThrow().payload(), UTF_8)).isEqualTo("two");
  }

  @Test
  void aCheckpointThatCannotBeDeletedIsLoggedAndDoesNotFailTheWrite() throws IOException {
    CheckpointStore store = new CheckpointStore(newDirectory(), 1);
    store.write(1_000, new byte[1]);
    InjectedFaults.into(fs).fail(Operation.DELETE);
    try (LogCapture log = LogCapture.of(CheckpointStore.class)) {
      store.write(2_000, new byte[2]);
      assertThat(log.warnings()).singleElement().satisfies(warning -> assertThat(warning)
          .contains("Could not delete the old checkpoint " + newDirectory().child("checkpoint-1000"))
          .contains("the next checkpoint will try again"));
    }
    InjectedFaults.into(fs).clear();
    assertThat(store.times()).containsExactly(1_000L, 2_000L);
    store.write(3_000, new byte[3]);
    assertThat(store.times()).containsExactly(3_000L);
  }

  @Test
  void anUnwritableDirectoryIsReportedByTheCheckWithWhatToDo() throws IOException {
    CheckpointStore store = new CheckpointStore(newDirectory());
    InjectedFaults.into(fs).fail(Operation.CREATE);
    assertThatThrownBy(store::verifyWritable)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the checkpoint directory " + newDirectory() + " is not writable")
        .hasMessageContaining("make it writable for this process, or choose another checkpoint directory");
  }

  @Test
  void aDirectoryThatCannotBeCreatedFailsTheStore() {
    InjectedFaults.into(fs).fail(Operation.MKDIRS);
    assertThatThrownBy(() -> new CheckpointStore(newDirectory()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot use " + newDirectory() + " as a checkpoint directory");
  }
}
