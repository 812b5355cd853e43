package io.dstream.checkpoint.internal.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.fs.DurableOutputStream;
import io.dstream.checkpoint.fs.FileStatus;
import io.dstream.checkpoint.fs.FileSystem;
import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FileSystem} must do; each implementation's test extends this class and supplies an
 * empty directory.
 */
abstract class FileSystemContract {
  private Location dir;
  private FileSystem fs;

  /** Returns a new, empty, existing directory on the file system under test. */
  abstract Location newDirectory() throws IOException;

  @BeforeEach
  void createDirectory() throws IOException {
    dir = newDirectory();
    fs = dir.fileSystem();
  }

  private String path(String name) {
    return dir.child(name).path();
  }

  private String read(String path) throws IOException {
    return new String(fs.readAllBytes(path), UTF_8);
  }

  @Test
  void aCreatedFileShowsItsBytesAsTheyAreWritten() throws IOException {
    try (DurableOutputStream out = fs.create(path("log"))) {
      assertThat(fs.exists(path("log"))).isTrue();
      assertThat(read(path("log"))).isEmpty();
      out.write("first ".getBytes(UTF_8));
      out.flush();
      assertThat(read(path("log"))).isEqualTo("first ");
      out.write('x');
      out.sync();
      assertThat(read(path("log"))).isEqualTo("first x");
    }
  }

  @Test
  void aClosedStreamRefusesToSync() throws IOException {
    DurableOutputStream out = fs.create(path("log"));
    out.close();
    assertThatThrownBy(out::sync).isInstanceOf(IOException.class);
  }

