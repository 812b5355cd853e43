package io.dstream.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.Time;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.internal.ContextAccess;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SnapshotStore}, the seam through which a stream (core's state, a module's model) keeps one object per
 * batch time in the context's checkpoint directory.
 */
class SnapshotStoreTest {
  private final InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();
  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
  private final StreamNode<String> stream = ContextAccess.node(t.inputStream(List.of(List.of("a"))));
  private final SnapshotStore<double[][]> store = new SnapshotStore<>(
      ContextAccess.runtime(t.context()).stateEnvironment(), stream, double[][].class, "model snapshot");

  @AfterEach
  void close() {
    t.close();
    fs.discard();
  }

  private String checkpointInMemory() {
    String directory = fs.toUri("/checkpoints").toString();
    t.context().checkpoint(directory);
    return directory;
  }

  @Test
  void writesReadsAndChecksOneObjectPerTimeUnderTheStreamsKey() throws IOException {
    // Set after the store was made, as ssc.checkpoint may be called after the streams are defined.
    assertThat(store.hasDirectory()).isFalse();
    checkpointInMemory();
    assertThat(store.hasDirectory()).isTrue();

    store.write(new Time(1_000), new double[][] {{1.0, 2.0}, {3.0}});
    store.write(new Time(2_000), new double[][] {{4.0}});
    store.check(new Time(1_000));

    assertThat(store.read(new Time(1_000))).isDeepEqualTo(new double[][] {{1.0, 2.0}, {3.0}});
    assertThat(store.read(new Time(2_000))).isDeepEqualTo(new double[][] {{4.0}});
    assertThat(fs.list("/checkpoints/state/" + stream.stableKey()))
        .containsExactlyInAnyOrder("checkpoint-1000", "checkpoint-2000");
  }

  @Test
  void aMissingOrDamagedSnapshotIsAnIoExceptionNamingIt() throws IOException {
    String directory = checkpointInMemory();
    store.write(new Time(1_000), new double[][] {{1.0}});
    String stateDirectory = directory + "/state/" + stream.stableKey();

    assertThatThrownBy(() -> store.check(new Time(3_000))).isInstanceOf(IOException.class)
        .hasMessage("there is no model snapshot of time 3000 ms in " + stateDirectory + " (it holds those of [1000] ms)");
    String file = "/checkpoints/state/" + stream.stableKey() + "/checkpoint-1000";
    byte[] bytes = fs.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x5A;
    fs.writeAtomically(file, bytes);
    assertThatThrownBy(() -> store.read(new Time(1_000))).isInstanceOf(IOException.class)
        .hasMessageContaining(stateDirectory + "/checkpoint-1000");
  }

  @Test
  void aSnapshotOfAnotherTypeIsRefusedAsCorrupt() throws IOException {
    checkpointInMemory();
    SnapshotStore<String> other = new SnapshotStore<>(ContextAccess.runtime(t.context()).stateEnvironment(), stream,
        String.class, "text snapshot");
    other.write(new Time(1_000), "not numbers");

    assertThatThrownBy(() -> store.read(new Time(1_000))).isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("holds a java.lang.String, not a model snapshot");
  }

  @Test
  void withoutACheckpointDirectoryUsingTheStoreSaysWhatToDo() {
    assertThatThrownBy(() -> store.write(new Time(1_000), new double[][] {{1.0}}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no checkpoint directory to keep its model snapshots in; call "
            + "ssc.checkpoint(directory) first");
  }
}
