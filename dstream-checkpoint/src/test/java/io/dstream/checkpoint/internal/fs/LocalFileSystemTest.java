package io.dstream.checkpoint.internal.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dstream.checkpoint.fs.FileStatus;
import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemTest extends FileSystemContract {
  @TempDir
  Path temp;

  @Override
  Location newDirectory() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("fs"));
    return FileSystems.resolve(dir.toString());
  }

  @Test
  void writesGoToTheRealFileAtThePlainPath() throws IOException {
    Location file = FileSystems.resolve(temp.resolve("plain.txt").toString());
    file.fileSystem().writeAtomically(file.path(), "on disk".getBytes(UTF_8));
    assertThat(Files.readString(temp.resolve("plain.txt"))).isEqualTo("on disk");
    assertThat(file.fileSystem()).isSameAs(LocalFileSystem.instance());
  }

  @Test
  void aFileUriAndAPlainPathNameTheSameFile() {
    Location fromPath = FileSystems.resolve(temp.resolve("x").toString());
    Location fromUri = FileSystems.resolve(temp.resolve("x").toUri().toString());
    assertThat(fromUri).isEqualTo(fromPath);
    assertThat(fromUri.toString()).startsWith("file:");
  }

  @Test
  void theUriOfADirectoryDoesNotDependOnWhetherItExists() throws IOException {
    Location dir = FileSystems.resolve(temp.resolve("later").toString());
    String before = dir.toString();
    dir.fileSystem().mkdirs(dir.path());
    assertThat(dir.toString()).isEqualTo(before).endsWith("/later");
  }

  @Test
  void aRelativePathIsResolvedAgainstTheWorkingDirectory() {
    Location relative = FileSystems.resolve("checkpoints/app");
    assertThat(Path.of(relative.path()))
        .isEqualTo(Path.of("").toAbsolutePath().resolve("checkpoints/app").normalize());
  }

  @Test
  void aNamedPipeIsNeitherARegularFileNorADirectory() throws IOException, InterruptedException {
    Path fifo = temp.resolve("pipe");
    int exit;
    try {
      exit = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
    } catch (IOException noMkfifo) {
      exit = -1;
    }
    assumeTrue(exit == 0, "mkfifo is not available here");

    FileStatus status = LocalFileSystem.instance().status(fifo.toString());
    assertThat(status.kind()).isEqualTo(FileStatus.Kind.OTHER);
    assertThat(status.hasKnownLength()).isFalse();
  }

  @Test
  void aDirectoryUnderAFileCannotBeUsedAndTheErrorSaysWhy() throws IOException {
    Files.writeString(temp.resolve("not-a-dir"), "x");
    Location file = FileSystems.resolve(temp.resolve("not-a-dir").resolve("checkpoint").toString());
    assertThatThrownBy(() -> file.fileSystem().writeAtomically(file.path(), new byte[1]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(temp.resolve("not-a-dir").toString());
  }
}
