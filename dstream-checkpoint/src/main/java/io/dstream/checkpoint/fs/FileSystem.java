package io.dstream.checkpoint.fs;

import io.dstream.checkpoint.internal.PathNames;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;

/**
 * Where dstream keeps what must survive a crash: checkpoints, state snapshots, write-ahead logs. The
 * implementation is chosen by the scheme of a location's URI (see {@link FileSystems#resolve(String)}):
 * the local disk for {@code file:} and plain paths, memory for {@code memory:} (tests), others through a
 * {@link FileSystemProvider}.
 *
 * <p>Paths are absolute and slash-separated ({@code /checkpoints/app/checkpoint-1000}); build them with
 * {@link Location#child(String)}. A missing file or directory is reported with
 * {@link NoSuchFileException}, an existing one that is in the way with {@link FileAlreadyExistsException},
 * so callers can tell these cases from other failures.
 *
 * <p>To write a file that readers must never see half-written, use {@link #writeAtomically(String,
 * ContentWriter)}. Implementations are thread-safe.
 *
 * <pre>{@code
 * Location dir = FileSystems.resolve("file:///var/app/checkpoints");
 * dir.fileSystem().mkdirs(dir.path());
 * Location file = dir.child("state-1000");
 * file.fileSystem().writeAtomically(file.path(), bytes);
 * }</pre>
 */
public interface FileSystem {
  /**
   * Creates a new, empty file and returns a stream that writes to it directly: readers see the bytes as
   * they are written, so a crash leaves whatever was written so far. Suits append-only logs; for whole
   * files use {@link #writeAtomically(String, ContentWriter)}.
   *
   * @param path the new file
   * @return a stream to the file; call {@link DurableOutputStream#sync()} to make its bytes durable
   * @throws FileAlreadyExistsException if something exists at the path
   * @throws NoSuchFileException if the parent directory does not exist
   * @throws IOException if the file cannot be created, for example for lack of permission
   */
  DurableOutputStream create(String path) throws IOException;

  /**
   * Opens a file for reading.
   *
   * @param path the file
   * @return a stream of its bytes
   * @throws NoSuchFileException if the file does not exist
   * @throws IOException if it is a directory or cannot be read
   */
  InputStream open(String path) throws IOException;

