package io.dstream.checkpoint.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default methods of {@link FileSystem}, which providers that do not override them get: {@code isDirectory}
 * must tell directories from files through {@code list} alone, {@code status} must work from
 * {@code isDirectory} and {@code modificationTime}, and a ranged read from {@code open}.
 */
class FileSystemDefaultsTest {
  private final InMemoryFileSystem memory = InMemoryFileSystem.newNamespace();
  private final FileSystem withoutOverride = new DelegatingFileSystem(memory);

  @AfterEach
  void discard() {
    memory.discard();
  }

  @Test
  void aDirectoryIsOneThatCanBeListed() throws IOException {
    memory.mkdirs("/in/sub");
    memory.writeAtomically("/in/file", new byte[] {1});

    assertThat(withoutOverride.isDirectory("/in/sub")).isTrue();
    assertThat(withoutOverride.isDirectory("/in/file")).isFalse();
    assertThatThrownBy(() -> withoutOverride.isDirectory("/in/absent")).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void theDefaultStatusTellsFilesFromDirectoriesAndLeavesTheLengthUnknown() throws IOException {
    memory.mkdirs("/in/sub");
    memory.writeAtomically("/in/file", new byte[] {1, 2, 3});

    FileStatus file = withoutOverride.status("/in/file");
    assertThat(file.kind()).isEqualTo(FileStatus.Kind.REGULAR_FILE);
    assertThat(file.hasKnownLength()).isFalse();
    assertThat(file.modificationTime()).isEqualTo(memory.modificationTime("/in/file"));
    assertThat(withoutOverride.status("/in/sub").kind()).isEqualTo(FileStatus.Kind.DIRECTORY);
    assertThatThrownBy(() -> withoutOverride.status("/in/absent")).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void theDefaultRangedReadSkipsToTheOffset() throws IOException {
    memory.mkdirs("/in");
    memory.writeAtomically("/in/file", new byte[] {0, 1, 2, 3, 4});

    try (InputStream in = withoutOverride.open("/in/file", 3)) {
      assertThat(in.readAllBytes()).containsExactly(3, 4);
    }
    try (InputStream in = withoutOverride.open("/in/file", 9)) {
      assertThat(in.readAllBytes()).isEmpty();
    }
    assertThatThrownBy(() -> withoutOverride.open("/in/file", -2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset -2");
  }
}
