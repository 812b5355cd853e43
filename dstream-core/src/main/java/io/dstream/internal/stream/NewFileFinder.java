package io.dstream.internal.stream;

import io.dstream.checkpoint.fs.FileStatus;
import io.dstream.checkpoint.fs.FileSystem;
import io.dstream.checkpoint.fs.Location;
import io.dstream.function.Function;
import io.dstream.internal.rdd.UserCodeException;
import io.dstream.internal.stream.FileStreamProgress.TakenFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the files of a directory that a file stream's batch may take: regular files directly in the
 * directory, not hidden (names starting with '.' or '_', such as the temporary files of an atomic write or a
 * {@code _SUCCESS} marker), accepted by the user's filter, and modified within a time range. Nested
 * directories are not input. Named pipes, sockets and devices are not either (reading a pipe would block the
 * batch until a writer comes): each is skipped with one WARN while it stays in the directory. Files already
 * taken are checked for changes (see {@link TakenFiles}).
 */
final class NewFileFinder {
  private static final Logger LOG = LoggerFactory.getLogger(NewFileFinder.class);

  private final Object stream;
  private final Location directory;
  private final Function<String, Boolean> filter;
  private Set<String> notRegular = Set.of();

  /**
   * Creates the finder.
   *
   * @param stream the file stream, named in warnings
   * @param directory the directory
   * @param filter accepts a file by its URI
   */
  NewFileFinder(Object stream, Location directory, Function<String, Boolean> filter) {
    this.stream = stream;
    this.directory = directory;
    this.filter = filter;
  }

  /**
   * Lists the files modified in {@code [from, to]} that no batch took.
   *
   * @param from the earliest modification time, inclusive
   * @param to the latest modification time, inclusive
   * @param taken the files already taken, which are checked for changes
   * @return the files, sorted by name, each as listed: its batch reads it up to that length
   * @throws IOException if the directory or a file's attributes cannot be read
   * @throws RuntimeException what the user's filter threw (a checked exception wrapped in a
   *     {@link UserCodeException}), or an {@link IllegalStateException} if it returned null
   */
  List<TakenFile> find(long from, long to, TakenFiles taken) throws IOException {
    FileSystem fs = directory.fileSystem();
    List<TakenFile> found = new ArrayList<>();
    Set<String> notRegularNow = new HashSet<>();
    for (String name : fs.list(directory.path())) {
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      Location file = directory.child(name);
      FileStatus status;
      try {
        status = fs.status(file.path());
      } catch (NoSuchFileException goneSinceListed) {
        continue;
      }
      if (status.kind() == FileStatus.Kind.DIRECTORY) {
        continue;
      }
      if (taken.contains(name)) {
        taken.checkUnchanged(name, file, status);
      } else if (!status.isRegularFile()) {
        notRegularNow.add(name);
        if (!notRegular.contains(name)) {
          LOG.warn("{} skips {}: it is not a regular file (a named pipe, a socket or a device), and only "
              + "regular files are input; move complete files into {} instead", stream, file, directory);
        }
      } else if (status.modificationTime() >= from && status.modificationTime() <= to && accepts(file)) {
        found.add(TakenFile.of(name, status));
      }
    }
    notRegular = notRegularNow;
    return found;
  }

  private boolean accepts(Location file) {
    String uri = file.toString();
    Boolean accepted;
    try {
      accepted = filter.call(uri);
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
    if (accepted == null) {
      throw new IllegalStateException("the file filter of the file stream on " + directory + " returned null for "
          + uri + "; return true to take the file or false to leave it");
    }
    return accepted;
  }

  @Override
  public String toString() {
    return directory.toString();
  }
}
