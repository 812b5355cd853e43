package io.dstream.checkpoint.internal.fs;

import io.dstream.checkpoint.fs.DurableOutputStream;
import io.dstream.checkpoint.fs.FileStatus;
import io.dstream.checkpoint.fs.FileSystem;
import io.dstream.checkpoint.internal.PathNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@link FileSystem} of the local disk, on {@code java.nio.file}; serves {@code file:} URIs and plain
 * paths. Renames are atomic moves, and both {@link DurableOutputStream#sync()} and directory changes
 * (create, rename) are forced to the disk, so what is written durably survives a machine crash.
 */
public final class LocalFileSystem implements FileSystem {
  private static final LocalFileSystem INSTANCE = new LocalFileSystem();

  private LocalFileSystem() {}

  /**
   * Returns the local file system (it has no state).
   *
   * @return the instance
   */
  public static LocalFileSystem instance() {
    return INSTANCE;
  }

  @Override
  public DurableOutputStream create(String path) throws IOException {
    Path file = Path.of(path);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (AccessDeniedException e) {
      throw permissionDenied(file, "create", e);
    }
    try {
      forceDirectory(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return new LocalFileOutputStream(channel);
  }

  @Override
  public InputStream open(String path) throws IOException {
    return open(path, 0);
  }

  /** Seeks to the offset: the bytes before it are not read. */
  @Override
  public InputStream open(String path, long offset) throws IOException {
    PathNames.requireOffset(offset, path);
    Path file = Path.of(path);
    if (Files.isDirectory(file)) {
      throw new FileSystemException(path, null, "cannot open a directory as a file");
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      channel.position(offset);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return Channels.newInputStream(channel);
  }

  @Override
  public List<String> list(String directory) throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(directory))) {
      return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
    }
  }

  @Override
  public void rename(String source, String target) throws IOException {
    Path from = Path.of(source);
    Path to = Path.of(target);
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AccessDeniedException e) {
      throw permissionDenied(to, "rename " + source + " to", e);
    }
    forceDirectory(to.toAbsolutePath().getParent());
  }

  @Override
  public boolean delete(String path) throws IOException {
    Path file = Path.of(path);
    try {
      return Files.deleteIfExists(file);
    } catch (AccessDeniedException e) {
      throw permissionDenied(file, "delete", e);
    }
  }

  @Override
  public boolean exists(String path) {
    return Files.exists(Path.of(path));
  }

  @Override
  public boolean isDirectory(String path) throws IOException {
    return Files.readAttributes(Path.of(path), BasicFileAttributes.class).isDirectory();
  }

  /** One {@code stat}: symbolic links are followed, and named pipes, sockets and devices are {@code OTHER}. */
  @Override
  public FileStatus status(String path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(Path.of(path), BasicFileAttributes.class);
    FileStatus.Kind kind = attributes.isRegularFile() ? FileStatus.Kind.REGULAR_FILE
        : attributes.isDirectory() ? FileStatus.Kind.DIRECTORY : FileStatus.Kind.OTHER;
    long length = attributes.isRegularFile() ? attributes.size() : FileStatus.UNKNOWN_LENGTH;
    return new FileStatus(kind, length, attributes.lastModifiedTime().toMillis());
  }

  @Override
  public long modificationTime(String path) throws IOException {
    return Files.getLastModifiedTime(Path.of(path)).toMillis();
  }

  @Override
  public void mkdirs(String directory) throws IOException {
    Path dir = Path.of(directory);
    try {
      Files.createDirectories(dir);
    } catch (AccessDeniedException e) {
      throw permissionDenied(dir, "create the directory", e);
    } catch (FileSystemException e) {
      Path blocker = firstFileAmongAncestors(dir.toAbsolutePath());
      if (blocker == null) {
        throw e;
      }
      FileSystemException explained = PathNames.fileInTheWay(directory, blocker.toString());
      explained.initCause(e);
      throw explained;
    }
  }

  @Override
  public URI toUri(String path) {
    Path absolute = Path.of(path).toAbsolutePath();
    URI uri = absolute.toUri();
    String text = uri.toString();
    // Path.toUri ends the URI of an existing directory with '/'; a location's name should not depend on that.
    return text.endsWith("/") && absolute.getParent() != null
        ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }

  @Override
  public String toString() {
    return "LocalFileSystem";
  }

  private static Path firstFileAmongAncestors(Path dir) {
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return Files.isDirectory(p) ? null : p;
      }
    }
    return null;
  }

  private static AccessDeniedException permissionDenied(Path path, String action, AccessDeniedException e) {
    AccessDeniedException explained = new AccessDeniedException(path.toString(), null, "cannot " + action
        + " this file: permission denied; make its directory writable for this process, or choose another "
        + "location");
    explained.initCause(e);
    return explained;
  }

  /** Makes a directory's entries durable: a new or renamed file is lost in a crash until this is done. */
  private static void forceDirectory(Path dir) throws IOException {
    if (dir == null) {
      return;
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; there the rename is as durable as they allow.
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }
}
