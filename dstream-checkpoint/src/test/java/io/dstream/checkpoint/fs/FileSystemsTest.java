package io.dstream.checkpoint.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.LocalFileSystem;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemsTest {
  @Test
  void aSchemeServedByAProviderOnTheClassPathIsFoundThroughTheServiceLoader() throws IOException {
    Location location = FileSystems.resolve("testfs://bucket/data/file");
    assertThat(location.fileSystem()).isSameAs(InMemoryFileSystem.named("testfs-bucket"));
    assertThat(location.path()).isEqualTo("/data/file");
    try {
      location.fileSystem().mkdirs("/data");
      location.fileSystem().writeAtomically(location.path(), "via provider".getBytes(UTF_8));
      assertThat(InMemoryFileSystem.named("testfs-bucket").readAllBytes("/data/file"))
          .isEqualTo("via provider".getBytes(UTF_8));
    } finally {
      InMemoryFileSystem.named("testfs-bucket").discard();
    }
  }

  @Test
  void schemesAreMatchedWithoutRegardToCase() {
    assertThat(FileSystems.resolve("TESTFS://b/x").fileSystem()).isSameAs(InMemoryFileSystem.named("testfs-b"));
    assertThat(FileSystems.resolve("Memory://m/x").fileSystem()).isSameAs(InMemoryFileSystem.named("m"));
  }

  @Test
  void aProvidersOwnRefusalReachesTheCaller() {
    assertThatThrownBy(() -> FileSystems.resolve("testfs:/no-authority"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("testfs locations look like testfs://name/path");
  }

  @Test
  void aBuiltInSchemeCannotBeTakenOverByAProvider() {
    // TwinProviders.MemoryImpostor is registered for "memory" and throws if it is ever asked.
    assertThat(FileSystems.resolve("memory://builtin/x").fileSystem())
        .isInstanceOf(InMemoryFileSystem.class);
  }

  @Test
  void anUnknownSchemeSaysWhichSchemesExistAndHowToAddOne() {
    assertThatThrownBy(() -> FileSystems.resolve("s3://bucket/checkpoints"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no file system serves the scheme 's3' of s3://bucket/checkpoints")
        .hasMessageContaining("the built-in schemes are file and memory")
        .hasMessageContaining("META-INF/services/io.dstream.checkpoint.fs.FileSystemProvider");
  }

  @Test
  void twoProvidersOfOneSchemeAreRefusedByName() {
    assertThatThrownBy(() -> FileSystems.resolve("twin://x/y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("several file system providers serve the scheme 'twin'")
        .hasMessageContaining(TwinProviders.First.class.getName())
        .hasMessageContaining(TwinProviders.Second.class.getName())
        .hasMessageContaining("keep only one");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void aBlankLocationIsRefused(String blank) {
    assertThatThrownBy(() -> FileSystems.resolve(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be blank")
        .hasMessageContaining("file:///var/app/data");
  }

  @Test
  void malformedUrisAreRefusedWithWhatToDo() {
    assertThatThrownBy(() -> FileSystems.resolve("memory://ns/with space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a valid URI")
        .hasMessageContaining("a space is %20");
    assertThatThrownBy(() -> FileSystems.resolve("file:relative/dir"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'file:relative/dir' is not a local file URI")
        .hasMessageContaining("file:///absolute/path");
    assertThatThrownBy(() -> FileSystems.resolve("memory:relative"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memory://namespace/absolute/path");
  }

  @Test
  void aSingleLetterSchemeIsAWindowsDriveAndSoAPlainPath() {
    Location drive = FileSystems.resolve("C:/data");
    assertThat(drive.fileSystem()).isSameAs(LocalFileSystem.instance());
  }

  @Test
  void childNamesMustBeSingleNames() {
    Location dir = FileSystems.resolve("memory://names/dir");
    assertThat(dir.child("file").path()).isEqualTo("/dir/file");
    assertThat(dir.child("file").name()).isEqualTo("file");
    for (String bad : new String[] {"", "a/b", ".", ".."}) {
      assertThatThrownBy(() -> dir.child(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a file name");
    }
  }
}
