package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.InjectedFaults;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ssc.checkpoint(dir)}: a usable directory is accepted, anything else is refused at once. */
class CheckpointDirectorySettingTest {

  @TempDir
  Path temp;

  @Test
  void aWritableDirectoryIsAcceptedAndCreated() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      Path dir = temp.resolve("ckpt");
      t.context().checkpoint(dir.toString());

      assertThat(t.context().runtime.checkpointDirectory()).isPresent();
      assertThat(dir.resolve("metadata")).isDirectory();
    }
  }

  @Test
  void aFileInTheWayIsRefusedNamingTheDirectory() throws Exception {
    Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      assertThatThrownBy(() -> t.context().checkpoint(file.toString()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString());
    }
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsRefusedNamingItAndWhatToDo() {
    InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      InjectedFaults.into(fs).fail(InMemoryFileSystem.Operation.CREATE);
      String dir = fs.toUri("/ckpt").toString();

      assertThatThrownBy(() -> t.context().checkpoint(dir))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot use " + dir + " as the checkpoint directory")
          .hasMessageContaining("is not writable")
          .hasMessageContaining("choose another checkpoint directory");
    } finally {
      fs.discard();
    }
  }

  @Test
  void anUnknownSchemeIsRefused() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      assertThatThrownBy(() -> t.context().checkpoint("nosuchscheme://x/y"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nosuchscheme");
    }
  }

  @Test
  void settingItAfterStartIsRefused() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      t.collect(t.inputStream(List.of(List.of(1))));
      t.runBatches(1);

      assertThatThrownBy(() -> t.context().checkpoint(temp.toString()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("checkpoint directory");
    }
  }
}
