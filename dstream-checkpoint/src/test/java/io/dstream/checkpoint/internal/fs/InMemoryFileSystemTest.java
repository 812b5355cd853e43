package io.dstream.checkpoint.internal.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.fs.DurableOutputStream;
import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem.Operation;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryFileSystemTest extends FileSystemContract {
  private final InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();

  @Override
  Location newDirectory() throws IOException {
    fs.mkdirs("/test");
    return new Location(fs, "/test");
  }

  @AfterEach
  void discard() {
    fs.discard();
  }

  @Test
  void aNamespaceIsSharedByEveryoneWhoResolvesItsUri() throws IOException {
    Location written = FileSystems.resolve("memory://" + fs.namespace() + "/test/shared");
    written.fileSystem().writeAtomically(written.path(), "seen by all".getBytes(UTF_8));
    Location again = FileSystems.resolve("memory://" + fs.namespace() + "/test/shared");
    assertThat(again.fileSystem()).isSameAs(fs);
    assertThat(new String(again.fileSystem().readAllBytes(again.path()), UTF_8)).isEqualTo("seen by all");
    assertThat(InMemoryFileSystem.named(fs.namespace())).isSameAs(fs);
  }

  @Test
  void namespacesAreSeparate() throws IOException {
    InMemoryFileSystem other = InMemoryFileSystem.newNamespace();
    try {
      fs.writeAtomically("/test/only-here", new byte[1]);
      assertThat(other.exists("/test/only-here")).isFalse();
    } finally {
      other.discard();
    }
  }

  @Test
  void theDefaultNamespaceServesUrisWithoutAuthority() {
    Location location = FileSystems.resolve("memory:/dir/file");
    assertThat(location.fileSystem()).isSameAs(InMemoryFileSystem.named(""));
    assertThat(location.path()).isEqualTo("/dir/file");
    assertThat(location.toString()).isEqualTo("memory:/dir/file");
  }

  @Test
  void discardForgetsTheFilesAndTheName() throws IOException {
    InMemoryFileSystem doomed = InMemoryFileSystem.newNamespace();
    doomed.writeAtomically("/f", new byte[1]);
    doomed.discard();
    InMemoryFileSystem fresh = InMemoryFileSystem.named(doomed.namespace());
    assertThat(fresh).isNotSameAs(doomed);
    assertThat(fresh.exists("/f")).isFalse();
    assertThat(fresh.list("/")).isEmpty();
    fresh.discard();
  }

  @Test
  void modificationTimesComeFromTheClock() throws IOException {
    AtomicLong now = new AtomicLong(1_000);
    fs.setClock(now::get);
    try (DurableOutputStream out = fs.create("/test/log")) {
      assertThat(fs.modificationTime("/test/log")).isEqualTo(1_000);
      now.set(5_000);
      out.write(1);
    }
    assertThat(fs.modificationTime("/test/log")).isEqualTo(5_000);
  }

  @Test
  void pathsMustBeAbsoluteAndPlain() {
    assertThatThrownBy(() -> fs.open("relative/file"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'relative/file' is not a memory path")
        .hasMessageContaining("like /dir/file");
    assertThatThrownBy(() -> fs.exists("/a/../b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'.' and '..' are not allowed");
    assertThatThrownBy(() -> InMemoryFileSystem.named("has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'has space' is not a memory namespace name");
  }

  @Test
  void extraSlashesAreIgnored() throws IOException {
    fs.writeAtomically("//test//file", new byte[] {7});
    assertThat(fs.readAllBytes("/test/file")).containsExactly(7);
    assertThat(fs.list("/test/")).containsExactly("file");
  }

  @Test
  void theRootCannotBeDeleted() {
    assertThatThrownBy(() -> fs.delete("/")).isInstanceOf(IOException.class);
  }

  @Test
  void aFailedOperationNamesItselfAndItsFile() throws IOException {
    fs.writeAtomically("/test/file", new byte[1]);
    for (Operation operation : new Operation[] {Operation.OPEN, Operation.LIST, Operation.DELETE,
        Operation.MKDIRS, Operation.CREATE, Operation.RENAME}) {
      InjectedFaults.into(fs).fail(operation);
    }
    assertThatThrownBy(() -> fs.open("/test/file")).hasMessageContaining("injected fault: OPEN of memory://");
    assertThatThrownBy(() -> fs.list("/test")).hasMessageContaining("injected fault: LIST");
    assertThatThrownBy(() -> fs.delete("/test/file")).hasMessageContaining("injected fault: DELETE");
    assertThatThrownBy(() -> fs.mkdirs("/test/d")).hasMessageContaining("injected fault: MKDIRS");
    assertThatThrownBy(() -> fs.create("/test/new")).hasMessageContaining("injected fault: CREATE");
    assertThatThrownBy(() -> fs.rename("/test/file", "/test/moved")).hasMessageContaining("injected fault: RENAME");
    InjectedFaults.into(fs).clear();
    fs.rename("/test/file", "/test/moved");
    assertThat(fs.list("/test")).containsExactly("moved");
  }

  @Test
  void aWriteBeyondTheLimitKeepsItsFirstBytesAndFails() throws IOException {
    InjectedFaults.into(fs).failWritesAfter(5);
    DurableOutputStream out = fs.create("/test/log");
    out.write(new byte[] {1, 2, 3});
    assertThatThrownBy(() -> out.write(new byte[] {4, 5, 6, 7}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fails after 2 of its 4 bytes");
    assertThat(fs.readAllBytes("/test/log")).containsExactly(1, 2, 3, 4, 5);
    assertThatThrownBy(() -> out.write(8)).hasMessageContaining("fails after 0 of its 1 bytes");
    InjectedFaults.into(fs).clear();
    try (DurableOutputStream unlimited = fs.create("/test/other")) {
      unlimited.write(new byte[100]);
    }
    assertThat(fs.readAllBytes("/test/other")).hasSize(100);
  }

  @Test
  void aNegativeWriteLimitIsRefused() {
    assertThatThrownBy(() -> InjectedFaults.into(fs).failWritesAfter(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -1");
  }

  @Test
  void syncFailsWhenToldTo() throws IOException {
    InjectedFaults.into(fs).fail(Operation.SYNC);
    try (DurableOutputStream out = fs.create("/test/log")) {
      out.write(1);
      assertThatThrownBy(out::sync).hasMessageContaining("injected fault: SYNC");
    }
  }
}