  /**
   * Opens a file for reading from a byte offset on: a ranged read, with which several readers can each
   * read one part of a large file. The stream reads from the offset to the end of the file; the reader stops
   * where its part ends. The default opens the file and skips the bytes before the offset, which reads
   * them; implementations that can seek (both built-in ones do) should override it.
   *
   * @param path the file
   * @param offset the position of the first byte to read, from 0; at or past the end of the file, the
   *     stream is empty
   * @return a stream of its bytes from the offset
   * @throws IllegalArgumentException if the offset is negative
   * @throws NoSuchFileException if the file does not exist
   * @throws IOException if it is a directory or cannot be read
   */
  default InputStream open(String path, long offset) throws IOException {
    PathNames.requireOffset(offset, path);
    InputStream in = open(path);
    try {
      in.skipNBytes(offset);
    } catch (EOFException pastTheEnd) {
      // The stream is at the end of the file: empty, as the contract says.
    } catch (IOException | RuntimeException e) {
      try {
        in.close();
      } catch (IOException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    return in;
  }

  /**
   * Lists the names (not the paths) of the files and directories in a directory, sorted.
   *
   * @param directory the directory
   * @return the names; empty for an empty directory
   * @throws NoSuchFileException if the directory does not exist
   * @throws IOException if it is not a directory or cannot be read
   */
  List<String> list(String directory) throws IOException;

  /**
   * Renames a file or directory atomically: readers see it either under its old name or under its new
   * one. Replaces an existing file at the target; keeps the modification time.
   *
   * @param source what to rename
   * @param target its new path, in an existing directory
   * @throws NoSuchFileException if the source, or the target's directory, does not exist
   * @throws IOException if the target is a directory or the rename fails
   */
  void rename(String source, String target) throws IOException;

  /**
   * Deletes a file or an empty directory.
   *
   * @param path what to delete
   * @return true if it was deleted, false if it did not exist
   * @throws DirectoryNotEmptyException if it is a directory that is not empty
   * @throws IOException if the deletion fails
   */
  boolean delete(String path) throws IOException;

  /**
   * Tells whether a file or directory exists.
   *
   * @param path the path
   * @return true if it exists
   * @throws IOException if that cannot be determined
   */
  boolean exists(String path) throws IOException;

  /**
   * Tells whether a path is a directory. The default lists the path and calls it a directory if that works;
   * implementations that can ask directly should.
   *
   * @param path the path
   * @return true for an existing directory; false for a file
   * @throws NoSuchFileException if nothing exists at the path
   * @throws IOException if that cannot be determined
   */
  default boolean isDirectory(String path) throws IOException {
    if (!exists(path)) {
      throw new NoSuchFileException(toUri(path).toString());
    }
    try {
      list(path);
      return true;
    } catch (NotDirectoryException e) {
      return false;
    }
  }

  /**
   * Returns when a file or directory was last modified.
   *
   * @param path the path
   * @return milliseconds since the epoch
   * @throws NoSuchFileException if nothing exists at the path
   * @throws IOException if the time cannot be read
   */
  long modificationTime(String path) throws IOException;

  /**
   * Tells what a path is, how long it is and when it was last modified, in one call. The default asks
   * {@link #isDirectory(String)} and {@link #modificationTime(String)}, calls every entry that is not a
   * directory a regular file and reports its length as {@link FileStatus#UNKNOWN_LENGTH} (a file stream then
   * reads such a file whole, in one partition); implementations that can tell more, at the cost of one
   * call, should override it.
   *
   * @param path the path
   * @return its status
   * @throws NoSuchFileException if nothing exists at the path
   * @throws IOException if the status cannot be read
   */
  default FileStatus status(String path) throws IOException {
    boolean directory = isDirectory(path);
    return new FileStatus(directory ? FileStatus.Kind.DIRECTORY : FileStatus.Kind.REGULAR_FILE,
        FileStatus.UNKNOWN_LENGTH, modificationTime(path));
  }

  /**
   * Creates a directory and any missing parents; does nothing if the directory already exists.
   *
   * @param directory the directory
   * @throws IOException if it, or one of its parents, exists as a file, or cannot be created; the message
   *     names the path and what to do
   */
  void mkdirs(String directory) throws IOException;

  /**
   * Returns the URI of a path on this file system, which {@link FileSystems#resolve(String)} turns back
   * into the same location; messages name files by it.
   *
   * @param path the path
   * @return its URI
   */
  URI toUri(String path);

  /**
   * Writes a whole file so that readers, and a restart after a crash, see either the previous content (or
   * no file) or the whole new content, never a part: writes a temporary file in the same directory, forces
   * it to durable storage, then renames it over the target. If writing fails, the temporary file is
   * deleted and the target is left as it was; a crash may leave the temporary file, whose name starts with
   * a dot and ends in {@code .tmp}.
   *
   * @param path the file to write
   * @param content writes the content
   * @throws NoSuchFileException if the directory does not exist
   * @throws IOException if writing, forcing or renaming fails, or the content writer throws it
   */
  default void writeAtomically(String path, ContentWriter content) throws IOException {
    String temporary = PathNames.temporarySibling(path);
    try {
      try (DurableOutputStream out = create(temporary)) {
        BufferedOutputStream buffered = new BufferedOutputStream(out);
        content.writeTo(buffered);
        buffered.flush();
        out.sync();
      }
      rename(temporary, path);
    } catch (IOException | RuntimeException e) {
      try {
        delete(temporary);
      } catch (IOException | RuntimeException cleanupFailure) {
        e.addSuppressed(cleanupFailure);
      }
      throw e;
    }
  }

  /**
   * Writes a whole file atomically; see {@link #writeAtomically(String, ContentWriter)}.
   *
   * @param path the file to write
   * @param content its whole content
   * @throws NoSuchFileException if the directory does not exist
   * @throws IOException if writing, forcing or renaming fails
   */
  default void writeAtomically(String path, byte[] content) throws IOException {
    writeAtomically(path, (OutputStream out) -> out.write(content));
  }

  /**
   * Reads a whole file.
   *
   * @param path the file
   * @return its bytes
   * @throws NoSuchFileException if the file does not exist
   * @throws IOException if it cannot be read
   */
  default byte[] readAllBytes(String path) throws IOException {
    try (InputStream in = open(path)) {
      return in.readAllBytes();
    }
  }
}
