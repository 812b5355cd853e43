package io.dstream.checkpoint.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem.Operation;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.InjectedFaults;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An atomic write that fails at any step never leaves a partial file under the final name. */
class AtomicWriteFaultTest {
  private static final byte[] NEW_CONTENT = new byte[4096];
  private final InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();

  @BeforeEach
  void createDirectory() throws IOException {
    fs.mkdirs("/dir");
  }

  @AfterEach
  void discard() {
    fs.discard();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 100, 4095})
  void aWriteThatFailsMidwayLeavesNoFileAndNoTemporaryFile(long failAfterBytes) throws IOException {
    InjectedFaults.into(fs).failWritesAfter(failAfterBytes);
    assertThatThrownBy(() -> fs.writeAtomically("/dir/state", NEW_CONTENT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("injected fault");
    InjectedFaults.into(fs).clear();
    assertThat(fs.exists("/dir/state")).isFalse();
    assertThat(fs.list("/dir")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = Operation.class, names = {"WRITE", "SYNC", "RENAME"})
  void aFailingStepKeepsThePreviousContent(Operation failing) throws IOException {
    fs.writeAtomically("/dir/state", "previous".getBytes(UTF_8));
    InjectedFaults.into(fs).fail(failing);
    assertThatThrownBy(() -> fs.writeAtomically("/dir/state", NEW_CONTENT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("injected fault: " + failing);
    InjectedFaults.into(fs).clear();
    assertThat(new String(fs.readAllBytes("/dir/state"), UTF_8)).isEqualTo("previous");
    assertThat(fs.list("/dir")).containsExactly("state");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 2000})
  void aCrashMidwayLeavesOnlyAHiddenTemporaryFile(long failAfterBytes) throws IOException {
    // A crash cannot clean up: make the clean-up fail too, and look at what is left.
    InjectedFaults.into(fs).failWritesAfter(failAfterBytes);
    InjectedFaults.into(fs).fail(Operation.DELETE);
    assertThatThrownBy(() -> fs.writeAtomically("/dir/state", NEW_CONTENT))
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .satisfies(s -> assertThat(s).hasMessageContaining("injected fault: DELETE")));
    InjectedFaults.into(fs).clear();
    assertThat(fs.exists("/dir/state")).isFalse();
    assertThat(fs.list("/dir")).singleElement()
        .satisfies(name -> assertThat(name).startsWith(".state.").endsWith(".tmp"));
    String temporary = "/dir/" + fs.list("/dir").get(0);
    assertThat(fs.readAllBytes(temporary)).hasSize((int) failAfterBytes);
  }
}