  @Test
  void createRefusesAnExistingFileAndAMissingDirectory() throws IOException {
    fs.create(path("taken")).close();
    assertThatThrownBy(() -> fs.create(path("taken")))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("taken");
    assertThatThrownBy(() -> fs.create(dir.child("missing").child("file").path()))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void openFailsForAMissingFileAndForADirectory() throws IOException {
    assertThatThrownBy(() -> fs.open(path("absent")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("absent");
    fs.mkdirs(path("sub"));
    assertThatThrownBy(() -> {
      try (InputStream in = fs.open(path("sub"))) {
        in.read();
      }
    }).isInstanceOf(IOException.class).isNotInstanceOf(NoSuchFileException.class);
  }

  @Test
  void listGivesTheSortedNamesOfDirectEntriesOnly() throws IOException {
    fs.writeAtomically(path("b"), new byte[] {1});
    fs.writeAtomically(path("a"), new byte[] {2});
    fs.mkdirs(dir.child("sub").child("deeper").path());
    fs.writeAtomically(dir.child("sub").child("c").path(), new byte[] {3});
    assertThat(fs.list(dir.path())).containsExactly("a", "b", "sub");
    assertThat(fs.list(path("sub"))).containsExactly("c", "deeper");
    assertThat(fs.list(dir.child("sub").child("deeper").path())).isEmpty();
  }

  @Test
  void listFailsForAMissingDirectoryAndForAFile() throws IOException {
    assertThatThrownBy(() -> fs.list(path("absent"))).isInstanceOf(NoSuchFileException.class);
    fs.writeAtomically(path("file"), new byte[0]);
    assertThatThrownBy(() -> fs.list(path("file"))).isInstanceOf(IOException.class)
        .isNotInstanceOf(NoSuchFileException.class);
  }

  @Test
  void renameReplacesTheTargetAndKeepsTheModificationTime() throws IOException {
    fs.writeAtomically(path("new"), "new content".getBytes(UTF_8));
    fs.writeAtomically(path("target"), "old content".getBytes(UTF_8));
    long modified = fs.modificationTime(path("new"));
    fs.rename(path("new"), path("target"));
    assertThat(fs.exists(path("new"))).isFalse();
    assertThat(read(path("target"))).isEqualTo("new content");
    assertThat(fs.modificationTime(path("target"))).isEqualTo(modified);
    assertThat(fs.list(dir.path())).containsExactly("target");
  }

  @Test
  void renameMovesADirectoryWithItsContent() throws IOException {
    fs.mkdirs(dir.child("from").child("inner").path());
    fs.writeAtomically(dir.child("from").child("inner").child("f").path(), "x".getBytes(UTF_8));
    fs.rename(path("from"), path("to"));
    assertThat(fs.exists(path("from"))).isFalse();
    assertThat(read(dir.child("to").child("inner").child("f").path())).isEqualTo("x");
  }

  @Test
  void renameFailsForAMissingSourceAndAMissingTargetDirectory() throws IOException {
    assertThatThrownBy(() -> fs.rename(path("absent"), path("target")))
        .isInstanceOf(NoSuchFileException.class);
    fs.writeAtomically(path("source"), new byte[0]);
    assertThatThrownBy(() -> fs.rename(path("source"), dir.child("missing").child("target").path()))
        .isInstanceOf(NoSuchFileException.class);
    assertThat(fs.exists(path("source"))).isTrue();
  }

  @Test
  void deleteSaysWhetherItDeletedAndRefusesANonEmptyDirectory() throws IOException {
    fs.writeAtomically(path("file"), new byte[0]);
    assertThat(fs.delete(path("file"))).isTrue();
    assertThat(fs.delete(path("file"))).isFalse();
    assertThat(fs.exists(path("file"))).isFalse();
    fs.mkdirs(path("full"));
    fs.writeAtomically(dir.child("full").child("f").path(), new byte[0]);
    assertThatThrownBy(() -> fs.delete(path("full"))).isInstanceOf(DirectoryNotEmptyException.class);
    fs.delete(dir.child("full").child("f").path());
    assertThat(fs.delete(path("full"))).isTrue();
  }

  @Test
  void mkdirsCreatesMissingParentsAndAcceptsAnExistingDirectory() throws IOException {
    String deep = dir.child("a").child("b").child("c").path();
    fs.mkdirs(deep);
    fs.mkdirs(deep);
    assertThat(fs.exists(path("a"))).isTrue();
    assertThat(fs.list(deep)).isEmpty();
  }

  @Test
  void mkdirsNamesTheFileInTheWayAndWhatToDo() throws IOException {
    fs.writeAtomically(path("plain"), new byte[0]);
    Location blocked = dir.child("plain").child("sub");
    assertThatThrownBy(() -> fs.mkdirs(blocked.path()))
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining(blocked.name())
        .hasMessageContaining("plain is a file, not a directory")
        .hasMessageContaining("choose another location");
    assertThatThrownBy(() -> fs.mkdirs(path("plain")))
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining("plain is a file, not a directory");
  }

  @Test
  void isDirectoryTellsDirectoriesFromFiles() throws IOException {
    fs.mkdirs(path("sub"));
    fs.writeAtomically(path("file"), new byte[] {1});

    assertThat(fs.isDirectory(path("sub"))).isTrue();
    assertThat(fs.isDirectory(path("file"))).isFalse();
    assertThatThrownBy(() -> fs.isDirectory(path("absent"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void openFromAnOffsetReadsFromThereToTheEnd() throws IOException {
    fs.writeAtomically(path("digits"), "0123456789".getBytes(UTF_8));

    assertThat(readFrom(path("digits"), 0)).isEqualTo("0123456789");
    assertThat(readFrom(path("digits"), 4)).isEqualTo("456789");
    assertThat(readFrom(path("digits"), 10)).isEmpty();
    assertThat(readFrom(path("digits"), 1_000)).isEmpty();
    assertThatThrownBy(() -> fs.open(path("digits"), -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset -1").hasMessageContaining("digits");
    assertThatThrownBy(() -> fs.open(path("absent"), 3)).isInstanceOf(NoSuchFileException.class);
  }

  private String readFrom(String path, long offset) throws IOException {
    try (InputStream in = fs.open(path, offset)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  @Test
  void statusTellsTheKindTheLengthAndTheModificationTime() throws IOException {
    fs.writeAtomically(path("file"), "12345".getBytes(UTF_8));
    fs.writeAtomically(path("empty"), new byte[0]);
    fs.mkdirs(path("sub"));

    FileStatus file = fs.status(path("file"));
    assertThat(file.kind()).isEqualTo(FileStatus.Kind.REGULAR_FILE);
    assertThat(file.isRegularFile()).isTrue();
    assertThat(file.length()).isEqualTo(5);
    assertThat(file.modificationTime()).isEqualTo(fs.modificationTime(path("file")));
    assertThat(fs.status(path("empty")).length()).isZero();
    assertThat(fs.status(path("sub")).kind()).isEqualTo(FileStatus.Kind.DIRECTORY);
    assertThat(fs.status(path("sub")).isRegularFile()).isFalse();
    assertThatThrownBy(() -> fs.status(path("absent"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void modificationTimeIsTheTimeOfTheLastWrite() throws IOException {
    long before = System.currentTimeMillis();
    fs.writeAtomically(path("file"), new byte[] {1});
    long after = System.currentTimeMillis();
    // File systems may store times in whole seconds; the bounds only check the unit and the epoch.
    assertThat(fs.modificationTime(path("file"))).isBetween(before - 2_000, after + 2_000);
    assertThatThrownBy(() -> fs.modificationTime(path("absent"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void writeAtomicallyReplacesTheWholeContentAndLeavesNoTemporaryFile() throws IOException {
    fs.writeAtomically(path("state"), "version one".getBytes(UTF_8));
    fs.writeAtomically(path("state"), out -> {
      out.write("version ".getBytes(UTF_8));
      out.write("two".getBytes(UTF_8));
    });
    assertThat(read(path("state"))).isEqualTo("version two");
    assertThat(fs.list(dir.path())).containsExactly("state");
  }

  @Test
  void writeAtomicallyKeepsTheOldContentWhenTheWriterFailsMidway() throws IOException {
    fs.writeAtomically(path("state"), "intact".getBytes(UTF_8));
    IOException failure = new IOException("the producer broke");
    assertThatThrownBy(() -> fs.writeAtomically(path("state"), out -> {
      out.write(new byte[10_000]);
      throw failure;
    })).isSameAs(failure);
    assertThat(read(path("state"))).isEqualTo("intact");
    assertThat(fs.list(dir.path())).containsExactly("state");
  }

  @Test
  void writeAtomicallyLeavesNoFileWhenTheWriterFailsOnAFirstWrite() throws IOException {
    IllegalStateException failure = new IllegalStateException("bug in the producer");
    assertThatThrownBy(() -> fs.writeAtomically(path("state"), out -> {
      out.write(1);
      throw failure;
    })).isSameAs(failure);
    assertThat(fs.list(dir.path())).isEmpty();
  }

  @Test
  void writeAtomicallyIntoAMissingDirectoryFails() {
    assertThatThrownBy(() -> fs.writeAtomically(dir.child("missing").child("f").path(), new byte[1]))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aLocationsUriResolvesBackToTheSameLocation() throws IOException {
    Location file = dir.child("some file");
    fs.writeAtomically(file.path(), "here".getBytes(UTF_8));
    Location resolved = FileSystems.resolve(file.toString());
    assertThat(resolved.fileSystem()).isSameAs(fs);
    assertThat(resolved.path()).isEqualTo(file.path());
    assertThat(FileSystems.resolve(dir.toString()).path()).isEqualTo(dir.path());
    assertThat(new String(resolved.fileSystem().readAllBytes(resolved.path()), UTF_8)).isEqualTo("here");
  }
}
